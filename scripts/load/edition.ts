/**
 * @fileoverview An edition is a config file, data/editions/<year>.json: what the paper is called, which years it
 * covers, what it assumes for the forecast, its chapters, its regions, which variant of each method it uses and
 * which published numbers calibrate the unpublished parameters. The engine has no edition-specific branch beyond
 * what this file says. Validated with zod; every problem is reported with the file and the JSON path.
 */
import {readFile} from "node:fs/promises";
import path from "node:path";
import {BuildError, DataError, isErrnoException, type Problem} from "../lib/errors.ts";
import {EditionConfigSchema, type EditionConfig} from "../model/edition-config.ts";
import {valueAt, withoutBom} from "./json-values.ts";

// The schema and types are the model's contract (model/edition-config.ts); re-exported for the loader's callers.
export {
  EditionConfigSchema,
  type ChapterConfig,
  type EditionConfig,
  type FigureConfig,
  type RegionConfig
} from "../model/edition-config.ts";

export const EDITIONS_DIR = "data/editions";

export function editionConfigPath(root: string, edition: number | string): string {
  return path.join(root, EDITIONS_DIR, `${edition}.json`);
}

/** Parses and validates an edition config already read from `file`; pure, for tests. */
type SchemaDef = {type?: string; element?: unknown; shape?: Record<string, unknown>; innerType?: unknown};
const defOf = (schema: unknown): SchemaDef | undefined => (schema as {def?: SchemaDef}).def;
/** Through .default() / .optional() wrappers to the schema they wrap. */
function unwrap(schema: unknown): unknown {
  let current = schema;
  while (defOf(current)?.innerType) current = defOf(current)!.innerType;
  return current;
}

/** The keys the schema knows at a path of the config (for the message about an unknown key). */
function knownKeys(path: readonly PropertyKey[]): string[] {
  let schema: unknown = EditionConfigSchema;
  for (const key of path) {
    const def = defOf(unwrap(schema));
    if (def?.type === "array") schema = def.element;
    else if (def?.shape && typeof key === "string") schema = def.shape[key];
    else return [];
  }
  return Object.keys(defOf(unwrap(schema))?.shape ?? {});
}

export function parseEditionConfig(text: string, file: string): EditionConfig {
  let json: unknown;
  try {
    json = JSON.parse(withoutBom(text));
  } catch (error) {
    throw new BuildError(`${file}: not valid JSON (${(error as Error).message})`);
  }
  const result = EditionConfigSchema.safeParse(json);
  if (!result.success) {
    const problems: Problem[] = result.error.issues.flatMap((issue): Problem[] => {
      // A misspelt key would otherwise be dropped and the build would fail later for a reason nobody can see.
      if (issue.code === "unrecognized_keys")
        return issue.keys.map((key) => ({
          file,
          column: [...issue.path, key].join("."),
          value: key,
          expected: `a known key here (${knownKeys(issue.path).join(", ")}); remove it or fix its spelling`
        }));
      const found = valueAt(json, issue.path);
      return [
        {file, column: issue.path.join("."), ...(found !== undefined ? {value: found} : {}), expected: issue.message}
      ];
    });
    throw new DataError(problems);
  }
  const config = result.data;
  const problems: Problem[] = [];
  if (config.dataYears[0] !== config.baseYear)
    problems.push({
      file,
      column: "dataYears",
      value: String(config.dataYears[0]),
      expected: `the base year ${config.baseYear}`
    });
  if (config.forecastYear !== config.dataYears[1] + 1)
    problems.push({
      file,
      column: "forecastYear",
      value: String(config.forecastYear),
      expected: `${config.dataYears[1] + 1} (the year after the last data year)`
    });
  const chapterIds = new Set<string>();
  for (const [i, chapter] of config.chapters.entries()) {
    if (chapterIds.has(chapter.id))
      problems.push({file, column: `chapters.${i}.id`, value: chapter.id, expected: "a chapter id used once"});
    chapterIds.add(chapter.id);
  }
  const figureIds = new Set<string>();
  for (const [i, figure] of config.figures.entries()) {
    if (figureIds.has(figure.id))
      problems.push({file, column: `figures.${i}.id`, value: figure.id, expected: "a figure id used once"});
    figureIds.add(figure.id);
  }
  for (const [i, figure] of config.figures.entries()) {
    const typed = figure.title.match(/(?:19|20)\d\d/);
    if (typed)
      problems.push({
        file,
        column: `figures.${i}.title`,
        value: figure.title,
        expected: `a title whose years come from the config: write {y} (last data year), {p}, {b} (base year), {f} (forecast year) or {b+1}, {y-2}, … instead of ${typed[0]}`
      });
  }
  if (problems.length > 0) throw new DataError(problems);
  return {...config, figures: config.figures.map((f) => ({...f, title: withYears(f.title, config)}))};
}

/**
 * Replaces the year placeholders of a figure title: {y} the last data year, {p} the year before, {b} the base year,
 * {f} the forecast year, {e} the edition, each optionally shifted ({b+1}, {y-3}). Titles never type a year, so a new
 * edition's config needs no edit of its titles.
 */
export function withYears(
  text: string,
  config: Pick<EditionConfig, "edition" | "baseYear" | "dataYears" | "forecastYear">
): string {
  const years: Record<string, number> = {
    y: config.dataYears[1],
    p: config.dataYears[1] - 1,
    b: config.baseYear,
    f: config.forecastYear,
    e: config.edition
  };
  return text.replace(/\{([ypbfe])([+-]\d+)?\}/g, (_, key: string, shift?: string) =>
    String(years[key]! + Number(shift ?? 0))
  );
}

/** Lists the editions that have a config file, in year order. */
export async function listEditions(root: string): Promise<number[]> {
  const {readdir} = await import("node:fs/promises");
  const names = await readdir(path.join(root, EDITIONS_DIR));
  return names
    .filter((name) => /^\d{4}\.json$/.test(name))
    .map((name) => Number(name.slice(0, 4)))
    .sort((a, b) => a - b);
}

export async function readEditionConfig(root: string, edition: number | string): Promise<EditionConfig> {
  const file = path.relative(root, editionConfigPath(root, edition));
  let text: string;
  try {
    text = await readFile(path.join(root, file), "utf8");
  } catch (error) {
    if (isErrnoException(error) && error.code === "ENOENT") {
      const known = await listEditions(root).catch(() => []);
      throw new BuildError(`${file}: no such edition config; known editions: ${known.join(", ") || "none"}`);
    }
    throw error;
  }
  return parseEditionConfig(text, file);
}
