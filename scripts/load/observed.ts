/**
 * @fileoverview The observed indicators and context facts of one edition (data/observed/<edition>.csv). Checks:
 * one row per record id, entities of sector/province/region scope are known, every source is a manifest entry of
 * the file.
 */
import {z} from "zod";
import type {ProblemList} from "../lib/errors.ts";
import type {DataSource, ObservedIndicator, Province, SectionInfo} from "../model/inputs.ts";
import {recordId, SCOPES} from "../model/records/records.ts";
import {cell, checkUnique, parseRows} from "./cells.ts";
import {readCsv} from "./csv.ts";
import {observedFile} from "./data-files.ts";
import type {EditionConfig} from "./edition.ts";

const ObservedRow = z.object({
  metric: cell.id,
  scope: cell.oneOf(SCOPES),
  entity: cell.id,
  year: cell.year,
  period: z
    .string()
    .trim()
    .regex(/^([0-9A-Za-z/_-]*)$/, "a period like 2020-03-31, 2020-Q1 or 2017-2021 (or empty)"),
  value: cell.number,
  unit: z.string().trim(),
  kind: cell.oneOf(["observed", "context"]),
  source: cell.text,
  note: cell.optionalText,
  /** "carried": copied from the previous edition by npm run new-edition and not yet updated (a warning; --strict fails). */
  status: z
    .enum(["", "carried"], {message: 'empty, or "carried" for a row npm run new-edition copied and nobody updated yet'})
    .optional()
});

/** Group ids the extraction uses for claims about several entities (all_provinces, guangdong_jiangsu, …). */
function isGroupOf(entity: string, known: ReadonlySet<string>): boolean {
  if (entity.startsWith("all_") || entity.startsWith("most_")) return true;
  // A joined id such as guangdong_jiangsu: split greedily into known ids (ids may contain "_", e.g. inner_mongolia).
  const parts = entity.split("_");
  const canSplit = (from: number): boolean => {
    if (from === parts.length) return true;
    for (let to = parts.length; to > from; to--)
      if (known.has(parts.slice(from, to).join("_")) && canSplit(to)) return true;
    return false;
  };
  return canSplit(0);
}

export interface ObservedContext {
  config: EditionConfig;
  sections?: readonly SectionInfo[];
  provinces?: readonly Province[];
  sources?: readonly DataSource[];
}

export async function loadObserved(
  root: string,
  context: ObservedContext,
  problems: ProblemList
): Promise<ObservedIndicator[] | undefined> {
  const file = observedFile(context.config.edition);
  const table = await readCsv(
    root,
    file,
    {columns: Object.keys(ObservedRow.shape).filter((c) => c !== "status"), allowNoRows: true},
    problems
  );
  if (!table) return undefined;
  const rows = parseRows(table, ObservedRow, problems);
  const observed: ObservedIndicator[] = rows.map(({value: r}) => ({
    metric: r.metric,
    scope: r.scope,
    entity: r.entity,
    year: r.year,
    ...(r.period ? {period: r.period} : {}),
    value: r.value,
    unit: r.unit,
    source: r.source,
    kind: r.kind,
    ...(r.note ? {note: r.note} : {}),
    ...(r.status === "carried" ? {carried: true} : {})
  }));
  const withLines = rows.map((row, i) => ({line: row.line, value: observed[i]!}));
  checkUnique(file, withLines, recordId, "metric", "a record id (metric/scope/entity/year@period)", problems);

  const known: Partial<Record<ObservedIndicator["scope"], Set<string>>> = {
    ...(context.sections ? {sector: new Set(context.sections.map((s) => s.entity))} : {}),
    ...(context.provinces ? {province: new Set(context.provinces.map((p) => p.id))} : {}),
    region: new Set(context.config.regions.map((r) => r.id))
  };
  const sourceIds = context.sources
    ? new Set(context.sources.filter((s) => s.file === file).map((s) => s.id))
    : undefined;
  rows.forEach(({line, value: r}) => {
    const ids = known[r.scope];
    if (ids && !ids.has(r.entity) && !isGroupOf(r.entity, ids)) {
      const expected = `a known ${r.scope} id (or a group such as all_${r.scope}s)`;
      problems.add({file, row: line, column: "entity", value: r.entity, expected});
    }
    if (sourceIds && !sourceIds.has(r.source)) {
      const expected = `a manifest id of this file (${[...sourceIds].join(", ") || "none in data/manifest.json"})`;
      problems.add({file, row: line, column: "source", value: r.source, expected});
    }
  });
  return rows.length === table.rows.length ? observed : undefined;
}
