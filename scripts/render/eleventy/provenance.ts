/**
 * @fileoverview What a reviewer sees when focusing a number: its value as the chapters print it and its exact value,
 * the formula (rendered), the input records, the data sources, and the figure that plots it. Chapter pages carry
 * this as JSON for the records they use (scripts read it to show a card); the records pages print the same for every
 * record. Formulas, inputs, sources and figures are shared by many records, so a page carries each once and cards
 * point to them by key or index (a chapter that prints 500 numbers stays well under 1 MB).
 */
import type {FigureRecord} from "../../model/records/records.ts";
import type {SiteModel} from "../site.ts";
import {defaultDisplayUnit, unitSuffix} from "../format.ts";
import {entityNames, metricLabel, periodLabel, type EntityNames} from "../labels.ts";
import {renderTex} from "../math.ts";
import {recordHref, recordText} from "./numbers.ts";

/** How many inputs a card lists before "…共 N 项" (a Leontief result has 149); the site script shows as many. */
export const CARD_INPUTS_SHOWN = 8;

export interface ProvenanceCard {
  title: string;
  /** As the chapters print it. */
  value: string;
  /** Twelve significant digits, in the record's unit. */
  exact: string;
  forecast: boolean;
  /** Key of the card's formula in the page's formula map ("" when it has none). */
  formula: string;
  /** Indexes into the page's list of input records. */
  inputs: number[];
  inputCount: number;
  /** Indexes into the page's list of sources. */
  sources: number[];
  /** Index into the page's list of figures. */
  figure?: number;
  estimated: boolean;
  note?: string;
}

const exactFormat = new Intl.NumberFormat("zh-CN", {maximumSignificantDigits: 12, useGrouping: false});

/** The stored value to twelve significant digits (never an exponent), with the one minus sign of the site. */
export function exactDigits(value: number): string {
  const text = exactFormat.format(value);
  return text === "-0" ? "0" : text.replace("-", "−");
}

/** The exact value and the record's unit: "41000亿元", "0.204565307754", "220万个". */
export function exactValue(record: Pick<FigureRecord, "value" | "unit">): string {
  const unit = defaultDisplayUnit(record.unit);
  return `${exactDigits(record.value)}${unit === "plain" ? record.unit : unitSuffix(unit)}`;
}

/** The value as a chapter prints it by default: "41000.00亿元", "3.57%", "220万个". */
export function displayValue(record: FigureRecord): string {
  return recordText(record, {}, "record");
}

/** "2021年" or "2022年9月", with （预测） for a forecast year. */
export function recordWhen(record: Pick<FigureRecord, "year" | "period" | "forecast">): string {
  return record.period ? periodLabel(record.period) : `${record.year}年${record.forecast ? "（预测）" : ""}`;
}

/** "2021年 广东 · 工业互联网产业增加值". */
export function recordTitle(record: FigureRecord, names: EntityNames): string {
  return `${recordWhen(record)} ${names(record.scope, record.entity)} · ${metricLabel(record.metric)}`;
}

/** The key under which a record's formula is rendered once: its formula id, or its TeX when it has none. */
export function formulaKey(record: FigureRecord): string {
  return record.formula ? (record.formulaId ?? record.formula) : "";
}

/** Shared by many cards of a page, carried once: a national total is the input of every province's share. */
interface PageLists {
  inputs: {text: string; href: string}[];
  sources: string[];
  figures: {label: string; title: string; href: string}[];
}

function indexIn<T>(list: T[], item: T, same: (a: T, b: T) => boolean): number {
  const found = list.findIndex((x) => same(x, item));
  if (found >= 0) return found;
  list.push(item);
  return list.length - 1;
}

function buildCard(site: SiteModel, record: FigureRecord, id: string, lists: PageLists): ProvenanceCard {
  const names = entityNames(site.context.figures.records);
  const figure = site.figureOfRecord.get(id);
  const chapter = figure ? site.chapters.find((c) => c.id === figure.chapterId) : undefined;
  const figureIndex =
    figure && chapter
      ? indexIn(
          lists.figures,
          {label: figure.label, title: figure.title, href: `${chapter.url}#fig-${figure.id}`},
          (a, b) => a.href === b.href
        )
      : undefined;
  return {
    title: recordTitle(record, names),
    value: displayValue(record),
    exact: exactValue(record),
    forecast: record.forecast,
    formula: formulaKey(record),
    inputs: record.inputs.slice(0, CARD_INPUTS_SHOWN).map((input) => {
      const href = recordHref(input);
      const source = site.context.records.get(input);
      const text = source ? `${recordTitle(source, names)}：${displayValue(source)}` : input;
      return indexIn(lists.inputs, {text, href}, (a, b) => a.href === b.href);
    }),
    inputCount: record.inputs.length,
    sources: record.sources.map((s) => indexIn(lists.sources, s, (a, b) => a === b)),
    ...(figureIndex !== undefined ? {figure: figureIndex} : {}),
    estimated: record.estimated === true,
    ...(record.note ? {note: record.note} : {})
  };
}

/** Each distinct formula of these records, rendered once (key → KaTeX HTML). */
export function formulasOf(site: SiteModel, ids: Iterable<string>): Record<string, string> {
  const formulas: Record<string, string> = {};
  for (const id of ids) {
    const record = site.context.records.get(id);
    if (!record?.formula) continue;
    const key = formulaKey(record);
    if (!(key in formulas)) formulas[key] = renderTex(record.formula, {where: `record ${id}`});
  }
  return formulas;
}

/** The JSON island of a chapter page (escaped so that "</script>" cannot end it early). */
export function provenanceJson(site: SiteModel, ids: Iterable<string>): string {
  const sorted = [...ids].sort();
  const lists: PageLists = {inputs: [], sources: [], figures: []};
  const cards: Record<string, ProvenanceCard> = {};
  for (const id of sorted) {
    const record = site.context.records.get(id);
    if (record) cards[id] = buildCard(site, record, id, lists);
  }
  return JSON.stringify({cards, formulas: formulasOf(site, sorted), ...lists}).replace(/</g, "\\u003c");
}
