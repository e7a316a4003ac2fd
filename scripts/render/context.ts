/**
 * @fileoverview The render context of one edition: everything the templates, filters, shortcodes and charts may
 * read. It is built once per edition from the figures file (never from data/ directly) plus reference lists
 * (sections, provinces, regions) and the data manifest, and it answers record look-ups with helpful errors.
 */
import {BuildError} from "../lib/errors.ts";
import type {EditionConfig} from "../model/edition-config.ts";
import type {Citation, DataSource, PolicyDocument, Province, SectionInfo} from "../model/inputs.ts";
import {recordId, type FigureRecord, type FiguresFile} from "../model/records/records.ts";

/** Lists the charts and tables need besides the numbers: names, tile-map cells, policy documents. */
export interface ReferenceLists {
  sections: SectionInfo[];
  provinces: Province[];
  policies: {national: PolicyDocument[]; provincial: PolicyDocument[]};
  /** The sourced facts the chapters may cite ([[注 P024]]). */
  citations: Citation[];
}

export interface RenderContext {
  config: EditionConfig;
  figures: FiguresFile;
  /** Record by id (metric/scope/entity/year[@period]). */
  records: ReadonlyMap<string, FigureRecord>;
  reference: ReferenceLists;
  manifest: DataSource[];
}

export function createRenderContext(
  config: EditionConfig,
  figures: FiguresFile,
  reference: ReferenceLists,
  manifest: DataSource[]
): RenderContext {
  const records = new Map<string, FigureRecord>();
  for (const record of figures.records) records.set(recordId(record), record);
  return {config, figures, records, reference, manifest};
}

/** Edit distance (insertions, deletions, substitutions), for suggestions on a mistyped id. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({length: b.length + 1}, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++)
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length]!;
}

/** Ids closest to `id` (by edit distance, at most a third of its length away), for a useful suggestion. */
export function similarIds(id: string, known: Iterable<string>, count = 3): string[] {
  const limit = Math.max(3, Math.floor(id.length / 3));
  const scored: {id: string; distance: number}[] = [];
  for (const candidate of known) {
    if (Math.abs(candidate.length - id.length) > limit) continue;
    const distance = editDistance(id, candidate);
    if (distance <= limit) scored.push({id: candidate, distance});
  }
  return scored
    .sort((a, b) => a.distance - b.distance || a.id.localeCompare(b.id))
    .slice(0, count)
    .map((s) => s.id);
}

/** The record with this id, or a BuildError naming where it was asked for and what exists. */
export function getRecord(context: RenderContext, id: string, where: string): FigureRecord {
  const record = context.records.get(id);
  if (record) return record;
  const hint = similarIds(id, context.records.keys());
  const suggestion = hint.length > 0 ? `; did you mean ${hint.map((h) => `"${h}"`).join(", ")}?` : "";
  throw new BuildError(`${where}: unknown record "${id}" in the ${context.config.edition} figures${suggestion}`);
}

/** Records of one metric/scope, optionally one year, in id order. */
export function recordsOf(
  context: RenderContext,
  metric: string,
  scope: string,
  filter: {entity?: string; year?: number} = {}
): FigureRecord[] {
  return context.figures.records.filter(
    (r) =>
      r.metric === metric &&
      r.scope === scope &&
      (filter.entity === undefined || r.entity === filter.entity) &&
      (filter.year === undefined || r.year === filter.year)
  );
}

/** Years the edition shows, base year through forecast year. */
export function editionYears(config: EditionConfig): number[] {
  const years: number[] = [];
  for (let y = config.baseYear; y <= config.forecastYear; y++) years.push(y);
  return years;
}

/** "2022E" for the forecast year, the plain year otherwise (the papers' convention). */
export function yearLabel(config: EditionConfig, year: number): string {
  return year === config.forecastYear ? `${year}E` : String(year);
}
