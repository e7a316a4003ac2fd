/**
 * @fileoverview Provincial series: GDP by tier, employment by tier, and main employment (主要就业人数). Checks:
 * known province ids, one row per province and year, tiers adding up to the total, every province present in
 * every year the edition needs.
 */
import {z} from "zod";
import type {ProblemList} from "../lib/errors.ts";
import type {Province, ProvincialAccounts, ProvincialEmployment, ProvincialMainEmployment} from "../model/inputs.ts";
import {allParsed, cell, checkUnique, closeTo, parseRows, show, type ParsedRow} from "./cells.ts";
import {readCsv} from "./csv.ts";
import {DATA_FILES} from "./data-files.ts";
import {checkTierSum} from "./national.ts";
import {yearsOf, type YearWindow} from "./years.ts";

/** Records a problem for every row whose province is not in provinces.csv. */
function checkKnownProvinces<T extends {province: string}>(
  file: string,
  rows: readonly ParsedRow<T>[],
  provinces: readonly Province[] | undefined,
  problems: ProblemList
): void {
  if (!provinces) return;
  const known = new Set(provinces.map((p) => p.id));
  for (const {line, value} of rows)
    if (!known.has(value.province))
      problems.add({
        file,
        row: line,
        column: "province",
        value: value.province,
        expected: `a province id of ${DATA_FILES.provinces}`
      });
}

/** Records a problem for each province × year of the window without a row. */
export function checkProvinceYears(
  file: string,
  rows: readonly {province: string; year: number}[],
  provinces: readonly Province[] | undefined,
  window: YearWindow,
  purpose: string,
  problems: ProblemList
): void {
  if (!provinces) return;
  const present = new Set(rows.map((r) => `${r.province}/${r.year}`));
  for (const year of yearsOf(window)) {
    const missing = provinces.filter((p) => !present.has(`${p.id}/${year}`)).map((p) => p.id);
    if (missing.length === provinces.length)
      problems.add({
        file,
        column: "year",
        expected: `rows for ${year} (${purpose} needs ${window.first}–${window.last})`
      });
    else if (missing.length > 0)
      problems.add({
        file,
        column: "province",
        value: missing.join(", "),
        expected: `a row for every province in ${year} (${purpose} needs ${window.first}–${window.last})`
      });
  }
}

const AccountsRow = z.object({
  province: cell.id,
  year: cell.year,
  gdp: cell.positive,
  primary: cell.nonNegative,
  secondary: cell.nonNegative,
  tertiary: cell.nonNegative,
  tiers_estimated: cell.boolean,
  vintage: cell.text
});

export async function loadProvincialAccounts(
  root: string,
  provinces: readonly Province[] | undefined,
  problems: ProblemList
): Promise<ProvincialAccounts[] | undefined> {
  const file = DATA_FILES.provincialAccounts;
  const table = await readCsv(root, file, {columns: Object.keys(AccountsRow.shape)}, problems);
  if (!table) return undefined;
  const rows = parseRows(table, AccountsRow, problems);
  checkKnownProvinces(file, rows, provinces, problems);
  checkUnique(file, rows, (r) => `${r.province}/${r.year}`, "year", "a province–year pair", problems);
  checkTierSum(file, rows, (r) => r.gdp, "gdp", problems);
  return allParsed(table, rows, (r) => ({
    province: r.province,
    year: r.year,
    gdp: r.gdp,
    primary: r.primary,
    secondary: r.secondary,
    tertiary: r.tertiary,
    tiersEstimated: r.tiers_estimated,
    vintage: r.vintage
  }));
}

const EmploymentRow = z.object({
  province: cell.id,
  year: cell.year,
  total: cell.positive,
  primary: cell.nonNegative,
  secondary: cell.nonNegative,
  tertiary: cell.nonNegative,
  estimated: cell.boolean,
  total_estimated: cell.boolean
});

export async function loadProvincialEmployment(
  root: string,
  provinces: readonly Province[] | undefined,
  problems: ProblemList
): Promise<ProvincialEmployment[] | undefined> {
  const file = DATA_FILES.provincialEmployment;
  const table = await readCsv(root, file, {columns: Object.keys(EmploymentRow.shape)}, problems);
  if (!table) return undefined;
  const rows = parseRows(table, EmploymentRow, problems);
  checkKnownProvinces(file, rows, provinces, problems);
  checkUnique(file, rows, (r) => `${r.province}/${r.year}`, "year", "a province–year pair", problems);
  checkTierSum(file, rows, (r) => r.total, "total", problems);
  return allParsed(table, rows, (r) => ({
    province: r.province,
    year: r.year,
    total: r.total,
    primary: r.primary,
    secondary: r.secondary,
    tertiary: r.tertiary,
    estimated: r.estimated,
    totalEstimated: r.total_estimated
  }));
}

const MainEmploymentRow = z.object({
  province: cell.id,
  year: cell.year,
  urban_unit: cell.nonNegative,
  private_self_employed: cell.nonNegative,
  total: cell.positive
});

export async function loadProvincialMainEmployment(
  root: string,
  provinces: readonly Province[] | undefined,
  problems: ProblemList
): Promise<ProvincialMainEmployment[] | undefined> {
  const file = DATA_FILES.provincialMainEmployment;
  const table = await readCsv(root, file, {columns: Object.keys(MainEmploymentRow.shape)}, problems);
  if (!table) return undefined;
  const rows = parseRows(table, MainEmploymentRow, problems);
  checkKnownProvinces(file, rows, provinces, problems);
  checkUnique(file, rows, (r) => `${r.province}/${r.year}`, "year", "a province–year pair", problems);
  for (const {line, value: r} of rows)
    if (!closeTo(r.urban_unit + r.private_self_employed, r.total, 1e-9, 0.01))
      problems.add({
        file,
        row: line,
        column: "total",
        value: String(r.total),
        expected: `urban_unit + private_self_employed (${show(r.urban_unit + r.private_self_employed)})`
      });
  return allParsed(table, rows, (r) => ({
    province: r.province,
    year: r.year,
    urbanUnit: r.urban_unit,
    privateSelfEmployed: r.private_self_employed,
    total: r.total
  }));
}

/**
 * Every provincial level an edition uses must be of one census vintage: a growth rate between two years of different
 * vintages divides a revised level by an unrevised one. Reports the first year whose vintage differs.
 */
export function checkOneVintage(rows: readonly ProvincialAccounts[], problems: ProblemList): void {
  const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b);
  const first = rows.find((r) => r.year === years[0]);
  if (!first) return;
  for (const year of years) {
    const other = rows.find((r) => r.year === year && r.vintage !== first.vintage);
    if (other)
      problems.add({
        file: DATA_FILES.provincialAccounts,
        column: "vintage",
        value: `${other.province} ${year}: ${other.vintage}`,
        expected: `${first.vintage} like ${years[0]} (a growth rate must compare two levels of one vintage; carry the earlier years to the later vintage, as npm run import-data does)`
      });
    if (other) return;
  }
}
