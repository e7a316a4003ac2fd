/**
 * @fileoverview Text width for vega's layout, measured from the chart font's real advance widths instead of vega's
 * 0.8 em-per-character guess, which is ~20 % short for Chinese and makes legends and labels overlap
 * (../shared/notes/toolchain.md §4). CJK ideographs and full-width punctuation are 1 em; ASCII and the usual
 * punctuation come from the measured table; anything else is taken as 1 em (never under-measured).
 */
import * as vega from "vega";
import {FONT_METRICS} from "./font-metrics.ts";

interface TextItem {
  fontSize?: number | string;
  fontWeight?: number | string;
  text?: unknown;
  limit?: number;
}

function weightOf(item: TextItem): 400 | 700 {
  const weight = item.fontWeight;
  if (weight === "bold" || weight === "bolder") return 700;
  return typeof weight === "number" && weight >= 600
    ? 700
    : typeof weight === "string" && Number(weight) >= 600
      ? 700
      : 400;
}

/** Width in px of `text` at `fontSize` px and the given weight. */
export function measureText(text: string, fontSize: number, weight: 400 | 700 = 400): number {
  const table = FONT_METRICS[weight];
  let em = 0;
  for (const ch of text) em += table[ch] ?? 1;
  return em * fontSize;
}

let installed = false;

/** Makes vega use measureText for every text mark (idempotent; vega reads textMetrics.width globally). */
export function installTextWidth(): void {
  if (installed) return;
  const metrics = (vega as unknown as {textMetrics: {width: (item: TextItem, text?: unknown) => number}}).textMetrics;
  metrics.width = (item: TextItem, text?: unknown) => {
    const value = text === undefined || text === null ? "" : String(text).trim();
    const size = item.fontSize === undefined ? 11 : Number(item.fontSize) || 0;
    return measureText(value, size, weightOf(item));
  };
  installed = true;
}
