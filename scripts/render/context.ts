/**
 * @fileoverview The render context of one edition: everything the templates, filters, shortcodes and charts may
 * read. It is built once per edition from the figures file (never from data/ directly) plus reference lists
 * (sections, provinces, regions) and the data manifest, and it answers record look-ups with helpful errors.
 */
import {BuildError} from "../lib/errors.ts";
import type {EditionConfig} from "../load/edition.ts";
import type {DataSource, PolicyDocument, Province, SectionInfo} from "../model/inputs.ts";
import {recordId, type FigureRecord, type FiguresFile} from "../model/records.ts";

/** Lists the charts and tables need besides the numbers: names, tile-map cells, policy documents. */
export interface ReferenceLists {
  sections: SectionInfo[];
  provinces: Province[];
  policies: {national: PolicyDocument[]; provincial: PolicyDocument[]};
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

/** Ids closest to `id`, so that a typo in a chapter gets a useful suggestion. */
export function similarIds(id: string, known: Iterable<string>, count = 3): string[] {
  const [metric, scope, entity, year] = id.split("/");
  const scored: {id: string; score: number}[] = [];
  for (const candidate of known) {
    const parts = candidate.split("/");
    const score =
      (parts[0] === metric ? 4 : 0) + (parts[1] === scope ? 1 : 0) + (parts[2] === entity ? 2 : 0) + (parts[3] === year ? 1 : 0);
    if (score >= 3) scored.push({id: candidate, score});
  }
  return scored
    .sort((a, b) => b.score - a.score || a.id.localeCompare(b.id))
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
