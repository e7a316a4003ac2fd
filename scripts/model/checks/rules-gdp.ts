/**
 * @fileoverview Rules that involve GDP: shares of GDP agree with the levels and GDP; the contribution to GDP growth
 * agrees with the levels and the GDP increase; a share of GDP and a contribution to growth of the same year must
 * imply one GDP; under the province-tier allocation a province's share of its GDP lies between the tier intensities
 * η^j = Z^j / GDP^j, and its share of national (direct) value added cannot exceed its largest share of a tier's GDP.
 */
import {TIERS} from "../inputs.ts";
import {add, div, hull, scale, sub, type Interval} from "./interval.ts";
import {key, levelAt, VALUE_ADDED_SERIES, type Derived} from "./facts.ts";
import {compact, compare, type Finding, type Rule, type RuleContext} from "./rule.ts";

const total = VALUE_ADDED_SERIES[0]!;

export const shareOfGdpAgreesWithGdp: Rule = (ctx) => {
  const findings: Finding[] = [];
  for (const {id, scope, entity, year} of ctx.store.select("share_of_gdp")) {
    const z = levelAt(ctx.store, total, scope, entity, year, 0);
    const gdp = ctx.inputs.get(key("gdp", scope, entity, year));
    if (!z || !gdp) continue;
    for (const f of ctx.store.facts(id))
      findings.push(
        ...compact([
          compare(
            ctx,
            "share-of-gdp-agrees-with-gdp",
            f,
            scale(div(z.interval, gdp.interval), 100),
            [...z.refs, ...gdp.refs],
            "value added ÷ GDP (statistical GDP)",
            true
          )
        ])
      );
  }
  return findings;
};

/**
 * Contribution = ΔZ / ΔGDP against the statistical GDP. A difference of GDPs magnifies vintage differences
 * (first release vs revised) twentyfold, so this rule judges the computed figures only (inputTolerance 0).
 */
export const contributionAgreesWithGdp: Rule = (ctx) => {
  if (ctx.inputTolerance > 0) return [];
  const findings: Finding[] = [];
  for (const {id, scope, entity, year} of ctx.store.select("contribution_to_gdp_growth")) {
    const z = ctx.store.get(key("iiot_value_added", scope, entity, year));
    const z0 = ctx.store.get(key("iiot_value_added", scope, entity, year - 1));
    const g = ctx.inputs.get(key("gdp", scope, entity, year));
    const g0 = ctx.inputs.get(key("gdp", scope, entity, year - 1));
    if (!z || !z0 || !g || !g0) continue;
    const expected = scale(div(sub(z.interval, z0.interval), sub(g.interval, g0.interval)), 100);
    for (const f of ctx.store.facts(id))
      findings.push(
        ...compact([
          compare(
            ctx,
            "contribution-agrees-with-gdp",
            f,
            expected,
            [...z.refs, ...z0.refs, ...g.refs, ...g0.refs],
            "ΔZ ÷ ΔGDP"
          )
        ])
      );
  }
  return findings;
};

/** ΔZ_n, keeping the correlation when Z_{n−1} is implied from Z_n and g_n: ΔZ = Z_n · g / (100 + g). */
function increase(ctx: RuleContext, scope: string, entity: string, year: number): Derived | undefined {
  const now = ctx.store.get(key(total.level, scope, entity, year));
  const before = ctx.store.get(key(total.level, scope, entity, year - 1));
  if (now && before) return {interval: sub(now.interval, before.interval), refs: [...now.refs, ...before.refs]};
  const g = ctx.store.get(key(total.growth, scope, entity, year));
  const level = levelAt(ctx.store, total, scope, entity, year);
  if (!g || !level) return undefined;
  const lo = (level.interval.lo * g.interval.lo) / (100 + g.interval.lo);
  const hi = (level.interval.hi * g.interval.hi) / (100 + g.interval.hi);
  return {interval: {lo: Math.min(lo, hi), hi: Math.max(lo, hi)}, refs: [...level.refs, ...g.refs]};
}

/** GDP_n from the share (Z_n / s_n) and from the contribution (Z_{n−1} / s_{n−1} + ΔZ_n / c_n) must agree. */
export const shareAndContributionImplyOneGdp: Rule = (ctx) => {
  const findings: Finding[] = [];
  for (const {id, scope, entity, year} of ctx.store.select("contribution_to_gdp_growth")) {
    const share = ctx.store.get(key("share_of_gdp", scope, entity, year));
    const sharePrev = ctx.store.get(key("share_of_gdp", scope, entity, year - 1));
    const z = levelAt(ctx.store, total, scope, entity, year);
    const zPrev = levelAt(ctx.store, total, scope, entity, year - 1);
    const dz = increase(ctx, scope, entity, year);
    if (!share || !sharePrev || !z || !zPrev || !dz) continue;
    const gdpFromShare = div(z.interval, scale(share.interval, 0.01));
    for (const c of ctx.store.facts(id)) {
      const gdpFromContribution = add(
        div(zPrev.interval, scale(sharePrev.interval, 0.01)),
        div(dz.interval, scale(c.interval, 0.01))
      );
      const probe = {...c, interval: gdpFromContribution, id: `GDP ${year} implied by ${id}`};
      const finding = compare(
        ctx,
        "share-and-contribution-imply-one-gdp",
        probe,
        gdpFromShare,
        [...share.refs, ...sharePrev.refs, ...z.refs, ...zPrev.refs, ...dz.refs],
        `the share of GDP (${key("share_of_gdp", scope, entity, year)})`
      );
      if (finding) findings.push({...finding, flagged: [c.ref, ...share.refs]});
    }
  }
  return findings;
};

/** η^j = Z^j / GDP^j of each tier (tier values checked, tier GDP statistical). */
function intensities(ctx: RuleContext, year: number): {eta: Interval[]; refs: string[]} | undefined {
  const eta: Interval[] = [];
  const refs: string[] = [];
  for (const j of TIERS) {
    const sections = ctx.tierSections.get(j) ?? [];
    const z =
      ctx.store.get(key("iiot_value_added", "tier", j, year)) ??
      (sections.length === 1 ? ctx.store.get(key("iiot_value_added", "sector", sections[0]!, year)) : undefined);
    const gdp = ctx.inputs.get(key("gdp", "tier", j, year));
    if (!z || !gdp) return undefined;
    eta.push(scale(div(z.interval, gdp.interval), 100));
    refs.push(...z.refs, ...gdp.refs);
  }
  return {eta, refs};
}

export const provinceShareWithinTierIntensities: Rule = (ctx) => {
  if (ctx.methods.regionalAllocation !== "province-tier") return [];
  const findings: Finding[] = [];
  for (const {id, year} of ctx.store.select("share_of_gdp", "province")) {
    const bounds = intensities(ctx, year);
    if (!bounds) continue;
    const range = {lo: Math.min(...bounds.eta.map((e) => e.lo)), hi: Math.max(...bounds.eta.map((e) => e.hi))};
    for (const f of ctx.store.facts(id))
      findings.push(
        ...compact([
          compare(
            ctx,
            "province-share-within-tier-intensities",
            f,
            range,
            bounds.refs,
            "the range of the tier intensities η^j = Z^j / GDP^j",
            true
          )
        ])
      );
  }
  return findings;
};

/** Z^x_i / Z^x ≤ max_j GDP^j_i / GDP^j: a tier-proportional split cannot give a province more than its best tier share. */
export const provinceValueWithinTierShares: Rule = (ctx) => {
  if (ctx.methods.regionalAllocation !== "province-tier") return [];
  const findings: Finding[] = [];
  for (const metric of ["iiot_value_added", "iiot_value_added_direct", "iiot_value_added_penetration"])
    for (const {id, entity, year} of ctx.store.select(metric, "province")) {
      const national = ctx.store.get(key(metric, "national", "china", year));
      if (!national) continue;
      const shares: Interval[] = [];
      const refs: string[] = [...national.refs];
      for (const j of TIERS) {
        const mine = ctx.inputs.get(key(`gdp_${j}`, "province", entity, year));
        const all = ctx.provinces.map((p) => ctx.inputs.get(key(`gdp_${j}`, "province", p, year)));
        if (!mine || all.some((a) => !a)) return findings;
        const denominator = all.reduce((s, a) => s + a!.interval.lo, 0);
        shares.push({lo: 0, hi: mine.interval.hi / denominator});
        refs.push(...mine.refs);
      }
      const bound = scale(hull(shares), 1);
      const upper = {lo: 0, hi: national.interval.hi * bound.hi};
      for (const f of ctx.store.facts(id))
        findings.push(
          ...compact([
            compare(
              ctx,
              "province-value-within-tier-shares",
              f,
              upper,
              refs,
              "the national value times the province's largest share of a tier's GDP",
              true
            )
          ])
        );
    }
  return findings;
};
