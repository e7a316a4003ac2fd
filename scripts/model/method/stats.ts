/**
 * @fileoverview Derived statistics, each evaluated from its expression in the formula table (scripts/model/records/formulas.ts)
 * so that the printed definition and the computed number are one thing. Conventions: rates in %, changes in pp,
 * ratios unitless, CAGR over the number of annual steps (2017→2021 is four steps, not five: inconsistencies 2022-3).
 */
import {evaluate} from "../records/formulas.ts";

export const growth = (current: number, previous: number): number =>
  evaluate("growth", {Z_n: current, Z_prev: previous});

export const growthChangePp = (g: number, gPrevious: number): number =>
  evaluate("growth_change_pp", {g_n: g, g_prev: gPrevious});

export const shareOfGdp = (value: number, gdp: number): number => evaluate("share_of_gdp", {Z_n: value, GDP_n: gdp});

export const contributionToGdpGrowth = (z: number, zPrevious: number, gdp: number, gdpPrevious: number): number =>
  evaluate("contribution_to_gdp_growth", {Z_n: z, Z_prev: zPrevious, GDP_n: gdp, GDP_prev: gdpPrevious});

export const ratio = (part: number, other: number): number => evaluate("ratio", {P_n: part, D_n: other});

export const shareOfTotal = (part: number, whole: number): number =>
  evaluate("share_of_total", {part_n: part, whole_n: whole});

/** Compound annual growth over `steps` annual steps (end year − start year). */
export function cagr(end: number, start: number, steps: number): number {
  if (!(steps > 0)) throw new Error(`CAGR needs at least one annual step, got ${steps}`);
  return evaluate("cagr", {Z_n: end, Z_0: start, T: steps});
}

export const cumulativeGrowth = (end: number, start: number): number =>
  evaluate("cumulative_growth", {Z_n: end, Z_0: start});

export const growthIncreaseMultiple = (g: number, gPrevious: number): number =>
  evaluate("growth_increase_multiple", {g_n: g, g_prev: gPrevious});

export const employmentNew = (e: number, ePrevious: number): number =>
  evaluate("employment_new", {E_n: e, E_prev: ePrevious});

export const employmentShareOfNational = (e: number, labour: number): number =>
  evaluate("employment_share_of_national", {E_n: e, L_n: labour});

export const shareOfCount = (count: number, n: number): number => evaluate("share_of_count", {count_n: count, N: n});

/** How many values exceed the threshold (strictly: 超过千亿元 means more than 1,000 亿元). */
export function countAbove(values: Iterable<number>, threshold: number): number {
  let count = 0;
  for (const v of values) if (v > threshold) count++;
  return count;
}

/**
 * Ranks, 1 = largest. Ties share the better rank (1 + the number of strictly larger values), so the result does not
 * depend on the order of the input; entities are returned in id order.
 */
export function ranks(values: ReadonlyMap<string, number>): Map<string, number> {
  const all = [...values.values()];
  const out = new Map<string, number>();
  for (const id of [...values.keys()].sort()) {
    const v = values.get(id)!;
    out.set(id, 1 + all.filter((w) => w > v).length);
  }
  return out;
}
