/**
 * @fileoverview How much the headline depends on the multiplier rule: the national IIoT value added of the last data
 * year and of the forecast year when the years the edition does not calibrate (or, if it calibrates every year, the
 * forecast year) follow each standard rule instead of the declared one. The appendix prints it as a table, so the
 * reader sees what the choice of rule is worth.
 */
import type {MultiplierRule} from "../edition-config.ts";
import type {EditionModel} from "./edition-model.ts";
import type {SectionInfo} from "../inputs.ts";
import type {Params} from "../calibration/params.ts";
import {multiplierPath} from "./multiplier.ts";
import {project} from "./projection.ts";

/** The alternatives every edition is tested against. */
export const SENSITIVITY_RULES: readonly MultiplierRule[] = [
  {rule: "carry-forward"},
  {rule: "trend", window: 3},
  {rule: "unity"},
  {rule: "cobb-douglas"}
];

/** Entity id of a rule in the sensitivity records (scope "other"). */
export function ruleEntity(rule: MultiplierRule | "adopted"): string {
  if (rule === "adopted") return "rule_adopted";
  return rule.rule === "trend" ? `rule_trend_${rule.window}` : `rule_${rule.rule.replace("-", "_")}`;
}

export interface SensitivityRow {
  /** "adopted": the edition's own rules. */
  rule: MultiplierRule | "adopted";
  /** National IIoT value added (亿元) by year (last data year, forecast year). */
  totals: Map<number, number>;
}

export interface Sensitivity {
  /** The years whose rule is varied. */
  varied: number[];
  /** The years shown. */
  shown: number[];
  rows: SensitivityRow[];
}

/** The years whose rule the comparison varies: those not calibrated, or the forecast year if every year is. */
export function variedYears(rules: ReadonlyMap<number, MultiplierRule>, years: readonly number[]): number[] {
  const uncalibrated = years.slice(1).filter((y) => rules.get(y)?.rule !== "calibrated");
  return uncalibrated.length > 0 ? uncalibrated : [years.at(-1)!];
}

export function multiplierSensitivity(
  model: EditionModel,
  sections: readonly SectionInfo[],
  params: Params
): Sensitivity {
  const {timeline, multiplier} = model;
  const varied = variedYears(multiplier.rules, timeline.years);
  const shown = [timeline.lastDataYear, timeline.years.at(-1)!];
  const cd = new Map(model.cobbDouglas.gamma.map((g) => [g.year, g.multiplier]));
  const totalsOf = (path: typeof multiplier): Map<number, number> => {
    const national = project(model.base, sections, timeline, path).national;
    return new Map(shown.map((y) => [y, national.get(y)!.total]));
  };
  const rows: SensitivityRow[] = [
    {rule: "adopted", totals: new Map(shown.map((y) => [y, model.projection.national.get(y)!.total]))}
  ];
  for (const rule of SENSITIVITY_RULES) {
    const rules = new Map(multiplier.rules);
    for (const y of varied) rules.set(y, rule);
    // A rule the years cannot support (a three-year trend two years after the base year) has no row.
    if (rule.rule === "trend" && varied[0]! - timeline.baseYear - 1 < rule.window) continue;
    const path = multiplierPath(rules, params.multiplier.values, multiplier.appliesToDirect, timeline.years, cd);
    rows.push({rule, totals: totalsOf(path)});
  }
  return {varied, shown, rows};
}
