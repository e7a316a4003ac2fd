/**
 * @fileoverview What changed since the previous edition: every number both editions state for the same (metric,
 * scope, entity, year) — in our computation and in the published papers — with the revision (in % for levels, in
 * percentage points for rates and shares), a flag where the direction flips (a growth rate that changes sign) or a
 * rank moves, and the reason where the data say it: an input series revised (an input record behind the number
 * changed value), a method changed (the edition configs differ for that part of the method), or otherwise the
 * recalibrated parameters; a forecast of the previous edition that is now a data year is marked so. Pure.
 */
import type {EditionConfig} from "../edition-config.ts";
import type {FigureRecord, FiguresFile} from "../records/records.ts";
import {recordId} from "../records/records.ts";
import {canonicalise, type PublishedInput} from "../checks/precision.ts";

export type RevisionReason = "forecast" | "input" | "method" | "calibration";

export interface Revision {
  id: string;
  metric: string;
  scope: string;
  entity: string;
  entityZh?: string;
  year: number;
  unit: string;
  before: number;
  after: number;
  /** after/before − 1, % (levels). */
  changePct?: number;
  /** after − before, percentage points (rates and shares). */
  changePp?: number;
  /** "sign": a growth rate changed sign; "rank": a rank moved. */
  flip?: "sign" | "rank";
  reasons: RevisionReason[];
  /** The revised input records behind the number (ids), when the reason is "input". */
  revisedInputs?: string[];
}

const KINDS = new Set(["model", "input"]);
/** Relative change below which two values count as the same number (rounding of the inputs' last digit). */
const SAME = 1e-9;

function isRate(unit: string): boolean {
  return unit === "%" || unit === "个百分点";
}

function isGrowth(metric: string): boolean {
  return /growth/.test(metric) && !/rank/.test(metric);
}

function isRank(metric: string): boolean {
  return /_rank$/.test(metric);
}

/** Rates and shares change in percentage points, ranks in places (also changePp), levels in %. */
function changeOf(
  metric: string,
  before: number,
  after: number,
  unit: string
): Pick<Revision, "changePct" | "changePp"> {
  if (isRate(unit) || isRank(metric)) return {changePp: after - before};
  return before !== 0 ? {changePct: (after / before - 1) * 100} : {};
}

function flipOf(metric: string, before: number, after: number): Revision["flip"] {
  if (isRank(metric)) return before !== after ? "rank" : undefined;
  if (isGrowth(metric) && Math.sign(before) !== Math.sign(after) && Math.abs(before) > 1e-9 && Math.abs(after) > 1e-9)
    return "sign";
  return undefined;
}

/** Which part of the method a record belongs to, and whether the two configs differ there. */
function methodChanged(record: FigureRecord, previous: EditionConfig, next: EditionConfig): boolean {
  const a = previous.methods;
  const b = next.methods;
  if (/^employment/.test(record.metric) && a.employment !== b.employment) return true;
  if ((record.scope === "province" || record.scope === "region") && a.regionalAllocation !== b.regionalAllocation)
    return true;
  return false;
}

/** The input-kind records behind a record (through the chain of inputs), by id. */
function inputAncestors(id: string, byId: ReadonlyMap<string, FigureRecord>, limit = 400): string[] {
  const found: string[] = [];
  const seen = new Set<string>([id]);
  const queue = [...(byId.get(id)?.inputs ?? [])];
  while (queue.length > 0 && seen.size < limit) {
    const next = queue.shift()!;
    if (seen.has(next)) continue;
    seen.add(next);
    const record = byId.get(next);
    if (!record) continue;
    if (record.kind === "input") found.push(next);
    else queue.push(...record.inputs);
  }
  return found;
}

/** An edition's revisions against the one before it (what the 修订对照 page and revisions.json print). */
export interface RevisionsReport {
  edition: number;
  /** The edition compared with; absent for the first edition. */
  previous?: number;
  computed: Revision[];
  published: Revision[];
}

/** Our numbers: every computed or input record of both editions with the same id and a different value. */
export function computedRevisions(
  previous: FiguresFile,
  next: FiguresFile,
  previousConfig: EditionConfig,
  nextConfig: EditionConfig
): Revision[] {
  const before = new Map(previous.records.filter((r) => KINDS.has(r.kind) && !r.period).map((r) => [recordId(r), r]));
  const nextById = new Map(next.records.map((r) => [recordId(r), r]));
  const out: Revision[] = [];
  for (const record of next.records) {
    if (!KINDS.has(record.kind) || record.period) continue;
    const id = recordId(record);
    const old = before.get(id);
    if (!old || old.unit !== record.unit) continue;
    const scale = Math.max(Math.abs(old.value), Math.abs(record.value), 1e-300);
    if (Math.abs(record.value - old.value) / scale <= SAME) continue;
    const reasons: RevisionReason[] = old.forecast && !record.forecast ? ["forecast"] : [];
    const revisedInputs =
      record.kind === "input"
        ? [id]
        : inputAncestors(id, nextById).filter((input) => {
            const a = before.get(input);
            const b = nextById.get(input);
            return (
              a !== undefined &&
              b !== undefined &&
              Math.abs(b.value - a.value) / Math.max(Math.abs(a.value), Math.abs(b.value), 1e-300) > SAME
            );
          });
    if (revisedInputs.length > 0) reasons.push("input");
    if (methodChanged(record, previousConfig, nextConfig)) reasons.push("method");
    if (record.kind === "model" && reasons.length === 0) reasons.push("calibration");
    const flip = flipOf(record.metric, old.value, record.value);
    out.push({
      id,
      metric: record.metric,
      scope: record.scope,
      entity: record.entity,
      ...(record.entityZh ? {entityZh: record.entityZh} : {}),
      year: record.year,
      unit: record.unit,
      before: old.value,
      after: record.value,
      ...changeOf(record.metric, old.value, record.value, record.unit),
      ...(flip ? {flip} : {}),
      reasons,
      ...(revisedInputs.length > 0 ? {revisedInputs: revisedInputs.slice(0, 5)} : {})
    });
  }
  return out;
}

/** The published papers: numbers both print for the same id (canonical units), with the same flags; no reasons. */
export function publishedRevisions(previous: readonly PublishedInput[], next: readonly PublishedInput[]): Revision[] {
  const key = (p: PublishedInput) => `${p.metric}/${p.scope}/${p.entity}/${p.year}${p.when ? `@${p.when}` : ""}`;
  const before = new Map(previous.map((p) => [key(p), p]));
  const seen = new Set<string>();
  const out: Revision[] = [];
  for (const p of next) {
    const id = key(p);
    const old = before.get(id);
    if (!old || seen.has(id)) continue;
    seen.add(id);
    const a = canonicalise(old);
    const b = canonicalise(p);
    if (a.unit !== b.unit || Math.abs(b.value - a.value) <= 1e-12 * Math.max(1, Math.abs(a.value))) continue;
    const flip = flipOf(p.metric, a.value, b.value);
    out.push({
      id,
      metric: p.metric,
      scope: p.scope,
      entity: p.entity,
      ...(p.entity_zh ? {entityZh: p.entity_zh} : {}),
      year: p.year,
      unit: b.unit,
      before: a.value,
      after: b.value,
      ...changeOf(p.metric, a.value, b.value, b.unit),
      ...(flip ? {flip} : {}),
      reasons: []
    });
  }
  return out;
}
