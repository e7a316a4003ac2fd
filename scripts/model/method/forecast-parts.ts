/**
 * @fileoverview The forecast of the parts of a whole (the sections of the economy, the three tiers, the provinces,
 * a province's tiers): each part keeps the lead or lag it had over the whole in its recent path. Its growth is the
 * whole's assumed growth plus the difference between its own average annual growth over the trend window and the
 * whole's, and the parts are then scaled by one common factor so that they add up to the whole's forecast:
 *
 *   V_i,f = k · V_i,f−1 · (1 + (g + τ_i − τ) / 100),   k = W_f / Σ_i V_i,f−1 · (1 + (g + τ_i − τ) / 100)
 *
 * with g the whole's growth in the forecast year, τ_i and τ the average annual growth (%) of the part and of the whole
 * over the window, W_f the whole's forecast. One rule for every kind of part; the window is declared per edition.
 */
import {ModelError} from "../../lib/errors.ts";

/** Average annual growth (%) from `start` to `end` over `years` years. */
export function trendGrowth(start: number, end: number, years: number): number {
  if (!(start > 0) || !(end > 0) || !(years > 0))
    throw new ModelError(
      "the forecast's trend window",
      `found ${start} → ${end} over ${years} years; expected positive levels and years`
    );
  return ((end / start) ** (1 / years) - 1) * 100;
}

export interface PartPath {
  /** The part's value in the year before the forecast year. */
  prev: number;
  /** Its average annual growth over the trend window, %. */
  trend: number;
}

export interface WholePath {
  /** The whole's average annual growth over the same window, %. */
  trend: number;
  /** The whole's growth in the forecast year, %. */
  growth: number;
  /** The whole's forecast value, which the parts add up to. */
  forecast: number;
}

/** The forecast of every part (see the file comment); `label` names a part in an error. */
export function forecastParts<K>(
  parts: ReadonlyMap<K, PartPath>,
  whole: WholePath,
  label: (key: K) => string
): Map<K, number> {
  const raw = new Map<K, number>();
  for (const [key, part] of parts) {
    const factor = 1 + (whole.growth + part.trend - whole.trend) / 100;
    if (!(factor > 0))
      throw new ModelError(
        "forecast.partsTrendWindow (edition config)",
        `the forecast of ${label(key)} would not be positive: its trend growth (${part.trend.toFixed(2)}%) lies more than ${(100 + whole.growth).toFixed(2)} points below the whole's (${whole.trend.toFixed(2)}%); choose another window`
      );
    raw.set(key, part.prev * factor);
  }
  const sum = [...raw.values()].reduce((a, b) => a + b, 0);
  const scale = whole.forecast / sum;
  return new Map([...raw].map(([key, value]) => [key, value * scale]));
}
