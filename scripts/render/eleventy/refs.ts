/**
 * @fileoverview The short reference syntax of the chapters, `[[ … ]]`: numbers, comparison words and changes
 * written with the edition's defaults, so that a sentence reads almost like the printed text:
 *
 *     比重为[[share_of_gdp]]，[[share_of_gdp ~ share_of_gdp@p]]上年的[[share_of_gdp@p]]。
 *
 * Grammar (one reference between the brackets):
 *
 *     number      [[ ref format* ]]            [[iiot_value_added 万亿元]]        → 4.10万亿元
 *     comparison  [[ ref ~ ref words? ]]        [[share_of_gdp ~ share_of_gdp@p]]  → 高于
 *                 [[ ref ~ @year words? ]]      [[占GDP比重 ~ @p]]: the same record in another year
 *     sign word   [[ ~ ref words? ]]            [[~ nominal_growth@f 加快]]        → 加快
 *     change      [[ ± ref format* words? ]]    [[± employment_new 万人]]          → 减少1.46万人
 *     name        [[ 名 ref ]]                  [[名 增速/省份:1]]                → 西藏
 *     groups      [[ 分组 metric/scope ~ ref words? ±level ±clear ]]
 *                 [[分组 增速/区域 ~ 增速 快于 ±0.5 ±1.5]] → 西南和长江中游快于全国，长三角略快于全国，京津冀与全国基本持平…
 *                 (each member against the record: within ±level 基本持平, within ±clear 略, beyond it the plain word)
 *     series      [[ 逐年 ref 年? format* ]]    [[逐年 增速 年]]                  → 2018年9.12%、2019年…和2021年…
 *                 (every year from the one after the base year to the last data year)
 *     ranking     [[ 排名 metric/scope option* format* ]]   [[排名 增加值/省份 前5 亿元]] → 广东（4607.71亿元）、…
 *     names       [[ 名单 metric/scope option* ]]           [[名单 增加值/省份 >1000]]   → 广东、江苏和山东…
 *     values      [[ 数值 metric/scope option* format* ]]   [[数值 增速/省份 <0]]         → −2.10%、−0.53%
 *                 option: 前N, >x, <x, 升序, 按代码, 、 or 以及 before the last name, or the name of a list of prose.yaml
 *                 (lists.ts): [[名单 增加值/省份 new_thousand]]
 *     condition   [[ 若 fact ]] … [[ 否则 ]] … [[ /若 ]]      printed only when the fact holds (conditions.ts)
 *
 *     ref     metric[/entity | /scope/entity | /scope:N | /by/scope:N][@year][#period]
 *             scope:N is the entity ranked N-th (-1 the last) in the scope by the metric, or by the metric `by`:
 *             [[GDP增速/增速/省份:1]] is the GDP growth of the province whose 增速 is the highest; in place of a
 *             scope, the name of a list of prose.yaml ranks within its members: [[名 增速/other_services:1]];
 *             metric is a term of the paper (增加值, 增速, 占GDP比重, 5G基站 … see METRIC_TERMS in labels.ts; a bound
 *             is the term followed by 下限 or 上限: 影响力平台下限) or a metric id;
 *             entity is a Chinese name (广东, 长三角, 第三产业, 制造业 …) or an id, its scope found from it;
 *             scope/entity default to national/china (or other/china for an indicator observed only nationally);
 *             year is y (the last data year, the default), p (the year before), b (the base year), f (the
 *             forecast year), or a four-digit year; a period names a dated observation within the
 *             reference's year (#06-30, #09, #Q1-Q3, #H1: 5G基站@f#09-30 is the count at 30 September of the
 *             forecast year), or with a year of its own (a y/p/b/f between hyphens is replaced by that year:
 *             #p-y is 2018-2019, #y-12-31 the last day of the data year).
 *     format  a display unit (万亿元 亿元 % pp 万人 倍 个 位 plain), .N for N decimals, abs, bare
 *     words   a word set named by its first word (增至 → 增至/降至/保持在), or the words written out with "/":
 *             more/less[/same] for a comparison, up/down[/flat] for a sign. The sets of comparatives (高于, 快于,
 *             强于, 大于, 多于) say 略高于 … when the two numbers are close by content/<edition>/prose.yaml.
 *
 * This module is pure: it parses the text of a reference and resolves it to record ids and words. The Eleventy
 * plugin renders the result (numbers as links to their records, words marked with the records they depend on).
 */
import {BuildError} from "../../lib/errors.ts";
import type {EditionConfig} from "../../model/edition-config.ts";
import {DISPLAY_UNITS, type DisplayUnit, type FormatOptions} from "../format.ts";
import {SECTION_SHORT_NAMES, termMetric} from "../labels.ts";
import {FACT_NAME} from "./conditions.ts";

/** The year names every chapter may use, from the edition config. */
export interface YearNames {
  y: number;
  p: number;
  b: number;
  f: number;
}

export function yearNames(config: Pick<EditionConfig, "dataYears" | "baseYear" | "forecastYear">): YearNames {
  const y = config.dataYears[1];
  return {y, p: y - 1, b: config.baseYear, f: config.forecastYear};
}

export interface RecordRef {
  metric: string;
  /** Rank within the scope (1 = highest, -1 = lowest) when the entity is chosen by rank. */
  rank?: number;
  /** The metric the entity is ranked by, when not the reference's own: GDP增速/增速/省份:1. */
  rankBy?: string;
  /** Rank within the members of a named list of the edition instead of a whole scope: 增速/other_services:1. */
  list?: string;
  /** Scope and entity as written; undefined when left to the default (national/china, else other/china). */
  scope?: string;
  entity?: string;
  year: number;
  period?: string;
}

export interface Words {
  /** Word when the value is larger (comparison) or positive (sign). */
  more: string;
  /** Word when smaller / negative. */
  less: string;
  /** Word when the two print alike / the value prints as zero; undefined makes that case an error. */
  same?: string;
  /** Words when the two are close by the edition's prose settings (prose.ts): 略高于 / 略低于. */
  closeMore?: string;
  closeLess?: string;
}

export type Reference =
  | {kind: "number"; ref: RecordRef; format: FormatOptions}
  | {kind: "compare"; a: RecordRef; b: RecordRef; words?: Words}
  | {kind: "sign"; ref: RecordRef; words?: Words}
  | {kind: "change"; ref: RecordRef; format: FormatOptions; words?: Words}
  | {kind: "name"; ref: RecordRef}
  | {kind: "series"; ref: RecordRef; years: number[]; labels: boolean; format: FormatOptions}
  | {
      kind: "groups";
      metric: string;
      scope: string;
      year: number;
      b: RecordRef;
      words: Words;
      /** |a − b| up to `level` is 基本持平; up to `clear` is 略高/略低; beyond it 高于/低于. */
      level: number;
      clear: number;
    }
  | {
      kind: "list";
      /** 排名 prints names with values, 数值 values only, 名单 names only. */
      values: boolean;
      valuesOnly?: boolean;
      metric: string;
      scope: string;
      year: number;
      options: ListOptions;
      format: FormatOptions;
    };

export interface ListOptions {
  /** A named list of the edition (prose.yaml lists:, lists.ts): only its members. */
  list?: string;
  /** In the order of the entities' codes (投入产出表 sub-sectors io_088, io_089 …) rather than by value. */
  byCode?: boolean;
  /** The word before the last name: 和 unless written 、 or 以及 (以及 also puts ，between the others). */
  last?: "、" | "以及";
  order?: "asc" | "desc";
  limit?: number;
  above?: number;
  below?: number;
}

/** Scope names an editor may write for a ranked choice or a list, besides the scope ids. */
export const SCOPE_NAMES: Readonly<Record<string, string>> = {
  省份: "province",
  区域: "region",
  经济圈: "region",
  门类: "sector",
  产业: "tier",
  领域: "direct_segment"
};

const SCOPE_IDS = new Set(["province", "region", "sector", "tier", "direct_segment", "other"]);

/** A scope name, or the name of a named list (an id or a Chinese name that is no scope's) to rank within. */
function scopeOrList(name: string, source: string, where: string): {scope: string} | {list: string} {
  if (!SCOPE_NAMES[name] && !SCOPE_IDS.has(name) && FACT_NAME.test(name)) return {list: name};
  return {scope: scopeId(name, source, where)};
}

function scopeId(name: string, source: string, where: string): string {
  const id = SCOPE_NAMES[name] ?? name;
  if (!SCOPE_IDS.has(id))
    fail(
      source,
      where,
      `"${name}" is not a scope; expected ${Object.keys(SCOPE_NAMES).join(" ")} (or ${[...SCOPE_IDS].join(" ")})`
    );
  return id;
}

/**
 * Word sets, named by their first word: an editor writes [[a ~ b 增至]] and gets 增至/降至/保持在 as the data say.
 * The same table serves comparisons (more/less/same) and signs (up/down/flat).
 */
export const WORD_SETS: readonly Words[] = [
  {more: "高于", less: "低于", same: "持平于", closeMore: "略高于", closeLess: "略低于"},
  {more: "增至", less: "降至", same: "保持在"},
  {more: "升至", less: "降至", same: "保持在"},
  {more: "提高到", less: "下降到", same: "保持在"},
  {more: "快于", less: "慢于", same: "同步于", closeMore: "略快于", closeLess: "略慢于"},
  {more: "强于", less: "弱于", same: "相当于", closeMore: "略强于", closeLess: "略弱于"},
  {more: "大于", less: "小于", same: "等于", closeMore: "略大于", closeLess: "略小于"},
  {more: "多于", less: "少于", same: "持平于", closeMore: "略多于", closeLess: "略少于"},
  {more: "增加", less: "减少", same: "持平"},
  {more: "增长", less: "下降", same: "持平"},
  {more: "加快", less: "放缓", same: "持平"},
  {more: "上升", less: "下降", same: "持平"},
  {more: "提高", less: "下降", same: "持平"}
];

/** Default comparison words: any two records of one unit. */
export const DEFAULT_COMPARE_WORDS: Words = WORD_SETS[0]!;

/**
 * Default sign words by the unit of the record: a change of a level (万人, 亿元) 增加/减少, a change of a rate in
 * percentage points 加快/放缓, a rate of growth 增长/下降.
 */
export function defaultSignWords(unit: string): Words {
  if (unit === "pp") return WORD_SETS.find((w) => w.more === "加快")!;
  if (unit === "%") return WORD_SETS.find((w) => w.more === "增长")!;
  return WORD_SETS.find((w) => w.more === "增加")!;
}

const YEAR_TOKEN = /^(?:[ypbf]|\d{4})$/;
/** An id (lower-case ASCII) or a Chinese name/term (GDP, APP and 5G may mix in: 5G基站, 工业APP). */
const NAME = /^(?:[a-z][a-z0-9_]*|(?:[\p{Script=Han}A-Z]|\d+[A-Z]*\p{Script=Han})[\p{Script=Han}A-Za-z0-9]*)$/u;

function fail(source: string, where: string, problem: string): never {
  throw new BuildError(`${where}: [[${source}]]: ${problem}`);
}

function resolveYear(token: string, years: YearNames): number {
  return /^\d{4}$/.test(token) ? Number(token) : years[token as keyof YearNames];
}

/** A period written without its year, which is the reference's: 06-30, 09, Q1-Q3, H1, 03-mid. */
export const PERIOD_IN_YEAR = /^(?:\d{2}(?:-\d{2})?|Q[1-4](?:-Q[1-4])?|H[12])(?:-(?:early|mid|late|mid\/late))?$/;

/** Parses `metric[/scope/entity][@year][#period]`. */
export function parseRecordRef(text: string, years: YearNames, source: string, where: string): RecordRef {
  const match = /^([^@#\s]+)(?:@([^#\s]+))?(?:#(\S+))?$/.exec(text);
  if (!match) fail(source, where, `"${text}" is not a reference; expected metric[/scope/entity][@year][#period]`);
  const [, path, yearText, periodText] = match;
  const parts = path!.split("/");
  if (parts.length > 3)
    fail(source, where, `"${path}" names ${parts.length} parts; expected metric, metric/entity or metric/scope/entity`);
  const selector = parts.length >= 2 ? /^(.+):(-?[1-9]\d*)$/.exec(parts.at(-1)!) : null;
  if (selector) parts[parts.length - 1] = selector[1]!;
  for (const part of parts)
    if (!NAME.test(part))
      fail(source, where, `"${part}" in "${path}" is neither an id (a-z, 0-9, _) nor a Chinese name`);
  if (yearText !== undefined && !YEAR_TOKEN.test(yearText))
    fail(source, where, `year "${yearText}"; expected y, p, b, f or a four-digit year`);
  const year = resolveYear(yearText ?? "y", years);
  const ref: RecordRef = {metric: parts[0]!, year};
  if (parts.length === 3 && selector) {
    ref.rankBy = parts[1]!;
    Object.assign(ref, scopeOrList(parts[2]!, source, where));
    ref.rank = Number(selector[2]);
  } else if (parts.length === 3) {
    ref.scope = parts[1]!;
    ref.entity = parts[2]!;
  } else if (selector) {
    Object.assign(ref, scopeOrList(parts[1]!, source, where));
    ref.rank = Number(selector[2]);
  } else if (parts.length === 2) ref.entity = parts[1]!;
  if (periodText !== undefined) {
    // A period within the reference's own year leaves the year out: #06-30, #09, #Q1-Q3, #H1.
    const dated = PERIOD_IN_YEAR.test(periodText) ? `${year}-${periodText}` : periodText;
    ref.period = dated.replace(/(?<=^|-)([ypbf])(?=-|$)/g, (t) => String(years[t as keyof YearNames]));
  }
  return ref;
}

function parseWords(tokens: string[], source: string, where: string): Words | undefined {
  if (tokens.length === 0) return undefined;
  if (tokens.length > 1)
    fail(source, where, `unexpected "${tokens.slice(1).join(" ")}"; give the words as one set (more/less/same)`);
  const token = tokens[0]!;
  if (token.includes("/")) {
    const [more, less, same, ...rest] = token.split("/");
    if (!more || !less || rest.length > 0 || same === "")
      fail(source, where, `words "${token}"; expected more/less or more/less/same`);
    return same === undefined ? {more, less} : {more, less, same};
  }
  const set = WORD_SETS.find((w) => w.more === token);
  if (!set)
    fail(
      source,
      where,
      `"${token}" names no word set; known: ${WORD_SETS.map((w) => w.more).join(" ")}; or write more/less/same`
    );
  return set;
}

/** Splits format tokens (units, .N, abs, bare) from the rest. */
function parseFormat(tokens: string[], source: string, where: string): {format: FormatOptions; rest: string[]} {
  const format: FormatOptions = {};
  const rest: string[] = [];
  for (const token of tokens) {
    if ((DISPLAY_UNITS as readonly string[]).includes(token)) {
      if (format.unit !== undefined) fail(source, where, `two units "${format.unit}" and "${token}"`);
      format.unit = token as DisplayUnit;
    } else if (/^\.\d$/.test(token)) format.decimals = Number(token.slice(1));
    else if (token === "abs") format.abs = true;
    else if (token === "bare") format.bare = true;
    else if (/^[.\d]/.test(token) || /^[a-z_]+$/.test(token))
      fail(
        source,
        where,
        `"${token}" is not a format; expected a unit (${DISPLAY_UNITS.join(" ")}), .N decimals, abs or bare`
      );
    else rest.push(token);
  }
  return {format, rest};
}

/** Parses the text between [[ and ]]. `where` names the chapter for errors. */
export function parseReference(source: string, years: YearNames, where: string): Reference {
  const tokens = source
    .trim()
    .split(/\s+/)
    .filter((t) => t !== "");
  if (tokens.length === 0) fail(source, where, "empty reference");
  const head = tokens[0]!;
  if (head === "±") {
    if (tokens.length < 2) fail(source, where, "± needs a record: [[± employment_new 万人]]");
    const ref = parseRecordRef(tokens[1]!, years, source, where);
    const {format, rest} = parseFormat(tokens.slice(2), source, where);
    const words = parseWords(rest, source, where);
    return {kind: "change", ref, format, ...(words ? {words} : {})};
  }
  if (head === "~") {
    if (tokens.length < 2) fail(source, where, "~ needs a record: [[~ nominal_growth 加快]]");
    const ref = parseRecordRef(tokens[1]!, years, source, where);
    const words = parseWords(tokens.slice(2), source, where);
    return {kind: "sign", ref, ...(words ? {words} : {})};
  }
  if (head === "分组") {
    const target = /^([^/@#\s]+)\/([^/@#\s]+)(?:@([^#\s]+))?$/.exec(tokens[1] ?? "");
    const bounds = tokens.slice(3).filter((t) => /^±\d+(?:\.\d+)?$/.test(t));
    const rest = tokens.slice(3).filter((t) => !/^±\d+(?:\.\d+)?$/.test(t));
    if (!target || tokens[2] !== "~" || tokens[3] === undefined || bounds.length !== 2)
      fail(
        source,
        where,
        "分组 compares each member of a scope with one record in five groups: [[分组 占GDP比重/区域 ~ 占GDP比重 ±0.05 ±0.2]]"
      );
    const ref = parseRecordRef(`${target[1]}${target[3] !== undefined ? `@${target[3]}` : ""}`, years, source, where);
    const b = parseRecordRef(rest[0]!, years, source, where);
    const words = parseWords(rest.slice(1), source, where) ?? DEFAULT_COMPARE_WORDS;
    if (words.closeMore === undefined || words.closeLess === undefined)
      fail(source, where, `the words "${words.more}" have no 略 form; use 高于, 快于, 强于, 大于 or 多于`);
    const [level, clear] = bounds.map((t) => Number(t.slice(1))) as [number, number];
    if (!(level < clear)) fail(source, where, `±${level} must be smaller than ±${clear}`);
    return {
      kind: "groups",
      metric: ref.metric,
      scope: scopeId(target[2]!, source, where),
      year: ref.year,
      b,
      words,
      level,
      clear
    };
  }
  if (head === "逐年") {
    if (tokens.length < 2 || /[@#]/.test(tokens[1]!))
      fail(source, where, "逐年 takes a record without a year: [[逐年 增速]] prints each year from b+1 to y");
    const ref = parseRecordRef(tokens[1]!, years, source, where);
    const labels = tokens.includes("年");
    const {format, rest} = parseFormat(
      tokens.slice(2).filter((t) => t !== "年"),
      source,
      where
    );
    if (rest.length > 0)
      fail(source, where, `unexpected "${rest.join(" ")}"; 逐年 takes 年 (year labels) and a format`);
    const series: number[] = [];
    for (let year = years.b + 1; year <= years.y; year++) series.push(year);
    return {kind: "series", ref, years: series, labels, format};
  }
  if (head === "名") {
    if (tokens.length !== 2) fail(source, where, "名 takes one record: [[名 增速/省份:1]]");
    return {kind: "name", ref: parseRecordRef(tokens[1]!, years, source, where)};
  }
  if (head === "排名" || head === "名单" || head === "数值") {
    const target = /^([^/@#\s]+)\/([^/@#\s]+)(?:@([^#\s]+))?$/.exec(tokens[1] ?? "");
    if (!target) fail(source, where, `${head} needs metric/scope: [[${head} 增加值/省份 前5]]`);
    const ref = parseRecordRef(`${target[1]}${target[3] !== undefined ? `@${target[3]}` : ""}`, years, source, where);
    const options: ListOptions = {};
    const rest: string[] = [];
    for (const token of tokens.slice(2)) {
      const limit = /^前(\d+)$/.exec(token);
      const bound = /^([<>])(-?\d+(?:\.\d+)?)$/.exec(token);
      if (limit) options.limit = Number(limit[1]);
      else if (bound) options[bound[1] === ">" ? "above" : "below"] = Number(bound[2]);
      else if (token === "升序") options.order = "asc";
      else if (token === "、" || token === "以及") options.last = token;
      else if (token === "按代码") options.byCode = true;
      else if (
        FACT_NAME.test(token) &&
        token !== "abs" &&
        token !== "bare" &&
        !(DISPLAY_UNITS as readonly string[]).includes(token)
      ) {
        if (options.list !== undefined) fail(source, where, `two named lists "${options.list}" and "${token}"`);
        options.list = token;
      } else rest.push(token);
    }
    const {format, rest: unknown} = parseFormat(rest, source, where);
    if (unknown.length > 0)
      fail(source, where, `unexpected "${unknown.join(" ")}"; a list takes 前N, >x, <x, 升序, a named list and a unit`);
    if (head === "名单" && Object.keys(format).length > 0)
      fail(source, where, "名单 prints names only; use 排名 for names with values");
    return {
      kind: "list",
      values: head !== "名单",
      ...(head === "数值" ? {valuesOnly: true} : {}),
      metric: ref.metric,
      scope: scopeId(target[2]!, source, where),
      year: ref.year,
      options,
      format
    };
  }
  const a = parseRecordRef(head, years, source, where);
  if (tokens[1] === "~") {
    if (tokens.length < 3) fail(source, where, "~ compares two records: [[a ~ b]]");
    // "[[增速 ~ @p]]": b is the same metric and entity as a, in another year.
    const bText = tokens[2]!.startsWith("@") ? `${head.replace(/[@#].*$/, "")}${tokens[2]}` : tokens[2]!;
    const b = parseRecordRef(bText, years, source, where);
    const words = parseWords(tokens.slice(3), source, where);
    return {kind: "compare", a, b, ...(words ? {words} : {})};
  }
  const {format, rest} = parseFormat(tokens.slice(1), source, where);
  if (rest.length > 0) fail(source, where, `unexpected "${rest.join(" ")}" after a number; words go with ~ or ±`);
  return {kind: "number", ref: a, format};
}

/** What the resolver needs to know about the figures: which ids exist and which entities a name can mean. */
export interface RecordLookup {
  has(id: string): boolean;
  /** Every scope/entity that the entity id or Chinese name `name` can mean. */
  entities(name: string): readonly {scope: string; entity: string}[];
}

/** Entity ids and names (as the figures carry them, plus the sections' short names) → scope/entity. */
export function entityIndex(
  records: Iterable<{scope: string; entity: string; entityZh?: string}>
): RecordLookup["entities"] {
  const index = new Map<string, Map<string, {scope: string; entity: string}>>();
  const add = (name: string | undefined, scope: string, entity: string) => {
    if (!name) return;
    let byKey = index.get(name);
    if (!byKey) index.set(name, (byKey = new Map()));
    byKey.set(`${scope}/${entity}`, {scope, entity});
  };
  for (const r of records) {
    if (r.scope === "national") continue;
    add(r.entity, r.scope, r.entity);
    add(r.entityZh, r.scope, r.entity);
    if (r.scope === "sector") add(SECTION_SHORT_NAMES[r.entity], r.scope, r.entity);
  }
  return (name) => [...(index.get(name)?.values() ?? [])];
}

/** The metric id of a term or id. */
export function metricId(name: string): string {
  return termMetric(name);
}

/**
 * The record id a reference names: metric/scope/entity/year[@period]. Without an entity it is the national record,
 * or — for an indicator observed only as a national fact — the record of scope "other". An entity alone finds its
 * scope: the one scope in which the metric has a record for it.
 */
export function resolveRecordId(ref: RecordRef, lookup: RecordLookup, where = "reference"): string {
  const metric = metricId(ref.metric);
  const suffix = `${ref.year}${ref.period !== undefined ? `@${ref.period}` : ""}`;
  const id = (scope: string, entity: string) => `${metric}/${scope}/${entity}/${suffix}`;
  if (ref.entity !== undefined) {
    const candidates = lookup.entities(ref.entity).filter((c) => ref.scope === undefined || c.scope === ref.scope);
    if (candidates.length === 0) {
      if (ref.scope !== undefined) return id(ref.scope, ref.entity);
      throw new BuildError(
        `${where}: "${ref.entity}" names no entity of the figures; expected a Chinese name (广东, 长三角, 第三产业, 制造业 …) or an id`
      );
    }
    const existing = candidates.filter((c) => lookup.has(id(c.scope, c.entity)));
    if (existing.length > 1)
      throw new BuildError(
        `${where}: "${ref.entity}" is ambiguous for ${metric} (${existing.map((c) => `${c.scope}/${c.entity}`).join(", ")}); write scope/entity`
      );
    const chosen = existing[0] ?? candidates[0]!;
    return id(chosen.scope, chosen.entity);
  }
  const national = id("national", "china");
  if (lookup.has(national)) return national;
  const other = id("other", "china");
  return lookup.has(other) ? other : national;
}

/** Finds every [[ … ]] in a text (for tools: the content lint, the markup share, preflight). */
export function findReferences(text: string): {start: number; end: number; body: string}[] {
  const found: {start: number; end: number; body: string}[] = [];
  const pattern = /\[\[([^[\]\n]+)\]\]/g;
  for (const m of text.matchAll(pattern)) found.push({start: m.index!, end: m.index! + m[0].length, body: m[1]!});
  return found;
}
