/**
 * @fileoverview The view of the 数据与方法 page: every record of the edition, grouped by metric, with the facts of its
 * provenance card. Thousands of records share a few dozen formulas and sources, so the page renders each formula
 * once and numbers each source once, and records point to them; a record lists its first inputs and their count.
 */
import {recordId} from "../model/records.ts";
import {formula as formulaEntry, type FormulaId} from "../model/formulas.ts";
import {metricLabel} from "./labels.ts";
import {renderTex} from "./math.ts";
import {recordAnchor, recordHref} from "./eleventy/numbers.ts";
import {exactValue, formulaKey, provenanceCard, recordTitle} from "./eleventy/provenance.ts";
import type {SiteModel} from "./site.ts";

/** Inputs listed per record on the page (the card and the full figures.json keep them all). */
export const DATA_PAGE_INPUTS_SHOWN = 6;

export interface DataPageView {
  formulas: {anchor: string; html: string; description: string}[];
  citations: {n: number; text: string}[];
  groups: {metric: string; label: string; records: DataPageRecord[]}[];
  count: number;
}

export interface DataPageRecord {
  anchor: string;
  id: string;
  title: string;
  value: string;
  forecast: boolean;
  estimated: boolean;
  formulaAnchor: string;
  formulaLabel: string;
  inputs: {href: string; label: string}[];
  inputCount: number;
  citations: number[];
  figure?: {label: string; title: string; href: string};
  note?: string;
}

function describeFormula(key: string): string {
  try {
    return formulaEntry(key as FormulaId).descriptionZh;
  } catch {
    return "";
  }
}

export function dataPageView(site: SiteModel): DataPageView {
  const {records} = site.context.figures;
  const formulaAnchors = new Map<string, string>();
  const formulas: DataPageView["formulas"] = [];
  const citations = new Map<string, number>();
  const groups = new Map<string, DataPageView["groups"][number]>();

  for (const record of records) {
    const id = recordId(record);
    const key = formulaKey(record);
    if (key && !formulaAnchors.has(key)) {
      const anchor = `formula-${formulaAnchors.size + 1}`;
      formulaAnchors.set(key, anchor);
      formulas.push({anchor, html: renderTex(record.formula, {where: `record ${id}`}), description: describeFormula(key)});
    }
    for (const source of record.sources) if (!citations.has(source)) citations.set(source, citations.size + 1);
    const card = provenanceCard(site, id)!;
    let group = groups.get(record.metric);
    if (!group) groups.set(record.metric, (group = {metric: record.metric, label: metricLabel(record.metric), records: []}));
    group.records.push({
      anchor: recordAnchor(id),
      id,
      title: recordTitle(record),
      value: exactValue(record),
      forecast: record.forecast,
      estimated: record.estimated === true,
      formulaAnchor: key ? formulaAnchors.get(key)! : "",
      formulaLabel: key ? describeFormula(key) || "公式" : "",
      inputs: record.inputs.slice(0, DATA_PAGE_INPUTS_SHOWN).map((input) => {
        const source = site.context.records.get(input);
        return {href: recordHref(input), label: source ? recordTitle(source) : input};
      }),
      inputCount: record.inputs.length,
      citations: record.sources.map((s) => citations.get(s)!),
      ...(card.figure ? {figure: card.figure} : {}),
      ...(record.note ? {note: record.note} : {})
    });
  }
  return {
    formulas,
    citations: [...citations.entries()].map(([text, n]) => ({n, text})),
    groups: [...groups.values()].sort((a, b) => a.label.localeCompare(b.label, "zh-CN")),
    count: records.length
  };
}
