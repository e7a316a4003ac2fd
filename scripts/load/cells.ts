/**
 * @fileoverview Cell schemas (zod) for the CSV files of data/, each with the "expected …" phrase the user sees,
 * and the row validator that turns zod issues into located problems (file:line:column: found "…"; expected …).
 */
import {z} from "zod";
import type {ProblemList} from "../lib/errors.ts";
import type {CsvRow, CsvTable} from "./csv.ts";

const NUMBER = /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;

/** A decimal number that is finite as a double: "1e400" reads as Infinity and is refused here, where its cell is known. */
const finiteNumber = z
  .string()
  .trim()
  .regex(NUMBER, "a number")
  .transform(Number)
  .refine((x) => Number.isFinite(x), "a finite number (at most about 1.8e308)");

export const cell = {
  number: finiteNumber,
  nonNegative: finiteNumber.refine((x) => x >= 0, "a non-negative number"),
  positive: finiteNumber.refine((x) => x > 0, "a positive number"),
  /** A share in (0, 1]. */
  share: finiteNumber.refine((x) => x > 0 && x <= 1, "a share in (0, 1]"),
  year: z
    .string()
    .trim()
    .regex(/^\d{4}$/, "a year (4 digits)")
    .transform(Number),
  gridIndex: z.string().trim().regex(/^\d+$/, "a whole number ≥ 0").transform(Number),
  boolean: z.enum(["true", "false"], {error: "true or false"}).transform((x) => x === "true"),
  text: z.string().trim().min(1, "a non-empty text"),
  optionalText: z.string().transform((x) => (x.trim() === "" ? undefined : x.trim())),
  id: z
    .string()
    .trim()
    .regex(/^[a-z0-9_]+$/, "a lower-case id (a-z, 0-9, _)"),
  ioCode: z
    .string()
    .trim()
    .regex(/^\d{3}$/, "a 3-digit IO product code"),
  divisionCode: z
    .string()
    .trim()
    .regex(/^\d{6}$/, "a 6-digit division code"),
  oneOf<const T extends readonly [string, ...string[]]>(values: T) {
    return z.enum(values, {error: `one of ${values.join(", ")}`});
  }
};

export interface ParsedRow<T> {
  line: number;
  value: T;
}

/**
 * Validates every row of `table` against `schema` (keys = column names); records one problem per bad cell and
 * returns the rows that passed.
 */
export function parseRows<S extends z.ZodObject>(
  table: CsvTable,
  schema: S,
  problems: ProblemList
): ParsedRow<z.output<S>>[] {
  const parsed: ParsedRow<z.output<S>>[] = [];
  for (const row of table.rows) {
    const result = schema.safeParse(row.values);
    if (result.success) parsed.push({line: row.line, value: result.data});
    else
      for (const issue of result.error.issues)
        addIssue(table, row, String(issue.path[0] ?? ""), issue.message, problems);
  }
  return parsed;
}

function addIssue(table: CsvTable, row: CsvRow, column: string, message: string, problems: ProblemList): void {
  problems.add({file: table.file, row: row.line, column, value: row.values[column] ?? "", expected: message});
}

/**
 * The rows as typed values when every row of the table passed, else undefined: a file with bad cells feeds no
 * cross-file check (sums against GDP, year coverage), so one bad cell gives one message, not a cascade.
 */
export function allParsed<T, U>(table: CsvTable, rows: readonly ParsedRow<T>[], map: (value: T) => U): U[] | undefined {
  return rows.length === table.rows.length ? rows.map((row) => map(row.value)) : undefined;
}

/** Records a problem for every repeated key (the second and later occurrences), naming the first line. */
export function checkUnique<T>(
  file: string,
  rows: readonly ParsedRow<T>[],
  key: (value: T) => string,
  column: string,
  what: string,
  problems: ProblemList
): void {
  const first = new Map<string, number>();
  for (const row of rows) {
    const k = key(row.value);
    const seen = first.get(k);
    if (seen !== undefined)
      problems.add({file, row: row.line, column, value: k, expected: `${what} used once (already on line ${seen})`});
    else first.set(k, row.line);
  }
}

/** |a − b| within a relative tolerance of the larger magnitude, or within `absolute`. */
export function closeTo(a: number, b: number, relative: number, absolute = 0): boolean {
  return Math.abs(a - b) <= Math.max(absolute, relative * Math.max(Math.abs(a), Math.abs(b)));
}

/** Shortest readable form of a computed number in a message (no 15-digit noise). */
export function show(x: number): string {
  return String(Number(x.toPrecision(12)));
}
