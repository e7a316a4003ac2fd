/**
 * @fileoverview The production-function route to the technology multiplier (methodology §1.3.3), in its
 * constant-returns form: OLS of ln(Y/L) = c + α ln(K/L) on the fit window (γ ≡ 1 there), β = 1 − α, then
 * γ_n = Y_n / (Â K_n^α L_n^β) and μ_n = γ_n / γ_{n−1}. The unrestricted regression ln Y = c + α ln K + β ln L is
 * degenerate on the public series (capital and labour move almost in step over ten years: β came out near −4.7);
 * imposing α + β = 1, the standard restriction, leaves one well-identified elasticity.
 * Y, K and L enter as indices of the fit window's first year (= 1): α, β, γ and μ are the same as on the levels,
 * and Â becomes a readable number (the fitted level of the first year, ≈ 1) instead of a constant in mixed units
 * (亿元 and 万人 raised to fitted powers gave Â ≈ 10²⁴).
 * Always computed and published as records for the appendix, even when the edition uses calibrated multipliers:
 * with public substitute data μ^CD ≈ 1, which is the finding worth showing.
 */
import type {MacroObservation} from "../inputs.ts";
import {luFactor, luSolve} from "./linalg.ts";
import {extrapolateLinear} from "./series.ts";
import {ModelError} from "../../lib/errors.ts";

export interface CobbDouglasFit {
  fitYears: [number, number];
  /** Y, K and L of the fit window's first year: the inputs are divided by them (indices). */
  base: {output: number; capital: number; labour: number};
  /** ln Â (the intercept c). rSquared is that of the per-worker regression. */
  logA: number;
  a: number;
  alpha: number;
  beta: number;
  rSquared: number;
  observations: number;
}

/** Ordinary least squares y = X b by the normal equations (k ≤ 3 regressors: conditioning is not an issue here). */
export function ols(
  x: readonly (readonly number[])[],
  y: readonly number[]
): {coefficients: number[]; rSquared: number} {
  const k = x[0]?.length ?? 0;
  if (x.length !== y.length || x.length <= k)
    throw new ModelError(
      "Cobb–Douglas fit (data/national/macro.csv)",
      `${x.length} observations for ${k} regressors; expected more years of data`
    );
  const xtx = new Float64Array(k * k);
  const xty = new Float64Array(k);
  x.forEach((row, t) => {
    for (let i = 0; i < k; i++) {
      xty[i] = xty[i]! + row[i]! * y[t]!;
      for (let j = 0; j < k; j++) xtx[i * k + j] = xtx[i * k + j]! + row[i]! * row[j]!;
    }
  });
  const b = Array.from(luSolve(luFactor({n: k, data: xtx}), xty, 1));
  const mean = y.reduce((s, v) => s + v, 0) / y.length;
  let ssr = 0;
  let sst = 0;
  x.forEach((row, t) => {
    const fitted = row.reduce((s, v, i) => s + v * b[i]!, 0);
    ssr += (y[t]! - fitted) ** 2;
    sst += (y[t]! - mean) ** 2;
  });
  return {coefficients: b, rSquared: sst > 0 ? 1 - ssr / sst : 1};
}

export function fitCobbDouglas(macro: readonly MacroObservation[], fitYears: [number, number]): CobbDouglasFit {
  const window = macro.filter((m) => m.year >= fitYears[0] && m.year <= fitYears[1]).sort((a, b) => a.year - b.year);
  const first = window[0];
  if (!first)
    throw new ModelError(
      "Cobb–Douglas fit (data/national/macro.csv)",
      `no observation in ${fitYears[0]}–${fitYears[1]}`
    );
  const base = {output: first.output, capital: first.capital, labour: first.labour};
  const perWorker = (m: MacroObservation, value: number, level: number): number =>
    Math.log(value / level / (m.labour / base.labour));
  const x = window.map((m) => [1, perWorker(m, m.capital, base.capital)]);
  const y = window.map((m) => perWorker(m, m.output, base.output));
  const {coefficients, rSquared} = ols(x, y);
  const [logA, alpha] = coefficients as [number, number];
  return {fitYears, base, logA, a: Math.exp(logA), alpha, beta: 1 - alpha, rSquared, observations: window.length};
}

export interface GammaPoint {
  year: number;
  gamma: number;
  /** μ_n = γ_n / γ_{n−1}. */
  multiplier: number;
  /** True when Y, K or L of the year was extrapolated (a forecast year or a data gap). */
  estimated: boolean;
}

/**
 * γ_n and μ_n for `years` (consecutive). The year before the first is needed as the base of its μ; years beyond
 * the macro data (the forecast year) use Y, K, L continued linearly from the last two observations.
 */
export function gammaSeries(
  fit: CobbDouglasFit,
  macro: readonly MacroObservation[],
  years: readonly number[]
): GammaPoint[] {
  const sorted = [...macro].sort((a, b) => a.year - b.year);
  const at = (year: number): {y: number; k: number; l: number; estimated: boolean} => {
    const hit = sorted.find((m) => m.year === year);
    if (hit) return {y: hit.output, k: hit.capital, l: hit.labour, estimated: hit.estimated};
    const pick = (f: (m: MacroObservation) => number): number =>
      extrapolateLinear(
        sorted.map((m) => ({year: m.year, value: f(m), estimated: m.estimated})),
        year
      ).value;
    return {y: pick((m) => m.output), k: pick((m) => m.capital), l: pick((m) => m.labour), estimated: true};
  };
  const gamma = (year: number): {g: number; estimated: boolean} => {
    const o = at(year);
    const [y, k, l] = [o.y / fit.base.output, o.k / fit.base.capital, o.l / fit.base.labour];
    return {g: y / (fit.a * k ** fit.alpha * l ** fit.beta), estimated: o.estimated};
  };
  return years.map((year) => {
    const now = gamma(year);
    const before = gamma(year - 1);
    return {year, gamma: now.g, multiplier: now.g / before.g, estimated: now.estimated || before.estimated};
  });
}
