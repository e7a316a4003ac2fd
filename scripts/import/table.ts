/**
 * @fileoverview The tidy tables the import writes, and their one serialisation: UTF-8, LF, a header row, a fixed
 * column order and one fixed rule for printing numbers. Same table in, same bytes out.
 */
import type {DataSource} from "../model/inputs.ts";

export type Cell = string | number | boolean | null | undefined;

export interface ColumnSpec {
  name: string;
  /** Meaning and unit, for the manifest and data/README.md. */
  description: string;
  /**
   * Decimals a number is rounded to when printed. Omitted: the shortest text that reads back as the same double
   * (String(x)), used for values copied from a source so that they keep every digit they had.
   */
  decimals?: number;
}

export interface OutputTable {
  /** Path relative to the repository root, e.g. data/national/accounts.csv. */
  file: string;
  columns: ColumnSpec[];
  rows: Cell[][];
}

/** What a builder returns: the table plus the manifest entry that documents it (columns are filled in here). */
export interface BuiltTable {
  table: OutputTable;
  source: Omit<DataSource, "file" | "columns">;
  /** Extra manifest entries that point at the same file (e.g. the original organisations behind observed rows). */
  extraSources?: Omit<DataSource, "file" | "columns">[];
  /** Column documentation when listing every column would not help (the 149 columns of the IO matrix). */
  columnDocs?: {name: string; description: string}[];
}

/** Prints a number by the fixed rule; never exponent notation for the magnitudes in these files, never "-0". */
export function formatNumber(value: number, decimals?: number): string {
  if (!Number.isFinite(value)) throw new Error(`cannot write the non-finite number ${value}`);
  const rounded = decimals === undefined ? value : Number(value.toFixed(decimals));
  return Object.is(rounded, -0) ? "0" : String(rounded);
}

function formatCell(cell: Cell, column: ColumnSpec): string {
  if (cell === null || cell === undefined) return "";
  if (typeof cell === "number") return formatNumber(cell, column.decimals);
  if (typeof cell === "boolean") return cell ? "true" : "false";
  return cell;
}

/** Quotes a field only when it must be (comma, quote, line break, or edge spaces), doubling inner quotes. */
export function quoteCsvField(text: string): string {
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function tableToCsv(table: OutputTable): string {
  const lines = [table.columns.map((column) => quoteCsvField(column.name)).join(",")];
  for (const [index, row] of table.rows.entries()) {
    if (row.length !== table.columns.length)
      throw new Error(`${table.file}: row ${index + 1} has ${row.length} cells for ${table.columns.length} columns`);
    lines.push(row.map((cell, i) => quoteCsvField(formatCell(cell, table.columns[i]!))).join(","));
  }
  return `${lines.join("\n")}\n`;
}

/** The manifest entry of a built table: its file and its documented columns. */
export function manifestEntries(built: BuiltTable): DataSource[] {
  const columns = built.columnDocs ?? built.table.columns.map(({name, description}) => ({name, description}));
  return [built.source, ...(built.extraSources ?? [])].map((source) => ({
    ...source,
    file: built.table.file,
    columns
  }));
}
