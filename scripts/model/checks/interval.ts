/**
 * @fileoverview Interval arithmetic for the consistency rules. A printed number with d decimals stands for every value
 * that rounds to it, [v − ½·10⁻ᵈ, v + ½·10⁻ᵈ]; a computed number is a point. A rule holds when the interval of
 * its left side meets the interval its right side can take. Interval arithmetic over-estimates ranges when a
 * quantity appears twice (it forgets the correlation), which can only hide an inconsistency, never invent one;
 * where that matters (aggregate growth) the exact range is computed instead.
 */

export interface Interval {
  lo: number;
  hi: number;
}

export const point = (v: number): Interval => ({lo: v, hi: v});
export const around = (v: number, half: number): Interval => ({lo: v - half, hi: v + half});

export const add = (a: Interval, b: Interval): Interval => ({lo: a.lo + b.lo, hi: a.hi + b.hi});
export const sub = (a: Interval, b: Interval): Interval => ({lo: a.lo - b.hi, hi: a.hi - b.lo});

export function mul(a: Interval, b: Interval): Interval {
  const p = [a.lo * b.lo, a.lo * b.hi, a.hi * b.lo, a.hi * b.hi];
  return {lo: Math.min(...p), hi: Math.max(...p)};
}

export function div(a: Interval, b: Interval): Interval {
  if (b.lo <= 0 && b.hi >= 0) return {lo: -Infinity, hi: Infinity};
  return mul(a, {lo: 1 / b.hi, hi: 1 / b.lo});
}

export const scale = (a: Interval, k: number): Interval =>
  k >= 0 ? {lo: a.lo * k, hi: a.hi * k} : {lo: a.hi * k, hi: a.lo * k};
export const shift = (a: Interval, k: number): Interval => ({lo: a.lo + k, hi: a.hi + k});

/** a^e for a > 0 (monotone in a). */
export function pow(a: Interval, e: number): Interval {
  const x = a.lo ** e;
  const y = a.hi ** e;
  return {lo: Math.min(x, y), hi: Math.max(x, y)};
}

export function sum(items: readonly Interval[]): Interval {
  return items.reduce(add, point(0));
}

export function hull(items: readonly Interval[]): Interval {
  return {lo: Math.min(...items.map((i) => i.lo)), hi: Math.max(...items.map((i) => i.hi))};
}

/** Widens by a relative and an absolute tolerance (floating-point noise of computed values, vintages of context data). */
export function widen(a: Interval, relative: number, absolute = 0): Interval {
  const m = Math.max(Math.abs(a.lo), Math.abs(a.hi)) * relative + absolute;
  return {lo: a.lo - m, hi: a.hi + m};
}

export const meets = (a: Interval, b: Interval): boolean => a.lo <= b.hi && b.lo <= a.hi;

/**
 * Exact range of Σ L_i / Σ c_i L_i over L_i ∈ intervals and c_i ∈ intervals (all positive): the aggregate growth
 * factor of parts with levels L_i and growth factors 1/c_i. Linear-fractional in L, so the extremes lie at box
 * corners; Dinkelbach's iteration finds them without enumerating the 2^k corners.
 */
export function fractionalRange(items: readonly {level: Interval; c: Interval}[]): Interval {
  const extreme = (maximise: boolean): number => {
    const c = items.map((it) => (maximise ? it.c.lo : it.c.hi));
    let t = items.reduce((s, it) => s + it.level.lo, 0) / items.reduce((s, it, i) => s + it.level.lo * c[i]!, 0);
    for (let iteration = 0; iteration < 100; iteration++) {
      // Maximise (or minimise) N − t·D: each L_i at the end where its coefficient 1 − t·c_i pushes the right way.
      const levels = items.map((it, i) => (1 - t * c[i]! > 0 === maximise ? it.level.hi : it.level.lo));
      const next = levels.reduce((s, l) => s + l, 0) / levels.reduce((s, l, i) => s + l * c[i]!, 0);
      if (Math.abs(next - t) <= 1e-15 * Math.abs(t)) return next;
      t = next;
    }
    return t;
  };
  return {lo: extreme(false), hi: extreme(true)};
}

export const fmt = (a: Interval, digits = 4): string =>
  a.lo === a.hi ? a.lo.toPrecision(digits + 2) : `[${a.lo.toPrecision(digits + 2)}, ${a.hi.toPrecision(digits + 2)}]`;
