/**
 * @fileoverview The 2017 input-output table: sector totals and the intermediate matrix, with the accounting
 * identities checked (output = intermediate input + value added; column sums = intermediate input; row sums =
 * intermediate use).
 */
import {z} from "zod";
import type {ProblemList} from "../lib/errors.ts";
import {SECTION_CODES, type IoSector, type IoTable, type SectionCode} from "../model/inputs.ts";
import {cell, checkUnique, closeTo, parseRows, show} from "./cells.ts";
import {readCsv} from "./csv.ts";
import {DATA_FILES} from "./data-files.ts";

/**
 * Economic validity of the table: every sector's technical coefficients (column sums of A = Z / x) must stay below
 * this bound. Below 1 means positive value added (Hawkins–Simon: (I − A)⁻¹ exists and is non-negative); the margin
 * bounds the inverse's column sums by 1 / (1 − 0.99) = 100, so a nearly singular table is refused before it
 * publishes a huge multiplier. The 2017 table's largest column sum is 0.88 (计算机).
 */
export const MAX_COEFFICIENT_COLUMN_SUM = 0.99;

/** The table closes to 1e-15 upstream; 1e-6 leaves room for printing and catches any real imbalance. */
export const IO_RELATIVE_TOLERANCE = 1e-6;
const IO_YEAR = 2017;
const TOLERANCE_TEXT = `${show(IO_RELATIVE_TOLERANCE * 100)} %`;

const SectorRow = z.object({
  code: cell.ioCode,
  name_zh: cell.text,
  section: cell.oneOf(SECTION_CODES),
  output: cell.nonNegative,
  intermediate_input: cell.nonNegative,
  value_added: cell.number,
  intermediate_use: cell.nonNegative
});

export async function loadIoTable(root: string, problems: ProblemList): Promise<IoTable | undefined> {
  const sectorsFile = DATA_FILES.ioSectors;
  const matrixFile = DATA_FILES.ioIntermediate;
  const [sectorsTable, matrixTable] = await Promise.all([
    readCsv(root, sectorsFile, {columns: Object.keys(SectorRow.shape)}, problems),
    readCsv(root, matrixFile, {columns: ["supplier"]}, problems)
  ]);
  if (!sectorsTable) return undefined;
  const rows = parseRows(sectorsTable, SectorRow, problems);
  checkUnique(sectorsFile, rows, (s) => s.code, "code", "a sector code", problems);
  for (const {line, value: s} of rows)
    if (!closeTo(s.intermediate_input + s.value_added, s.output, IO_RELATIVE_TOLERANCE))
      problems.add({
        file: sectorsFile,
        row: line,
        column: "output",
        value: String(s.output),
        expected: `intermediate_input + value_added (${show(s.intermediate_input + s.value_added)}) within ${TOLERANCE_TEXT}`
      });
  const sectors: IoSector[] = rows.map(({value: s}) => ({
    code: s.code,
    nameZh: s.name_zh,
    section: s.section as SectionCode,
    output: s.output,
    intermediateInput: s.intermediate_input,
    valueAdded: s.value_added,
    intermediateUse: s.intermediate_use
  }));
  const codes = sectors.map((s) => s.code);
  // The matrix is checked against a clean list of sectors only; otherwise every identity would fail in cascade.
  if (rows.length !== sectorsTable.rows.length || new Set(codes).size !== codes.length || !matrixTable)
    return undefined;

  const codeIndex = new Map(codes.map((code, i) => [code, i]));
  const n = codes.length;
  const matrixColumns = matrixTable.header.filter((name) => name !== "supplier");
  for (const column of matrixColumns)
    if (!codeIndex.has(column))
      problems.add({file: matrixFile, row: 1, column, value: column, expected: `a sector code of ${sectorsFile}`});
  for (const code of codes)
    if (!matrixColumns.includes(code))
      problems.add({file: matrixFile, row: 1, column: code, expected: `a column for sector ${code} of ${sectorsFile}`});

  const intermediate = new Float64Array(n * n);
  const seenRows = new Map<string, number>();
  for (const row of matrixTable.rows) {
    const supplier = row.values.supplier!.trim();
    const i = codeIndex.get(supplier);
    if (i === undefined) {
      problems.add({
        file: matrixFile,
        row: row.line,
        column: "supplier",
        value: supplier,
        expected: `a sector code of ${sectorsFile}`
      });
      continue;
    }
    if (seenRows.has(supplier)) {
      problems.add({
        file: matrixFile,
        row: row.line,
        column: "supplier",
        value: supplier,
        expected: `a sector code used once (already on line ${seenRows.get(supplier)})`
      });
      continue;
    }
    seenRows.set(supplier, row.line);
    for (const column of matrixColumns) {
      const j = codeIndex.get(column);
      if (j === undefined) continue;
      const parsed = cell.number.safeParse(row.values[column]);
      if (!parsed.success)
        problems.add({file: matrixFile, row: row.line, column, value: row.values[column] ?? "", expected: "a number"});
      else if (parsed.data < 0)
        problems.add({
          file: matrixFile,
          row: row.line,
          column,
          value: row.values[column] ?? "",
          expected: "a flow ≥ 0 (what sector column buys from sector supplier)"
        });
      else intermediate[i * n + j] = parsed.data;
    }
  }
  for (const code of codes)
    if (!seenRows.has(code))
      problems.add({file: matrixFile, column: "supplier", value: code, expected: `a row for sector ${code}`});

  // Accounting identities, reported on the sectors file's line of the sector concerned.
  for (const [k, sector] of sectors.entries()) {
    let columnSum = 0;
    let rowSum = 0;
    for (let m = 0; m < n; m++) {
      columnSum += intermediate[m * n + k]!;
      rowSum += intermediate[k * n + m]!;
    }
    const line = rows[k]!.line;
    if (sector.valueAdded < 0)
      problems.add({
        file: sectorsFile,
        row: line,
        column: "value_added",
        value: String(sector.valueAdded),
        expected: `value added ≥ 0 for sector ${sector.code} ${sector.nameZh} (a sector cannot use more inputs than it produces)`
      });
    if (sector.output > 0 && columnSum / sector.output >= MAX_COEFFICIENT_COLUMN_SUM)
      problems.add({
        file: matrixFile,
        row: 1,
        column: sector.code,
        value: show(columnSum / sector.output),
        expected: `technical coefficients of sector ${sector.code} ${sector.nameZh} (column sum ÷ output ${show(sector.output)} on ${sectorsFile} line ${line}) summing below ${MAX_COEFFICIENT_COLUMN_SUM}: at 1 or more the Leontief inverse does not exist or is not economic`
      });
    if (!closeTo(columnSum, sector.intermediateInput, IO_RELATIVE_TOLERANCE))
      problems.add({
        file: sectorsFile,
        row: line,
        column: "intermediate_input",
        value: String(sector.intermediateInput),
        expected: `the sum of column ${sector.code} of ${matrixFile} (${show(columnSum)}) within ${TOLERANCE_TEXT}`
      });
    if (!closeTo(rowSum, sector.intermediateUse, IO_RELATIVE_TOLERANCE))
      problems.add({
        file: sectorsFile,
        row: line,
        column: "intermediate_use",
        value: String(sector.intermediateUse),
        expected: `the sum of row ${sector.code} of ${matrixFile} (${show(rowSum)}) within ${TOLERANCE_TEXT}`
      });
  }
  return {year: IO_YEAR, unit: "万元", sectors, intermediate};
}
