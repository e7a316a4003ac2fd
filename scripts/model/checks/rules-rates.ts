/**
 * @fileoverview Rules on rates: growth agrees with levels; the change of growth with two growth rates; an
 * aggregate's growth with its parts' levels and growth (segments → direct, sections → tier, tiers → national); the
 * penetration/direct ratio with the levels and with the two growth rates over the years; CAGR with cumulative growth
 * over the number of annual steps; shares of a total with the levels.
 */
import {TIERS} from "../inputs.ts";
import {div, fractionalRange, mul, pow, scale, shift, sub, type Interval} from "./interval.ts";
import {
  EMPLOYMENT_SERIES,
  growthAt,
  key,
  levelAt,
  VALUE_ADDED_SERIES,
  type Derived,
  type SeriesNames
} from "./facts.ts";
import {compact, compare, type Finding, type Rule, type RuleContext} from "./rule.ts";

const SERIES: SeriesNames[] = [...VALUE_ADDED_SERIES, EMPLOYMENT_SERIES, {level: "gdp", growth: "gdp_nominal_growth"}];

const growthFactor = (g: Interval): Interval => shift(scale(g, 0.01), 1);

export const growthAgreesWithLevels: Rule = (ctx) => {
  const findings: Finding[] = [];
  for (const names of SERIES)
    for (const {id, scope, entity, year} of ctx.store.select(names.growth)) {
      const now = ctx.store.get(key(names.level, scope, entity, year));
      const before = ctx.store.get(key(names.level, scope, entity, year - 1));
      if (!now || !before) continue;
      const expected = scale(shift(div(now.interval, before.interval), -1), 100);
      for (const f of ctx.store.facts(id))
        findings.push(
          ...compact([
            compare(ctx, "growth-agrees-with-levels", f, expected, [...now.refs, ...before.refs], "the two levels")
          ])
        );
    }
  // New jobs are the difference of two levels.
  for (const [level, metric] of [
    ["employment_total", "employment_new"],
    ["employment_direct", "employment_direct_new"],
    ["employment_penetration", "employment_penetration_new"]
  ] as const)
    for (const {id, scope, entity, year} of ctx.store.select(metric)) {
      const now = ctx.store.get(key(level, scope, entity, year));
      const before = ctx.store.get(key(level, scope, entity, year - 1));
      if (!now || !before) continue;
      for (const f of ctx.store.facts(id))
        findings.push(
          ...compact([
            compare(
              ctx,
              "new-jobs-agree-with-levels",
              f,
              sub(now.interval, before.interval),
              [...now.refs, ...before.refs],
              "the two levels"
            )
          ])
        );
    }
  return findings;
};

export const growthChangeAgreesWithGrowth: Rule = (ctx) => {
  const findings: Finding[] = [];
  for (const names of VALUE_ADDED_SERIES)
    for (const {id, scope, entity, year} of ctx.store.select(names.change!)) {
      const now = ctx.store.get(key(names.growth, scope, entity, year));
      const before =
        ctx.store.get(key(names.growth, scope, entity, year - 1)) ?? impliedGrowth(ctx, names, scope, entity, year - 1);
      if (!now || !before) continue;
      for (const f of ctx.store.facts(id))
        findings.push(
          ...compact([
            compare(
              ctx,
              "growth-change-agrees-with-growth",
              f,
              sub(now.interval, before.interval),
              [...now.refs, ...before.refs],
              "the two growth rates"
            )
          ])
        );
    }
  return findings;
};

/** Growth implied by two levels (given or implied), when the paper does not print it. */
function impliedGrowth(
  ctx: RuleContext,
  names: SeriesNames,
  scope: string,
  entity: string,
  year: number
): Derived | undefined {
  const now = levelAt(ctx.store, {...names, change: undefined}, scope, entity, year, 0);
  const before = levelAt(ctx.store, {...names, change: undefined}, scope, entity, year - 1, 0);
  if (!now || !before) return undefined;
  return {interval: scale(shift(div(now.interval, before.interval), -1), 100), refs: [...now.refs, ...before.refs]};
}

/** Aggregate growth from the parts: Σ L_i,n / Σ (L_i,n / (1 + g_i,n)) − 1, with the exact range over the intervals. */
function aggregateGrowth(
  ctx: RuleContext,
  names: SeriesNames,
  scope: string,
  parts: readonly string[],
  year: number
): Derived | undefined {
  const items: {level: Interval; c: Interval}[] = [];
  const refs: string[] = [];
  for (const p of parts) {
    const level = ctx.store.get(key(names.level, scope, p, year));
    const g = ctx.store.get(key(names.growth, scope, p, year));
    if (!level || !g) return undefined;
    items.push({level: level.interval, c: div({lo: 1, hi: 1}, growthFactor(g.interval))});
    refs.push(...level.refs, ...g.refs);
  }
  if (items.length === 0) return undefined;
  return {interval: scale(shift(fractionalRange(items), -1), 100), refs};
}

export const aggregateGrowthAgreesWithParts: Rule = (ctx) => {
  const findings: Finding[] = [];
  const direct = VALUE_ADDED_SERIES[1]!;
  const total = VALUE_ADDED_SERIES[0]!;
  const cases: {
    names: SeriesNames;
    scope: string;
    entity: string;
    partScope: string;
    parts: readonly string[];
    what: string;
  }[] = [
    {
      names: direct,
      scope: "national",
      entity: "china",
      partScope: "direct_segment",
      parts: ["network", "platform", "data", "security"],
      what: "the four segments' levels and growth"
    },
    ...TIERS.map((j) => ({
      names: total,
      scope: "tier",
      entity: j,
      partScope: "sector",
      parts: ctx.tierSections.get(j) ?? [],
      what: `the levels and growth of the sections of the ${j} tier`
    })),
    {
      names: total,
      scope: "national",
      entity: "china",
      partScope: "tier",
      parts: TIERS,
      what: "the three tiers' levels and growth"
    }
  ];
  for (const c of cases)
    for (const {id, year} of ctx.store.select(c.names.growth, c.scope).filter((s) => s.entity === c.entity)) {
      const expected = aggregateGrowth(ctx, c.names, c.partScope, c.parts, year);
      if (!expected) continue;
      for (const f of ctx.store.facts(id))
        findings.push(
          ...compact([compare(ctx, "aggregate-growth-agrees-with-parts", f, expected.interval, expected.refs, c.what)])
        );
    }
  return findings;
};

export const ratiosAgreeWithLevels: Rule = (ctx) => {
  const findings: Finding[] = [];
  const [total, direct, pen] = VALUE_ADDED_SERIES as [SeriesNames, SeriesNames, SeriesNames];
  for (const {id, scope, entity, year} of ctx.store.select("penetration_to_direct_ratio")) {
    const p = levelAt(ctx.store, pen, scope, entity, year, 0);
    const d = levelAt(ctx.store, direct, scope, entity, year, 0);
    if (p && d)
      for (const f of ctx.store.facts(id))
        findings.push(
          ...compact([
            compare(
              ctx,
              "ratio-agrees-with-levels",
              f,
              div(p.interval, d.interval),
              [...p.refs, ...d.refs],
              "penetration ÷ direct"
            )
          ])
        );
  }
  const shares: {
    metric: string;
    part: (scope: string, entity: string, year: number) => string;
    whole: (scope: string, entity: string, year: number) => string;
  }[] = [
    {
      metric: "penetration_share_of_total",
      part: (s, e, y) => key(pen.level, s, e, y),
      whole: (s, e, y) => key(total.level, s, e, y)
    },
    {
      metric: "tier_share_of_total",
      part: (s, e, y) => key(total.level, s, e, y),
      whole: (_s, _e, y) => key(total.level, "national", "china", y)
    },
    {
      metric: "segment_share_of_direct",
      part: (s, e, y) => key(direct.level, s, e, y),
      whole: (_s, _e, y) => key(direct.level, "national", "china", y)
    },
    {
      metric: "new_infrastructure_share_of_iiot_value_added",
      part: (s, e, y) => key("new_infrastructure_output", s, e, y),
      whole: (s, e, y) => key(total.level, s, e, y)
    }
  ];
  for (const sh of shares)
    for (const {id, scope, entity, year} of ctx.store.select(sh.metric)) {
      const part = ctx.store.get(sh.part(scope, entity, year));
      const whole = ctx.store.get(sh.whole(scope, entity, year));
      if (!part || !whole) continue;
      for (const f of ctx.store.facts(id))
        findings.push(
          ...compact([
            compare(
              ctx,
              "share-agrees-with-levels",
              f,
              scale(div(part.interval, whole.interval), 100),
              [...part.refs, ...whole.refs],
              "part ÷ whole"
            )
          ])
        );
    }
  // Penetration share and ratio describe one split: share = ratio / (1 + ratio).
  for (const {id, scope, entity, year} of ctx.store.select("penetration_share_of_total")) {
    const r = ctx.store.get(key("penetration_to_direct_ratio", scope, entity, year));
    if (!r) continue;
    const expected = {lo: (r.interval.lo / (1 + r.interval.lo)) * 100, hi: (r.interval.hi / (1 + r.interval.hi)) * 100};
    for (const f of ctx.store.facts(id))
      findings.push(...compact([compare(ctx, "share-agrees-with-ratio", f, expected, r.refs, "ratio ÷ (1 + ratio)")]));
  }
  return findings;
};

/** ratio_m = ratio_n · Π_{t=m+1..n} (1 + g^dir_t) / (1 + g^pen_t): the ratio moves only by the two growth rates. */
export const ratioAgreesWithGrowthRates: Rule = (ctx) => {
  const findings: Finding[] = [];
  const [, direct, pen] = VALUE_ADDED_SERIES as [SeriesNames, SeriesNames, SeriesNames];
  const ratios = ctx.store.select("penetration_to_direct_ratio");
  for (const earlier of ratios)
    for (const later of ratios.filter(
      (r) => r.scope === earlier.scope && r.entity === earlier.entity && r.year > earlier.year
    )) {
      let factor: Interval = {lo: 1, hi: 1};
      const refs: string[] = [];
      let complete = true;
      for (let t = earlier.year + 1; t <= later.year && complete; t++) {
        const gd = growthAt(ctx.store, direct, later.scope, later.entity, t);
        const gp = growthAt(ctx.store, pen, later.scope, later.entity, t);
        if (!gd || !gp) complete = false;
        else {
          factor = mul(factor, div(growthFactor(gd.interval), growthFactor(gp.interval)));
          refs.push(...gd.refs, ...gp.refs);
        }
      }
      const r = ctx.store.get(later.id);
      if (!complete || !r) continue;
      for (const f of ctx.store.facts(earlier.id))
        findings.push(
          ...compact([
            compare(
              ctx,
              "ratio-agrees-with-growth-rates",
              f,
              mul(r.interval, factor),
              [...r.refs, ...refs],
              `the ${later.year} ratio and the direct and penetration growth rates in between`
            )
          ])
        );
    }
  return findings;
};

/** Annual steps of a span "2017-2021" (4), or from the base year. */
function steps(when: string | undefined, year: number, baseYear: number): {from: number; steps: number} {
  const m = when ? /^(\d{4})-(\d{4})$/.exec(when) : null;
  const from = m ? Number(m[1]) : baseYear;
  return {from, steps: year - from};
}

export const cagrAgreesWithCumulativeGrowth: Rule = (ctx) => {
  const findings: Finding[] = [];
  for (const {id, scope, entity, year} of ctx.store.select("cagr")) {
    const cumulative = ctx.store.facts(key("cumulative_growth", scope, entity, year));
    for (const f of ctx.store.facts(id)) {
      const span = steps(f.when, year, ctx.baseYear);
      if (span.steps <= 0) continue;
      for (const c of cumulative) {
        const expected = scale(shift(pow(growthFactor(c.interval), 1 / span.steps), -1), 100);
        findings.push(
          ...compact([
            compare(
              ctx,
              "cagr-agrees-with-cumulative-growth",
              f,
              expected,
              [c.ref],
              `the cumulative growth over ${span.steps} annual steps (${span.from}–${year})`
            )
          ])
        );
      }
    }
  }
  for (const {id, scope, entity, year} of ctx.store.select("cumulative_growth")) {
    for (const f of ctx.store.facts(id)) {
      const span = steps(f.when, year, ctx.baseYear);
      const end = ctx.store.get(key("iiot_value_added", scope, entity, year));
      const start = ctx.store.get(key("iiot_value_added", scope, entity, span.from));
      if (!end || !start) continue;
      findings.push(
        ...compact([
          compare(
            ctx,
            "cumulative-growth-agrees-with-levels",
            f,
            scale(shift(div(end.interval, start.interval), -1), 100),
            [...end.refs, ...start.refs],
            "the two levels"
          )
        ])
      );
    }
  }
  return findings;
};
