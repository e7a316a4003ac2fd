/**
 * @fileoverview The figures file contract (../shared/spec/README.md): one record per number the edition publishes
 * or plots. Model, chapters, charts and checks all speak this vocabulary; `metric`, `scope` and `entity` use exactly
 * the ids of published-<edition>.jsonl so computed and published records join on (metric, scope, entity, year).
 */

export const SCOPES = ["national", "tier", "sector", "province", "region", "direct_segment", "other"] as const;
export type Scope = (typeof SCOPES)[number];

/**
 * Canonical units: money in 亿元, people in 万人, rates and shares in % (14.53 means 14.53 %), changes of rates in
 * pp, ratios unitless (""). Counts and ranks keep the paper's counters (个, 位). Printing (万亿元, …) is rendering.
 */
export type Unit = "亿元" | "万人" | "%" | "pp" | "" | "个" | "位" | "万元/人" | (string & {});

/**
 * Where a number comes from: computed by the model, observed by the institute, or a context fact; "input" is a
 * statistical input series copied into the figures file (GDP, section value added, employment, IO entries) and
 * "parameter" an unpublished parameter of the method (S_k, μ_n, CF), so that every computed number can be traced
 * to the numbers it was computed from.
 */
export type RecordKind = "model" | "observed" | "context" | "input" | "parameter";

export interface FigureRecord {
  metric: string;
  scope: Scope;
  entity: string;
  year: number;
  /** Sub-year time of an observed indicator (e.g. "2020-03-31"); part of the id when present. */
  period?: string;
  /** Full precision; rounding happens only when printed. */
  value: number;
  unit: Unit;
  forecast: boolean;
  kind: RecordKind;
  /** The formula in TeX, from the shared formula table (scripts/model/records/formulas.ts) when the model computed it. */
  formula: string;
  /** Id of the formula in the shared table, so the appendix and the provenance card show the same definition. */
  formulaId?: string;
  /** Ids of the records or input series this value was computed from. */
  inputs: string[];
  /** Data sources (titles from data/manifest.json) behind the value. */
  sources: string[];
  /** True when any input series is an estimate (fallback) rather than published data. */
  estimated?: boolean;
  /** Chinese label of the entity (e.g. 制造业), for cards, tables and CSVs. */
  entityZh?: string;
  note?: string;
}

export interface FiguresFile {
  edition: number;
  records: FigureRecord[];
}

/** "metric/scope/entity/year" (+ "@period" for dated observations): the id used by data-record and inputs. */
export function recordId(r: Pick<FigureRecord, "metric" | "scope" | "entity" | "year" | "period">): string {
  const base = `${r.metric}/${r.scope}/${r.entity}/${r.year}`;
  return r.period ? `${base}@${r.period}` : base;
}

/** Parses a record id back into its parts; returns undefined when it is not of the form metric/scope/entity/year. */
export function parseRecordId(
  id: string
): {metric: string; scope: string; entity: string; year: number; period?: string} | undefined {
  const match = /^([a-z0-9_]+)\/([a-z_]+)\/([a-z0-9_]+)\/(\d{4})(?:@([0-9A-Za-z/_-]+))?$/.exec(id);
  if (!match) return undefined;
  const [, metric, scope, entity, year, period] = match;
  return {metric: metric!, scope: scope!, entity: entity!, year: Number(year), ...(period ? {period} : {})};
}

/** Deterministic order: metric, scope, entity, year, period. */
export function compareRecords(a: FigureRecord, b: FigureRecord): number {
  return recordId(a) < recordId(b) ? -1 : recordId(a) > recordId(b) ? 1 : 0;
}
