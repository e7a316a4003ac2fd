/**
 * @fileoverview Helpers for a figure's data table and its panels: panel letters (a), (b) … and joining the tables
 * of several panels into the one table a figure offers (as HTML and CSV).
 */
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
  return {columns, rows: [...byKey.values()].map((row) => Object.fromEntries(columns.map((c) => [c.field, row[c.field] ?? null])))};
}
