/**
 * @fileoverview The sourced facts a chapter may cite (data/context/cited-*.csv): policies, milestones and case facts,
 * each with the page it comes from. Read into one list of citations, each with the entry the paper prints (entry_zh,
 * built by the import from issuer, title, document number and date), its URL, the trust of the URL's host and
 * PROVENANCE.md's caveat, and checked: ids unique across the files, a URL and a trust on every row.
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

/** The columns every cited file has besides its own: the printed entry, the host's trust and PROVENANCE.md's caveat. */
const ENTRY = {
  id: cell.text,
  entry_zh: cell.text,
  trust: z.enum(["official", "media", "other"]),
  caveat: optional,
  url
};
const POLICY = z.object({...ENTRY, date: optional, issuer: cell.text, title_zh: cell.text, doc_number: optional});
const EVENT = z.object({...ENTRY, date: optional, event_zh: cell.text});
const CASE = z.object({...ENTRY, name_zh: cell.text, region: optional, year: optional, fact_zh: cell.text});

export async function loadCitations(root: string): Promise<Citation[]> {
  const problems = new ProblemList();
  const citations: {line: number; file: string; value: Citation}[] = [];
  const read = async (file: string, schema: typeof POLICY | typeof EVENT | typeof CASE) => {
    const table = await readCsv(root, file, {columns: Object.keys(schema.shape)}, problems);
    if (!table) return;
    for (const {line, value} of parseRows(table, schema, problems)) {
      const row = value as z.infer<typeof schema>;
      citations.push({
        line,
        file,
        value: {id: row.id, text: row.entry_zh, url: row.url, trust: row.trust, caveat: row.caveat}
      });
    }
  };
  await read(DATA_FILES.citedPolicies, POLICY);
  await read(DATA_FILES.citedEvents, EVENT);
  await read(DATA_FILES.citedCases, CASE);
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
