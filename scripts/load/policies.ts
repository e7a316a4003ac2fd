/**
 * @fileoverview The policy tables of an edition (表1 national, 表2 provincial). Only editions that print them
 * have them: a table is required exactly when data/manifest.json lists its file.
 */
import {z} from "zod";
import type {ProblemList} from "../lib/errors.ts";
import type {DataSource, PolicyDocument, Province} from "../model/inputs.ts";
import {cell, parseRows} from "./cells.ts";
import {readCsv} from "./csv.ts";
import {policiesFile} from "./data-files.ts";

const PolicyRow = z.object({
  issuer: cell.id,
  issuer_zh: cell.text,
  date: z
    .string()
    .trim()
    .regex(/^\d{4}\.\d{2}$/, "a date YYYY.MM as printed"),
  title: cell.text
});

export async function loadPolicies(
  root: string,
  edition: number,
  sources: readonly DataSource[] | undefined,
  provinces: readonly Province[] | undefined,
  problems: ProblemList
): Promise<{national: PolicyDocument[]; provincial: PolicyDocument[]}> {
  const result: {national: PolicyDocument[]; provincial: PolicyDocument[]} = {national: [], provincial: []};
  for (const level of ["national", "provincial"] as const) {
    const file = policiesFile(edition, level);
    if (!sources?.some((s) => s.file === file)) continue;
    const table = await readCsv(root, file, {columns: Object.keys(PolicyRow.shape)}, problems);
    if (!table) continue;
    const rows = parseRows(table, PolicyRow, problems);
    if (level === "provincial" && provinces) {
      const known = new Set(provinces.map((p) => p.id));
      for (const {line, value} of rows)
        if (!known.has(value.issuer))
          problems.add({
            file,
            row: line,
            column: "issuer",
            value: value.issuer,
            expected: "a province id of data/concordance/provinces.csv"
          });
    }
    result[level] = rows.map(({value: r}) => ({issuer: r.issuer, issuerZh: r.issuer_zh, date: r.date, title: r.title}));
  }
  return result;
}
