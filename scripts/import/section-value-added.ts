/**
 * @fileoverview Value added of the 19 sections for every year from 2017. No public series has all 19: the NBS
 * annual table has nine categories, of which seven are single sections (A, E, F, G, H, J, K), 工业 = B + C + D and
 * 其他 = I + L + … + S. The two groups are split with each section's share of its group's value added in the
 * input-output tables of 2017, 2018 and 2020; shares are interpolated linearly for 2019 and held at their 2020
 * values afterwards. The sections of a group therefore add up exactly to the NBS category.
 */
import type {SectionCode} from "../model/inputs.ts";
import {DATA_FILES} from "../load/data-files.ts";
import {CATEGORIES, GDP_BY_INDUSTRY, readNationalYears, VINTAGE, type Category} from "./national-accounts.ts";
import {readShared, type SourceContext} from "./sources.ts";
import type {BuiltTable, Cell} from "./table.ts";

export const FIRST_YEAR = 2017;

/** Which NBS category each section's value comes from. */
export const CATEGORY_OF_SECTION: Record<SectionCode, Category> = {
  A: "agri_forestry_animal_fishery",
  B: "industry",
  C: "industry",
  D: "industry",
  E: "construction",
  F: "wholesale_retail",
  G: "transport_storage_post",
  H: "accommodation_catering",
  I: "other_services",
  J: "finance",
  K: "real_estate",
  L: "other_services",
  M: "other_services",
  N: "other_services",
  O: "other_services",
  P: "other_services",
  Q: "other_services",
  R: "other_services",
  S: "other_services"
};

/** The IO tables whose product-based section value added gives the split shares, by year. */
export const IO_TABLES: Record<number, string> = {
  2017: "data-sources/nbs-io-tables/io2017_149_sectors.csv",
  2018: "data-sources/nbs-io-tables/io2018_153_sectors.csv",
  2020: "data-sources/nbs-io-tables/io2020_153_sectors.csv"
};

export type ShareMethod = "category" | "io-table" | "interpolated" | "held";

/**
 * The share of each section in its group for `year`, from the shares of the table years: exact in a table year,
 * linear between two table years, held at the last table year after it (a COVID-year trend is not carried on).
 */
export function shareForYear(
  sharesByTableYear: ReadonlyMap<number, number>,
  year: number
): {share: number; method: Exclude<ShareMethod, "category">} {
  const tableYears = [...sharesByTableYear.keys()].sort((a, b) => a - b);
  const exact = sharesByTableYear.get(year);
  if (exact !== undefined) return {share: exact, method: "io-table"};
  const last = tableYears.at(-1)!;
  if (year > last) return {share: sharesByTableYear.get(last)!, method: "held"};
  const before = tableYears.filter((y) => y < year).at(-1);
  const after = tableYears.find((y) => y > year);
  if (before === undefined || after === undefined) throw new Error(`no IO table around ${year}`);
  const weight = (year - before) / (after - before);
  const share = sharesByTableYear.get(before)! * (1 - weight) + sharesByTableYear.get(after)! * weight;
  return {share, method: "interpolated"};
}

async function readIoSectionValueAdded(context: SourceContext, relative: string): Promise<Map<string, number>> {
  const table = await readShared(context, relative, ["gbt4754_section", "value_added_TVA"]);
  const bySection = new Map<string, number>();
  for (const row of table.rows) {
    const section = table.text(row, "gbt4754_section");
    bySection.set(section, (bySection.get(section) ?? 0) + table.number(row, "value_added_TVA"));
  }
  return bySection;
}

export async function buildSectionValueAdded(context: SourceContext): Promise<BuiltTable> {
  const years = (await readNationalYears(context)).filter((y) => y.year >= FIRST_YEAR);
  const sections = Object.keys(CATEGORY_OF_SECTION) as SectionCode[];
  // Share of each split section in its category, by table year.
  const shares = new Map<SectionCode, Map<number, number>>(sections.map((s) => [s, new Map()]));
  for (const [tableYear, relative] of Object.entries(IO_TABLES)) {
    const ioValueAdded = await readIoSectionValueAdded(context, relative);
    for (const category of ["industry", "other_services"] as const) {
      const members = sections.filter((s) => CATEGORY_OF_SECTION[s] === category);
      const groupTotal = members.reduce((sum, s) => sum + (ioValueAdded.get(s) ?? 0), 0);
      for (const s of members) shares.get(s)!.set(Number(tableYear), (ioValueAdded.get(s) ?? 0) / groupTotal);
    }
  }
  const rows: Cell[][] = [];
  for (const y of years) {
    for (const section of sections) {
      const category = CATEGORY_OF_SECTION[section];
      const single = sections.filter((s) => CATEGORY_OF_SECTION[s] === category).length === 1;
      const {share, method} = single
        ? {share: 1, method: "category" as const}
        : shareForYear(shares.get(section)!, y.year);
      const estimated = method === "interpolated" || method === "held";
      rows.push([y.year, section, y.categories[category] * share, estimated, method, category, share]);
    }
  }
  const tableYears = Object.keys(IO_TABLES).join(", ");
  return {
    table: {
      file: DATA_FILES.sectionValueAdded,
      columns: [
        {name: "year", description: "calendar year"},
        {name: "section", description: "GB/T 4754-2017 section A–S"},
        {name: "value", description: "value added, 亿元, current prices", decimals: 4},
        {
          name: "estimated",
          description: "true when the split share is interpolated or held (not from an IO table of that year)"
        },
        {
          name: "method",
          description: "category (the NBS category is this one section) | io-table | interpolated | held"
        },
        {name: "category", description: `NBS value-added category the value is taken from (${CATEGORIES.join(", ")})`},
        {
          name: "share_in_category",
          description: "share of the section in its category (1 for single-section categories)",
          decimals: 8
        }
      ],
      rows
    },
    source: {
      id: "nbs-section-value-added",
      title: "Value added of the 19 sections (derived from the nine NBS categories and IO-table shares)",
      citation: "国家统计局分行业增加值及投入产出表（门类拆分为本报告估算）",
      publisher: "国家统计局 NBS: 分行业增加值 (nine categories) and the 2017, 2018, 2020 input-output tables",
      intermediary:
        "categories: Czhongshao/2025-HSB copy of the NBS table; IO tables: ionet (Carol-seven/ionet); CSVs in ../shared",
      vintage: VINTAGE,
      unit: "亿元",
      years: `${FIRST_YEAR}–${years.at(-1)!.year}`,
      transformations: [
        "A, E, F, G, H, J, K: the NBS category of the same name (农林牧渔业, 建筑业, 批发和零售业, 交通运输仓储和邮政业, 住宿和餐饮业, 金融业, 房地产业)",
        "B, C, D: 工业 × the section's share of B + C + D value added in the IO table; I, L, M, N, O, P, Q, R, S: 其他 × the section's share of their summed IO value added",
        `IO shares from the product tables of ${tableYears} (value added TVA summed by gbt4754_section); 2019 linearly interpolated between 2018 and 2020; from 2021 held at 2020`,
        "the sections of a category add up to it exactly, so the 19 sections add up to the nine categories (= GDP within 0.2 亿元)"
      ],
      estimated: true,
      estimateZh:
        "工业拆分为采矿业、制造业、电力热力燃气及水，其他服务业拆分为信息传输软件等门类时，采用投入产出表中的门类占比，2019年插值，2021年起沿用2020年占比",
      estimate:
        "the split of 工业 into B/C/D and of 其他 into I, L–S uses IO-table shares, interpolated for 2019 and held at 2020 from 2021",
      caveats:
        "IO sections are product-based, NBS categories industry-based, so the shares are an approximation even in table years. Holding 2020 shares after 2020 ignores e.g. the 2021–2022 mining price boom. The editions used yearbook section values (unpublished in ../shared) and linear extrapolation for missing ones.",
      upstream: [`../shared/${GDP_BY_INDUSTRY}`, ...Object.values(IO_TABLES).map((r) => `../shared/${r}`)]
    }
  };
}
