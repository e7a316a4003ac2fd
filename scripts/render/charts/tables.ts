/**
 * @fileoverview Helpers for a figure's data table and its panels: panel letters (a), (b) … , joining the tables of
 * several panels into the one table a figure offers (as HTML and CSV), and the table's HTML, whose numbers link to
 * their records.
 */
import type {FigureRecord} from "../../model/records/records.ts";
import {numberElement} from "../eleventy/numbers.ts";
import {formatNumber} from "../format.ts";
import {escapeHtml} from "../html.ts";
import type {FigureTable, TableCell} from "./types.ts";

/** The letter of the i-th panel: a, b, c … (the papers' (a)/(b) panels). */
export function panelLetter(index: number): string {
  return String.fromCharCode("a".charCodeAt(0) + index);
}

/**
 * Joins tables on a key column (e.g. the year): one row per key in first-seen order, the columns of every table
 * once (a column field shared by two tables must mean the same values); a key missing from a table leaves its cells
 * empty.
 */
export function joinTables(tables: readonly FigureTable[], key: string): FigureTable {
  const columns: FigureTable["columns"] = [];
  const byKey = new Map<string, Record<string, TableCell>>();
  for (const table of tables) {
    for (const column of table.columns) if (!columns.some((c) => c.field === column.field)) columns.push(column);
    for (const row of table.rows) {
      const id = String(row[key]);
      byKey.set(id, {...(byKey.get(id) ?? {}), ...row});
    }
  }
  return {
    columns,
    rows: [...byKey.values()].map((row) => Object.fromEntries(columns.map((c) => [c.field, row[c.field] ?? null])))
  };
}

/** The record a cell of a data table shows. */
export interface CellRecord {
  id: string;
  record: FigureRecord;
}

/** Finds the record of a table cell: (row index, column field) → the record, or undefined. */
export type CellRecords = (row: number, field: string) => CellRecord | undefined;

/** The texts of a row that may name a record's year or entity: "2021", "2022E", "广东". */
function rowWords(row: Record<string, TableCell>): Set<string> {
  const words = new Set<string>();
  for (const value of Object.values(row)) if (value !== null) words.add(String(value).replace(/E$/, ""));
  return words;
}

/**
 * The records behind a figure's data table, cell by cell. Tables keep the records' values in their canonical unit
 * (charts/metrics.ts), so a number equal to the value of exactly one of the figure's records is that record; when
 * several records have the value, the one whose year or entity name is in the row is, if only one is. A number no
 * record holds (a sum, a share computed for the chart) has none, and prints without a link.
 */
export function cellRecords(
  table: FigureTable,
  recordIds: readonly string[],
  records: ReadonlyMap<string, FigureRecord>
): CellRecords {
  const byValue = new Map<number, CellRecord[]>();
  for (const id of new Set(recordIds)) {
    const record = records.get(id);
    if (!record) continue;
    const list = byValue.get(record.value);
    if (list) list.push({id, record});
    else byValue.set(record.value, [{id, record}]);
  }
  return (rowIndex, field) => {
    const row = table.rows[rowIndex];
    const value = row?.[field];
    if (typeof value !== "number") return undefined;
    const candidates = byValue.get(value) ?? [];
    if (candidates.length <= 1) return candidates[0];
    const words = rowWords(row!);
    const inRow = candidates.filter(
      ({record}) => words.has(String(record.year)) || (record.entityZh !== undefined && words.has(record.entityZh))
    );
    return inRow.length === 1 ? inRow[0] : undefined;
  };
}

/** A cell as the table prints it: integers as they are, other numbers to two decimals, the site's minus sign. */
export function formatCell(value: TableCell): string {
  if (value === null) return "";
  if (typeof value === "number") return formatNumber(value, "plain", {decimals: Number.isInteger(value) ? 0 : 2});
  return value;
}

/**
 * The data table as HTML; a number that shows a record links to it like a number of the text (a.num with
 * data-record, so the provenance card and the print page's link removal treat both alike).
 */
export function tableHtml(table: FigureTable, recordOf: CellRecords = () => undefined): string {
  const head = table.columns.map((c) => `<th scope="col">${escapeHtml(c.title)}</th>`).join("");
  const cell = (rowIndex: number, field: string, value: TableCell): string => {
    const text = formatCell(value);
    const found = recordOf(rowIndex, field);
    return `<td>${found ? numberElement(found.id, text, found.record) : escapeHtml(text)}</td>`;
  };
  const body = table.rows
    .map((row, i) => `<tr>${table.columns.map((c) => cell(i, c.field, row[c.field] ?? null)).join("")}</tr>`)
    .join("");
  return `<table class="data-table"><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}
