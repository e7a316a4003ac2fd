/**
 * @fileoverview The published numbers of an edition (data/published/<edition>.jsonl), one JSON object per line,
 * as extracted from the paper: the reference of the reproduction report. Every line is validated; problems name
 * the line and the field.
 */
import {existsSync} from "node:fs";
import path from "node:path";
import {z} from "zod";
import {warn} from "../lib/progress.ts";
import {ProblemList} from "../lib/errors.ts";
import {SCOPES} from "../model/records/records.ts";
import {decodeUtf8, readDataBytes} from "./csv.ts";
import {publishedFile} from "./data-files.ts";

const PublishedRecordSchema = z.object({
  edition: z.number({error: "an edition year (number)"}).int("an edition year (number)"),
  /** Chapter or section heading as printed, e.g. 前言, 三(一) …. */
  chapter: z.string({error: "a text"}).min(1, "a non-empty text"),
  /** 图/表 id the number belongs to (图6a), or null. */
  figure: z.string({error: "a figure id or null"}).nullable(),
  metric: z.string({error: "a metric id (a-z, 0-9, _)"}).regex(/^[a-z0-9_]+$/, "a metric id (a-z, 0-9, _)"),
  scope: z.enum(SCOPES, {error: `one of ${SCOPES.join(", ")}`}),
  entity: z.string({error: "an entity id (a-z, 0-9, _)"}).regex(/^[a-z0-9_]+$/, "an entity id (a-z, 0-9, _)"),
  entity_zh: z.string({error: "a text"}),
  year: z
    .number({error: "a year (number)"})
    .int("a year (number)")
    .min(2000, "a year ≥ 2000")
    .max(2100, "a year ≤ 2100"),
  /** The number as written (万亿元 stays 万亿元: convert with the unit). */
  value: z.number({error: "a number (not a string)"}),
  /** Unit as written: 万亿元, 亿元, %, 个百分点, 万人, 个, … ("" for ratios). */
  unit: z.string({error: 'a unit text ("" for ratios)'}),
  forecast: z.boolean({error: "true or false"}),
  /** Exact substring of the edition's text (line breaks removed). */
  quote: z.string({error: "a text"}),
  /** Sub-year time or span: 2020-03-31, 2020-Q1, 2017-2021, …. */
  when: z.string({error: "a period text"}).optional()
});

/** One published number, with the fields of published-<edition>.jsonl. */
export type PublishedRecord = z.infer<typeof PublishedRecordSchema>;

/** Parses JSON-lines text already read from `file`; records problems with line numbers. Pure, for tests. */
export function parsePublished(text: string, file: string, edition: number, problems: ProblemList): PublishedRecord[] {
  const records: PublishedRecord[] = [];
  text.split("\n").forEach((line, index) => {
    if (line.trim() === "") return;
    const row = index + 1;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch (error) {
      problems.add({file, row, value: line.slice(0, 40), expected: `a JSON object (${(error as Error).message})`});
      return;
    }
    const result = PublishedRecordSchema.safeParse(json);
    if (!result.success) {
      for (const issue of result.error.issues) {
        const field = issue.path.join(".");
        const found = (json as Record<string, unknown> | null)?.[String(issue.path[0])];
        const shown = found === undefined ? undefined : typeof found === "string" ? found : JSON.stringify(found);
        problems.add({file, row, column: field, value: shown, expected: issue.message});
      }
      return;
    }
    if (result.data.edition !== edition)
      problems.add({file, row, column: "edition", value: String(result.data.edition), expected: String(edition)});
    records.push(result.data);
  });
  if (records.length === 0 && problems.size === 0)
    problems.add({file, expected: "at least one published record (the file is empty)"});
  return records;
}

/** Every published number of `edition` (none when the edition has not been published); throws one DataError
 * listing every problem. */
export async function loadPublished(root: string, edition: number): Promise<PublishedRecord[]> {
  const problems = new ProblemList();
  const file = publishedFile(edition);
  // A new edition has no published paper yet: nothing to compare with, which is not an error.
  if (!existsSync(path.join(root, file))) {
    warn(`${edition}: no published numbers (${file}); the 复现对照 page will have nothing to compare`);
    return [];
  }
  const bytes = await readDataBytes(root, file, problems);
  const text = bytes ? decodeUtf8(bytes, file, problems) : undefined;
  const records = text === undefined ? [] : parsePublished(text, file, edition, problems);
  problems.throwIfAny();
  return records;
}
