/**
 * @fileoverview What a reviewer sees when focusing a number: its exact value and unit, the formula (rendered), the
 * input records, the data sources, and the figure that plots it. Chapter pages carry this as JSON for the records
 * they use (scripts read it to show a card); the 数据与方法 page prints the same for every record.
 */
import type {FigureRecord} from "../../model/records.ts";
import type {SiteModel} from "../site.ts";
import {defaultDisplayUnit, formatValue} from "../format.ts";
import {metricLabel} from "../labels.ts";
import {renderTex} from "../math.ts";
import {recordHref} from "./numbers.ts";

export interface ProvenanceCard {
  id: string;
  title: string;
  value: string;
  forecast: boolean;
  kind: FigureRecord["kind"];
  formulaHtml: string;
  inputs: {id: string; text: string; href: string}[];
  sources: string[];
  figure?: {label: string; title: string; href: string};
  estimated: boolean;
  note?: string;
}

/** Full precision for the card: up to 6 significant decimals, then the canonical unit. */
export function exactValue(record: FigureRecord): string {
  const unit = defaultDisplayUnit(record.unit);
  const decimals = unit === "个" || unit === "位" ? 0 : 4;
  return formatValue(record.value, unit, {decimals});
}

export function recordTitle(record: FigureRecord): string {
  const entity = record.entityZh ?? (record.scope === "national" ? "全国" : record.entity);
  const when = record.period ? `${record.year}（${record.period}）` : `${record.year}年${record.forecast ? "（预测）" : ""}`;
  return `${when} ${entity} · ${metricLabel(record.metric)}`;
}

export function provenanceCard(site: SiteModel, id: string): ProvenanceCard | undefined {
  const record = site.context.records.get(id);
  if (!record) return undefined;
  const figure = site.figureOfRecord.get(id);
  const chapter = figure ? site.chapters.find((c) => c.id === figure.chapterId) : undefined;
  return {
    id,
    title: recordTitle(record),
    value: exactValue(record),
    forecast: record.forecast,
    kind: record.kind,
    formulaHtml: record.formula ? renderTex(record.formula, {where: `record ${id}`}) : "",
    inputs: record.inputs.map((input) => {
      const source = site.context.records.get(input);
      return {id: input, text: source ? `${recordTitle(source)}：${exactValue(source)}` : input, href: recordHref(input)};
    }),
    sources: record.sources,
    ...(figure && chapter ? {figure: {label: figure.label, title: figure.title, href: `${chapter.url}#fig-${figure.id}`}} : {}),
    estimated: record.estimated === true,
    ...(record.note ? {note: record.note} : {})
  };
}

/** The JSON island of a chapter page (escaped so that "</script>" cannot end it early). */
export function provenanceJson(site: SiteModel, ids: Iterable<string>): string {
  const cards: Record<string, ProvenanceCard> = {};
  for (const id of [...ids].sort()) {
    const card = provenanceCard(site, id);
    if (card) cards[id] = card;
  }
  return JSON.stringify(cards).replace(/</g, "\\u003c");
}


