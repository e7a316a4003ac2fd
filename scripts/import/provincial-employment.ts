/**
 * @fileoverview Provincial employment. Two tables:
 * - main employment (主要就业人数, the 2020 method's π_j): urban-unit employment + private and self-employed
 *   persons, both NBS, 2016–2019;
 * - employment by tier (the 2022 method): no public series. The provincial total is published for 2010 and from
 *   2020 (it adds up to the national total); for 2016–2019 it is the national total allocated by the provinces'
 *   shares, interpolated between 2010 and 2020. The tier
 *   split is a biproportional (RAS) fit: start from each province's tier value added divided by the national
 *   productivity of the tier, then scale rows to the provincial totals and columns to the national tier
 *   employment until both hold.
 */
import {DataError} from "../lib/errors.ts";
import {DATA_FILES} from "../load/data-files.ts";
import {TIERS} from "../model/inputs.ts";
import {readNationalEmployment} from "./national-employment.ts";
import {PANEL, provinceIdsByName, readProvincialAccounts} from "./provincial-accounts.ts";
import {readShared, type SourceContext} from "./sources.ts";
import type {BuiltTable, Cell} from "./table.ts";

const URBAN_UNIT = "data-sources/nbs-provincial-annual/provincial_urban_unit_employment_2008_2024.csv";
const PRIVATE = "data-sources/nbs-provincial-annual/provincial_private_and_self_employed_2006_2019.csv";
const MAIN_FIRST_YEAR = 2016;
const MAIN_LAST_YEAR = 2019;
export const FIRST_YEAR = 2016;
export const LAST_YEAR = 2022;
/** Years whose provincial total is published (the thesis panel's 就业人员数_万人, summing to the national total). */
const PUBLISHED_TOTALS_FROM = 2020;

interface MainEmployment {
  province: string;
  year: number;
  urbanUnit: number;
  privateSelfEmployed: number;
}

async function readMainEmployment(context: SourceContext): Promise<MainEmployment[]> {
  const ids = await provinceIdsByName(context);
  const urban = await readShared(context, URBAN_UNIT, ["province", "year", "urban_unit_employed_10k_persons"]);
  const privateSelf = await readShared(context, PRIVATE, ["province", "year", "private_and_self_employed_10k_persons"]);
  const valueBy = (table: typeof urban, column: string) => {
    const values = new Map<string, number>();
    for (const row of table.rows) {
      const id = ids.get(table.text(row, "province"));
      if (!id) throw table.problem(row, "province", table.text(row, "province"), "a province name");
      values.set(`${id}/${table.number(row, "year")}`, table.number(row, column));
    }
    return values;
  };
  const urbanBy = valueBy(urban, "urban_unit_employed_10k_persons");
  const privateBy = valueBy(privateSelf, "private_and_self_employed_10k_persons");
  const result: MainEmployment[] = [];
  for (const province of new Set(ids.values()))
    for (let year = MAIN_FIRST_YEAR; year <= MAIN_LAST_YEAR; year++) {
      const urbanUnit = urbanBy.get(`${province}/${year}`);
      const privateSelfEmployed = privateBy.get(`${province}/${year}`);
      if (urbanUnit === undefined || privateSelfEmployed === undefined)
        throw new DataError([
          {file: `../shared/${URBAN_UNIT}`, column: "year", value: String(year), expected: `a value for ${province}`}
        ]);
      result.push({province, year, urbanUnit, privateSelfEmployed});
    }
  return result;
}

export async function buildProvincialMainEmployment(context: SourceContext): Promise<BuiltTable> {
  const rows = await readMainEmployment(context);
  const ordered = await provinceOrder(context);
  rows.sort((a, b) => ordered.indexOf(a.province) - ordered.indexOf(b.province) || a.year - b.year);
  return {
    table: {
      file: DATA_FILES.provincialMainEmployment,
      columns: [
        {name: "province", description: "province id"},
        {name: "year", description: "calendar year (year-end)"},
        {name: "urban_unit", description: "城镇单位就业人员 (urban non-private units), 万人"},
        {
          name: "private_self_employed",
          description: "私营企业和个体就业人员 (private enterprises and self-employed), 万人"
        },
        {name: "total", description: "main employment = urban_unit + private_self_employed, 万人", decimals: 4}
      ],
      rows: rows.map((r): Cell[] => [
        r.province,
        r.year,
        r.urbanUnit,
        r.privateSelfEmployed,
        r.urbanUnit + r.privateSelfEmployed
      ])
    },
    source: {
      id: "nbs-provincial-main-employment",
      title: "Provincial main employment (urban-unit plus private and self-employed), for the 2020 method's π",
      citation: "国家统计局分省年度数据（城镇单位就业人员、私营企业和个体就业人员）",
      publisher: "国家统计局 NBS, 分省年度数据: 城镇单位就业人员, 私营企业和个体就业人员",
      intermediary:
        "NBS data.stats.gov.cn exports committed to GitHub RenJiyi163/panel_data_analysis_for_thesis (e6d65372ec36319dd3d838f5c5e12841f7c77f26); UTF-8 CSVs in ../shared",
      vintage: "NBS database as exported in 2026 (these series were not revised by the economic censuses)",
      unit: "万人",
      years: `${MAIN_FIRST_YEAR}–${MAIN_LAST_YEAR}`,
      transformations: [
        `urban_unit: ../shared/${URBAN_UNIT}; private_self_employed: ../shared/${PRIVATE}; province names mapped to ids`,
        "total = urban_unit + private_self_employed (the two groups do not overlap)"
      ],
      estimated: false,
      caveats:
        "The editions never define 主要就业人数; this concept (urban non-private units plus private and self-employed, urban and rural) is this project's reading. It misses farmers and other rural workers, so π_j favours urban, industrial provinces.",
      upstream: [`../shared/${URBAN_UNIT}`, `../shared/${PRIVATE}`]
    }
  };
}

async function provinceOrder(context: SourceContext): Promise<string[]> {
  const accounts = await readProvincialAccounts(context);
  return [...new Set(accounts.map((a) => a.province))];
}

/**
 * Biproportional scaling (RAS): scales the positive `seed` matrix (rows × columns) until its row sums equal
 * `rowTargets` and its column sums equal `columnTargets` (which must add up to the same total).
 */
export function biproportionalFit(
  seed: readonly (readonly number[])[],
  rowTargets: readonly number[],
  columnTargets: readonly number[],
  {tolerance = 1e-12, maxIterations = 10_000} = {}
): number[][] {
  const matrix = seed.map((row) => [...row]);
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    matrix.forEach((row, i) => {
      const sum = row.reduce((a, b) => a + b, 0);
      row.forEach((_, j) => (row[j]! *= rowTargets[i]! / sum));
    });
    let worst = 0;
    columnTargets.forEach((target, j) => {
      const sum = matrix.reduce((a, row) => a + row[j]!, 0);
      matrix.forEach((row) => (row[j]! *= target / sum));
      worst = Math.max(worst, Math.abs(sum - target) / target);
    });
    if (worst < tolerance) return matrix;
  }
  throw new Error("biproportional fit did not converge");
}

/** Panel year with published provincial totals before the gap (2011–2019 are missing in the panel). */
const EARLIER_TOTALS_YEAR = 2010;

/**
 * Provincial totals for every year: published from 2020; for the gap years, the national total allocated by each
 * province's share of the provincial sum, interpolated linearly between the published shares of 2010 and 2020.
 */
async function provincialTotals(
  context: SourceContext,
  provinces: readonly string[],
  nationalTotal: (year: number) => number
): Promise<Map<string, {total: number; estimated: boolean}>> {
  const ids = await provinceIdsByName(context);
  const panel = await readShared(context, PANEL, ["地区", "年份", "就业人员数_万人"]);
  const published = new Map<string, number>();
  for (const row of panel.rows) {
    const year = panel.number(row, "年份");
    if (year !== EARLIER_TOTALS_YEAR && (year < PUBLISHED_TOTALS_FROM || year > LAST_YEAR)) continue;
    const id = ids.get(panel.text(row, "地区"));
    if (!id) throw panel.problem(row, "地区", panel.text(row, "地区"), "a province name");
    published.set(`${id}/${year}`, panel.number(row, "就业人员数_万人"));
  }
  const shares = (year: number) => {
    const values = provinces.map((p) => published.get(`${p}/${year}`));
    if (values.some((v) => v === undefined))
      throw new DataError([
        {file: panel.label, column: "就业人员数_万人", value: String(year), expected: "a total for every province"}
      ]);
    const sum = (values as number[]).reduce((a, b) => a + b, 0);
    return (values as number[]).map((v) => v / sum);
  };
  const before = shares(EARLIER_TOTALS_YEAR);
  const after = shares(PUBLISHED_TOTALS_FROM);
  const totals = new Map<string, {total: number; estimated: boolean}>();
  for (let year = FIRST_YEAR; year <= LAST_YEAR; year++) {
    const weight = (year - EARLIER_TOTALS_YEAR) / (PUBLISHED_TOTALS_FROM - EARLIER_TOTALS_YEAR);
    provinces.forEach((province, i) => {
      const key = `${province}/${year}`;
      if (year >= PUBLISHED_TOTALS_FROM) totals.set(key, {total: published.get(key)!, estimated: false});
      else
        totals.set(key, {
          total: nationalTotal(year) * (before[i]! * (1 - weight) + after[i]! * weight),
          estimated: true
        });
    });
  }
  return totals;
}

export async function buildProvincialEmployment(context: SourceContext): Promise<BuiltTable> {
  const accounts = await readProvincialAccounts(context);
  const national = new Map((await readNationalEmployment(context)).map((y) => [y.year, y]));
  const provinces = [...new Set(accounts.map((a) => a.province))];
  const totals = await provincialTotals(context, provinces, (year) => national.get(year)!.total);
  const nationalVa = new Map<number, Record<(typeof TIERS)[number], number>>();
  for (const a of accounts) {
    const sum = nationalVa.get(a.year) ?? {primary: 0, secondary: 0, tertiary: 0};
    for (const tier of TIERS) sum[tier] += a[tier];
    nationalVa.set(a.year, sum);
  }

  const rows: Cell[][] = [];
  for (let year = FIRST_YEAR; year <= LAST_YEAR; year++) {
    const nationalYear = national.get(year)!;
    const yearAccounts = provinces.map((p) => accounts.find((a) => a.province === p && a.year === year)!);
    const yearTotals = provinces.map((p) => totals.get(`${p}/${year}`)!);
    // Seed: tier value added ÷ national value added per worker of the tier (provincial sums, so the seed is consistent).
    const productivity = TIERS.map((tier) => nationalVa.get(year)![tier] / nationalYear[tier]);
    const seed = yearAccounts.map((a) => TIERS.map((tier, j) => a[tier] / productivity[j]!));
    const totalSum = yearTotals.reduce((a, b) => a + b.total, 0);
    const columnTargets = TIERS.map((tier) => (nationalYear[tier] * totalSum) / nationalYear.total);
    const fitted = biproportionalFit(
      seed,
      yearTotals.map((t) => t.total),
      columnTargets
    );
    provinces.forEach((province, i) => {
      const total = Number(yearTotals[i]!.total.toFixed(4));
      const primary = Number(fitted[i]![0]!.toFixed(4));
      const secondary = Number(fitted[i]![1]!.toFixed(4));
      rows.push([
        province,
        year,
        total,
        primary,
        secondary,
        Number((total - primary - secondary).toFixed(4)),
        true,
        yearTotals[i]!.estimated
      ]);
    });
  }
  // Province-major order, as the other provincial files.
  rows.sort(
    (a, b) =>
      provinces.indexOf(a[0] as string) - provinces.indexOf(b[0] as string) || (a[1] as number) - (b[1] as number)
  );
  return {
    table: {
      file: DATA_FILES.provincialEmployment,
      columns: [
        {name: "province", description: "province id"},
        {name: "year", description: "calendar year (year-end)"},
        {name: "total", description: "employed persons of the province, 万人", decimals: 4},
        {name: "primary", description: "primary-industry employment, 万人 (estimated)", decimals: 4},
        {name: "secondary", description: "secondary-industry employment, 万人 (estimated)", decimals: 4},
        {
          name: "tertiary",
          description: "tertiary-industry employment, 万人 (= total − primary − secondary; estimated)",
          decimals: 4
        },
        {name: "estimated", description: "true: the tier split is always estimated"},
        {name: "total_estimated", description: "true when the total is estimated (2016–2019)"}
      ],
      rows
    },
    source: {
      id: "provincial-employment-estimate",
      title: "Provincial employment by tier (estimated)",
      citation: "国家统计局分省就业人员数据（分产业为本报告估算）",
      publisher:
        "国家统计局 NBS (provincial totals 2010 and from 2020; national totals and tiers); allocation by this project",
      intermediary:
        "provincial totals: thesis panel 就业人员数_万人 (RenJiyi163/panel_data_analysis_for_thesis, commit e6d65372ec36319dd3d838f5c5e12841f7c77f26); the rest: data/national/employment.csv and data/provincial/accounts.csv",
      vintage: "as data/national/employment.csv (7th-census break between 2019 and 2020)",
      unit: "万人",
      years: `${FIRST_YEAR}–${LAST_YEAR}`,
      transformations: [
        `total ${PUBLISHED_TOTALS_FROM}–${LAST_YEAR}: 就业人员数_万人 of ../shared/${PANEL} (their sum equals the national total)`,
        `total ${FIRST_YEAR}–${PUBLISHED_TOTALS_FROM - 1} (not in the panel): national total × the province's share of the provincial sum, interpolated linearly between the published shares of ${EARLIER_TOTALS_YEAR} and ${PUBLISHED_TOTALS_FROM}`,
        "tiers: RAS (biproportional) fit of the seed (provincial tier value added ÷ national value added per worker of the tier) to the provincial totals (rows) and to the national tier employment scaled to the provincial sum (columns)",
        "rounded to 4 decimals; tertiary = total − primary − secondary after rounding"
      ],
      estimated: true,
      estimateZh:
        "分省分产业就业人员未公开：按各省产业增加值与全国分产业就业进行双比例拟合；2016—2019年分省就业总量按2010年与2020年的省际占比插值",
      estimate:
        "provincial tier employment is not published: tiers are a biproportional fit of tier value added to provincial totals and national tier employment; 2016–2019 totals interpolate the provinces' 2010 and 2020 shares",
      caveats:
        "Within a tier every province starts from the national productivity; only the provincial totals and the tier value added move it. The 2010 and 2020 provincial totals straddle the 7th-census revision. Provincial employment growth 2019 → 2020 mixes estimated and published totals.",
      upstream: [`../shared/${PANEL}`, DATA_FILES.nationalEmployment, DATA_FILES.provincialAccounts]
    }
  };
}
