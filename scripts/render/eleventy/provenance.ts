/**
 * @fileoverview What a reviewer sees when focusing a number: its exact value and unit, the formula (rendered), the
 * input records, the data sources, and the figure that plots it. Chapter pages carry this as JSON for the records
 * they use (scripts read it to show a card); the 数据与方法 page prints the same for every record. Formulas are
 * shared by many records, so cards name their formula and each page carries each rendered formula once.
 */
import type {FigureRecord} from "../../model/records.ts";
import type {SiteModel} from "../site.ts";
import {defaultDisplayUnit, formatValue} from "../format.ts";
import {metricLabel} from "../labels.ts";
import {renderTex} from "../math.ts";
import {recordHref} from "./numbers.ts";

/** How many inputs a card lists before "…共 N 项" (a Leontief result has 149). */
export const CARD_INPUTS_SHOWN = 12;

export interface ProvenanceCard {
  id: string;
  title: string;
  value: string;
  forecast: boolean;
  kind: FigureRecord["kind"];
  /** Key of the card's formula in the page's formula map ("" when it has none). */
  formula: string;
  inputs: {id: string; text: string; href: string}[];
  inputCount: number;
  sources: string[];
  figure?: {label: string; title: string; href: string};
  estimated: boolean;
  note?: string;
}

/** Full precision for the card: four decimals, then the canonical unit. */
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

/** The key under which a record's formula is rendered once: its formula id, or its TeX when it has none. */
export function formulaKey(record: FigureRecord): string {
  return record.formula ? (record.formulaId ?? record.formula) : "";
}

/** Cards are built once per site and record: the data page needs them all, the chapter pages some again. */
const cardCache = new WeakMap<SiteModel, Map<string, ProvenanceCard | undefined>>();

export function provenanceCard(site: SiteModel, id: string): ProvenanceCard | undefined {
  let cache = cardCache.get(site);
  if (!cache) cardCache.set(site, (cache = new Map()));
  if (!cache.has(id)) cache.set(id, buildCard(site, id));
  return cache.get(id);
}

function buildCard(site: SiteModel, id: string): ProvenanceCard | undefined {
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
    formula: formulaKey(record),
    inputs: record.inputs.slice(0, CARD_INPUTS_SHOWN).map((input) => {
      const source = site.context.records.get(input);
      return {id: input, text: source ? `${recordTitle(source)}：${exactValue(source)}` : input, href: recordHref(input)};
    }),
    inputCount: record.inputs.length,
    sources: record.sources,
    ...(figure && chapter ? {figure: {label: figure.label, title: figure.title, href: `${chapter.url}#fig-${figure.id}`}} : {}),
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
  const cards: Record<string, ProvenanceCard> = {};
  for (const id of sorted) {
    const card = provenanceCard(site, id);
    if (card) cards[id] = card;
  }
  return JSON.stringify({cards, formulas: formulasOf(site, sorted)}).replace(/</g, "\\u003c");
}
