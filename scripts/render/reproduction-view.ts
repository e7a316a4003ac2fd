/**
 * @fileoverview The 复现对照 (reproduction) page's view of the model's reproduction report: per scope the count and
 * the median and worst differences, then every published number beside the computed one, in the paper's own unit
 * and precision, with the paper's inconsistencies and the calibration targets marked.
 */
import type {Reproduction, ReproductionRow} from "../model/reproduction.ts";
import {parseRecordId} from "../model/records.ts";
import type {RenderContext} from "./context.ts";
import {metricLabel, scopeLabel} from "./labels.ts";

export interface ReproductionRowView {
  id: string;
  anchor: string;
  label: string;
  year: number;
  forecast: boolean;
  published: string;
  computed: string;
  diff: string;
  inconsistent: boolean;
  target: boolean;
  findings: string[];
  quote: string;
}

export interface ReproductionView {
  summary: {scope: string; label: string; levels: string; rates: string; inconsistent: number; targets: number}[];
  rows: {scope: string; label: string; rows: ReproductionRowView[]}[];
  findings: {id: string; rule: string; message: string}[];
  claims: {id: string; label: string; holds: boolean | null; quote: string}[];
  missing: string[];
}

/**
 * The number as the paper printed it: the published records store values as JSON numbers (4.10 became 4.1), so the
 * printed digits are taken back from the quote when it holds the same number.
 */
export function printedDigits(value: number, quote: string): string {
  for (const match of quote.matchAll(/-?\d+(?:\.\d+)?/g)) if (Number(match[0]) === Math.abs(value)) return match[0];
  return String(Math.abs(value));
}

function decimalsOf(text: string): number {
  const dot = text.indexOf(".");
  return dot < 0 ? 0 : text.length - dot - 1;
}

/** The computed value in the unit and precision the paper printed (万亿元 to two decimals, …). */
function computedAsPrinted(row: ReproductionRow): string {
  if (row.computed === null) return "—";
  const scale = row.publishedCanonical === 0 ? 1 : row.publishedValue / row.publishedCanonical;
  const decimals = Math.max(decimalsOf(printedDigits(row.publishedValue, row.quote)), 2);
  return `${(row.computed * scale).toFixed(decimals)}${row.publishedUnit}`;
}

function diffText(row: ReproductionRow): string {
  if (row.diffPct === null) return "—";
  const levels = row.unit === "亿元" || row.unit === "万人";
  const value = levels ? row.diffPct : row.diffAbs!;
  const sign = value > 0 ? "+" : value < 0 ? "−" : "";
  return `${sign}${Math.abs(value).toFixed(2)}${levels ? "%" : row.unit === "%" || row.unit === "pp" ? "pp" : ""}`;
}

function summaryText(d: {matched: number; median: number | null; worst: number | null}, suffix: string): string {
  if (d.matched === 0 || d.median === null || d.worst === null) return "—";
  return `${d.matched}项；中位 ${d.median.toFixed(2)}${suffix}，最大 ${d.worst.toFixed(2)}${suffix}`;
}

export function reproductionView(reproduction: Reproduction, context: RenderContext): ReproductionView {
  const label = (id: string): string => {
    const parts = parseRecordId(id);
    const record = context.records.get(id);
    if (!parts) return id;
    const entity = record?.entityZh ?? parts.entity;
    return `${entity} · ${metricLabel(parts.metric)}`;
  };
  const scopes = [...new Set(reproduction.rows.map((r) => r.scope))];
  return {
    summary: reproduction.summary.map((s) => ({
      scope: s.scope,
      label: scopeLabel(s.scope),
      levels: summaryText(s.levels, "%"),
      rates: summaryText(s.rates, ""),
      inconsistent: s.inconsistent.matched,
      targets: s.targets
    })),
    rows: scopes.map((scope) => ({
      scope,
      label: scopeLabel(scope),
      rows: reproduction.rows
        .filter((r) => r.scope === scope)
        .map((r) => ({
          id: r.id,
          anchor: `repro-${r.line}`,
          label: label(r.id),
          year: parseRecordId(r.id)?.year ?? 0,
          forecast: r.forecast,
          published: `${r.publishedValue < 0 ? "−" : ""}${printedDigits(r.publishedValue, r.quote)}${r.publishedUnit}`,
          computed: computedAsPrinted(r),
          diff: diffText(r),
          inconsistent: r.inconsistent,
          target: r.target,
          findings: r.findings,
          quote: r.quote
        }))
    })),
    findings: reproduction.findings.map((f) => ({id: f.id, rule: f.rule, message: f.message})),
    claims: reproduction.claims.map((c) => ({id: c.id, label: label(c.id), holds: c.holds, quote: c.quote})),
    missing: reproduction.missing
  };
}
