/**
 * @fileoverview The 2017 national input-output table (149 products, 万元, as published by NBS): one table of
 * sector totals and one of the 149×149 intermediate-use matrix. Values are copied with every digit; the import
 * only checks that the table still closes (TI = GO, column sums = TII, row sums = TIU).
 */
import {DataError, type Problem} from "../lib/errors.ts";
import {DATA_FILES} from "../load/data-files.ts";
import {readShared, type SourceContext, type SourceTable} from "./sources.ts";
import type {BuiltTable, Cell} from "./table.ts";

const DIR = "data-sources/nbs-io-tables";
const SECTORS = `${DIR}/io2017_149_sectors.csv`;
const MATRIX = `${DIR}/io2017_149_intermediate_Z.csv`;
const RELATIVE_TOLERANCE = 1e-9;

const INTERMEDIARY =
  "R package ionet (CRAN), GitHub Carol-seven/ionet, data/china_2017_149.rda, commit fa9d0423dac4b642a7697ba49ea82877f9935c9c (snapshot 51145dcab476e75783af41a688488db1a4abeb56); converted .rda → CSV for ../shared/data-sources/nbs-io-tables";

/** What both files of the 2017 table share in their manifest entries. */
const IO_2017_SOURCE = {
  citation: "国家统计局《2017年全国投入产出表》",
  publisher: "国家统计局 NBS, 2017年全国投入产出表 (producer prices)",
  intermediary: INTERMEDIARY,
  vintage: "as published by NBS (2019)",
  unit: "万元",
  years: "2017"
};

export interface IoSectorSource {
  code: string;
  nameZh: string;
  nameEn: string;
  section: string;
  output: number;
  intermediateInput: number;
  valueAdded: number;
  intermediateUse: number;
}

/** The 2017 sectors as read from ../shared, shared with the builders that need product names and sections. */
export async function readIoSectors(context: SourceContext): Promise<{table: SourceTable; sectors: IoSectorSource[]}> {
  const table = await readShared(context, SECTORS, [
    "seq",
    "name_zh",
    "name_en",
    "gbt4754_section",
    "total_output_GO",
    "total_input_TI",
    "intermediate_input_TII",
    "value_added_TVA",
    "TIU"
  ]);
  const problems: Problem[] = [];
  const sectors = table.rows.map((row) => {
    const sector: IoSectorSource = {
      code: table.text(row, "seq"),
      nameZh: table.text(row, "name_zh"),
      nameEn: table.text(row, "name_en"),
      section: table.text(row, "gbt4754_section"),
      output: table.number(row, "total_output_GO"),
      intermediateInput: table.number(row, "intermediate_input_TII"),
      valueAdded: table.number(row, "value_added_TVA"),
      intermediateUse: table.number(row, "TIU")
    };
    const totalInput = table.number(row, "total_input_TI");
    if (!closeTo(totalInput, sector.output))
      problems.push({
        file: table.label,
        row: row.line,
        column: "total_input_TI",
        value: String(totalInput),
        expected: `total output ${sector.output}`
      });
    if (!closeTo(sector.intermediateInput + sector.valueAdded, sector.output))
      problems.push({
        file: table.label,
        row: row.line,
        column: "value_added_TVA",
        value: String(sector.valueAdded),
        expected: "TII + TVA = GO"
      });
    return sector;
  });
  if (problems.length > 0) throw new DataError(problems);
  return {table, sectors};
}

function closeTo(a: number, b: number): boolean {
  return Math.abs(a - b) <= RELATIVE_TOLERANCE * Math.max(1, Math.abs(a), Math.abs(b));
}

export async function buildIoSectors(context: SourceContext): Promise<BuiltTable> {
  const {sectors} = await readIoSectors(context);
  return {
    table: {
      file: DATA_FILES.ioSectors,
      columns: [
        {name: "code", description: "NBS sequence code of the product, 001–149"},
        {name: "name_zh", description: "product name as published (e.g. 计算机)"},
        {name: "name_en", description: "English product name (ionet)"},
        {name: "section", description: "GB/T 4754-2017 section A–S the product belongs to (ionet gbt4754_section)"},
        {name: "output", description: "total output X_i = total input, 万元 (GO)"},
        {name: "intermediate_input", description: "total intermediate input M_i, 万元 (TII; column sum of the matrix)"},
        {name: "value_added", description: "value added X_i − M_i, 万元 (TVA)"},
        {name: "intermediate_use", description: "total intermediate use, 万元 (TIU; row sum of the matrix)"}
      ],
      rows: sectors.map((s) => [
        s.code,
        s.nameZh,
        s.nameEn,
        s.section,
        s.output,
        s.intermediateInput,
        s.valueAdded,
        s.intermediateUse
      ])
    },
    source: {
      id: "nbs-io-2017-sectors",
      title: "2017 national input-output table, 149 products: sector totals",
      ...IO_2017_SOURCE,
      transformations: [
        `copied from ../shared/${SECTORS}: seq → code, GO → output, TII → intermediate_input, TVA → value_added, TIU → intermediate_use; every digit kept`,
        "checked on import: TI = GO and TII + TVA = GO for every product (relative 1e-9)"
      ],
      estimated: false,
      caveats:
        "The section of each product comes from ionet's gbt4754_section column (matched by name to the 2018 code list for the 2017 table).",
      upstream: [`../shared/${SECTORS}`, `../shared/${DIR}/PROVENANCE.md`]
    }
  };
}

export async function buildIoIntermediate(context: SourceContext): Promise<BuiltTable> {
  const {sectors} = await readIoSectors(context);
  const table = await readShared(context, MATRIX, ["seq", "name_zh"]);
  const codes = sectors.map((s) => s.code);
  const problems: Problem[] = [];
  const matrixColumns = table.header.slice(2);
  if (matrixColumns.join(",") !== codes.join(","))
    problems.push({
      file: table.label,
      row: 1,
      expected: `the 149 product codes 001…149 as columns, in the order of ${SECTORS}`
    });
  if (table.rows.map((row) => table.text(row, "seq")).join(",") !== codes.join(","))
    problems.push({
      file: table.label,
      column: "seq",
      expected: "one row per product, in the order of the sectors file"
    });
  if (problems.length > 0) throw new DataError(problems);

  const rows: Cell[][] = table.rows.map((row) => [
    table.text(row, "seq"),
    ...codes.map((code) => table.number(row, code))
  ]);
  for (const [j, sector] of sectors.entries()) {
    const columnSum = rows.reduce((sum, row) => sum + (row[j + 1] as number), 0);
    if (!closeTo(columnSum, sector.intermediateInput))
      problems.push({
        file: table.label,
        column: sector.code,
        value: String(columnSum),
        expected: `the column sum to equal TII ${sector.intermediateInput}`
      });
  }
  for (const [i, sector] of sectors.entries()) {
    const rowSum = (rows[i]!.slice(1) as number[]).reduce((sum, x) => sum + x, 0);
    if (!closeTo(rowSum, sector.intermediateUse))
      problems.push({
        file: table.label,
        row: table.rows[i]!.line,
        value: String(rowSum),
        expected: `the row sum to equal TIU ${sector.intermediateUse}`
      });
  }
  if (problems.length > 0) throw new DataError(problems);

  return {
    columnDocs: [
      {name: "supplier", description: "code of the supplying product i (row)"},
      {name: "001 … 149", description: "flow x_ij from the supplier to the using product j named by the column, 万元"}
    ],
    table: {
      file: DATA_FILES.ioIntermediate,
      columns: [
        {name: "supplier", description: "code of the supplying product i (row)"},
        ...codes.map((code) => ({
          name: code,
          description: `flow x_ij from the supplier to using product ${code} (column j), 万元`
        }))
      ],
      rows
    },
    source: {
      id: "nbs-io-2017-intermediate",
      title: "2017 national input-output table, 149 products: intermediate-use matrix",
      ...IO_2017_SOURCE,
      transformations: [
        `copied from ../shared/${MATRIX} without the name column; row = supplying product i, column = using product j; every digit kept`,
        "checked on import: column sums = intermediate_input and row sums = intermediate_use of the sectors file (relative 1e-9)"
      ],
      estimated: false,
      upstream: [`../shared/${MATRIX}`, `../shared/${DIR}/PROVENANCE.md`]
    }
  };
}
