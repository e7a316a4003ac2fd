/**
 * @fileoverview The `num` shortcode: every number in a chapter comes from the figures file through it. It prints
 * the value the way the papers do and wraps it in a provenance element (a link to the record on the 数据与方法
 * page, carrying data-record="metric/scope/entity/year") so a reviewer can trace it.
 */
import {BuildError} from "../../lib/errors.ts";
import {getRecord, type RenderContext} from "../context.ts";
import {
  DISPLAY_UNITS,
  defaultDisplayUnit,
  formatNumber,
  formatValue,
  isCompatible,
  type DisplayUnit,
  type FormatOptions
} from "../format.ts";
import {escapeHtml} from "../html.ts";
import type {FigureRecord} from "../../model/records/records.ts";

/** The 数据与方法 index: sources, formulas, citations and the list of record pages. */
export const DATA_PAGE = "data.html";
/**
 * The records live one page per metric and scope (records/<metric>-<scope>.html: 工业互联网产业增加值 of the
 * provinces): the whole set on one page was 7 MB, and one page per metric still reached 700 KB and 10 000 elements.
 */
export const RECORDS_DIR = "records";

/** Anchor of a record on its records page. */
export function recordAnchor(id: string): string {
  return `r:${id}`;
}

/** The records page of a metric's records of one scope, relative to the edition folder (ids are [a-z0-9_]). */
export function groupPage(metric: string, scope: string): string {
  return `${RECORDS_DIR}/${metric}-${scope}.html`;
}

/** The records page of a record id (metric/scope/entity/year[@period]), relative to the edition folder. */
export function recordPage(id: string): string {
  const [metric = "", scope = ""] = id.split("/");
  return groupPage(metric, scope);
}

/** The link to a record from a page `rel` below the edition folder ("" at the root, "../" one folder down). */
export function recordHref(id: string, rel = ""): string {
  return `${rel}${recordPage(id)}#${encodeURI(recordAnchor(id))}`;
}

/** Every records page of these records, in first-seen order. */
export function recordPages(records: readonly Pick<FigureRecord, "metric" | "scope">[]): string[] {
  return [...new Set(records.map((r) => groupPage(r.metric, r.scope)))];
}

/** Nunjucks passes keyword arguments as a last object flagged __keywords. */
export interface Keywords {
  __keywords?: true;
  [key: string]: unknown;
}

function isKeywords(value: unknown): value is Keywords {
  return typeof value === "object" && value !== null && (value as Keywords).__keywords === true;
}

/** Reads `"万亿元"`, `"万亿元", 3` or `unit="万亿元", decimals=3, abs=true` into FormatOptions. */
export function parseFormatArgs(args: unknown[], where: string): FormatOptions {
  const options: FormatOptions = {};
  const positional = args.filter((a) => !isKeywords(a));
  const keywords = args.find(isKeywords) ?? {};
  const unit = keywords.unit ?? positional[0];
  const decimals = keywords.decimals ?? positional[1];
  if (unit !== undefined) {
    if (typeof unit !== "string" || !(DISPLAY_UNITS as readonly string[]).includes(unit))
      throw new BuildError(
        `${where}: unknown display unit "${String(unit)}"; expected one of ${DISPLAY_UNITS.join(", ")}`
      );
    options.unit = unit as DisplayUnit;
  }
  if (decimals !== undefined) {
    if (typeof decimals !== "number" || !Number.isInteger(decimals) || decimals < 0 || decimals > 6)
      throw new BuildError(`${where}: decimals must be an integer from 0 to 6, found "${String(decimals)}"`);
    options.decimals = decimals;
  }
  if (keywords.abs !== undefined) options.abs = keywords.abs === true;
  if (keywords.bare !== undefined) options.bare = keywords.bare === true;
  return options;
}

/** Decimals a value needs as written in its source (at most two): 220 → 0, 1.5 → 1. */
function naturalDecimals(value: number): number {
  const text = String(Math.abs(value));
  const dot = text.indexOf(".");
  return dot < 0 ? 0 : Math.min(2, text.length - dot - 1);
}

/** The formatted text of a record with the given options (no markup). */
export function recordText(record: FigureRecord, options: FormatOptions, where: string): string {
  // Observed indicators keep the counter they were printed with (万个, 家, 万台/套): value as written, then the unit.
  if (options.unit === undefined && defaultDisplayUnit(record.unit) === "plain") {
    const digits = formatNumber(record.value, "plain", {
      ...options,
      decimals: options.decimals ?? naturalDecimals(record.value)
    });
    return options.bare ? digits : `${digits}${record.unit}`;
  }
  const unit = options.unit ?? defaultDisplayUnit(record.unit);
  if (!isCompatible(unit, record.unit))
    throw new BuildError(`${where}: cannot print a value in ${record.unit || "a ratio"} as ${unit}`);
  return formatValue(record.value, unit, options);
}

/** The provenance element around a printed number, on a page `rel` below the edition folder. */
export function numberElement(id: string, text: string, record: Pick<FigureRecord, "forecast">, rel = ""): string {
  const forecast = record.forecast ? " num-forecast" : "";
  return `<a class="num${forecast}" href="${recordHref(id, rel)}" data-record="${escapeHtml(id)}">${escapeHtml(text)}</a>`;
}

/** Renders `{% num "id", … %}` and records that the page used the record. */
export function renderNumber(
  context: RenderContext,
  id: unknown,
  args: unknown[],
  where: string,
  used?: Set<string>
): string {
  if (typeof id !== "string") throw new BuildError(`${where}: num needs a record id string, found ${String(id)}`);
  const record = getRecord(context, id, where);
  const text = recordText(record, parseFormatArgs(args, where), where);
  used?.add(id);
  return numberElement(id, text, record);
}
