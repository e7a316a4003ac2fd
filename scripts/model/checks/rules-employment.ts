/**
 * @fileoverview Rules of the employment method: value added per job is one number for every section (2020,
 * "provincial-share") or for every section of a tier (2022, "provincial-tier"), or, when productivity follows wages,
 * value added per job ÷ the section's average wage is one number for every section; the national total follows from the
 * productivity the method names; under the pro-rata split the employment ratio equals the value-added ratio; the
 * share of national employment agrees with the statistical employment.
 */
import {TIERS} from "../inputs.ts";
import {div, meets, scale, sum, type Interval} from "./interval.ts";
import {key, levelAt, VALUE_ADDED_SERIES, type Fact} from "./facts.ts";
import {compact, compare, type Finding, type Rule} from "./rule.ts";

/** Relative slack of the national route against the provincial route (provincial data do not add up to national). */
export const ROUTE_TOLERANCE = 0.05;

export const vaPerJobUniform: Rule = (ctx) => {
  const findings: Finding[] = [];
  // Under wage-proportional productivity the uniform number is value added per job ÷ the section's average wage.
  const perWage = ctx.methods.employment === "provincial-tier" && ctx.methods.sectionProductivity === "wage";
  const groups: {name: string; sections: readonly string[]; national: boolean}[] =
    ctx.methods.employment === "provincial-share" || perWage
      ? [{name: "every section", sections: [...ctx.tierSections.values()].flat(), national: !perWage}]
      : TIERS.map((j) => ({
          name: `every section of the ${j} tier`,
          sections: ctx.tierSections.get(j) ?? [],
          national: false
        }));
  const what = perWage ? "value added per job ÷ average wage" : "value added per job";
  const unit = perWage ? "(万元/人 per 万元 of wage)" : "万元/人";
  const years = new Set(ctx.store.select("employment_total", "sector").map((s) => s.year));
  for (const year of [...years].sort())
    for (const g of groups) {
      const members: {name: string; ratio: Interval; jobs: Fact[]; refs: string[]}[] = [];
      const entries = [
        ...g.sections.map((s) => ({scope: "sector", entity: s})),
        ...(g.national ? [{scope: "national", entity: "china"}] : [])
      ];
      for (const {scope, entity} of entries) {
        const va = ctx.store.get(key("iiot_value_added", scope, entity, year));
        const jobs = ctx.store.facts(key("employment_total", scope, entity, year));
        const wage = perWage ? ctx.inputs.get(key("average_wage", scope, entity, year)) : undefined;
        if (!va || jobs.length === 0 || (perWage && !wage)) continue;
        for (const job of jobs) {
          const perJob = div(va.interval, job.interval);
          members.push({
            name: entity,
            ratio: wage ? div(perJob, scale(wage.interval, 1e-4)) : perJob,
            jobs: [job],
            refs: [...va.refs, job.ref, ...(wage ? wage.refs : [])]
          });
        }
      }
      if (members.length < 2) continue;
      const lo = Math.max(...members.map((m) => m.ratio.lo));
      const hi = Math.min(...members.map((m) => m.ratio.hi));
      const tol = Math.max(Math.abs(lo), Math.abs(hi)) * ctx.tolerance * 2 + 1e-9;
      if (lo <= hi + tol) continue;
      const highest = members.find((m) => m.ratio.lo === lo)!;
      const lowest = members.find((m) => m.ratio.hi === hi)!;
      findings.push({
        rule: "va-per-job-uniform",
        flagged: members.flatMap((m) => m.jobs.map((j) => j.ref)),
        involved: members.flatMap((m) => m.refs),
        message: `${year}: ${what} should be one number for ${g.name}, but ${lowest.name} has at most ${hi.toFixed(3)} and ${highest.name} at least ${lo.toFixed(3)} ${unit}`
      });
    }
  return findings;
};

export const employmentTotalFollowsProductivity: Rule = (ctx) => {
  const findings: Finding[] = [];
  for (const {id, year} of ctx.store.select("employment_total", "national")) {
    let expected: Interval | undefined;
    const refs: string[] = [];
    if (ctx.methods.employment === "provincial-share") {
      // Σ_i Z_i π_i L / GDP_i ≈ Z · L / Σ_i GDP_i (one national productivity).
      const z = levelAt(ctx.store, VALUE_ADDED_SERIES[0]!, "national", "china", year);
      const labour = ctx.inputs.get(key("employed_persons", "national", "china", year));
      const gdps = ctx.provinces.map((p) => ctx.inputs.get(key("gdp", "province", p, year)));
      if (!z || !labour || gdps.some((g) => !g)) continue;
      expected = div(scale(z.interval, labour.interval.lo), sum(gdps.map((g) => g!.interval)));
      refs.push(...z.refs, ...labour.refs);
    } else {
      // Σ_j Z^j L^j / GDP^j with national tier data.
      const parts: Interval[] = [];
      for (const j of TIERS) {
        const sections = ctx.tierSections.get(j) ?? [];
        const z =
          ctx.store.get(key("iiot_value_added", "tier", j, year)) ??
          (sections.length === 1 ? ctx.store.get(key("iiot_value_added", "sector", sections[0]!, year)) : undefined);
        const labour = ctx.inputs.get(key("employed_persons", "tier", j, year));
        const gdp = ctx.inputs.get(key("gdp", "tier", j, year));
        if (!z || !labour || !gdp) break;
        parts.push(div(scale(z.interval, labour.interval.lo), gdp.interval));
        refs.push(...z.refs, ...labour.refs, ...gdp.refs);
      }
      if (parts.length === TIERS.length) expected = sum(parts);
    }
    if (!expected) continue;
    for (const f of ctx.store.facts(id)) {
      const finding = compare(
        {...ctx, inputTolerance: ctx.inputTolerance + ROUTE_TOLERANCE},
        "employment-total-follows-productivity",
        f,
        expected,
        refs,
        "value added ÷ the method's productivity (national statistics)",
        true
      );
      if (finding) findings.push(finding);
    }
  }
  return findings;
};

/** Under the pro-rata split (2020) the employment ratio of every year equals the value-added ratio. */
export const employmentRatioEqualsVaRatio: Rule = (ctx) => {
  if (ctx.methods.employment !== "provincial-share") return [];
  const findings: Finding[] = [];
  for (const {id, scope, entity, year} of ctx.store.select("employment_penetration_to_direct_ratio"))
    for (const f of ctx.store.facts(id)) {
      const span = f.when ? /^(\d{4})-(\d{4})$/.exec(f.when) : null;
      const years = span
        ? Array.from({length: Number(span[2]) - Number(span[1]) + 1}, (_, i) => Number(span[1]) + i)
        : [year];
      for (const y of years) {
        const r = ctx.store.get(key("penetration_to_direct_ratio", scope, entity, y));
        if (!r) continue;
        if (meets(f.interval, r.interval)) continue;
        findings.push(
          ...compact([
            compare(
              ctx,
              "employment-ratio-equals-va-ratio",
              f,
              r.interval,
              r.refs,
              `the ${y} value-added ratio (pro-rata split)`
            )
          ])
        );
      }
    }
  return findings;
};

export const employmentShareAgreesWithLabour: Rule = (ctx) => {
  const findings: Finding[] = [];
  for (const {id, year} of ctx.store.select("employment_share_of_national", "national")) {
    const e = ctx.store.get(key("employment_total", "national", "china", year));
    const labour = ctx.inputs.get(key("employed_persons", "national", "china", year));
    if (!e || !labour) continue;
    for (const f of ctx.store.facts(id))
      findings.push(
        ...compact([
          compare(
            ctx,
            "employment-share-agrees-with-labour",
            f,
            scale(div(e.interval, labour.interval), 100),
            [...e.refs, ...labour.refs],
            "IIoT employment ÷ national employment",
            true
          )
        ])
      );
  }
  return findings;
};
