/**
 * @fileoverview National GDP and the nine NBS value-added categories, in the one vintage used throughout: the NBS
 * series before the 5th economic census revision (closest to what both editions used, inconsistencies.md
 * "Shares of GDP → implied GDP").
 */
import {DATA_FILES} from "../load/data-files.ts";
import {readShared, type SourceContext} from "./sources.ts";
import type {BuiltTable} from "./table.ts";

export const GDP_BY_INDUSTRY = "data-sources/nbs-national-annual/national_gdp_by_industry_2003_2023_nbs.csv";

/** The nine categories of NBS 国内生产总值/分行业增加值 (亿元, current prices). */
export const CATEGORIES = [
  "agri_forestry_animal_fishery",
  "industry",
  "construction",
  "wholesale_retail",
  "transport_storage_post",
  "accommodation_catering",
  "finance",
  "real_estate",
  "other_services"
] as const;
export type Category = (typeof CATEGORIES)[number];

export interface NationalYear {
  year: number;
  gdp: number;
  primary: number;
  secondary: number;
  tertiary: number;
  categories: Record<Category, number>;
}

export const VINTAGE =
  "NBS national accounts before the 5th economic census revision (after the 4th): e.g. GDP 2017 832,035.9, 2021 1,149,237 亿元";

export async function readNationalYears(context: SourceContext): Promise<NationalYear[]> {
  const table = await readShared(context, GDP_BY_INDUSTRY, [
    "year",
    "gdp",
    "primary_industry",
    "secondary_industry",
    "tertiary_industry",
    ...CATEGORIES
  ]);
  // Row 2 repeats the header in Chinese (年份, 国内生产总值, …): skip it.
  return table.rows
    .filter((row) => /^\d{4}$/.test(table.text(row, "year")))
    .map((row) => ({
      year: table.number(row, "year"),
      gdp: table.number(row, "gdp"),
      primary: table.number(row, "primary_industry"),
      secondary: table.number(row, "secondary_industry"),
      tertiary: table.number(row, "tertiary_industry"),
      categories: Object.fromEntries(CATEGORIES.map((c) => [c, table.number(row, c)])) as Record<Category, number>
    }));
}

export async function buildNationalAccounts(context: SourceContext): Promise<BuiltTable> {
  const years = await readNationalYears(context);
  return {
    table: {
      file: DATA_FILES.nationalAccounts,
      columns: [
        {name: "year", description: "calendar year"},
        {name: "gdp", description: "gross domestic product, 亿元, current prices"},
        {name: "primary", description: "value added of the primary industry (第一产业), 亿元"},
        {name: "secondary", description: "value added of the secondary industry (第二产业), 亿元"},
        {name: "tertiary", description: "value added of the tertiary industry (第三产业), 亿元"},
        {name: "estimated", description: "true when the row is an estimate (never, here)"}
      ],
      rows: years.map((y) => [y.year, y.gdp, y.primary, y.secondary, y.tertiary, false])
    },
    source: {
      id: "nbs-national-accounts",
      title: "National GDP and value added of the three industries",
      citation: "国家统计局国内生产总值（年度核算）",
      publisher: "国家统计局 NBS, 国内生产总值 (annual national accounts)",
      intermediary:
        "GitHub Czhongshao/2025-HSB, data/近二十年各行业生产总值数据表.xlsx, commit f9b6e2b01f87a929b01fc752dc987fab3d0b7156 (MIT), a copy of the NBS annual table; CSV in ../shared",
      vintage: VINTAGE,
      unit: "亿元",
      years: `${years[0]!.year}–${years.at(-1)!.year}`,
      transformations: [
        `copied from ../shared/${GDP_BY_INDUSTRY} (English header row kept, Chinese header row dropped)`,
        "the 2003 tertiary typo (57756/0) was already fixed upstream to 57756.0 = GDP − primary − secondary"
      ],
      estimated: false,
      caveats:
        "Not the first-release figures (e.g. 2019 first release 990,865; here 986,515.2) and not the post-5th-census series (2021: 1,173,823; in ../shared/data-sources/nbs-national-annual/national_gdp_three_industries_2015_2024_nbs_post5thcensus.csv, not used). The editions' shares of GDP imply GDP within about 0.5 % of this series for 2017–2021 (inconsistencies.md).",
      upstream: [`../shared/${GDP_BY_INDUSTRY}`, "../shared/data-sources/nbs-national-annual/PROVENANCE.md"]
    }
  };
}
