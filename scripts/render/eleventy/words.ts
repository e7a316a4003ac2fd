/**
 * @fileoverview Words that state a comparison are computed from the data, so the prose cannot contradict its
 * numbers when the data change: 高于/低于 from two records, 增长/下降 from the sign of one, rankings and lists of
 * entities (增加值超过千亿元的省份、前十位) generated from the figures. Pure functions of the render context; the
 * Eleventy plugin exposes them as shortcodes and Nunjucks globals.
 */
import {BuildError} from "../../lib/errors.ts";
import type {FigureRecord} from "../../model/records/records.ts";
import {recordId} from "../../model/records/records.ts";
import {getRecord, type RenderContext} from "../context.ts";
import {formatNumber, defaultDisplayUnit} from "../format.ts";
import {isClose, type CloseWithin} from "../prose.ts";

/** Two values are "equal" for the prose when they print the same at the display precision (2 decimals). */
function samePrinted(a: FigureRecord, b: FigureRecord): boolean {
  const unit = defaultDisplayUnit(a.unit);
  return formatNumber(a.value, unit) === formatNumber(b.value, unit);
}

/**
 * `more` when record a is larger than b, `less` when smaller, `same` when they print alike; `closeMore` /
 * `closeLess` (略高于 / 略低于) when the words have them and the two are close by the edition's settings.
 */
export function compareWord(
  context: RenderContext,
  idA: string,
  idB: string,
  words: {more: string; less: string; same?: string; closeMore?: string; closeLess?: string},
  where: string,
  close?: CloseWithin
): string {
  const a = getRecord(context, idA, where);
  const b = getRecord(context, idB, where);
  if (a.unit !== b.unit) throw new BuildError(`${where}: cannot compare ${idA} (${a.unit}) with ${idB} (${b.unit})`);
  if (samePrinted(a, b)) {
    if (words.same === undefined)
      throw new BuildError(`${where}: ${idA} and ${idB} print alike; give a word for "equal" (third argument)`);
    return words.same;
  }
  if (words.closeMore !== undefined && words.closeLess !== undefined && isClose(a.value, b.value, a.unit, close))
    return a.value > b.value ? words.closeMore : words.closeLess;
  return a.value > b.value ? words.more : words.less;
}

/** `up` for a positive value, `down` for a negative one, `flat` when it prints as zero. */
export function signWord(
  context: RenderContext,
  id: string,
  words: {up: string; down: string; flat?: string},
  where: string
): string {
  const record = getRecord(context, id, where);
  const printsZero = /^0(\.0+)?$/.test(formatNumber(Math.abs(record.value), defaultDisplayUnit(record.unit)));
  if (printsZero) {
    if (words.flat === undefined)
      throw new BuildError(`${where}: ${id} prints as zero; give a word for "flat" (third argument)`);
    return words.flat;
  }
  return record.value > 0 ? words.up : words.down;
}

export interface RankedEntity {
  id: string;
  entity: string;
  entityZh: string;
  value: number;
  rank: number;
}

export interface RankOptions {
  /** "desc" (largest first, the default) or "asc". */
  order?: "desc" | "asc";
  /** Keep values strictly above / below a threshold (in the record's canonical unit). */
  above?: number;
  below?: number;
  /** Keep only these entities. */
  among?: string[];
  /** Keep the first n after sorting. */
  limit?: number;
}

/** Aggregates that share a scope with their members (all_provinces, most_provinces). */
const GROUP_ENTITIES = /^(all_|most_)/;

const yearly = new WeakMap<RenderContext, Map<string, RenderContext["figures"]["records"]>>();

/**
 * The yearly records of a render context by metric/scope/year, indexed once: a chapter ranks hundreds of times, and
 * scanning every record of the figures file each time made the preflight and the rendering slow.
 */
function recordsOf(context: RenderContext): Map<string, RenderContext["figures"]["records"]> {
  let index = yearly.get(context);
  if (!index) {
    index = new Map();
    for (const r of context.figures.records) {
      if (r.period !== undefined) continue;
      const key = `${r.metric}/${r.scope}/${r.year}`;
      let list = index.get(key);
      if (!list) index.set(key, (list = []));
      list.push(r);
    }
    yearly.set(context, index);
  }
  return index;
}

/** Entities of one metric/scope/year, ranked; aggregates are left out unless named in `among`. */
export function rankEntities(
  context: RenderContext,
  metric: string,
  scope: string,
  year: number,
  options: RankOptions = {},
  where = "template"
): RankedEntity[] {
  const candidates = recordsOf(context).get(`${metric}/${scope}/${year}`) ?? [];
  if (candidates.length === 0) throw new BuildError(`${where}: no records of ${metric}/${scope}/*/${year}`);
  const members = candidates.filter((r) =>
    options.among ? options.among.includes(r.entity) : !GROUP_ENTITIES.test(r.entity)
  );
  const sorted = [...members].sort((a, b) =>
    options.order === "asc"
      ? a.value - b.value || a.entity.localeCompare(b.entity)
      : b.value - a.value || a.entity.localeCompare(b.entity)
  );
  const ranked = sorted.map((r, i) => ({
    id: recordId(r),
    entity: r.entity,
    entityZh: r.entityZh ?? r.entity,
    value: r.value,
    rank: i + 1
  }));
  const filtered = ranked.filter(
    (r) =>
      (options.above === undefined || r.value > options.above) &&
      (options.below === undefined || r.value < options.below)
  );
  return options.limit === undefined ? filtered : filtered.slice(0, options.limit);
}

/** "甲、乙和丙" (the last pair joined by 和), "甲和乙", "甲"; `sep` between the others (；for names holding 、). */
export function joinZh(items: readonly string[], last = "和", sep = "、"): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(sep)}${last}${items[items.length - 1]}`;
}
