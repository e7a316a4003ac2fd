/**
 * @fileoverview Provincial GDP in one census vintage, with a tier split. The levels are the first releases the
 * editions used (after the 4th economic census) from 2019 on; the years before 2019 were first released before that
 * census's revision, so a growth rate 2018 → 2019 would divide a revised level by an unrevised one (−15 % for Tianjin
 * in the published papers). Those years are therefore carried back from the 2019 first release with the growth rates
 * of NBS's latest-vintage series, which is revised consistently over all years:
 *   gdp_t = gdp_2019 × latest_t / latest_2019   (t < 2019),
 * so every growth rate compares two levels of the same vintage, and the levels from 2019 on are unchanged.
 * Public data give the tier split only for 2018 (secondary and tertiary value added as first published, scaled
 * with the year's GDP); other years have the secondary share of GDP only. Fallback, per province and year:
 *   secondary = share × GDP (2018: published value);
 *   primary   = the province's 2018 primary value × national primary value added (year ÷ 2018);
 *   tertiary  = GDP − secondary − primary, so the three tiers add up to GDP exactly.
 */
import {DataError, type Problem} from "../lib/errors.ts";
import {DATA_FILES} from "../load/data-files.ts";
import {GDP_BY_INDUSTRY, readNationalYears} from "./national-accounts.ts";
import {readShared, readSupplement, type SourceContext} from "./sources.ts";
import type {BuiltTable} from "./table.ts";

export const PANEL = "data-sources/nbs-provincial-annual/provincial_panel_integrated_by_thesis_author.csv";
const VA_2018 = "data-sources/provincial-va-2018-ii-iii/provincial_va_secondary_tertiary_2018_prerevision.csv";
export const LATEST = "data-sources/nbs-provincial-annual/provincial_gdp_2006_2024_nbs_latest_vintage.csv";
/** The first year first-released after the 4th economic census revision: earlier years are carried back to it. */
export const VINTAGE_YEAR = 2019;
/** The census vintage every row of the file is in after the carry-back. */
export const VINTAGE = "4th-census";
export const FIRST_YEAR = 2016;
export const LAST_YEAR = 2022;
const SPLIT_YEAR = 2018;

export interface ProvinceYear {
  province: string;
  year: number;
  gdp: number;
  primary: number;
  secondary: number;
  tertiary: number;
  tiersEstimated: boolean;
  secondarySharePct: number;
  /** True when the level is carried back from the 2019 first release with the latest-vintage growth rates. */
  carriedBack: boolean;
}

/** Province ids by every name form the sources use (广东, 广东省, 广西壮族自治区, …). */
export async function provinceIdsByName(context: SourceContext): Promise<Map<string, string>> {
  const curated = await readSupplement(context, "provinces.csv", ["id", "name_zh", "full_name_zh"]);
  const ids = new Map<string, string>();
  for (const row of curated.rows) {
    ids.set(curated.text(row, "name_zh"), curated.text(row, "id"));
    ids.set(curated.text(row, "full_name_zh"), curated.text(row, "id"));
  }
  return ids;
}

/** Rounds to the 4 decimals the file keeps, so that the printed tiers add up to the printed GDP. */
function round4(x: number): number {
  return Number(x.toFixed(4));
}

export async function readProvincialAccounts(context: SourceContext): Promise<ProvinceYear[]> {
  const ids = await provinceIdsByName(context);
  const panel = await readShared(context, PANEL, ["地区", "年份", "GDP_当年价_亿元", "第二产业比重_%"]);
  const split = await readShared(context, VA_2018, ["province_zh", "year", "variable", "value"]);
  const national = new Map((await readNationalYears(context)).map((y) => [y.year, y]));
  const latestTable = await readShared(context, LATEST, ["province", "year", "gdp_100m_yuan"]);
  const problems: Problem[] = [];
  const latest = new Map<string, number>();
  for (const row of latestTable.rows) {
    const id = ids.get(latestTable.text(row, "province"));
    const year = latestTable.number(row, "year");
    if (!id) {
      problems.push({
        file: latestTable.label,
        row: row.line,
        column: "province",
        value: latestTable.text(row, "province"),
        expected: "a province name"
      });
      continue;
    }
    if (year >= FIRST_YEAR && year <= VINTAGE_YEAR)
      latest.set(`${id}/${year}`, latestTable.number(row, "gdp_100m_yuan"));
  }

  const published2018 = new Map<string, {secondary?: number; tertiary?: number}>();
  for (const row of split.rows) {
    const id = ids.get(split.text(row, "province_zh"));
    if (!id) {
      problems.push({
        file: split.label,
        row: row.line,
        column: "province_zh",
        value: split.text(row, "province_zh"),
        expected: "a province name"
      });
      continue;
    }
    const entry = published2018.get(id) ?? {};
    const variable = split.text(row, "variable");
    if (variable === "va_secondary") entry.secondary = split.number(row, "value");
    else if (variable === "va_tertiary") entry.tertiary = split.number(row, "value");
    published2018.set(id, entry);
  }

  const panelRows = new Map<string, {gdp: number; share: number}>();
  for (const row of panel.rows) {
    const year = panel.number(row, "年份");
    if (year < FIRST_YEAR || year > LAST_YEAR) continue;
    const id = ids.get(panel.text(row, "地区"));
    if (!id) {
      problems.push({
        file: panel.label,
        row: row.line,
        column: "地区",
        value: panel.text(row, "地区"),
        expected: "a province name"
      });
      continue;
    }
    panelRows.set(`${id}/${year}`, {
      gdp: panel.number(row, "GDP_当年价_亿元"),
      share: panel.number(row, "第二产业比重_%")
    });
  }
  if (problems.length > 0) throw new DataError(problems);

  const provinces = [...new Set(ids.values())];
  const result: ProvinceYear[] = [];
  for (const province of provinces) {
    const base = panelRows.get(`${province}/${SPLIT_YEAR}`);
    const published = published2018.get(province);
    if (!base || published?.secondary === undefined || published.tertiary === undefined)
      throw new DataError([
        {
          file: split.label,
          column: "province_zh",
          value: province,
          expected: `${SPLIT_YEAR} GDP, secondary and tertiary value added`
        }
      ]);
    const anchor = panelRows.get(`${province}/${VINTAGE_YEAR}`);
    const latestAnchor = latest.get(`${province}/${VINTAGE_YEAR}`);
    if (!anchor || latestAnchor === undefined)
      throw new DataError([
        {
          file: latestTable.label,
          column: "year",
          value: province,
          expected: `${VINTAGE_YEAR} GDP in both the first-release panel and the latest vintage`
        }
      ]);
    /** GDP of a year in the 4th-census vintage: the first release from 2019, carried back before. */
    const gdpOf = (year: number, first: number): number => {
      if (year >= VINTAGE_YEAR) return first;
      const back = latest.get(`${province}/${year}`);
      if (back === undefined)
        throw new DataError([
          {
            file: latestTable.label,
            column: "year",
            value: String(year),
            expected: `a latest-vintage row for ${province}`
          }
        ]);
      return Number((anchor.gdp * (back / latestAnchor)).toFixed(2));
    };
    const gdp2018 = gdpOf(SPLIT_YEAR, base.gdp);
    // The published 2018 split, scaled to the carried-back 2018 GDP (its structure kept).
    const scale = gdp2018 / base.gdp;
    const secondary2018 = published.secondary * scale;
    const tertiary2018 = published.tertiary * scale;
    const primary2018 = gdp2018 - secondary2018 - tertiary2018;
    for (let year = FIRST_YEAR; year <= LAST_YEAR; year++) {
      const entry = panelRows.get(`${province}/${year}`);
      if (!entry)
        throw new DataError([
          {file: panel.label, column: "年份", value: String(year), expected: `a row for ${province}`}
        ]);
      const gdp = gdpOf(year, entry.gdp);
      const isSplitYear = year === SPLIT_YEAR;
      const secondary = round4(isSplitYear ? secondary2018 : (entry.share / 100) * gdp);
      const primary = round4(
        isSplitYear ? primary2018 : primary2018 * (national.get(year)!.primary / national.get(SPLIT_YEAR)!.primary)
      );
      const tertiary = round4(gdp - secondary - primary);
      if (!(primary > 0 && tertiary > 0))
        throw new DataError([
          {
            file: panel.label,
            column: "第二产业比重_%",
            value: String(entry.share),
            expected: `a split of ${province} ${year} with positive tiers`
          }
        ]);
      result.push({
        province,
        year,
        gdp,
        primary,
        secondary,
        tertiary,
        tiersEstimated: !isSplitYear,
        secondarySharePct: entry.share,
        carriedBack: year < VINTAGE_YEAR
      });
    }
  }
  return result;
}

export async function buildProvincialAccounts(context: SourceContext): Promise<BuiltTable> {
  const rows = await readProvincialAccounts(context);
  return {
    table: {
      file: DATA_FILES.provincialAccounts,
      columns: [
        {name: "province", description: "province id (data/concordance/provinces.csv)"},
        {name: "year", description: "calendar year"},
        {
          name: "gdp",
          description:
            "地区生产总值, 亿元, current prices, 4th-census vintage: first release from 2019, carried back before (carried_back)"
        },
        {name: "primary", description: "primary-industry value added, 亿元", decimals: 4},
        {name: "secondary", description: "secondary-industry value added, 亿元", decimals: 4},
        {
          name: "tertiary",
          description: "tertiary-industry value added, 亿元 (= gdp − primary − secondary)",
          decimals: 4
        },
        {name: "tiers_estimated", description: "true when the tier split is estimated (every year but 2018)"},
        {
          name: "secondary_share_pct",
          description: "secondary share of GDP, % (the panel's 第二产业比重_%), input of the split"
        },
        {
          name: "vintage",
          description: `census vintage of the level (${VINTAGE} for every row: a growth rate never crosses vintages; the loader checks it)`
        },
        {
          name: "carried_back",
          description: `true before ${VINTAGE_YEAR}: the ${VINTAGE_YEAR} first release × the latest-vintage growth back to the year`
        }
      ],
      rows: rows.map((r) => [
        r.province,
        r.year,
        r.gdp,
        r.primary,
        r.secondary,
        r.tertiary,
        r.tiersEstimated,
        r.secondarySharePct,
        VINTAGE,
        r.carriedBack
      ])
    },
    source: {
      id: "nbs-provincial-accounts",
      title: "Provincial GDP (first release) and value added by tier",
      citation: "国家统计局及各省（区、市）统计局地区生产总值（初步核算数）",
      publisher:
        "国家统计局 NBS and the provincial statistical bureaus (地区生产总值; 2018 secondary and tertiary value added as first published)",
      intermediary:
        "GDP and secondary share: thesis panel of GitHub RenJiyi163/panel_data_analysis_for_thesis (commit e6d65372ec36319dd3d838f5c5e12841f7c77f26, MIT); 2018 tiers: a public pyecharts script (search-index id 42324794640, repository unknown); CSVs in ../shared",
      vintage:
        "4th economic census: first release of each year from 2019 (GDP_当年价_亿元, as the editions used: Guangdong 2019 107,671.07; 2021 124,369.7), 2016–2018 carried back from 2019 with the growth of NBS's latest-vintage series (post-5th-census, revised consistently over all years)",
      unit: "亿元",
      years: `${FIRST_YEAR}–${LAST_YEAR}`,
      transformations: [
        `gdp: GDP_当年价_亿元 of ../shared/${PANEL} from ${VINTAGE_YEAR}; before ${VINTAGE_YEAR}, gdp_${VINTAGE_YEAR} × latest_t ÷ latest_${VINTAGE_YEAR} with latest = ../shared/${LATEST} (so that 2018 → 2019 growth does not divide a revised level by an unrevised one)`,
        `2018: secondary and tertiary as published (../shared/${VA_2018}), scaled by the carried-back GDP ÷ the published GDP; primary = gdp − secondary − tertiary`,
        "other years: secondary = 第二产业比重_% × gdp; primary = the province's 2018 primary × national primary value added of the year ÷ that of 2018 (data/national/accounts.csv); tertiary = gdp − secondary − primary",
        "tiers rounded to 4 decimals, tertiary computed after rounding so the tiers add up to gdp"
      ],
      estimated: true,
      estimateZh:
        "分省三次产业增加值仅有2018年公开数据；其余年份第二产业按其占GDP比重推算，第一产业按2018年水平随全国第一产业增长推算，其余计入第三产业",
      estimate:
        "provincial tier value added is published only for 2018; other years take the secondary share of GDP, scale each province's 2018 primary value with the national primary, and leave the rest to the tertiary",
      caveats:
        "The editions' own 2018 → 2019 provincial growth mixes vintages (first releases before and after the 4th-census revision); this file does not: 2016–2018 are carried back, so their levels differ from the papers' while every growth rate is within one vintage. The 2018 tiers match the panel's secondary share to 0.05 pp. Checks against the provinces' 2021 communiqués: Guangdong 4.0 / 40.4 / 55.6 %, Tianjin 1.4 / 37.3 / 61.3 % (inconsistencies.md) are reproduced to about 0.1 pp.",
      upstream: [`../shared/${PANEL}`, `../shared/${LATEST}`, `../shared/${VA_2018}`, `../shared/${GDP_BY_INDUSTRY}`]
    }
  };
}
