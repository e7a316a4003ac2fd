/**
 * @fileoverview Reading the upstream material in ../shared (the only code that does). A source file that is
 * missing or not as expected stops the import with its path, line and column: the import never guesses.
 */
import {readFile} from "node:fs/promises";
import path from "node:path";
import {parse} from "csv-parse/sync";
import {BuildError, DataError, isErrnoException} from "../lib/errors.ts";

/** ../shared next to the repository, or BAIPISHU_SHARED when set (tests, other checkouts). */
export function resolveSharedDir(root: string): string {
  const fromEnv = process.env.BAIPISHU_SHARED;
  return fromEnv && fromEnv.length > 0 ? path.resolve(fromEnv) : path.resolve(root, "../shared");
}

/** Where the import reads from; every path is relative to the shared folder. */
export interface SourceContext {
  sharedDir: string;
  /** Folder of the import's hand-curated, sourced supplements (scripts/import/supplements). */
  supplementsDir: string;
}

export interface SourceRow {
  /** 1-based line number in the source file (header = line 1). */
  line: number;
  values: Record<string, string>;
}

/** A parsed source CSV with typed accessors that fail loudly, naming file, line and column. */
export class SourceTable {
  constructor(
    /** Path as shown in messages, e.g. ../shared/data-sources/nbs-io-tables/io2017_149_sectors.csv. */
    readonly label: string,
    readonly header: string[],
    readonly rows: SourceRow[]
  ) {}

  text(row: SourceRow, column: string): string {
    const value = row.values[column];
    if (value === undefined) throw this.problem(row, column, undefined, `a column named "${column}"`);
    return value;
  }

  number(row: SourceRow, column: string): number {
    const text = this.text(row, column).trim();
    const value = Number(text);
    if (text === "" || !Number.isFinite(value)) throw this.problem(row, column, text, "a number");
    return value;
  }

  problem(row: SourceRow | undefined, column: string, value: string | undefined, expected: string): DataError {
    return new DataError([{file: this.label, row: row?.line, column, value, expected}]);
  }
}

async function readText(absolute: string, label: string): Promise<string> {
  try {
    return await readFile(absolute, "utf8");
  } catch (error) {
    if (isErrnoException(error) && error.code === "ENOENT")
      throw new BuildError(
        `${label}: source file not found; the import reads ../shared next to the repository (set BAIPISHU_SHARED to use another folder)`
      );
    throw error;
  }
}

/** Reads a UTF-8 CSV with a header row; `requiredColumns` must all be present. */
export async function readSourceCsv(
  absolute: string,
  label: string,
  requiredColumns: readonly string[] = []
): Promise<SourceTable> {
  const text = await readText(absolute, label);
  let records: {record: string[]; info: {lines: number}}[];
  try {
    records = parse(text, {bom: true, info: true, skip_empty_lines: true}) as unknown as typeof records;
  } catch (error) {
    throw new BuildError(`${label}: not readable as CSV (${(error as Error).message})`);
  }
  const [head, ...body] = records;
  if (!head) throw new BuildError(`${label}: empty file; expected a header row`);
  const header = head.record;
  const missing = requiredColumns.filter((column) => !header.includes(column));
  if (missing.length > 0)
    throw new DataError(
      missing.map((column) => ({file: label, row: 1, column, expected: `a column named "${column}"`}))
    );
  const rows = body.map(({record, info}) => ({
    line: info.lines,
    values: Object.fromEntries(header.map((name, i) => [name, record[i] ?? ""]))
  }));
  return new SourceTable(label, header, rows);
}

/** Reads a file of ../shared given its path inside the shared folder (data-sources/… or spec/…). */
export function readShared(context: SourceContext, relative: string, requiredColumns: readonly string[] = []) {
  return readSourceCsv(path.join(context.sharedDir, relative), `../shared/${relative}`, requiredColumns);
}

/** Reads a supplement of scripts/import/supplements. */
export function readSupplement(context: SourceContext, name: string, requiredColumns: readonly string[] = []) {
  return readSourceCsv(path.join(context.supplementsDir, name), `scripts/import/supplements/${name}`, requiredColumns);
}

export async function readSharedText(context: SourceContext, relative: string): Promise<string> {
  return readText(path.join(context.sharedDir, relative), `../shared/${relative}`);
}
