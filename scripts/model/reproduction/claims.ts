/**
 * @fileoverview Claims of the papers about computed metrics (超过千亿元, 均在3%-4%之间, 大部分省市…): evaluated against the
 * computed figures as holds / fails, never computed as numbers. Group entities: all_<scope>s (every entity of the
 * scope), most_<scope>s (more than half), all_provinces_except_a_b, and joined ids such as guangdong_jiangsu (the sum
 * of the members, for additive metrics).
 */
import type {FigureRecord} from "../records/records.ts";
import {claimBase} from "./metric-kinds.ts";
import {canonicalise, type PublishedInput} from "../checks/precision.ts";

export interface ClaimRow {
  line: number;
  id: string;
  metric: string;
  base: string;
  bound: "lower" | "upper";
  /** Bound in canonical units. */
  value: number;
  unit: string;
  /** The computed values the claim was judged on (entity → value). */
  computed: Record<string, number>;
  /** null when the claim could not be evaluated (metric not computed). */
  holds: boolean | null;
  quote: string;
}

const ADDITIVE = new Set([
  "iiot_value_added",
  "iiot_value_added_direct",
  "iiot_value_added_penetration",
  "employment_total",
  "employment_share_of_national",
  "employment_new"
]);

/** Splits a joined id into known entity ids ("guangdong_jiangsu" → [guangdong, jiangsu]; inner_mongolia stays whole). */
export function splitJoined(joined: string, known: ReadonlySet<string>): string[] | undefined {
  if (known.has(joined)) return [joined];
  const parts = joined.split("_");
  for (let i = 1; i < parts.length; i++) {
    const head = parts.slice(0, i).join("_");
    if (!known.has(head)) continue;
    const rest = splitJoined(parts.slice(i).join("_"), known);
    if (rest) return [head, ...rest];
  }
  return undefined;
}

export function evaluateClaims(published: readonly PublishedInput[], computed: readonly FigureRecord[]): ClaimRow[] {
  const byKey = new Map<string, FigureRecord>();
  const entitiesOf = new Map<string, Set<string>>();
  for (const r of computed) {
    if (r.period) continue;
    byKey.set(`${r.metric}/${r.scope}/${r.entity}/${r.year}`, r);
    const k = `${r.metric}/${r.scope}/${r.year}`;
    if (!entitiesOf.has(k)) entitiesOf.set(k, new Set());
    if (!r.entity.startsWith("all_")) entitiesOf.get(k)!.add(r.entity);
  }
  const rows: ClaimRow[] = [];
  published.forEach((p, i) => {
    const base = claimBase(p.metric);
    if (!base) return;
    const bound = p.metric.endsWith("_upper_bound") || p.metric.endsWith("_typical_upper") ? "upper" : "lower";
    const majority = p.metric.includes("_typical_") || p.entity.startsWith("most_");
    const canonical = canonicalise(p);
    const all = entitiesOf.get(`${base}/${p.scope}/${p.year}`) ?? new Set<string>();
    let members: string[] | undefined;
    let sumMembers = false;
    if (p.entity.startsWith("all_") || p.entity.startsWith("most_")) {
      const except = /_except_(.+)$/.exec(p.entity);
      const excluded = except ? (splitJoined(except[1]!, all) ?? []) : [];
      members = [...all].filter((e) => !excluded.includes(e)).sort();
    } else if (all.has(p.entity)) members = [p.entity];
    else {
      members = splitJoined(p.entity, all);
      sumMembers = members !== undefined && ADDITIVE.has(base);
      if (!sumMembers) members = undefined;
    }
    const values: Record<string, number> = {};
    for (const e of members ?? []) {
      const r = byKey.get(`${base}/${p.scope}/${e}/${p.year}`);
      if (r) values[e] = r.value;
    }
    let holds: boolean | null = null;
    const ok = (v: number): boolean => (bound === "lower" ? v >= canonical.value : v <= canonical.value);
    const list = Object.values(values);
    if (members && list.length === members.length && list.length > 0) {
      if (sumMembers) holds = ok(list.reduce((s, v) => s + v, 0));
      else if (majority) holds = list.filter(ok).length * 2 > list.length;
      else holds = list.every(ok);
    }
    rows.push({
      line: i + 1,
      id: `${p.metric}/${p.scope}/${p.entity}/${p.year}`,
      metric: p.metric,
      base,
      bound,
      value: canonical.value,
      unit: canonical.unit,
      computed: values,
      holds,
      quote: p.quote
    });
  });
  return rows;
}
