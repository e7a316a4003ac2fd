/**
 * @fileoverview A policy table (2020 表1 national, 表2 provincial) as an HTML table from the render context's policy
 * documents (`params.level`). As in the paper, consecutive documents of one issuer share a merged 部门/地区 cell,
 * and of one issuer and date a merged 政策时间 cell (rowspan: the reader sees one cell, a screen reader its value
 * on every row); the data table and CSV repeat the values on every row.
 */
import {z} from "zod";
import {BuildError} from "../../lib/errors.ts";
import {policiesFile} from "../../load/data-files.ts";
import type {PolicyDocument} from "../../model/inputs.ts";
import {escapeHtml} from "../html.ts";
import {chartParams} from "./params.ts";
import type {ChartModule} from "./types.ts";

const Params = z.strictObject({level: z.enum(["national", "provincial"])});

const ISSUER_TITLE = {national: "部门", provincial: "地区"} as const;

/** Lengths of the runs of equal keys: [a, a, b] → [2, 0, 1] (0 = continues the run above). */
export function runLengths(keys: readonly string[]): number[] {
  const spans = keys.map(() => 0);
  for (let i = 0; i < keys.length;) {
    let j = i;
    while (j < keys.length && keys[j] === keys[i]) j++;
    spans[i] = j - i;
    i = j;
  }
  return spans;
}

export function policyTableHtml(documents: readonly PolicyDocument[], issuerTitle: string): string {
  const issuerSpans = runLengths(documents.map((d) => d.issuer));
  const dateSpans = runLengths(documents.map((d) => `${d.issuer}\u0000${d.date}`));
  const cell = (text: string, span: number) =>
    span === 0 ? "" : `<td${span > 1 ? ` rowspan="${span}"` : ""}>${escapeHtml(text)}</td>`;
  const body = documents
    .map(
      (d, i) =>
        `<tr>${cell(d.issuerZh, issuerSpans[i]!)}${cell(d.date, dateSpans[i]!)}<td>${escapeHtml(d.title)}</td></tr>`
    )
    .join("");
  return (
    `<table class="policy-table"><thead><tr><th scope="col">${issuerTitle}</th><th scope="col">政策时间</th>` +
    `<th scope="col">政策名称</th></tr></thead><tbody>${body}</tbody></table>`
  );
}

export const policyTable: ChartModule = {
  id: "policy-table",
  describe: "national or provincial policy documents as an HTML table (issuer, date, title)",
  build(input) {
    const params = chartParams(input, Params);
    const {context} = input;
    const documents = context.reference.policies[params.level];
    if (documents.length === 0)
      throw new BuildError(
        `${input.where}: the ${context.config.edition} edition has no ${params.level} policy documents (${policiesFile(context.config.edition, params.level)})`
      );
    const issuerTitle = ISSUER_TITLE[params.level];
    const source = context.manifest.find((s) => s.file === policiesFile(context.config.edition, params.level));
    const counts = new Map<string, number>();
    for (const d of documents) counts.set(d.issuerZh, (counts.get(d.issuerZh) ?? 0) + 1);
    const dates = documents.map((d) => d.date).sort();
    return {
      panels: [{html: policyTableHtml(documents, issuerTitle)}],
      table: {
        columns: [
          {field: "issuer", title: issuerTitle},
          {field: "date", title: "政策时间"},
          {field: "title", title: "政策名称"}
        ],
        rows: documents.map((d) => ({issuer: d.issuerZh, date: d.date, title: d.title}))
      },
      summary:
        `共${documents.length}项政策文件，来自${counts.size}个${params.level === "national" ? "部门" : "省（区、市）"}，` +
        `发布时间为${dates[0]}至${dates[dates.length - 1]}。`,
      records: [],
      sources: source ? [source.citation] : []
    };
  }
};
