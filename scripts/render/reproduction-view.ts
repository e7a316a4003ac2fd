/**
 * @fileoverview The 复现对照 (reproduction) page's view of the model's reproduction report: every published number
 * beside the computed one, in the paper's own unit and precision, once each (a paper prints some numbers in several
 * places), with the paper's inconsistencies and the calibration targets marked; per scope the count and the median
 * and worst differences of those rows, each explained in a sentence built from the rows themselves; the papers'
 * claims and the consistency findings in Chinese, with names instead of ids.
 */
import type {ClaimRow} from "../model/reproduction/claims.ts";
import type {Reproduction, ReproductionFinding, ReproductionRow} from "../model/reproduction/reproduction.ts";
import {isLevel, SCOPE_ORDER} from "../model/reproduction/reproduction.ts";
import {parseRecordId} from "../model/records/records.ts";
import type {RenderContext} from "./context.ts";
import {recordHref} from "./eleventy/numbers.ts";
import {formatNumber} from "./format.ts";
import {entityNames, metricLabel, scopeLabel, type EntityNames} from "./labels.ts";

export interface ReproductionRowView {
  id: string;
  anchor: string;
  /** Link to the record (absent when nothing was computed). */
  href?: string;
  label: string;
  year: number;
  forecast: boolean;
  published: string;
  computed: string;
  diff: string;
  inconsistent: boolean;
  target: boolean;
  findings: string[];
  /** The paper's sentences that print the number (each once). */
  quotes: string[];
  /** How many places of the paper print it. */
  places: number;
}

export interface ScopeSummaryView {
  scope: string;
  label: string;
  levels: string;
  rates: string;
  inconsistent: number;
  targets: number;
  /** What the figures of the row compare and why they are what they are. */
  explanation: string;
}

export interface ReproductionView {
  summary: ScopeSummaryView[];
  rows: {scope: string; label: string; rows: ReproductionRowView[]}[];
  findings: {id: string; rule: string; title: string; text: string}[];
  claims: {id: string; label: string; holds: boolean | null; result: string; quote: string}[];
  missing: string[];
  /** Regions whose members were inferred from the published paper's numbers: the evidence for each. */
  regionInferences: {name: string; members: string; inference: string}[];
  /** Under wage-proportional productivity: the published sector numbers beside each section's average wage. */
  wageEvidence?: WageEvidenceView;
}

export interface WageEvidenceView {
  year: number;
  /** Lowest and highest ratio, as printed. */
  low: string;
  high: string;
  rows: {name: string; va: string; jobs: string; perJob: string; wage: string; ratio: string}[];
  /**
   * The national total the paper's ratio gives on this report's section value added, beside the published total and
   * this report's (provincial route); absent when the paper prints no national total for the year.
   */
  national?: {median: string; implied: string; published: string; diff: string; computed: string};
}

const optional = <K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> =>
  value === undefined ? {} : ({[key]: value} as Record<K, V>);

/**
 * The evidence for dividing sections by wages: for every section whose value added and employment the paper prints,
 * value added per job beside the section's average wage, and their ratio (one number when productivity follows
 * wages; several when it is one per tier).
 */
export function wageEvidence(rows: readonly ReproductionRow[], context: RenderContext): WageEvidenceView | undefined {
  const {methods} = context.config;
  if (methods.employment !== "provincial-tier" || methods.sectionProductivity !== "wage") return undefined;
  const published = new Map(rows.filter((r) => !r.forecast).map((r) => [r.id, r.publishedCanonical]));
  const names = entityNames(context.figures.records);
  const found: (WageEvidenceView["rows"][number] & {value: number; year: number})[] = [];
  for (const r of rows) {
    const parts = parseRecordId(r.id);
    if (!parts || parts.metric !== "employment_total" || parts.scope !== "sector" || r.forecast) continue;
    const va = published.get(`iiot_value_added/sector/${parts.entity}/${parts.year}`);
    const wage = context.records.get(`average_wage/sector/${parts.entity}/${parts.year}`);
    if (va === undefined || !wage || r.publishedCanonical <= 0) continue;
    const perJob = va / r.publishedCanonical;
    const ratio = perJob / (wage.value / 1e4);
    found.push({
      name: names("sector", parts.entity),
      va: plainText(va, 2),
      jobs: plainText(r.publishedCanonical, 2),
      perJob: plainText(perJob, 2),
      wage: plainText(wage.value, 0),
      ratio: plainText(ratio, 3),
      value: ratio,
      year: parts.year
    });
  }
  if (found.length < 2) return undefined;
  const values = found.map((f) => f.value);
  const year = Math.max(...found.map((f) => f.year));
  return {
    year,
    low: plainText(Math.min(...values), 3),
    high: plainText(Math.max(...values), 3),
    rows: found.map(({value: _value, year: _year, ...row}) => row),
    ...optional("national", impliedNational(context, published, median(values)!, year))
  };
}

/** Σ_s Z_s / (ratio × w_s) over every section of this report, against the published and the computed total. */
function impliedNational(
  context: RenderContext,
  published: ReadonlyMap<string, number>,
  ratio: number,
  year: number
): WageEvidenceView["national"] {
  const total = published.get(`employment_total/national/china/${year}`);
  const computed = context.records.get(`employment_total/national/china/${year}`);
  const wages = context.figures.records.filter(
    (r) => r.metric === "average_wage" && r.scope === "sector" && r.year === year
  );
  if (total === undefined || !computed || wages.length === 0) return undefined;
  let implied = 0;
  for (const w of wages) {
    const va = context.records.get(`iiot_value_added/sector/${w.entity}/${year}`);
    if (!va) return undefined;
    implied += va.value / (ratio * (w.value / 1e4));
  }
  return {
    median: plainText(ratio, 3),
    implied: plainText(implied, 2),
    published: plainText(total, 2),
    diff: `${signedText(((implied - total) / total) * 100, 2)}%`,
    computed: plainText(computed.value, 2)
  };
}

/** A number without a meaningless sign: "−1.95", and "0.00" for whatever rounds to zero. */
export function plainText(value: number, decimals: number): string {
  return formatNumber(value, "plain", {decimals});
}

/** A difference with its sign: "+1.23", "−1.23"; a value that rounds to zero prints without sign. */
export function signedText(value: number, decimals: number): string {
  const digits = plainText(value, decimals);
  return digits.startsWith("−") || /^0(\.0+)?$/.test(digits) ? digits : `+${digits}`;
}

/**
 * The number as the paper printed it: the published records store values as JSON numbers (4.10 became 4.1), so the
 * printed digits are taken back from the quote when it holds the same number.
 */
export function printedDigits(value: number, quote: string): string {
  for (const match of quote.matchAll(/-?\d+(?:\.\d+)?/g)) if (Number(match[0]) === Math.abs(value)) return match[0];
  return String(Math.abs(value));
}

function decimalsOf(text: string): number {
  const dot = text.indexOf(".");
  return dot < 0 ? 0 : text.length - dot - 1;
}

/** The published number as printed, with the site's minus sign. */
function publishedText(row: ReproductionRow): string {
  return `${row.publishedValue < 0 ? "−" : ""}${printedDigits(row.publishedValue, row.quote)}${row.publishedUnit}`;
}

/** The computed value in the unit and precision the paper printed (万亿元 to two decimals, …). */
function computedAsPrinted(row: ReproductionRow): string {
  if (row.computed === null) return "—";
  const scale = row.publishedCanonical === 0 ? 1 : row.publishedValue / row.publishedCanonical;
  const decimals = Math.max(decimalsOf(printedDigits(row.publishedValue, row.quote)), 2);
  return `${plainText(row.computed * scale, decimals)}${row.publishedUnit}`;
}

/** Levels differ in % of the published value; rates by their difference (pp for % and pp, plain for ratios). */
function diffText(row: ReproductionRow): string {
  if (row.diffPct === null) return "—";
  if (isLevel(row.unit)) return `${signedText(row.diffPct, 2)}%`;
  return `${signedText(row.diffAbs!, 2)}${row.unit === "%" || row.unit === "pp" ? "个百分点" : ""}`;
}

/** The size of a row's difference as the summary counts it: |%| for levels, |difference| for rates. */
function size(row: ReproductionRow): number {
  return Math.abs(isLevel(row.unit) ? row.diffPct! : row.diffAbs!);
}

/** A published number with every place the paper prints it. */
export type MergedRow = ReproductionRow & {quotes: string[]; places: number};

/**
 * One row per published quantity and value: a number the paper prints in several places is one comparison (its
 * lines, quotes and findings merged). Two different values for one quantity stay two rows (a finding flags them).
 */
export function mergeRepeatedRows(rows: readonly ReproductionRow[]): MergedRow[] {
  const merged = new Map<string, MergedRow>();
  for (const row of rows) {
    const key = `${row.id}=${row.publishedCanonical.toPrecision(12)}`;
    const seen = merged.get(key);
    if (!seen) {
      merged.set(key, {...row, findings: [...row.findings], quotes: [row.quote], places: 1});
      continue;
    }
    seen.places += 1;
    seen.inconsistent ||= row.inconsistent;
    seen.target ||= row.target;
    for (const f of row.findings) if (!seen.findings.includes(f)) seen.findings.push(f);
    if (!seen.quotes.includes(row.quote)) seen.quotes.push(row.quote);
  }
  return [...merged.values()];
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export interface DiffStats {
  count: number;
  median: number;
  worst: ReproductionRow;
  /** The same by canonical unit (亿元 and 万人; %, pp, ratio …), largest group first. */
  byUnit: {unit: string; count: number; median: number}[];
}

/** Median and worst difference of the matched rows (levels or rates), undefined when none matched. */
export function diffStats(rows: readonly ReproductionRow[]): DiffStats | undefined {
  const matched = rows.filter((r) => r.diffPct !== null);
  if (matched.length === 0) return undefined;
  const worst = matched.reduce((w, r) => (size(r) > size(w) ? r : w));
  const units = [...new Set(matched.map((r) => r.unit))];
  const byUnit = units
    .map((unit) => {
      const of = matched.filter((r) => r.unit === unit);
      return {unit, count: of.length, median: median(of.map(size))!};
    })
    .sort((a, b) => b.count - a.count);
  return {count: matched.length, median: median(matched.map(size))!, worst, byUnit};
}

/** The kinds of number the summary splits by: what a canonical unit holds in these papers. */
const UNIT_KINDS: Readonly<Record<string, string>> = {
  亿元: "金额类（亿元）",
  万人: "就业人数类（万人）",
  "%": "增速、比重类（%，差值以百分点计）",
  pp: "增速变化类（个百分点）",
  "": "比值、系数类",
  个: "个数类",
  位: "排名类"
};

const unitKind = (unit: string): string => UNIT_KINDS[unit] ?? `单位为${unit}的数字`;
const levelText = (value: number): string => `${plainText(value, 2)}%`;
const rateText =
  (unit: string) =>
  (value: number): string =>
    `${plainText(value, 2)}${unit === "%" || unit === "pp" ? "个百分点" : ""}`;

/** One sentence on levels or rates: count, median, worst (named), and the split by unit when there is one. */
function explainStats(stats: DiffStats, levels: boolean, rowLabel: (row: ReproductionRow) => string): string {
  const format = levels ? levelText : rateText(stats.byUnit.length === 1 ? stats.byUnit[0]!.unit : "");
  let text = `${levels ? "规模类" : "比率类"}${stats.count}项，偏差中位数${format(stats.median)}，最大${format(size(stats.worst))}（${rowLabel(stats.worst)}）`;
  if (stats.byUnit.length > 1) {
    const parts = stats.byUnit.map(
      (u) => `${unitKind(u.unit)}${u.count}项中位数${(levels ? levelText : rateText(u.unit))(u.median)}`
    );
    text += `；其中${parts.join("，")}`;
    const high = stats.byUnit.reduce((a, b) => (b.median > a.median ? b : a));
    const low = stats.byUnit.reduce((a, b) => (b.median < a.median ? b : a));
    // Said only where the data say so: one kind of number far off, the other close.
    if (levels && high.median >= 3 * Math.max(low.median, 0.01) && high.median >= 1)
      text += `，两类相差悬殊，总体中位数主要反映${unitKind(high.unit)}的偏差`;
  }
  return `${text}。`;
}

/** The sentences under the summary table for one scope. */
export function explainScope(
  label: string,
  rows: readonly ReproductionRow[],
  rowLabel: (row: ReproductionRow) => string
): string {
  const clean = rows.filter((r) => !r.inconsistent);
  const levels = diffStats(clean.filter((r) => isLevel(r.unit)));
  const rates = diffStats(clean.filter((r) => !isLevel(r.unit)));
  const parts = [
    levels ? explainStats(levels, true, rowLabel) : "",
    rates ? explainStats(rates, false, rowLabel) : ""
  ].filter(Boolean);
  const flagged = rows.filter((r) => r.inconsistent && r.diffPct !== null).length;
  const targets = clean.filter((r) => r.target && r.diffPct !== null).length;
  if (targets > 0)
    parts.push(`其中${targets}项是校准目标：未公开参数按它们拟合，偏差接近零是拟合所致，不说明模型准确。`);
  if (flagged > 0) parts.push(`另有${flagged}项原版数字彼此矛盾，不计入统计。`);
  if (parts.length === 0) return `${label}：没有可对照的数字。`;
  return `${label}：${parts.join("")}`;
}

function summaryCell(stats: DiffStats | undefined, format: (v: number) => string): string {
  return stats ? `${stats.count}项；中位 ${format(stats.median)}，最大 ${format(size(stats.worst))}` : "—";
}

/** A row's or a reference's label: "广东 · 工业互联网产业增加值". */
function idLabel(id: string, names: EntityNames): string {
  const parts = parseRecordId(id);
  return parts ? `${names(parts.scope, parts.entity)} · ${metricLabel(parts.metric)}` : id;
}

const boundWord = (claim: ClaimRow): string => (claim.bound === "lower" ? "不低于" : "不高于");

/** What a claim says, in names: "广东 · 工业互联网产业增加值不低于3000亿元（2019年）". */
function claimLabel(claim: ClaimRow, names: EntityNames): string {
  const parts = parseRecordId(claim.id);
  const who = parts ? names(parts.scope, parts.entity) : claim.id;
  const year = parts ? `（${parts.year}年）` : "";
  return `${who} · ${metricLabel(claim.base)}${boundWord(claim)}${plainText(claim.value, decimalsOf(String(claim.value)))}${claim.unit}${year}`;
}

/** Why a claim holds or not: the computed value of a single entity, or how many of a group meet the bound. */
function claimResult(claim: ClaimRow): string {
  const verdict = claim.holds === null ? "无法核查" : claim.holds ? "成立" : "不成立";
  const values = Object.values(claim.computed);
  if (claim.holds === null || values.length === 0) return verdict;
  if (values.length === 1) return `${verdict}（测算值${plainText(values[0]!, 2)}${claim.unit}）`;
  const meet = values.filter((v) => (claim.bound === "lower" ? v >= claim.value : v <= claim.value)).length;
  return `${verdict}（${values.length}个对象中${meet}个满足）`;
}

/** One line per claim (a claim quoted twice is one claim). */
function claimViews(claims: readonly ClaimRow[], names: EntityNames): ReproductionView["claims"] {
  const seen = new Set<string>();
  const out: ReproductionView["claims"] = [];
  for (const c of claims) {
    const key = `${c.id}/${c.bound}/${c.value}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({id: c.id, label: claimLabel(c, names), holds: c.holds, result: claimResult(c), quote: c.quote});
  }
  return out;
}

/** What each consistency rule checks, in the words of a reviewer. */
const RULE_TITLES: Readonly<Record<string, string>> = {
  "count-agrees-with-levels": "超过千亿元的个数应与各自的增加值一致",
  "employment-ratio-equals-va-ratio": "按比例分摊就业时，就业之比应等于增加值之比",
  "ratio-agrees-with-growth-rates": "渗透产业与直接产业之比应与两者的增速一致",
  "share-and-contribution-imply-one-gdp": "占GDP比重与对GDP增长的贡献率应对应同一个GDP",
  "share-of-gdp-agrees-with-gdp": "占GDP比重应等于增加值除以统计的GDP",
  "aggregate-growth-agrees-with-parts": "总体增速应与各组成部分的规模和增速一致",
  "cagr-agrees-with-cumulative-growth": "年均复合增速应与累计增长一致",
  "employment-total-follows-productivity": "带动就业人数应等于增加值除以方法所用的劳动生产率",
  "one-value-per-quantity": "同一数字只应有一个数值",
  "province-share-within-tier-intensities": "省份占GDP比重应在各产业强度的范围之内",
  "province-value-within-tier-shares": "省份增加值不应超过全国数值乘以该省在某一产业GDP中的最大份额",
  "tier-equals-sum-of-sections": "产业增加值应等于其所含行业门类之和",
  "va-per-job-uniform": "各行业门类的人均增加值应符合方法所用的劳动生产率（同一产业内相同，或与各门类平均工资成比例）"
};

const sixDigits = new Intl.NumberFormat("zh-CN", {maximumSignificantDigits: 6, useGrouping: false});

/** A number of a check's message to six significant digits ("2.25483e+5" → 225483), with the site's minus sign. */
const number = (text: string): string => {
  const value = Number(text);
  return Number.isFinite(value) ? sixDigits.format(value).replace(/^-0$/, "0").replace("-", "−") : text;
};

/**
 * A finding in Chinese: the checks write their messages for the team ("x = [a, b] but … gives [c, d]"); the page
 * states the rule, the numbers it flags by name, and the two intervals when the message has them.
 */
export function findingText(finding: ReproductionFinding, names: EntityNames): {title: string; text: string} {
  const title = RULE_TITLES[finding.rule] ?? "原版数字之间的一致性";
  const refs = (list: readonly string[]) => [...new Set(list.map((ref) => ref.replace(/#L\d+$/, "")))];
  const label = (id: string) => {
    const parts = parseRecordId(id);
    return parts ? `${parts.year}年${idLabel(id, names)}` : id;
  };
  const flagged = refs(finding.flagged);
  const others = refs(finding.involved).filter((id) => !flagged.includes(id));
  let text = `原版的${flagged.map(label).join("、")}`;
  const interval = /= \[([^,\]]+), ([^\]]+)\] but .* gives \[([^,\]]+), ([^\]]+)\]$/.exec(finding.message);
  const given = /is given as (.+)$/.exec(finding.message);
  const [a, b, c, d] = interval ? interval.slice(1, 5).map((x) => number(x)) : [];
  // "x = [a, b] but … gives [c, d]" bounds the flagged number itself; another form compares two derived quantities.
  if (interval && flagged.some((id) => finding.message.startsWith(`${id} = [`)))
    text += `按印出精度在${a}至${b}之间，而由其他原版数字推得${c}至${d}`;
  else if (interval)
    text += `与其他原版数字不能同时成立：按两条途径推得的数值分别在${a}至${b}和${c}至${d}之间，互不重叠`;
  else if (given) text += `先后印为${given[1]!.split(" and ").map(number).join("、")}`;
  else text += "与其他原版数字不能同时成立";
  if (others.length > 0)
    text += `（涉及${others.slice(0, 6).map(label).join("、")}${others.length > 6 ? `等${others.length}个数字` : ""}）`;
  return {title, text: `${text}。`};
}

export function reproductionView(reproduction: Reproduction, context: RenderContext): ReproductionView {
  const names = entityNames(context.figures.records);
  const rows = mergeRepeatedRows(reproduction.rows);
  const rowLabel = (row: ReproductionRow) => `${parseRecordId(row.id)?.year ?? ""}年${idLabel(row.id, names)}`;
  const scopes = SCOPE_ORDER.filter((s) => rows.some((r) => r.scope === s));
  return {
    summary: scopes.map((scope) => {
      const of = rows.filter((r) => r.scope === scope);
      const clean = of.filter((r) => !r.inconsistent);
      const levels = diffStats(clean.filter((r) => isLevel(r.unit)));
      const rates = diffStats(clean.filter((r) => !isLevel(r.unit)));
      return {
        scope,
        label: scopeLabel(scope),
        levels: summaryCell(levels, levelText),
        rates: summaryCell(rates, (v) => plainText(v, 2)),
        inconsistent: of.filter((r) => r.inconsistent && r.diffPct !== null).length,
        targets: clean.filter((r) => r.target && r.diffPct !== null).length,
        explanation: explainScope(scopeLabel(scope), of, rowLabel)
      };
    }),
    rows: scopes.map((scope) => ({
      scope,
      label: scopeLabel(scope),
      rows: rows
        .filter((r) => r.scope === scope)
        .map((r) => ({
          id: r.id,
          anchor: `repro-${r.line}`,
          ...(r.computed !== null && context.records.has(r.id) ? {href: recordHref(r.id)} : {}),
          label: idLabel(r.id, names),
          year: parseRecordId(r.id)?.year ?? 0,
          forecast: r.forecast,
          published: publishedText(r),
          computed: computedAsPrinted(r),
          diff: diffText(r),
          inconsistent: r.inconsistent,
          target: r.target,
          findings: r.findings,
          quotes: r.quotes,
          places: r.places
        }))
    })),
    findings: reproduction.findings.map((f) => ({id: f.id, rule: f.rule, ...findingText(f, names)})),
    claims: claimViews(reproduction.claims, names),
    missing: reproduction.missing.map((id) => `${parseRecordId(id)?.year ?? ""}年${idLabel(id, names)}`),
    regionInferences: context.config.regions.flatMap((region) =>
      region.inference ? [{name: region.nameZh, members: region.definition, inference: region.inference}] : []
    ),
    ...optional("wageEvidence", wageEvidence(rows, context))
  };
}
