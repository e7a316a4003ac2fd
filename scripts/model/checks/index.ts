/**
 * @fileoverview Consistency checks, run on every build. The same rules (scripts/model/checks/rules-*.ts) run over
 * the computed figures — where any violation is a bug and fails the build — and over the published numbers, where
 * they find the papers' own contradictions (reported by the reproduction, never failing the build). Published
 * numbers are intervals of their printed precision; statistical inputs come from the computed figures file.
 */
import type {EditionConfig} from "../edition-config.ts";
import type {Tier} from "../inputs.ts";
import {TIERS} from "../inputs.ts";
import type {FiguresFile} from "../records/records.ts";
import {parseRecordId} from "../records/records.ts";
import {computedFacts, publishedFacts, type FactStore} from "./facts.ts";
import type {PublishedInput} from "./precision.ts";
import type {Finding, Rule, RuleContext} from "./rule.ts";
import {
  countsAgreeWithLevels,
  oneValuePerQuantity,
  provincesAddUp,
  tierEqualsSections,
  totalEqualsParts
} from "./rules-levels.ts";
import {
  aggregateGrowthAgreesWithParts,
  cagrAgreesWithCumulativeGrowth,
  growthAgreesWithLevels,
  growthChangeAgreesWithGrowth,
  ratioAgreesWithGrowthRates,
  ratiosAgreeWithLevels
} from "./rules-rates.ts";
import {
  contributionAgreesWithGdp,
  provinceShareWithinTierIntensities,
  provinceValueWithinTierShares,
  shareAndContributionImplyOneGdp,
  shareOfGdpAgreesWithGdp
} from "./rules-gdp.ts";
import {
  employmentRatioEqualsVaRatio,
  employmentShareAgreesWithLabour,
  employmentTotalFollowsProductivity,
  vaPerJobUniform
} from "./rules-employment.ts";

export type {Finding} from "./rule.ts";

export const RULES: readonly Rule[] = [
  oneValuePerQuantity,
  totalEqualsParts,
  tierEqualsSections,
  provincesAddUp,
  countsAgreeWithLevels,
  growthAgreesWithLevels,
  growthChangeAgreesWithGrowth,
  aggregateGrowthAgreesWithParts,
  ratiosAgreeWithLevels,
  ratioAgreesWithGrowthRates,
  cagrAgreesWithCumulativeGrowth,
  shareOfGdpAgreesWithGdp,
  contributionAgreesWithGdp,
  shareAndContributionImplyOneGdp,
  provinceShareWithinTierIntensities,
  provinceValueWithinTierShares,
  vaPerJobUniform,
  employmentTotalFollowsProductivity,
  employmentRatioEqualsVaRatio,
  employmentShareAgreesWithLabour
];

/** Relative tolerance of computed figures (floating point). */
export const COMPUTED_TOLERANCE = 1e-9;
/** Relative tolerance of statistical inputs when they judge published numbers (vintages differ by up to ~1 %). */
export const INPUT_VINTAGE_TOLERANCE = 0.01;

/** Section entities by tier and the provinces, read from the figures file itself (tier records name their sections). */
function structure(
  figures: FiguresFile,
  config: EditionConfig
): {tierSections: Map<Tier, string[]>; provinces: string[]} {
  const tierSections = new Map<Tier, string[]>();
  for (const j of TIERS) {
    const r = figures.records.find(
      (x) => x.metric === "iiot_value_added" && x.scope === "tier" && x.entity === j && x.year === config.baseYear
    );
    tierSections.set(
      j,
      (r?.inputs ?? []).map((id) => parseRecordId(id)?.entity ?? "").filter((e) => e !== "")
    );
  }
  const provinces = [
    ...new Set(figures.records.filter((r) => r.metric === "gdp" && r.scope === "province").map((r) => r.entity))
  ].sort();
  return {tierSections, provinces};
}

export function ruleContext(
  store: FactStore,
  figures: FiguresFile,
  config: EditionConfig,
  published: boolean
): RuleContext {
  const {tierSections, provinces} = structure(figures, config);
  return {
    edition: config.edition,
    store,
    inputs: published ? computedFacts(figures.records.filter((r) => r.kind === "input" || r.metric === "gdp")) : store,
    tolerance: published ? 0 : COMPUTED_TOLERANCE,
    inputTolerance: published ? INPUT_VINTAGE_TOLERANCE : 0,
    baseYear: config.baseYear,
    methods: config.methods,
    regions: config.regions,
    tierSections,
    provinces
  };
}

export function runRules(ctx: RuleContext): Finding[] {
  // One finding per rule and message: a number printed on several lines fails the same way on each.
  const merged = new Map<string, Finding>();
  for (const f of RULES.flatMap((rule) => rule(ctx))) {
    const k = `${f.rule}|${f.message}`;
    const prior = merged.get(k);
    if (!prior) merged.set(k, {...f, flagged: [...f.flagged], involved: [...f.involved]});
    else {
      prior.flagged = [...new Set([...prior.flagged, ...f.flagged])];
      prior.involved = [...new Set([...prior.involved, ...f.involved])];
    }
  }
  return [...merged.values()].sort((a, b) =>
    a.rule + a.message < b.rule + b.message ? -1 : a.rule + a.message > b.rule + b.message ? 1 : 0
  );
}

/** The build's check: every rule over the computed figures; returns one line per violation (empty = consistent). */
export function checkFigures(figures: FiguresFile, config: EditionConfig): string[] {
  const ctx = ruleContext(computedFacts(figures.records), figures, config, false);
  return runRules(ctx).map((f) => `${f.rule}: ${f.message}`);
}

/** The same rules over the published numbers: the paper's inconsistencies, each naming the lines it rests on. */
export function checkPublished(
  published: readonly PublishedInput[],
  figures: FiguresFile,
  config: EditionConfig
): Finding[] {
  return runRules(ruleContext(publishedFacts(published), figures, config, true));
}
