/**
 * @fileoverview The sourced facts a chapter may cite (data/context/cited-*.csv): policies, milestones and case facts,
 * each with the page it comes from. Read into one list of citations, each with the reference line the paper prints
 * (issuer, title and document number, date, URL) and checked: ids unique across the files, a URL on every row.
 */
import {z} from "zod";
import {ProblemList} from "../lib/errors.ts";
import {cell, parseRows} from "./cells.ts";
import {readCsv} from "./csv.ts";
import {DATA_FILES} from "./data-files.ts";
import type {Citation} from "../model/inputs.ts";

export type {Citation};

const url = z
  .string()
  .trim()
  .regex(/^https?:\/\/\S+$/, "a URL (http:// or https://)");
const optional = z.string().trim();

const POLICY = z.object({
  id: cell.text,
  date: optional,
  issuer: cell.text,
  title_zh: cell.text,
  doc_number: optional,
  url
});
const EVENT = z.object({id: cell.text, date: optional, event_zh: cell.text, url});
const CASE = z.object({id: cell.text, name_zh: cell.text, region: optional, year: optional, fact_zh: cell.text, url});

export async function loadCitations(root: string): Promise<Citation[]> {
  const problems = new ProblemList();
  const citations: {line: number; file: string; value: Citation}[] = [];
  const read = async <T extends z.ZodObject>(file: string, schema: T, text: (row: z.infer<T>) => string) => {
    const table = await readCsv(root, file, {columns: Object.keys(schema.shape)}, problems);
    if (!table) return;
    for (const {line, value} of parseRows(table, schema, problems)) {
      const row = value as z.infer<T> & {id: string; url: string};
      citations.push({line, file, value: {id: row.id, text: text(value), url: row.url}});
    }
  };
  await read(
    DATA_FILES.citedPolicies,
    POLICY,
    (r) => `${r.issuer}：${r.title_zh}${r.doc_number ? `（${r.doc_number}）` : ""}${r.date ? `，${r.date}` : ""}`
  );
  await read(DATA_FILES.citedEvents, EVENT, (r) => `${r.event_zh}${r.date ? `，${r.date}` : ""}`);
  await read(DATA_FILES.citedCases, CASE, (r) => `${r.name_zh}${r.region ? `（${r.region}）` : ""}：${r.fact_zh}`);
  const seen = new Map<string, string>();
  for (const {line, file, value} of citations) {
    const other = seen.get(value.id);
    if (other)
      problems.add({
        file,
        row: line,
        column: "id",
        value: value.id,
        expected: `an id used once across the cited files (also in ${other})`
      });
    seen.set(value.id, file);
  }
  problems.throwIfAny();
  return citations.map((c) => c.value);
}
