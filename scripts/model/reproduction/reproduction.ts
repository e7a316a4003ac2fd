/**
 * @fileoverview The reproduction report: every published number of kind "model" joined to its computed record on
 * (metric, scope, entity, year), in canonical units, with the difference in %; per scope the count matched and the
 * median and worst absolute difference, with the numbers the published-checks found inconsistent counted apart;
 * the papers' claims evaluated as holds / fails; and the findings themselves. Pure: the CLI writes it to
 * dist/<edition>/reproduction.json and the site renders it.
 */
import type {EditionConfig} from "../edition-config.ts";
import type {FiguresFile} from "../records/records.ts";
import {recordId} from "../records/records.ts";
import {metricKind} from "./metric-kinds.ts";
import {canonicalise, type PublishedInput} from "../checks/precision.ts";
import {publishedRef} from "../checks/facts.ts";
import {checkPublished, type Finding} from "../checks/index.ts";
import {evaluateClaims, type ClaimRow} from "./claims.ts";

export interface ReproductionRow {
  /** metric/scope/entity/year. */
  id: string;
  /** Line of data/published/<edition>.jsonl (1-based). */
  line: number;
  scope: string;
  forecast: boolean;
  /** As printed. */
  publishedValue: number;
  publishedUnit: string;
  /** In canonical units. */
  publishedCanonical: number;
  unit: string;
  computed: number | null;
  /** (computed − published) / |published| × 100. */
  diffPct: number | null;
  /** computed − published, canonical unit. */
  diffAbs: number | null;
  inconsistent: boolean;
  /** Ids of the findings that flag this number. */
  findings: string[];
  /** True when the record was a calibration target (fitted, so not a test). */
  target: boolean;
  quote: string;
}

/** Levels (亿元, 万人) are compared in %; rates, ratios, counts and ranks by their absolute difference. */
export interface DiffSummary {
  matched: number;
  /** Median and worst |difference|: % of the published level for levels, absolute (pp, ratio, count, rank) for rates. */
  median: number | null;
  worst: number | null;
  worstId: string | null;
}

export interface ScopeSummary {
  scope: string;
  levels: DiffSummary;
  rates: DiffSummary;
  /** Records the published-checks mark inconsistent, summarised apart (levels, in %). */
  inconsistent: {matched: number; levels: DiffSummary; rates: DiffSummary};
  /** Calibration targets among the consistent matched levels (fitted, so not tests). */
  targets: number;
}

export interface ReproductionFinding extends Finding {
  id: string;
}

export interface Reproduction {
  edition: number;
  rows: ReproductionRow[];
  summary: ScopeSummary[];
  claims: ClaimRow[];
  findings: ReproductionFinding[];
  /** Published model records with no computed counterpart (should be empty). */
  missing: string[];
}

export const SCOPE_ORDER = ["national", "tier", "sector", "province", "region", "direct_segment", "other"];

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export const isLevel = (unit: string): boolean => unit === "亿元" || unit === "万人";

function diffSummary(rows: readonly ReproductionRow[], level: boolean): DiffSummary {
  const matched = rows.filter((r) => r.diffPct !== null && isLevel(r.unit) === level);
  const size = (r: ReproductionRow): number => Math.abs(level ? r.diffPct! : r.diffAbs!);
  const worst = matched.reduce<ReproductionRow | undefined>((w, r) => (!w || size(r) > size(w) ? r : w), undefined);
  return {
    matched: matched.length,
    median: median(matched.map(size)),
    worst: worst ? size(worst) : null,
    worstId: worst?.id ?? null
  };
}

function summarise(scope: string, rows: readonly ReproductionRow[]): ScopeSummary {
  const clean = rows.filter((r) => !r.inconsistent);
  const flagged = rows.filter((r) => r.inconsistent);
  return {
    scope,
    levels: diffSummary(clean, true),
    rates: diffSummary(clean, false),
    inconsistent: {
      matched: flagged.filter((r) => r.diffPct !== null).length,
      levels: diffSummary(flagged, true),
      rates: diffSummary(flagged, false)
    },
    targets: clean.filter((r) => r.target && r.diffPct !== null).length
  };
}

export function reproduce(
  figures: FiguresFile,
  published: readonly PublishedInput[],
  config: EditionConfig
): Reproduction {
  const computed = new Map(figures.records.filter((r) => !r.period).map((r) => [recordId(r), r]));
  const findings: ReproductionFinding[] = checkPublished(published, figures, config).map((f, i) => ({
    id: `${config.edition}-F${String(i + 1).padStart(2, "0")}`,
    ...f
  }));
  const flaggedBy = new Map<string, string[]>();
  for (const f of findings) for (const ref of f.flagged) flaggedBy.set(ref, [...(flaggedBy.get(ref) ?? []), f.id]);
  const targets = new Set(config.calibration.targets.map((t) => t.record));
  const rows: ReproductionRow[] = [];
  const missing: string[] = [];
  published.forEach((p, i) => {
    if (metricKind(p.metric) !== "model") return;
    const id = `${p.metric}/${p.scope}/${p.entity}/${p.year}`;
    const c = canonicalise(p);
    const record = computed.get(id);
    if (!record) missing.push(id);
    const value = record?.value ?? null;
    const ids = flaggedBy.get(publishedRef(id, i + 1)) ?? [];
    rows.push({
      id,
      line: i + 1,
      scope: p.scope,
      forecast: p.forecast,
      publishedValue: p.value,
      publishedUnit: p.unit,
      publishedCanonical: c.value,
      unit: c.unit,
      computed: value,
      diffPct: value === null || c.value === 0 ? null : ((value - c.value) / Math.abs(c.value)) * 100,
      diffAbs: value === null ? null : value - c.value,
      inconsistent: ids.length > 0,
      findings: ids,
      target: targets.has(id),
      quote: p.quote
    });
  });
  const scopes = SCOPE_ORDER.filter((s) => rows.some((r) => r.scope === s));
  return {
    edition: config.edition,
    rows,
    summary: scopes.map((s) =>
      summarise(
        s,
        rows.filter((r) => r.scope === s)
      )
    ),
    claims: evaluateClaims(published, figures.records),
    findings,
    missing: [...new Set(missing)].sort()
  };
}
