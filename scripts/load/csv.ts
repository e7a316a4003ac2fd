/**
 * @fileoverview Reading one CSV file of data/ into rows with their line numbers, reporting every problem of the
 * file itself (missing, not UTF-8, empty, malformed, missing or duplicated columns, wrong field count) as located
 * problems. A UTF-8 byte-order mark is accepted and stripped silently (spreadsheet programs add one); any other
 * encoding is rejected with a message saying so.
 */
import {readFile} from "node:fs/promises";
import path from "node:path";
import {parse} from "csv-parse/sync";
import {isErrnoException, type ProblemList} from "../lib/errors.ts";

export interface CsvRow {
  /** 1-based line number in the file (header = line 1). */
  line: number;
  values: Record<string, string>;
}

export interface CsvTable {
  /** Path relative to the repository root, as shown in messages. */
  file: string;
  header: string[];
  rows: CsvRow[];
}

export interface ReadCsvOptions {
  /** Columns the header must have (more are allowed and ignored). */
  columns: readonly string[];
  /** A header-only file is valid (e.g. an edition without observed indicators). */
  allowNoRows?: boolean;
}

const REGENERATE = "regenerate data/ with npm run import-data";

/** Reads a file of data/; undefined (with a problem recorded) when it is missing. */
export async function readDataBytes(root: string, file: string, problems: ProblemList): Promise<Buffer | undefined> {
  try {
    return await readFile(path.join(root, file));
  } catch (error) {
    if (isErrnoException(error) && (error.code === "ENOENT" || error.code === "EISDIR")) {
      problems.add({file, expected: `a file here, but it is missing (${REGENERATE})`});
      return undefined;
    }
    throw error;
  }
}

/**
 * Decodes UTF-8 strictly; on invalid bytes records a problem at the first bad line, saying whether the file looks
 * like GBK/GB18030 (the encoding of NBS exports). Strips a leading byte-order mark.
 */
export function decodeUtf8(bytes: Uint8Array, file: string, problems: ProblemList): string | undefined {
  try {
    const text = new TextDecoder("utf-8", {fatal: true, ignoreBOM: true}).decode(bytes);
    return text.startsWith("\uFEFF") ? text.slice(1) : text;
  } catch {
    const {line, sample} = firstInvalidLine(bytes);
    problems.add({
      file,
      row: line,
      value: sample,
      expected: looksLikeGb18030(bytes)
        ? "UTF-8 text (the file looks like GBK/GB18030; re-save it as UTF-8)"
        : "UTF-8 text (the file is not valid UTF-8; re-save it as UTF-8)"
    });
    return undefined;
  }
}

function firstInvalidLine(bytes: Uint8Array): {line: number; sample: string} {
  const strict = new TextDecoder("utf-8", {fatal: true});
  let start = 0;
  for (let line = 1; start <= bytes.length; line++) {
    let end = bytes.indexOf(0x0a, start);
    if (end < 0) end = bytes.length;
    const slice = bytes.subarray(start, end);
    try {
      strict.decode(slice);
    } catch {
      return {line, sample: new TextDecoder("gb18030").decode(slice).slice(0, 40)};
    }
    start = end + 1;
  }
  return {line: 1, sample: ""};
}

function looksLikeGb18030(bytes: Uint8Array): boolean {
  try {
    const text = new TextDecoder("gb18030", {fatal: true}).decode(bytes);
    return /[\u4e00-\u9fff]/.test(text);
  } catch {
    return false;
  }
}

/** Parses CSV text already decoded; records problems and returns undefined when nothing usable is left. */
export function parseCsvText(
  text: string,
  file: string,
  options: ReadCsvOptions,
  problems: ProblemList
): CsvTable | undefined {
  if (text.trim() === "") {
    problems.add({file, expected: `a header row and data rows, but the file is empty (${REGENERATE})`});
    return undefined;
  }
  let records: {record: string[]; info: {lines: number}}[];
  try {
    records = parse(text, {info: true, relax_column_count: true, skip_empty_lines: true}) as unknown as typeof records;
  } catch (error) {
    const line = typeof (error as {lines?: unknown}).lines === "number" ? (error as {lines: number}).lines : undefined;
    problems.add({file, row: line, expected: `valid CSV (${(error as Error).message})`});
    return undefined;
  }
  const [head, ...body] = records;
  const header = head!.record.map((name) => name.trim());
  let usable = true;
  const seen = new Set<string>();
  for (const name of header) {
    if (seen.has(name)) {
      problems.add({file, row: 1, column: name, value: name, expected: "a column name used once in the header"});
      usable = false;
    }
    seen.add(name);
  }
  for (const column of options.columns)
    if (!seen.has(column)) {
      problems.add({file, row: 1, column, expected: `a column named "${column}" in the header`});
      usable = false;
    }
  if (!usable) return undefined;
  const rows: CsvRow[] = [];
  for (const {record, info} of body) {
    if (record.length !== header.length) {
      problems.add({
        file,
        row: info.lines,
        value: record.join(","),
        expected: `${header.length} fields like the header (found ${record.length})`
      });
      continue;
    }
    rows.push({line: info.lines, values: Object.fromEntries(header.map((name, i) => [name, record[i]!]))});
  }
  if (body.length === 0 && !options.allowNoRows) {
    problems.add({file, row: 2, expected: "at least one data row after the header"});
    return undefined;
  }
  return {file, header, rows};
}

/** Reads and parses one CSV file of data/ (path relative to the repository root). */
export async function readCsv(
  root: string,
  file: string,
  options: ReadCsvOptions,
  problems: ProblemList
): Promise<CsvTable | undefined> {
  const bytes = await readDataBytes(root, file, problems);
  if (!bytes) return undefined;
  const text = decodeUtf8(bytes, file, problems);
  if (text === undefined) return undefined;
  return parseCsvText(text, file, options, problems);
}
