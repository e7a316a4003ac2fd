/**
 * @fileoverview Employment driven by the IIoT (万人), in the two variants of the editions. Units: value added in
 * 亿元 ÷ productivity in 亿元/万人 (= 万元/人) gives 万人.
 *
 * "provincial-share" (2020, §1.6): π_i = province i's share of national employment in 2018 (the appendix fixes the
 * year), Pro_i = GDP_i / (π_i L_n), E_i = Z_i / Pro_i, E_n = Σ_i E_i. The forecast year uses the national route
 * E_f = Z_f / (GDP_f / L_f) as the appendix says, and the provincial values of that year are rescaled to it so that
 * provinces still add up (our choice; the paper prints no provincial forecast). Sections use one national
 * productivity Pro_n = Z_n / E_n (the published sector employment divides every section by the same number),
 * and direct vs penetration employment is pro rata to value added.
 *
 * "provincial-tier" (2022, §2.2): E_i = Σ_j Z^j_i L^j_i / GDP^j_i, E_n = Σ_i E_i; sections use their tier's national
 * productivity GDP^j / L^j, scaled by one factor k_n = E_n / Σ_s (Z_s / Pro^{j(s)}) so that sections, tiers and
 * direct + penetration add up to the provincial total (the appendix sums sections for the national parts, which
 * would not add up when provincial data do not add up to national data: a −21 万人 change of the tiers beside a
 * −43 万人 national change is an artefact, not a finding).
 *
 * Section productivity "wage" (config methods.sectionProductivity): a section's value added per job is taken in
 * proportion to its average wage (城镇非私营单位就业人员平均工资), Pro_s = w_s / k_n with the same k_n. The 2022
 * edition's published sector employment follows this exactly: value added ÷ jobs is 1.33 × the section's 2021
 * average wage in all eleven sectors it prints, across all three tiers (inconsistency 2022-4 of ../shared/spec),
 * while one productivity per tier would make it equal within a tier.
 */
import type {SectionCode, SectionInfo, Tier} from "../inputs.ts";
import {TIERS} from "../inputs.ts";
import type {Parts} from "./projection.ts";
import type {ProvinceResult} from "./regional.ts";
import type {AccountsYear, LabourYear} from "./timeline.ts";
import {ModelError} from "../../lib/errors.ts";

export type EmploymentMethod = "provincial-share" | "provincial-tier";
/** What the sections' value added per job is proportional to under the provincial-tier method. */
export type SectionProductivity = "tier" | "wage";

/** The year of the provincial employment shares π (stated by the 2020 appendix). */
export const PI_YEAR = 2018;

export interface EmploymentParts {
  total: number;
  direct: number;
  penetration: number;
}

export interface EmploymentYear {
  national: EmploymentParts;
  provinces: Map<string, number>;
  sections: Map<SectionCode, EmploymentParts>;
  /** Value added per job used for the sections: national (2020) or by tier (2022), 万元/人. */
  productivity: Record<Tier, number>;
  /** Value added per job of each section when it follows the section's average wage, 万元/人. */
  sectionProductivity?: Map<SectionCode, number>;
}

export interface EmploymentYearInput {
  year: number;
  forecast: boolean;
  national: Parts;
  provinces: ReadonlyMap<string, ProvinceResult>;
  sections: ReadonlyMap<SectionCode, Parts>;
  accounts: AccountsYear;
  labour: LabourYear;
  provincialAccounts: ReadonlyMap<string, AccountsYear>;
  provincialLabour: ReadonlyMap<string, LabourYear>;
  /** Average wage by section (元/人), when sections' productivity follows wages. */
  sectionWages?: ReadonlyMap<SectionCode, number>;
}

/** π_i: each province's share of the 31-province sum of "main employment" (主要就业人数) of PI_YEAR. */
export function employmentShares(mainEmployment: ReadonlyMap<string, number>): Map<string, number> {
  const total = [...mainEmployment.values()].reduce((s, v) => s + v, 0);
  return new Map([...mainEmployment.entries()].sort().map(([id, v]) => [id, v / total]));
}

function bySection(
  sections: readonly SectionInfo[],
  parts: ReadonlyMap<SectionCode, Parts>,
  productivity: (section: SectionInfo) => number
): Map<SectionCode, EmploymentParts> {
  const out = new Map<SectionCode, EmploymentParts>();
  for (const s of sections) {
    const p = parts.get(s.code)!;
    const pro = productivity(s);
    out.set(s.code, {total: p.total / pro, direct: p.direct / pro, penetration: p.penetration / pro});
  }
  return out;
}

export function employmentProvincialShare(
  input: EmploymentYearInput,
  sections: readonly SectionInfo[],
  pi: ReadonlyMap<string, number>
): EmploymentYear {
  const L = input.labour.total;
  if (pi.size !== input.provinces.size)
    throw new Error(`employment shares π cover ${pi.size} provinces, the allocation ${input.provinces.size}`);
  const raw = new Map<string, number>();
  for (const [id, p] of input.provinces) {
    const share = pi.get(id);
    const gdp = input.provincialAccounts.get(id)?.gdp;
    if (share === undefined || gdp === undefined)
      throw new ModelError("provincial data", `province ${id} lacks an employment share or GDP`);
    raw.set(id, (p.total * share * L) / gdp);
  }
  const provincialSum = [...raw.values()].reduce((s, v) => s + v, 0);
  const total = input.forecast ? (input.national.total * L) / input.accounts.gdp : provincialSum;
  const provinces = new Map([...raw.entries()].map(([id, v]) => [id, (v * total) / provincialSum]));
  const pro = input.national.total / total;
  const national: EmploymentParts = {
    total,
    direct: (total * input.national.direct) / input.national.total,
    penetration: (total * input.national.penetration) / input.national.total
  };
  const productivity = {primary: pro, secondary: pro, tertiary: pro};
  return {
    national,
    provinces,
    sections: bySection(sections, input.sections, (s) => productivity[s.tier]),
    productivity
  };
}

export function employmentProvincialTier(input: EmploymentYearInput, sections: readonly SectionInfo[]): EmploymentYear {
  const provinces = new Map<string, number>();
  for (const [id, p] of input.provinces) {
    const acc = input.provincialAccounts.get(id);
    const lab = input.provincialLabour.get(id);
    if (!acc || !lab)
      throw new ModelError("provincial data", `province ${id} lacks tier GDP or tier employment for ${input.year}`);
    provinces.set(
      id,
      TIERS.reduce((s, j) => s + (acc[j] > 0 ? (p.byTier[j].total * lab[j]) / acc[j] : 0), 0)
    );
  }
  const total = [...provinces.values()].reduce((s, v) => s + v, 0);
  const productivity = Object.fromEntries(TIERS.map((j) => [j, input.accounts[j] / input.labour[j]])) as Record<
    Tier,
    number
  >;
  // Sections divided by their tier's national productivity (or by their average wage) do not add up to the
  // provincial total (provincial data do not add up to national data, by a margin that changes from year to year);
  // printed side by side, the tiers' changes would not add up to the national change either. Every section is
  // scaled by one factor k_n so that the parts add up to the total; the productivity recorded is the one the
  // sections are effectively divided by.
  const wages = input.sectionWages;
  const relative = (s: SectionInfo): number => {
    if (!wages) return productivity[s.tier];
    const w = wages.get(s.code);
    if (w === undefined || !(w > 0))
      throw new ModelError("section wages", `section ${s.code} has no average wage for ${input.year}`);
    return w / 1e4;
  };
  const unscaled = bySection(sections, input.sections, relative);
  const sum = [...unscaled.values()].reduce((s, e) => s + e.total, 0);
  const k = total / sum;
  const sectionPro = new Map(sections.map((s) => [s.code, relative(s) / k]));
  const sectionJobs = bySection(sections, input.sections, (s) => sectionPro.get(s.code)!);
  // By tier: the productivity the tier's sections are divided by, or (wages) their value added per job on average.
  const tierAverage = (j: Tier): number => {
    const members = sections.filter((s) => s.tier === j);
    const va = members.reduce((sum, s) => sum + input.sections.get(s.code)!.total, 0);
    const jobs = members.reduce((sum, s) => sum + sectionJobs.get(s.code)!.total, 0);
    return va / jobs;
  };
  const effective = Object.fromEntries(TIERS.map((j) => [j, wages ? tierAverage(j) : productivity[j] / k])) as Record<
    Tier,
    number
  >;
  const direct = [...sectionJobs.values()].reduce((s, e) => s + e.direct, 0);
  const national: EmploymentParts = {total, direct, penetration: total - direct};
  return {
    national,
    provinces,
    sections: sectionJobs,
    productivity: effective,
    ...(wages ? {sectionProductivity: sectionPro} : {})
  };
}
