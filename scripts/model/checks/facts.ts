/**
 * @fileoverview The numbers a rule reads, computed or published alike: facts keyed by record id, each an interval
 * with a reference (the record id for computed figures, "id#line" for a published line, so that two printed values
 * of one quantity stay apart). Levels and growth rates the paper does not print can be implied from the next year
 * (level_{n−1} = level_n / (1 + g_n); g_{n−1} = g_n − Δg_n), which is how most of the papers' contradictions show.
 */
import type {FigureRecord} from "../records/records.ts";
import {parseRecordId, recordId} from "../records/records.ts";
import {canonicalise, type PublishedInput} from "./precision.ts";
import {div, hull, point, shift, sub, scale, type Interval} from "./interval.ts";

export interface Fact {
  ref: string;
  id: string;
  interval: Interval;
  value: number;
  unit: string;
  /** Span of a multi-year statement ("2017-2021"). */
  when?: string;
}

export interface Derived {
  interval: Interval;
  refs: string[];
}

type Selected = {id: string; scope: string; entity: string; year: number};

export class FactStore {
  private readonly byId = new Map<string, Fact[]>();
  /**
   * The ids of each metric (without a period), parsed and in id order: the rules select by metric some hundred times
   * over thousands of ids, so the ids are parsed once (built on the first select after an add).
   */
  private byMetric: Map<string, Selected[]> | undefined;

  add(fact: Fact): void {
    const list = this.byId.get(fact.id) ?? [];
    list.push(fact);
    this.byId.set(fact.id, list);
    this.byMetric = undefined;
  }

  facts(id: string): Fact[] {
    return this.byId.get(id) ?? [];
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  ids(): string[] {
    return [...this.byId.keys()].sort();
  }

  /** The hull of every value given for the id, with their refs. */
  get(id: string): Derived | undefined {
    const list = this.byId.get(id);
    if (!list || list.length === 0) return undefined;
    return {interval: hull(list.map((f) => f.interval)), refs: list.map((f) => f.ref)};
  }

  /** Ids of one metric (and scope), parsed. */
  select(metric: string, scope?: string): Selected[] {
    if (!this.byMetric) {
      this.byMetric = new Map();
      for (const id of this.ids()) {
        const p = parseRecordId(id);
        if (!p || p.period) continue;
        const list = this.byMetric.get(p.metric) ?? [];
        list.push({id, scope: p.scope, entity: p.entity, year: p.year});
        this.byMetric.set(p.metric, list);
      }
    }
    const all = this.byMetric.get(metric) ?? [];
    return scope === undefined ? [...all] : all.filter((s) => s.scope === scope);
  }
}

export const key = (metric: string, scope: string, entity: string, year: number): string =>
  `${metric}/${scope}/${entity}/${year}`;

/** Computed figures: every record is a point. */
export function computedFacts(records: readonly FigureRecord[]): FactStore {
  const store = new FactStore();
  for (const r of records) {
    const id = recordId(r);
    store.add({ref: id, id, interval: point(r.value), value: r.value, unit: r.unit});
  }
  return store;
}

/** Published records in canonical units, as intervals of what they can stand for. `line` is 1-based. */
export function publishedFacts(records: readonly PublishedInput[]): FactStore {
  const store = new FactStore();
  records.forEach((r, i) => {
    // A dated observation ("2020-03-31") is a different quantity from the yearly one; a span ("2017-2021") is not.
    const period = r.when && !/^\d{4}-\d{4}$/.test(r.when) ? `@${r.when}` : "";
    const id = key(r.metric, r.scope, r.entity, r.year) + period;
    const c = canonicalise(r);
    store.add({
      ref: publishedRef(id, i + 1),
      id,
      interval: c.interval,
      value: c.value,
      unit: c.unit,
      ...(r.when ? {when: r.when} : {})
    });
  });
  return store;
}

export const publishedRef = (id: string, line: number): string => `${id}#L${line}`;

/** Metric names of a level series and its growth and change of growth. */
export interface SeriesNames {
  level: string;
  growth: string;
  change?: string;
}

export const VALUE_ADDED_SERIES: SeriesNames[] = [
  {level: "iiot_value_added", growth: "nominal_growth", change: "growth_change_pp"},
  {level: "iiot_value_added_direct", growth: "nominal_growth_direct", change: "growth_change_pp_direct"},
  {level: "iiot_value_added_penetration", growth: "nominal_growth_penetration", change: "growth_change_pp_penetration"}
];

export const EMPLOYMENT_SERIES: SeriesNames = {level: "employment_total", growth: "employment_growth"};

/** g_n: given, or implied by the next year's growth and change of growth (g_n = g_{n+1} − Δg_{n+1}). */
export function growthAt(
  store: FactStore,
  names: SeriesNames,
  scope: string,
  entity: string,
  year: number
): Derived | undefined {
  const given = store.get(key(names.growth, scope, entity, year));
  if (given) return given;
  if (!names.change) return undefined;
  const next = store.get(key(names.growth, scope, entity, year + 1));
  const change = store.get(key(names.change, scope, entity, year + 1));
  if (!next || !change) return undefined;
  return {interval: sub(next.interval, change.interval), refs: [...next.refs, ...change.refs]};
}

/** Level of `year`: given, or implied by a later level and the growth rates in between (up to `depth` years). */
export function levelAt(
  store: FactStore,
  names: SeriesNames,
  scope: string,
  entity: string,
  year: number,
  depth = 3
): Derived | undefined {
  const given = store.get(key(names.level, scope, entity, year));
  if (given) return given;
  if (depth === 0) return undefined;
  const later = levelAt(store, names, scope, entity, year + 1, depth - 1);
  const g = growthAt(store, names, scope, entity, year + 1);
  if (!later || !g) return undefined;
  return {interval: div(later.interval, shift(scale(g.interval, 0.01), 1)), refs: [...later.refs, ...g.refs]};
}
