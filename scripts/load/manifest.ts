/**
 * @fileoverview data/manifest.json: one entry per source of each data file (DataSource of model/inputs.ts).
 * Validated with zod; problems name the JSON path (sources.3.file).
 */
import {z} from "zod";
import {DataError, ProblemList} from "../lib/errors.ts";
import type {DataSource} from "../model/inputs.ts";
import {decodeUtf8, readDataBytes} from "./csv.ts";
import {DATA_FILES} from "./data-files.ts";

const text = z.string({error: "a non-empty text"}).min(1, "a non-empty text");

const DataSourceSchema = z.object({
  id: z.string({error: "a manifest id (a-z, 0-9, -)"}).regex(/^[a-z0-9-]+$/, "a manifest id (a-z, 0-9, -)"),
  file: z.string({error: "a path under data/"}).regex(/^data\/[^\s]+$/, "a path under data/"),
  title: text,
  citation: text,
  publisher: text,
  intermediary: text,
  vintage: text,
  unit: z.string({error: "a unit text (may be empty)"}),
  years: z.string({error: "a years text (may be empty)"}),
  transformations: z.array(text, {error: "a list of transformation texts"}),
  estimated: z.boolean({error: "true or false"}),
  caveats: z.string({error: "a text"}).optional(),
  estimate: z.string({error: "a text"}).optional(),
  estimateZh: z.string({error: "a text"}).optional(),
  columns: z.array(z.object({name: text, description: text})).optional(),
  upstream: z.array(text).optional()
});

const ManifestSchema = z.object({sources: z.array(DataSourceSchema, {error: "a list of sources"})});

/** Parses manifest text already read from `file`; pure, for tests. Records problems instead of throwing. */
export function parseManifest(textContent: string, file: string, problems: ProblemList): DataSource[] | undefined {
  let json: unknown;
  try {
    json = JSON.parse(textContent);
  } catch (error) {
    problems.add({file, expected: `valid JSON (${(error as Error).message})`});
    return undefined;
  }
  const result = ManifestSchema.safeParse(json);
  if (!result.success) {
    for (const issue of result.error.issues)
      problems.add({file, column: issue.path.join("."), expected: issue.message});
    return undefined;
  }
  const seen = new Set<string>();
  result.data.sources.forEach((source, i) => {
    if (seen.has(source.id))
      problems.add({file, column: `sources.${i}.id`, value: source.id, expected: "a manifest id used once"});
    seen.add(source.id);
  });
  return result.data.sources;
}

/** Reads the manifest into a shared problem list (used by loadInputs). */
export async function readManifest(root: string, problems: ProblemList): Promise<DataSource[] | undefined> {
  const file = DATA_FILES.manifest;
  const bytes = await readDataBytes(root, file, problems);
  if (!bytes) return undefined;
  const content = decodeUtf8(bytes, file, problems);
  return content === undefined ? undefined : parseManifest(content, file, problems);
}

/** Every manifest entry of data/manifest.json; throws a DataError listing every problem. */
export async function loadManifest(root: string): Promise<DataSource[]> {
  const problems = new ProblemList();
  const sources = await readManifest(root, problems);
  problems.throwIfAny();
  if (!sources) throw new DataError([{file: DATA_FILES.manifest, expected: "a manifest"}]);
  return sources;
}
