/**
 * @fileoverview Carries the base year to every year (methodology §1.2 step 5 and §1.3.3): contribution rates per
 * section, times the cumulative multiplier, times the section's value added of the year; then sections → tiers →
 * national. The base year reproduces the IO results exactly (r_s · V_2017,s = the base-year value of s).
 */
import type {SectionCode, SectionInfo, Tier} from "../inputs.ts";
import {TIERS} from "../inputs.ts";
import type {BaseYearResult} from "./base-year.ts";
import type {MultiplierPath} from "./multiplier.ts";
import type {Timeline} from "./timeline.ts";
import {ModelError} from "../../lib/errors.ts";

export interface Parts {
  direct: number;
  penetration: number;
  total: number;
}

export interface ContributionRates {
  direct: Map<SectionCode, number>;
  penetration: Map<SectionCode, number>;
}

export interface Projection {
  rates: ContributionRates;
  sections: Map<number, Map<SectionCode, Parts>>;
  tiers: Map<number, Map<Tier, Parts>>;
  national: Map<number, Parts>;
}

/** r^dir_s and r^pen_s = base-year value of s ÷ V_{2017,s}. */
export function contributionRates(
  base: BaseYearResult,
  sections: readonly SectionInfo[],
  timeline: Timeline
): ContributionRates {
  const va = timeline.sectionVa.get(timeline.baseYear)!;
  const direct = new Map<SectionCode, number>();
  const penetration = new Map<SectionCode, number>();
  for (const s of sections) {
    const v = va.get(s.code)?.value;
    if (!v || v <= 0)
      throw new ModelError(
        "section value added (data/national/section-value-added.csv)",
        `section ${s.code} has no positive ${timeline.baseYear} value; found ${String(v)}`
      );
    direct.set(s.code, (base.directBySection.get(s.code) ?? 0) / v);
    penetration.set(s.code, (base.penetrationBySection.get(s.code) ?? 0) / v);
  }
  return {direct, penetration};
}

export function sumParts(items: Iterable<Parts>): Parts {
  const out = {direct: 0, penetration: 0, total: 0};
  for (const p of items) {
    out.direct += p.direct;
    out.penetration += p.penetration;
    out.total += p.total;
  }
  return out;
}

export function project(
  base: BaseYearResult,
  sections: readonly SectionInfo[],
  timeline: Timeline,
  multiplier: MultiplierPath
): Projection {
  const rates = contributionRates(base, sections, timeline);
  const bySection = new Map<number, Map<SectionCode, Parts>>();
  const tiers = new Map<number, Map<Tier, Parts>>();
  const national = new Map<number, Parts>();
  for (const year of timeline.years) {
    const m = multiplier.cumulative.get(year)!;
    const mDirect = multiplier.appliesToDirect ? m : 1;
    const va = timeline.sectionVa.get(year)!;
    const row = new Map<SectionCode, Parts>();
    for (const s of sections) {
      const v = va.get(s.code)!.value;
      const direct = rates.direct.get(s.code)! * mDirect * v;
      const penetration = rates.penetration.get(s.code)! * m * v;
      row.set(s.code, {direct, penetration, total: direct + penetration});
    }
    bySection.set(year, row);
    const tierRow = new Map<Tier, Parts>();
    for (const tier of TIERS)
      tierRow.set(tier, sumParts(sections.filter((s) => s.tier === tier).map((s) => row.get(s.code)!)));
    tiers.set(year, tierRow);
    national.set(year, sumParts(row.values()));
  }
  return {rates, sections: bySection, tiers, national};
}
