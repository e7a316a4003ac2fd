/**
 * @fileoverview Which years an edition needs from each series, and the no-look-ahead rule: the model only ever
 * sees years up to the edition's last data year (dataYears[1]), so that a 2020 edition built today cannot use
 * actual 2020 numbers. Files may hold more years; the loader checks the needed ones and trims the rest.
 */
import type {ProblemList} from "../lib/errors.ts";
import type {EditionConfig} from "./edition.ts";

/** First year of the Cobb–Douglas fit window of both editions (OLS on 2007–2016, methodology §1.3.3). */
export const MACRO_FIRST_YEAR = 2007;
/** The year of the 2020 method's employment shares π_j (主要就业人数 of 2018). */
export const MAIN_EMPLOYMENT_YEAR = 2018;

export interface YearWindow {
  first: number;
  last: number;
}

/** The years each yearly series must cover for `config` (inclusive). */
export function requiredYears(config: EditionConfig): {
  nationalAccounts: YearWindow;
  sectionValueAdded: YearWindow;
  nationalEmployment: YearWindow;
  macro: YearWindow;
  provincial: YearWindow;
} {
  const last = config.dataYears[1];
  return {
    nationalAccounts: {first: MACRO_FIRST_YEAR, last},
    sectionValueAdded: {first: config.baseYear, last},
    nationalEmployment: {first: config.baseYear, last},
    macro: {first: MACRO_FIRST_YEAR, last},
    provincial: {first: config.baseYear - 1, last}
  };
}

export function yearsOf(window: YearWindow): number[] {
  const years: number[] = [];
  for (let year = window.first; year <= window.last; year++) years.push(year);
  return years;
}

/** Records a problem for each year of `window` with no row in `present`. */
export function checkYearsPresent(
  file: string,
  present: ReadonlySet<number>,
  window: YearWindow,
  purpose: string,
  problems: ProblemList,
  what = "a row"
): void {
  for (const year of yearsOf(window))
    if (!present.has(year))
      problems.add({
        file,
        column: "year",
        expected: `${what} for ${year} (${purpose} needs ${window.first}–${window.last})`
      });
}

/** The rows of `window`'s years only: the model never sees a year after the edition's last data year. */
export function withinWindow<T extends {year: number}>(
  rows: readonly T[],
  window: {first?: number; last: number}
): T[] {
  return rows.filter((row) => row.year <= window.last && (window.first === undefined || row.year >= window.first));
}
