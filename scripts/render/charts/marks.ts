/**
 * @fileoverview What a chart's marks carry for the site: the tip of each mark (the record it draws, its entity and
 * year, its exact value as the data table prints it) and, for a province or a section, the link to its page.
 *
 * A chart module puts both in its chart rows (tipField(field) per plotted field, HREF_FIELD per row); the spec
 * helpers encode them as Vega-Lite `description` and `href`. Vega writes a description as the mark's aria-label and
 * an href as an SVG <a> around the mark; svg.ts turns a tip's aria-label into data attributes (data-tip-*), which
 * the site script shows as a card on hover, focus or tap. The static SVG stays what it was: the tips are invisible
 * attributes and the links draw nothing, in the PDF as on the site without JavaScript.
 */
import {defaultDisplayUnit, unitSuffix} from "../format.ts";
import {metricLabel, periodLabel} from "../labels.ts";
import type {FigureRecord} from "../../model/records/records.ts";
import type {RenderContext} from "../context.ts";
import {formatCell} from "./tables.ts";
import {exprString, type VlSpec} from "./vl.ts";

/** Starts a description that carries a tip (a Vega description is free text, so the tip is marked). */
export const TIP_PREFIX = "tip|";
const SEPARATOR = "|";

/** Starts a description that names a mark's link only (a mark with a link but no record of its own). */
export const NAME_PREFIX = "name|";

/** A link's name as a description (svg.ts makes it the aria-label of the mark's <a>). */
export function linkName(text: string): string {
  return NAME_PREFIX + text;
}

/** Row field holding the link of the row's entity page (province/<id>.html, sector/<id>.html). */
export const HREF_FIELD = "_href";

/**
 * A mark's tip: the record it draws and the card's texts. The link to the record is not carried (a chapter's largest
 * charts have a thousand marks, and a page must stay under 1 MB): the site script takes the figure's data table's
 * link of the record, which recordHref (eleventy/numbers.ts) wrote.
 */
export interface MarkTip {
  /** Record id, metric/scope/entity/year[@period]. */
  record: string;
  /** Entity and year: "广东 · 2021年". */
  title: string;
  /** What the value is: "增加值". */
  label: string;
  /** The value as the figure's data table prints it, with its unit: "4607.71亿元". */
  value: string;
}

/** Row field holding the tip of the value in `field`. */
export function tipField(field: string): string {
  return `_tip_${field}`;
}

/** A tip as one description string (its parts cannot hold the separator). */
export function encodeTip(tip: MarkTip): string {
  const part = (text: string): string => text.split(SEPARATOR).join("／");
  return TIP_PREFIX + [tip.record, tip.title, tip.label, tip.value].map(part).join(SEPARATOR);
}

/** A description string back into its tip; undefined for any other description. */
export function decodeTip(text: string): MarkTip | undefined {
  if (!text.startsWith(TIP_PREFIX)) return undefined;
  const parts = text.slice(TIP_PREFIX.length).split(SEPARATOR);
  if (parts.length !== 4) return undefined;
  const [record, title, label, value] = parts as [string, string, string, string];
  return {record, title, label, value};
}

/** The unit of a data table column, as metricDisplay's tableTitle names it ("亿元", "%", "个百分点", "倍"). */
export function tableUnit(canonical: string): string {
  return canonical === "" ? "倍" : unitSuffix(defaultDisplayUnit(canonical)) || canonical;
}

/** The entity of a record in a card: its Chinese name (the record's, else the reference lists'), 全国 for the country. */
function entityName(context: RenderContext, record: FigureRecord): string {
  if (record.scope === "national") return "全国";
  if (record.entityZh) return record.entityZh;
  const {provinces, sections} = context.reference;
  if (record.scope === "sector") return sections.find((s) => s.entity === record.entity)?.nameZh ?? record.entity;
  if (record.scope === "province") return provinces.find((p) => p.id === record.entity)?.nameZh ?? record.entity;
  return record.entity;
}

/** The time of a record in a card: "2021年", "2022年（预测）", or the observation's period. */
function timeText(record: FigureRecord): string {
  if (record.period) return periodLabel(record.period);
  return record.forecast ? `${record.year}年（预测）` : `${record.year}年`;
}

/**
 * The tip of a record, from the figures: `label` is the chart's name of the metric (metricDisplay's label), else
 * the shared one. The value is printed as the figure's data table prints the record's value (formatCell) in the
 * table's unit, so the card and the table say the same.
 */
export function recordTip(context: RenderContext, id: string, label?: string): string {
  const record = context.records.get(id);
  if (!record) return "";
  return encodeTip({
    record: id,
    title: `${entityName(context, record)} · ${timeText(record)}`,
    label: label ?? metricLabel(record.metric),
    value: `${formatCell(record.value)}${tableUnit(String(record.unit))}`
  });
}

/** The page of a province or a section on the site (entity-pages.ts), relative to the edition folder. */
export function entityHref(scope: "province" | "sector", entity: string): string {
  return `${scope}/${encodeURIComponent(entity)}.html`;
}

/** The description encoding of a mark whose rows hold their tip in `field` (the tip field of a plotted field). */
export function tipEncoding(field: string): VlSpec {
  return {description: {field, type: "nominal"}};
}

/** The href encoding of a mark whose rows hold an entity page (HREF_FIELD), when any of them does. */
export function hrefEncoding(rows: readonly Record<string, unknown>[]): VlSpec {
  return rows.some((row) => typeof row[HREF_FIELD] === "string" && row[HREF_FIELD] !== "")
    ? {href: {field: HREF_FIELD, type: "nominal"}}
    : {};
}

/** Whether any row has a tip for `field` (a spec helper adds the description only then). */
export function hasTips(rows: readonly Record<string, unknown>[], field: string): boolean {
  const key = tipField(field);
  return rows.some((row) => typeof row[key] === "string" && row[key] !== "");
}

/**
 * The mark fields of a chart row: the tip of each plotted field (field → record id, named by the chart's label of
 * its metric) and, for a province or a section, the link to its page.
 */
export function markFields(
  context: RenderContext,
  tips: readonly {field: string; id: string; label?: string}[],
  entity?: {scope: "province" | "sector"; id: string}
): Record<string, string> {
  return {
    ...Object.fromEntries(tips.map((t) => [tipField(t.field), recordTip(context, t.id, t.label)])),
    ...(entity ? {[HREF_FIELD]: entityHref(entity.scope, entity.id)} : {})
  };
}

/**
 * The hooks of marks drawn from folded rows (one mark per row and field, the field's name in `key` after the fold):
 * a transform that picks each mark's tip into `as`, and the encodings of the tip and of the row's entity link.
 * Nothing when no row carries a tip of the fields or a link.
 */
export function foldedHooks(
  rows: readonly Record<string, unknown>[],
  fields: readonly string[],
  key: string,
  as: string
): {transform: VlSpec[]; encoding: VlSpec} {
  const tipped = fields.some((field) => hasTips(rows, field));
  return {
    transform: tipped ? [{calculate: `datum[${exprString(tipField(""))} + datum.${key}]`, as}] : [],
    encoding: {...(tipped ? tipEncoding(as) : {}), ...hrefEncoding(rows)}
  };
}
