/**
 * @fileoverview The view of the 数据与方法 pages. data.html is the index: every metric with its count and a link per
 * scope, the data sources, every formula and the sources the records cite. Each metric's records of one scope are
 * a page, records/<metric>-<scope>.html (工业互联网产业增加值 of the provinces): by entity and year, the value as
 * the chapters print it (the exact value on demand), its formula, its first inputs, its sources, the figure that
 * plots it, its note. Formulas and cited
 * sources are numbered once for the whole edition, so [3] and 公式5 mean the same on every page.
 */
import {formula as formulaEntry, type FormulaId} from "../model/records/formulas.ts";
import type {DataSource} from "../model/inputs.ts";
import {recordId, type FigureRecord} from "../model/records/records.ts";
import {escapeHtml} from "./html.ts";
import {entityNames, metricLabel, scopeLabel, type EntityNames} from "./labels.ts";
import {renderTex} from "./math.ts";
import {groupPage, RECORDS_DIR, recordAnchor, recordHref} from "./eleventy/numbers.ts";
import {displayValue, exactDigits, exactValue, formulaKey, recordTitle, recordWhen} from "./eleventy/provenance.ts";
import type {SiteModel} from "./site.ts";

/** Inputs listed per record on a records page (the full figures.json keeps them all). */
export const DATA_PAGE_INPUTS_SHOWN = 6;

/** Records pages sit one folder below the edition: their links to the root start with this. */
const UP = "../";

export interface FormulaView {
  n: number;
  anchor: string;
  html: string;
  description: string;
}

export interface RecordView {
  anchor: string;
  id: string;
  /** "2021年 广东": the metric is the page's. */
  title: string;
  value: string;
  exact: string;
  /** The stored number, for <data value>. */
  number: string;
  forecast: boolean;
  estimated: boolean;
  formula?: {n: number; anchor: string; label: string};
  inputs: {href: string; label: string}[];
  inputCount: number;
  citations: number[];
  figure?: {label: string; title: string; href: string};
  /** Escaped, with `code` spans as <code>. */
  noteHtml?: string;
}

/** One records page: a metric's records of one scope. */
export interface RecordsPageView {
  /** "iiot_value_added-province": the page's key in DataPageView.pages. */
  key: string;
  metric: string;
  scope: string;
  label: string;
  scopeLabel: string;
  /** records/<metric>-<scope>.html */
  page: string;
  count: number;
  /** The pages of the metric's other scopes (and this one, current), for the page's own navigation. */
  scopes: {label: string; href: string; count: number; current: boolean}[];
  formulas: FormulaView[];
  citations: {n: number; text: string}[];
  records: RecordView[];
}

/** A metric in the index: its name, its count, and a link per scope. */
export interface GroupSummary {
  metric: string;
  label: string;
  count: number;
  scopes: {label: string; href: string; count: number}[];
}

export interface DataPageView {
  count: number;
  formulas: FormulaView[];
  citations: {n: number; text: string}[];
  /** The metrics of the index, by the kind of their records. */
  sections: {kind: string; label: string; groups: GroupSummary[]}[];
  /** Records pages by key (metric-scope). */
  pages: Record<string, RecordsPageView>;
}

/** The index's sections, in this order; a group goes where most of its records belong. */
const KIND_SECTIONS: readonly {kind: FigureRecord["kind"]; label: string}[] = [
  {kind: "model", label: "测算结果"},
  {kind: "input", label: "输入数据"},
  {kind: "parameter", label: "参数"},
  {kind: "observed", label: "公开发布的观测数字"},
  {kind: "context", label: "背景数字"}
];

const SCOPE_ORDER = ["national", "tier", "sector", "province", "region", "direct_segment", "other"];

function describeFormula(key: string): string {
  try {
    return formulaEntry(key as FormulaId).descriptionZh;
  } catch {
    return "";
  }
}

/** A note in HTML: escaped, `command` and `record/id` spans as <code>. */
export function noteHtml(note: string): string {
  return escapeHtml(note).replace(/`([^`]+)`/g, "<code>$1</code>");
}

/** Formulas and cited sources numbered in the order the records first use them. */
class Numbering {
  readonly formulas = new Map<string, FormulaView>();
  readonly citations = new Map<string, number>();

  formula(record: FigureRecord, id: string): FormulaView | undefined {
    const key = formulaKey(record);
    if (!key) return undefined;
    let view = this.formulas.get(key);
    if (!view) {
      const n = this.formulas.size + 1;
      view = {
        n,
        anchor: `formula-${n}`,
        html: renderTex(record.formula, {where: `record ${id}`}),
        description: describeFormula(key)
      };
      this.formulas.set(key, view);
    }
    return view;
  }

  citation(source: string): number {
    let n = this.citations.get(source);
    if (n === undefined) this.citations.set(source, (n = this.citations.size + 1));
    return n;
  }
}

function recordView(site: SiteModel, record: FigureRecord, names: EntityNames, numbering: Numbering): RecordView {
  const id = recordId(record);
  const formula = numbering.formula(record, id);
  const figure = site.figureOfRecord.get(id);
  const chapter = figure ? site.chapters.find((c) => c.id === figure.chapterId) : undefined;
  return {
    anchor: recordAnchor(id),
    id,
    title: `${recordWhen(record)} ${names(record.scope, record.entity)}`,
    value: displayValue(record),
    exact: exactValue(record),
    number: exactDigits(record.value).replace("−", "-"),
    forecast: record.forecast,
    estimated: record.estimated === true,
    // The formula's name is its description up to the colon ("名义增速：本年规模相对…" → 名义增速).
    ...(formula
      ? {
          formula: {
            n: formula.n,
            anchor: formula.anchor,
            label: formula.description.split("：")[0] || `公式${formula.n}`
          }
        }
      : {}),
    inputs: record.inputs.slice(0, DATA_PAGE_INPUTS_SHOWN).map((input) => {
      const source = site.context.records.get(input);
      return {href: recordHref(input, UP), label: source ? recordTitle(source, names) : input};
    }),
    inputCount: record.inputs.length,
    citations: record.sources.map((s) => numbering.citation(s)).sort((a, b) => a - b),
    ...(figure && chapter
      ? {figure: {label: figure.label, title: figure.title, href: `${UP}${chapter.url}#fig-${figure.id}`}}
      : {}),
    ...(record.note ? {noteHtml: noteHtml(record.note)} : {})
  };
}

/**
 * The order of entities on a records page: provinces and sections in their official order (the reference lists),
 * tiers first to third; any other entity after them, in the order of the figures file (by id).
 */
export function entityOrder(site: Pick<SiteModel, "context">): Map<string, number> {
  const order = new Map<string, number>();
  const {provinces, sections} = site.context.reference;
  for (const id of [
    "china",
    "primary",
    "secondary",
    "tertiary",
    ...provinces.map((p) => p.id),
    ...sections.map((s) => s.entity)
  ])
    if (!order.has(id)) order.set(id, order.size);
  for (const r of site.context.figures.records) if (!order.has(r.entity)) order.set(r.entity, order.size);
  return order;
}

/** Records of one metric by scope (in SCOPE_ORDER), each scope by entity, then by year and period. */
function byScope(
  records: readonly FigureRecord[],
  order: ReadonlyMap<string, number>
): {scope: string; records: FigureRecord[]}[] {
  const scopes = [...new Set(records.map((r) => r.scope))].sort((a, b) => rank(SCOPE_ORDER, a) - rank(SCOPE_ORDER, b));
  return scopes.map((scope) => ({
    scope,
    records: records
      .filter((r) => r.scope === scope)
      .sort(
        (a, b) =>
          order.get(a.entity)! - order.get(b.entity)! ||
          a.year - b.year ||
          (a.period ?? "").localeCompare(b.period ?? "")
      )
  }));
}

/** The key of a records page in DataPageView.pages (and in the page's template data). */
export function pageKey(metric: string, scope: string): string {
  return `${metric}-${scope}`;
}

function rank(order: readonly string[], item: string): number {
  const i = order.indexOf(item);
  return i < 0 ? order.length : i;
}

/** The kind most of a group's records have (ties go to the earlier section). */
export function groupKind(records: readonly Pick<FigureRecord, "kind">[]): FigureRecord["kind"] {
  const counts = KIND_SECTIONS.map((s) => records.filter((r) => r.kind === s.kind).length);
  return KIND_SECTIONS[counts.indexOf(Math.max(...counts))]!.kind;
}

export function dataPageView(site: SiteModel): DataPageView {
  const {records} = site.context.figures;
  const names = entityNames(records);
  const order = entityOrder(site);
  const numbering = new Numbering();
  const byMetric = new Map<string, FigureRecord[]>();
  for (const record of records) {
    const list = byMetric.get(record.metric);
    if (list) list.push(record);
    else byMetric.set(record.metric, [record]);
  }
  const pages: Record<string, RecordsPageView> = {};
  const summaries: (GroupSummary & {kind: FigureRecord["kind"]})[] = [];
  for (const [metric, list] of byMetric) {
    const groups = byScope(list, order);
    const scopes = groups.map(({scope, records: members}) => ({
      scope,
      label: scopeLabel(scope),
      href: groupPage(metric, scope),
      count: members.length
    }));
    for (const {scope, records: members} of groups) {
      const views = members.map((r) => recordView(site, r, names, numbering));
      const formulaNumbers = new Set(views.flatMap((r) => (r.formula ? [r.formula.n] : [])));
      const citationNumbers = new Set(views.flatMap((r) => r.citations));
      const key = pageKey(metric, scope);
      pages[key] = {
        key,
        metric,
        scope,
        label: metricLabel(metric),
        scopeLabel: scopeLabel(scope),
        page: groupPage(metric, scope),
        count: members.length,
        // Links between records pages stay in their folder.
        scopes: scopes.map((s) => ({
          label: s.label,
          href: s.href.slice(RECORDS_DIR.length + 1),
          count: s.count,
          current: s.scope === scope
        })),
        formulas: [...numbering.formulas.values()].filter((f) => formulaNumbers.has(f.n)),
        citations: [...numbering.citations.entries()]
          .filter(([, n]) => citationNumbers.has(n))
          .map(([text, n]) => ({n, text})),
        records: views
      };
    }
    summaries.push({
      metric,
      label: metricLabel(metric),
      count: list.length,
      scopes: scopes.map(({label, href, count}) => ({label, href, count})),
      kind: groupKind(list)
    });
  }
  return {
    count: records.length,
    formulas: [...numbering.formulas.values()],
    citations: [...numbering.citations.entries()].map(([text, n]) => ({n, text})),
    sections: KIND_SECTIONS.map(({kind, label}) => ({
      kind,
      label,
      groups: summaries
        .filter((g) => g.kind === kind)
        .sort((a, b) => a.label.localeCompare(b.label, "zh-CN"))
        .map(({kind: _kind, ...group}) => group)
    })).filter((s) => s.groups.length > 0),
    pages
  };
}

/** How the data page shows a source's unit and years: the manifest writes some in English for the team. */
const UNIT_WORDS: readonly (readonly [RegExp, string])[] = [
  [/^per row.*/, "逐条注明"],
  [/^per record.*/, "逐条注明"],
  [/^share \(0–1\)$/, "比例（0—1）"],
  [/^CJK characters$/, "汉字数"],
  [/^output and capital (\S+) \(current prices\); labour (\S+)$/, "产出与资本：$1（现价）；劳动：$2"]
];

export interface SourceView {
  id: string;
  citation: string;
  file: string;
  unit: string;
  years: string;
  estimated: boolean;
  estimate: string;
  upstream: string[];
}

/** A manifest entry as the reader sees it: the zh-CN fields, paths as code; the team's English notes stay in data/. */
export function sourceView(source: DataSource): SourceView {
  const rule = UNIT_WORDS.find(([pattern]) => pattern.test(source.unit));
  return {
    id: source.id,
    citation: source.citation,
    file: source.file,
    unit: rule ? source.unit.replace(rule[0], rule[1]) : source.unit,
    years: source.years.replace(
      /^(\d{4}) Q([1-4])$/,
      (_m, y: string, q: string) => `${y}年第${"一二三四"[Number(q) - 1]}季度`
    ),
    estimated: source.estimated,
    estimate: source.estimateZh ?? "",
    upstream: source.upstream ?? []
  };
}
