/**
 * @fileoverview Round axis ticks computed from the data: steps of 1, 2 or 5 × 10^n, covering a value range, kept
 * inside an axis band, and spaced so that their labels never touch. Charts pass these as explicit tick values where
 * an axis covers only part of the plot (the separated bands of a dual-axis chart) or where vega's own tick count
 * would crowd a narrow panel. An axis given explicit values also gets its label format from them (`tickAxis`):
 * Vega would otherwise pick the decimals from the whole scale domain, and print 3.4, 3.5, 3.6 as "3 4 4".
 */

/** Closest spacing of two ticks of a band axis, in px. */
export const MIN_TICK_PX = 24;

/** The step of about `count` round ticks over `span` (1, 2 or 5 × 10^n, as d3's tickIncrement). */
export function tickStep(span: number, count: number): number {
  const raw = span / Math.max(1, count);
  if (!(raw > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(raw));
  const error = raw / power;
  return power * (error >= 7.5 ? 10 : error >= 3.5 ? 5 : error >= 1.5 ? 2 : 1);
}

/** The next round step above `step` (1 → 2 → 5 → 10 …). */
function nextStep(step: number): number {
  const power = 10 ** Math.floor(Math.log10(step) + 1e-9);
  const mantissa = Math.round(step / power);
  return mantissa < 2 ? 2 * power : mantissa < 5 ? 5 * power : 10 * power;
}

/**
 * Round tick values covering [lo, hi] (extended to the nearest steps), kept within `domain`; with `pxPerUnit`, the
 * step grows until neighbouring ticks are at least `minPx` apart.
 */
export function bandTicks(
  lo: number,
  hi: number,
  count: number,
  domain: [number, number],
  pxPerUnit?: number,
  minPx = MIN_TICK_PX
): number[] {
  let step = tickStep(hi - lo || Math.abs(hi) || 1, count);
  if (pxPerUnit !== undefined) while (step * pxPerUnit < minPx) step = nextStep(step);
  const ticks: number[] = [];
  for (let i = Math.floor(lo / step); i <= Math.ceil(hi / step); i++) {
    // Rounded to the step's precision, so that 0.1 × 3 prints as 0.3.
    const tick = Number((i * step).toPrecision(12));
    if (tick >= domain[0] && tick <= domain[1]) ticks.push(tick);
  }
  return ticks;
}

/** Ticks of a narrow band: the widest spacing that still gives two ticks (a lone tick names no scale). */
export function narrowBandTicks(lo: number, hi: number, domain: [number, number], pxPerUnit: number): number[] {
  for (const minPx of [MIN_TICK_PX, 16, 10]) {
    const ticks = bandTicks(lo, hi, 3, domain, pxPerUnit, minPx);
    if (ticks.length >= 2) return ticks;
  }
  return bandTicks(lo, hi, 3, domain);
}

/** The fewest decimals (up to `max`) that print `value` exactly (0.25 → 2, 3.5 → 1, 500 → 0). */
function decimalsOf(value: number, max: number): number {
  for (let d = 0; d < max; d++)
    if (Math.abs(Number(value.toFixed(d)) - value) <= 1e-9 * Math.max(1, Math.abs(value))) return d;
  return max;
}

/**
 * Decimals of an axis's tick labels: enough to print every tick exactly — the decimals of the step between
 * neighbouring ticks, since round ticks are multiples of it (step 0.1 → 1, step 0.25 → 2, step 5 → 0) — and
 * more, up to `max`, while two ticks would still print alike.
 */
export function tickDecimals(ticks: readonly number[], max = 6): number {
  let decimals = Math.max(0, ...ticks.map((t) => decimalsOf(t, max)));
  const distinct = new Set(ticks).size;
  while (decimals < max && new Set(ticks.map((t) => t.toFixed(decimals))).size < distinct) decimals++;
  return decimals;
}

/** d3 format of an axis's tick labels, from `tickDecimals` (".1f" for 3.4, 3.5, 3.6; ".0f" for 0, 500, 1000). */
export function tickFormat(ticks: readonly number[]): string {
  return `.${tickDecimals(ticks)}f`;
}

/** Axis properties for explicit tick values: the values and the label format that tells them apart. */
export function tickAxis(ticks: readonly number[]): {values: number[]; format: string} {
  return {values: [...ticks], format: tickFormat(ticks)};
}
