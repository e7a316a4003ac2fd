/**
 * @fileoverview Rules on levels: one value per quantity; total = direct + penetration; a tier = the sum of its
 * sections (the primary tier holds only agriculture, so the two must agree); national = Σ provinces; a region =
 * Σ its provinces; counts above 1,000 亿元 agree with the levels and the claims "超过千亿元".
 */
import {TIERS} from "../inputs.ts";
import {metricKind} from "../reproduction/metric-kinds.ts";
import {parseRecordId} from "../records/records.ts";
import {meets, sum, type Interval} from "./interval.ts";
import {key, type Fact} from "./facts.ts";
import {compact, compare, type Finding, type Rule, type RuleContext} from "./rule.ts";

/** Two printed values of one quantity that cannot both be right (their intervals are disjoint). */
export const oneValuePerQuantity: Rule = (ctx) => {
  const findings: Finding[] = [];
  for (const id of ctx.store.ids()) {
    const parsed = parseRecordId(id);
    // Model outputs only: observed indicators may legitimately repeat a metric for different things.
    if (!parsed || metricKind(parsed.metric) !== "model") continue;
    const facts = ctx.store.facts(id);
    if (facts.length < 2) continue;
    const clash = facts.some((a, i) => facts.some((b, j) => j > i && !meets(a.interval, b.interval)));
    if (clash)
      findings.push({
        rule: "one-value-per-quantity",
        flagged: facts.map((f) => f.ref),
        involved: facts.map((f) => f.ref),
        message: `${id} is given as ${facts.map((f) => f.value).join(" and ")}`
      });
  }
  return findings;
};

function sumOf(ctx: RuleContext, ids: readonly string[]): {interval: Interval; refs: string[]} | undefined {
  const parts = ids.map((id) => ctx.store.get(id));
  if (parts.some((p) => p === undefined)) return undefined;
  return {interval: sum(parts.map((p) => p!.interval)), refs: parts.flatMap((p) => p!.refs)};
}

/** Checks every fact of `id` against Σ `parts`. */
function checkSum(ctx: RuleContext, rule: string, id: string, parts: readonly string[], what: string): Finding[] {
  const facts = ctx.store.facts(id);
  if (facts.length === 0) return [];
  const total = sumOf(ctx, parts);
  if (!total) return [];
  return compact(facts.map((f: Fact) => compare(ctx, rule, f, total.interval, total.refs, what)));
}

export const totalEqualsParts: Rule = (ctx) => {
  const findings: Finding[] = [];
  for (const {id, scope, entity, year} of ctx.store.select("iiot_value_added")) {
    const parts = [
      key("iiot_value_added_direct", scope, entity, year),
      key("iiot_value_added_penetration", scope, entity, year)
    ];
    findings.push(...checkSum(ctx, "total-equals-direct-plus-penetration", id, parts, "direct + penetration"));
  }
  for (const [total, direct, pen] of [
    ["employment_total", "employment_direct", "employment_penetration"],
    ["employment_new", "employment_direct_new", "employment_penetration_new"]
  ] as const)
    for (const {id, scope, entity, year} of ctx.store.select(total, "national"))
      findings.push(
        ...checkSum(
          ctx,
          "total-equals-direct-plus-penetration",
          id,
          [key(direct, scope, entity, year), key(pen, scope, entity, year)],
          "direct + penetration"
        )
      );
  // The direct-industry segments make up the direct industry.
  for (const {id, year} of ctx.store.select("iiot_value_added_direct", "national")) {
    const segments = ["network", "platform", "data", "security"].map((g) =>
      key("iiot_value_added_direct", "direct_segment", g, year)
    );
    findings.push(...checkSum(ctx, "direct-equals-sum-of-segments", id, segments, "the four segments"));
  }
  return findings;
};

export const tierEqualsSections: Rule = (ctx) => {
  const findings: Finding[] = [];
  const metrics = ["iiot_value_added", "iiot_value_added_direct", "iiot_value_added_penetration"];
  if (ctx.methods.employment === "provincial-share") metrics.push("employment_total");
  for (const metric of metrics)
    for (const {id, entity, year} of ctx.store.select(metric, "tier")) {
      const sections = ctx.tierSections.get(entity as (typeof TIERS)[number]) ?? [];
      findings.push(
        ...checkSum(
          ctx,
          "tier-equals-sum-of-sections",
          id,
          sections.map((s) => key(metric, "sector", s, year)),
          `the sum of its ${sections.length} section(s)`
        )
      );
    }
  for (const metric of ["iiot_value_added", "iiot_value_added_direct", "iiot_value_added_penetration"])
    for (const {id, year} of ctx.store.select(metric, "national"))
      findings.push(
        ...checkSum(
          ctx,
          "national-equals-sum-of-tiers",
          id,
          TIERS.map((j) => key(metric, "tier", j, year)),
          "the three tiers"
        )
      );
  return findings;
};

export const provincesAddUp: Rule = (ctx) => {
  const findings: Finding[] = [];
  const metrics = ["iiot_value_added", "iiot_value_added_direct", "iiot_value_added_penetration", "employment_total"];
  for (const metric of metrics) {
    for (const {id, year} of ctx.store.select(metric, "national"))
      findings.push(
        ...checkSum(
          ctx,
          "national-equals-sum-of-provinces",
          id,
          ctx.provinces.map((p) => key(metric, "province", p, year)),
          "the 31 provinces"
        )
      );
    for (const region of ctx.regions)
      for (const {id, year} of ctx.store.select(metric, "region").filter((s) => s.entity === region.id))
        findings.push(
          ...checkSum(
            ctx,
            "region-equals-sum-of-provinces",
            id,
            region.provinces.map((p) => key(metric, "province", p, year)),
            `its provinces (${region.provinces.join(", ")})`
          )
        );
  }
  return findings;
};

const THOUSAND = 1000;

/** Counts above 1,000 亿元 against the entities known to be above (a level or a 超过千亿元 claim) and below. */
export const countsAgreeWithLevels: Rule = (ctx) => {
  const findings: Finding[] = [];
  const groups = [
    {metric: "count_provinces_va_over_1000yi", scope: "province", entities: ctx.provinces},
    {metric: "count_sectors_va_over_1000yi", scope: "sector", entities: [...ctx.tierSections.values()].flat()}
  ];
  for (const g of groups)
    for (const {year} of ctx.store.select(g.metric, g.scope)) {
      const id = key(g.metric, g.scope, `all_${g.scope === "province" ? "provinces" : "sectors"}`, year);
      let above = 0;
      let below = 0;
      const refs: string[] = [];
      for (const e of g.entities) {
        const level = ctx.store.get(key("iiot_value_added", g.scope, e, year));
        const bound = ctx.store.get(key("iiot_value_added_lower_bound", g.scope, e, year));
        // A claim 超过千亿元 is a statement, not a rounded number: its printed bound counts as is.
        if (
          (level && level.interval.lo > THOUSAND) ||
          (bound &&
            ctx.store.facts(key("iiot_value_added_lower_bound", g.scope, e, year)).some((f) => f.value >= THOUSAND))
        ) {
          above++;
          refs.push(...(level?.refs ?? []), ...(bound?.refs ?? []));
        } else if (level && level.interval.hi <= THOUSAND) below++;
      }
      const expected = {lo: above, hi: g.entities.length - below};
      for (const f of ctx.store.facts(id)) {
        const finding = compare(
          {...ctx, tolerance: 0},
          "count-agrees-with-levels",
          {...f, interval: {lo: f.value, hi: f.value}},
          expected,
          refs,
          `${above} entities known above 1,000 亿元 and ${below} known below`
        );
        if (finding) findings.push(finding);
      }
      const share = ctx.store.facts(key(g.metric.replace("count_", "share_of_"), g.scope, id.split("/")[2]!, year));
      const counts = ctx.store.get(id);
      if (counts)
        for (const f of share) {
          const expectedShare = {
            lo: (counts.interval.lo / g.entities.length) * 100,
            hi: (counts.interval.hi / g.entities.length) * 100
          };
          const finding = compare(
            ctx,
            "share-of-count-agrees-with-count",
            f,
            expectedShare,
            counts.refs,
            `the count over ${g.entities.length}`
          );
          if (finding) findings.push(finding);
        }
    }
  return findings;
};
