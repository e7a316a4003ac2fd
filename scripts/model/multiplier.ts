/**
 * @fileoverview The technology multiplier actually used (methodology §1.3.3): μ_n from the parameters (calibrated)
 * or from the Cobb–Douglas γ series, and the cumulative M_n = Π μ_t with M_{base} = 1, which scales the base-year
 * contribution rates (the penetration rates always; the direct rates when appliesToDirect).
 */
import type {MultiplierParams} from "./params.ts";
import {ModelError} from "../lib/errors.ts";

export interface MultiplierPath {
  source: MultiplierParams["source"];
  appliesToDirect: boolean;
  /** μ_n for base+1 … forecast year. */
  annual: Map<number, number>;
  /** M_n for base … forecast year. */
  cumulative: Map<number, number>;
}

/**
 * Builds the path for `years` (base year first). `cobbDouglas` maps a year to μ^CD_n and is used when the
 * parameters say so; otherwise every year after the base must have a calibrated value.
 */
export function multiplierPath(
  params: MultiplierParams,
  years: readonly number[],
  cobbDouglas: ReadonlyMap<number, number>
): MultiplierPath {
  const [base, ...later] = years;
  if (base === undefined) throw new Error("no years to build the multiplier for");
  const annual = new Map<number, number>();
  const cumulative = new Map<number, number>([[base, 1]]);
  let m = 1;
  for (const year of later) {
    const mu = params.source === "cobb-douglas" ? cobbDouglas.get(year) : params.values[String(year)];
    if (mu === undefined || !(mu > 0)) throw new ModelError(`technology multiplier (parameters, source "${params.source}")`, `no value for ${year}; found ${String(mu)}; expected a number > 0 — run npm run calibrate or give the value`);
    annual.set(year, mu);
    m *= mu;
    cumulative.set(year, m);
  }
  return {source: params.source, appliesToDirect: params.appliesToDirect, annual, cumulative};
}

/**
 * Log-linear interpolation of cumulative multipliers between anchor years: equal annual μ between two anchors,
 * μ = (M_b / M_a)^{1/(b − a)}. Used by the calibration for years without a target.
 */
export function interpolateAnnual(anchors: ReadonlyMap<number, number>, years: readonly number[]): Map<number, number> {
  const points = [...anchors.entries()].sort((a, b) => a[0] - b[0]);
  const annual = new Map<number, number>();
  for (const year of years) {
    const right = points.find(([y]) => y >= year);
    const left = [...points].reverse().find(([y]) => y < year);
    if (!right || !left) throw new Error(`year ${year} is not between two multiplier anchors`);
    annual.set(year, (right[1] / left[1]) ** (1 / (right[0] - left[0])));
  }
  return annual;
}
