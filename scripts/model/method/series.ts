/**
 * @fileoverview Annual series: lookup with a documented fallback, and the no-look-ahead rule. An edition sees only
 * data years ≤ config.dataYears[1]; a value missing inside that window is a data problem the loader reports, and a
 * value needed beyond it (the forecast year) is extrapolated by the rules of scripts/model/method/timeline.ts.
 */
import {ModelError} from "../../lib/errors.ts";

export interface Point {
  year: number;
  value: number;
  estimated: boolean;
}

/** Keeps only the points an edition may see (year ≤ lastDataYear): no look-ahead. */
export function upTo<T extends {year: number}>(items: readonly T[], lastDataYear: number): T[] {
  return items.filter((item) => item.year <= lastDataYear);
}

/**
 * Linear extrapolation that continues the last annual change: v_{t+h} = v_t + h (v_t − v_{t−1}). The 2020 edition's
 * employment forecast implies exactly this for national employment (77,471 − 115 ≈ 77,350 万人 in 2020).
 */
export function extrapolateLinear(points: readonly Point[], year: number): Point {
  const sorted = [...points].sort((a, b) => a.year - b.year);
  const last = sorted.at(-1);
  const prev = sorted.at(-2);
  if (!last) throw new ModelError("data series", `no data to extrapolate to ${year}`);
  if (!prev) return {year, value: last.value, estimated: true};
  const slope = (last.value - prev.value) / (last.year - prev.year);
  return {year, value: last.value + slope * (year - last.year), estimated: true};
}

/** Value of `year`, or the linear extrapolation from the series when the year is beyond it. */
export function valueAt(points: readonly Point[], year: number): Point {
  const hit = points.find((p) => p.year === year);
  if (hit) return hit;
  const after = points.some((p) => p.year > year);
  if (after) throw new ModelError("data series", `a gap at ${year}; expected one value per year`);
  return extrapolateLinear(points, year);
}

/** Inclusive range of years. */
export function yearRange(from: number, to: number): number[] {
  const years: number[] = [];
  for (let y = from; y <= to; y++) years.push(y);
  return years;
}
