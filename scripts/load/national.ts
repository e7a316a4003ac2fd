/**
 * @fileoverview National series: GDP and tiers, value added of the 19 sections, employment, and the macro
 * series of the Cobb–Douglas fit. Checks: one row per key, tiers add up to GDP (or to total employment), the 19
 * sections of a year add up to that year's GDP.
 */
import {z} from "zod";
import type {ProblemList} from "../lib/errors.ts";
import {
  SECTION_CODES,
  type MacroObservation,
  type NationalAccounts,
  type NationalEmployment,
  type SectionCode,
  type SectionValueAdded,
  type SectionWage
} from "../model/inputs.ts";
import {allParsed, cell, checkUnique, closeTo, parseRows, show, type ParsedRow} from "./cells.ts";
import {readCsv} from "./csv.ts";
import {DATA_FILES} from "./data-files.ts";

/** NBS tables add up to ±0.2 亿元 on values near 10⁶ (rounding of the published cells). */
export const ACCOUNTS_RELATIVE_TOLERANCE = 1e-5;
/** Computed files are printed with 4 decimals, so their identities hold to a few 1e-4. */
const PRINT_ABSOLUTE_TOLERANCE = 0.01;

/** Exported for the provincial files, whose tiers must add up to GDP or to total employment too. */
export function checkTierSum<T extends {primary: number; secondary: number; tertiary: number}>(
  file: string,
  rows: readonly ParsedRow<T>[],
  total: (row: T) => number,
  totalColumn: string,
  problems: ProblemList
): void {
  for (const {line, value} of rows) {
    const sum = value.primary + value.secondary + value.tertiary;
    const expectedTotal = total(value);
    if (!closeTo(sum, expectedTotal, ACCOUNTS_RELATIVE_TOLERANCE, PRINT_ABSOLUTE_TOLERANCE))
      problems.add({
        file,
        row: line,
        column: totalColumn,
        value: String(expectedTotal),
        expected: `primary + secondary + tertiary (${show(sum)}) within ${show(ACCOUNTS_RELATIVE_TOLERANCE * 100)} %`
      });
  }
}

const AccountsRow = z.object({
  year: cell.year,
  gdp: cell.positive,
  primary: cell.nonNegative,
  secondary: cell.nonNegative,
  tertiary: cell.nonNegative,
  estimated: cell.boolean
});

export async function loadNationalAccounts(
  root: string,
  problems: ProblemList
): Promise<NationalAccounts[] | undefined> {
  const file = DATA_FILES.nationalAccounts;
  const table = await readCsv(root, file, {columns: Object.keys(AccountsRow.shape)}, problems);
  if (!table) return undefined;
  const rows = parseRows(table, AccountsRow, problems);
  checkUnique(file, rows, (r) => String(r.year), "year", "a year", problems);
  checkTierSum(file, rows, (r) => r.gdp, "gdp", problems);
  return allParsed(table, rows, (r) => r);
}

/**
 * A year of a by-section file has a row for each of the 19 sections. Callers check it only when every row parsed,
 * so that a misspelt section is reported once, as itself, not again as a missing one.
 */
function checkEverySection(file: string, year: number, sections: ReadonlySet<string>, problems: ProblemList): void {
  for (const code of SECTION_CODES)
    if (!sections.has(code))
      problems.add({file, column: "section", value: code, expected: `a row for section ${code} in ${year}`});
}

const SectionValueRow = z.object({
  year: cell.year,
  section: cell.oneOf(SECTION_CODES),
  value: cell.nonNegative,
  estimated: cell.boolean
});

export async function loadSectionValueAdded(
  root: string,
  accounts: readonly NationalAccounts[] | undefined,
  problems: ProblemList
): Promise<SectionValueAdded[] | undefined> {
  const file = DATA_FILES.sectionValueAdded;
  const table = await readCsv(root, file, {columns: Object.keys(SectionValueRow.shape)}, problems);
  if (!table) return undefined;
  const rows = parseRows(table, SectionValueRow, problems);
  checkUnique(file, rows, (r) => `${r.year}/${r.section}`, "section", "a year–section pair", problems);
  const byYear = new Map<number, {sum: number; sections: Set<string>}>();
  for (const {value: r} of rows) {
    const entry = byYear.get(r.year) ?? {sum: 0, sections: new Set()};
    entry.sum += r.value;
    entry.sections.add(r.section);
    byYear.set(r.year, entry);
  }
  const gdpByYear = new Map(accounts?.map((a) => [a.year, a.gdp]));
  for (const [year, {sum, sections}] of byYear) {
    if (rows.length === table.rows.length) checkEverySection(file, year, sections, problems);
    const gdp = gdpByYear.get(year);
    if (accounts && gdp === undefined)
      problems.add({
        file,
        column: "year",
        value: String(year),
        expected: `a year of ${DATA_FILES.nationalAccounts} (to check the sections against GDP)`
      });
    else if (gdp !== undefined && sections.size === SECTION_CODES.length && !closeTo(sum, gdp, 1e-4))
      problems.add({
        file,
        column: "value",
        value: show(sum),
        expected: `the 19 sections of ${year} to add up to GDP ${gdp} of ${DATA_FILES.nationalAccounts} within 0.01 %`
      });
  }
  return allParsed(table, rows, (r) => ({
    year: r.year,
    section: r.section as SectionCode,
    value: r.value,
    estimated: r.estimated
  }));
}

const SectionWageRow = z.object({
  year: cell.year,
  section: cell.oneOf(SECTION_CODES),
  value: cell.positive,
  source: cell.text
});

/**
 * Average wage by section (元). Every year present must have all 19 sections; which years an edition needs is
 * checked by loadInputs (only editions whose sections' productivity follows wages need any).
 */
export async function loadSectionWages(root: string, problems: ProblemList): Promise<SectionWage[] | undefined> {
  const file = DATA_FILES.sectionWages;
  const table = await readCsv(root, file, {columns: Object.keys(SectionWageRow.shape)}, problems);
  if (!table) return undefined;
  const rows = parseRows(table, SectionWageRow, problems);
  checkUnique(file, rows, (r) => `${r.year}/${r.section}`, "section", "a year–section pair", problems);
  const byYear = new Map<number, Set<string>>();
  for (const {value: r} of rows) byYear.set(r.year, (byYear.get(r.year) ?? new Set()).add(r.section));
  if (rows.length === table.rows.length)
    for (const [year, sections] of byYear) checkEverySection(file, year, sections, problems);
  return allParsed(table, rows, (r) => ({year: r.year, section: r.section as SectionCode, value: r.value}));
}

const EmploymentRow = z.object({
  year: cell.year,
  total: cell.positive,
  primary: cell.nonNegative,
  secondary: cell.nonNegative,
  tertiary: cell.nonNegative,
  estimated: cell.boolean
});

export async function loadNationalEmployment(
  root: string,
  problems: ProblemList
): Promise<NationalEmployment[] | undefined> {
  const file = DATA_FILES.nationalEmployment;
  const table = await readCsv(root, file, {columns: Object.keys(EmploymentRow.shape)}, problems);
  if (!table) return undefined;
  const rows = parseRows(table, EmploymentRow, problems);
  checkUnique(file, rows, (r) => String(r.year), "year", "a year", problems);
  checkTierSum(file, rows, (r) => r.total, "total", problems);
  return allParsed(table, rows, (r) => r);
}

const MacroRow = z.object({
  year: cell.year,
  output: cell.positive,
  capital: cell.positive,
  labour: cell.positive,
  estimated: cell.boolean
});

export async function loadMacro(root: string, problems: ProblemList): Promise<MacroObservation[] | undefined> {
  const file = DATA_FILES.macro;
  const table = await readCsv(root, file, {columns: Object.keys(MacroRow.shape)}, problems);
  if (!table) return undefined;
  const rows = parseRows(table, MacroRow, problems);
  checkUnique(file, rows, (r) => String(r.year), "year", "a year", problems);
  return allParsed(table, rows, (r) => r);
}
