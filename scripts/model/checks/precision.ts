/**
 * @fileoverview Published numbers in canonical units, as intervals of what they can stand for. Units: 万亿元 × 10⁴
 * → 亿元; 亿 → 亿元; 个百分点 → pp; a growth change printed with % (the 2020 edition's tiers and sectors) → pp;
 * 倍 → a ratio. Precision: the decimals as printed (read from the quote, since JSON drops trailing zeros: 312.20 is
 * stored as 312.2); a number written in words (三倍, 一倍) is taken to ±10 %, since "about three times" says no more.
 */
import type {Interval} from "./interval.ts";

/** The fields of a published record (published-<edition>.jsonl) the reproduction and the checks use. */
export interface PublishedInput {
  metric: string;
  scope: string;
  entity: string;
  entity_zh?: string;
  year: number;
  value: number;
  unit: string;
  forecast: boolean;
  quote: string;
  when?: string;
  chapter?: string;
  figure?: string | null;
}

export interface Canonical {
  value: number;
  unit: string;
  interval: Interval;
  /** Decimals as printed, or "words" for a number written in Chinese numerals. */
  precision: number | "words";
}

export const WORD_TOLERANCE = 0.1;

const UNIT_FACTORS: Record<string, {unit: string; factor: number}> = {
  万亿元: {unit: "亿元", factor: 1e4},
  亿元: {unit: "亿元", factor: 1},
  亿: {unit: "亿元", factor: 1},
  个百分点: {unit: "pp", factor: 1},
  倍: {unit: "", factor: 1}
};

/** The canonical unit and factor of a published (metric, unit). */
export function canonicalUnit(metric: string, unit: string): {unit: string; factor: number} {
  if (metric.startsWith("growth_change_pp") && (unit === "%" || unit === "个百分点")) return {unit: "pp", factor: 1};
  return UNIT_FACTORS[unit] ?? {unit, factor: 1};
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Decimals of the value as printed in the quote; "words" when the digits do not appear (三倍). */
export function printedDecimals(value: number, quote: string): number | "words" {
  const text = quote.replace(/,/g, "");
  const s = String(Math.abs(value));
  if (s.includes("e")) return 0;
  const [intPart, frac = ""] = s.split(".");
  // A fractional value must appear with its fraction (and maybe trailing zeros); an integer alone or with ".00".
  const pattern = frac
    ? new RegExp(`(?<![\\d.])${escape(intPart!)}\\.(${escape(frac)}0*)(?![\\d])`)
    : new RegExp(`(?<![\\d.])${escape(intPart!)}(?:\\.(0+))?(?![\\d.])`);
  const match = pattern.exec(text);
  if (!match) return "words";
  return match[1]?.length ?? 0;
}

export function canonicalise(record: PublishedInput): Canonical {
  const {unit, factor} = canonicalUnit(record.metric, record.unit);
  const precision = printedDecimals(record.value, record.quote);
  const half = precision === "words" ? Math.abs(record.value) * WORD_TOLERANCE : 0.5 * 10 ** -precision;
  const value = record.value * factor;
  return {value, unit, interval: {lo: (record.value - half) * factor, hi: (record.value + half) * factor}, precision};
}
