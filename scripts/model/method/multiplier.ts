/**
 * @fileoverview The technology multiplier actually used (methodology §1.3.3): μ_n of each year by the rule the edition
 * config declares for it (calibrated, carry-forward, trend, unity, given, cobb-douglas), and the cumulative
 * M_n = Π μ_t with M_{base} = 1, which scales the base-year contribution rates (the penetration rates always; the
 * direct rates when appliesToDirect).
 */
import type {EditionConfig, MultiplierRule} from "../edition-config.ts";
import {ModelError} from "../../lib/errors.ts";

export interface MultiplierPath {
  appliesToDirect: boolean;
  /** μ_n for base+1 … forecast year. */
  annual: Map<number, number>;
  /** M_n for base … forecast year. */
  cumulative: Map<number, number>;
  /** The rule each μ_n followed. */
  rules: Map<number, MultiplierRule>;
}

const WHERE = "edition config multiplier.rules";

/** The formula (scripts/model/records/formulas.ts) of each rule. */
export const RULE_FORMULA: Record<MultiplierRule["rule"], string> = {
  calibrated: "param_multiplier",
  "carry-forward": "multiplier_carry_forward",
  trend: "multiplier_trend",
  unity: "multiplier_unity",
  given: "multiplier_given",
  "cobb-douglas": "cd_multiplier"
};

/** 1–10 as the paper writes a count of years in running text (the digits belong to linked numbers only). */
const COUNT_ZH = ["零", "一", "两", "三", "四", "五", "六", "七", "八", "九", "十"];
const countZh = (n: number): string => COUNT_ZH[n] ?? String(n);

/** A rule's short name, for table rows and record names. */
export function ruleNameZh(rule: MultiplierRule): string {
  switch (rule.rule) {
    case "calibrated":
      return "按校准目标拟合";
    case "carry-forward":
      return "沿用上一年乘数";
    case "trend":
      return `近${countZh(rule.window)}年乘数几何平均`;
    case "unity":
      return "乘数取1";
    case "given":
      return "给定值";
    case "cobb-douglas":
      return "生产函数乘数";
  }
}

/** How a year's μ was obtained, as the paper says it (a clause; the appendix and the records use it). */
export function ruleClauseZh(rule: MultiplierRule): string {
  switch (rule.rule) {
    case "calibrated":
      return "按校准目标拟合";
    case "carry-forward":
      return "沿用上一年的乘数";
    case "trend":
      return rule.window === 1 ? "沿用上一年的乘数" : `取此前${countZh(rule.window)}年乘数的几何平均`;
    case "unity":
      return "取1，即贡献率与上一年相同";
    case "given":
      return `取给定值${rule.value}（${rule.source}）`;
    case "cobb-douglas":
      return "取规模报酬不变的柯布—道格拉斯生产函数求得的乘数";
  }
}

/**
 * The rule of every year after the base year (`years`, base first): the config's, "calibrated" where it says
 * nothing. Calibrated years must come before every other rule, because the other rules continue the calibrated path
 * and the calibration fits cumulative levels.
 */
export function multiplierRules(
  config: Pick<EditionConfig, "multiplier">,
  years: readonly number[]
): Map<number, MultiplierRule> {
  const later = years.slice(1);
  const rules = new Map<number, MultiplierRule>();
  for (const key of Object.keys(config.multiplier.rules))
    if (!later.includes(Number(key)))
      throw new ModelError(
        WHERE,
        `found a rule for ${key}; expected only years ${later[0]}–${later.at(-1)} (after the base year, up to the forecast year)`
      );
  let other: number | undefined;
  for (const year of later) {
    const rule = config.multiplier.rules[String(year)] ?? {rule: "calibrated" as const};
    if (rule.rule === "calibrated" && other !== undefined)
      throw new ModelError(
        WHERE,
        `${year} is calibrated but ${other} before it follows "${rules.get(other)!.rule}"; expected the calibrated years first — give ${year} a rule too, or calibrate ${other}`
      );
    if (rule.rule !== "calibrated") other ??= year;
    rules.set(year, rule);
  }
  return rules;
}

/** μ of one year by a rule that does not need the calibration, from the μ of the years before it. */
export function ruleValue(
  rule: Exclude<MultiplierRule, {rule: "calibrated"}>,
  year: number,
  before: ReadonlyMap<number, number>,
  cobbDouglas: ReadonlyMap<number, number>
): number {
  const previous = [...before.entries()]
    .filter(([y]) => y < year)
    .sort((a, b) => a[0] - b[0])
    .map(([, mu]) => mu);
  switch (rule.rule) {
    case "unity":
      return 1;
    case "given":
      return rule.value;
    case "cobb-douglas": {
      const mu = cobbDouglas.get(year);
      if (mu === undefined)
        throw new ModelError(
          WHERE,
          `${year}: no Cobb–Douglas multiplier for this year; expected macro data (data/national/macro.csv) up to ${year - 1}`
        );
      return mu;
    }
    case "carry-forward":
    case "trend": {
      const window = rule.rule === "trend" ? rule.window : 1;
      const last = previous.slice(-window);
      if (last.length < window)
        throw new ModelError(
          WHERE,
          `${year}: "${rule.rule}" needs the multiplier of the ${window} year(s) before it; found ${last.length} — use "unity" or "given" for the first year after the base year`
        );
      return Math.exp(last.reduce((s, mu) => s + Math.log(mu), 0) / window);
    }
  }
}

/**
 * Builds the path for `years` (base year first): calibrated years take the parameters' value, the others follow
 * their rule in year order.
 */
export function multiplierPath(
  rules: ReadonlyMap<number, MultiplierRule>,
  calibrated: Readonly<Record<string, number>>,
  appliesToDirect: boolean,
  years: readonly number[],
  cobbDouglas: ReadonlyMap<number, number>
): MultiplierPath {
  const [base, ...later] = years;
  if (base === undefined) throw new Error("no years to build the multiplier for");
  const annual = new Map<number, number>();
  const cumulative = new Map<number, number>([[base, 1]]);
  let m = 1;
  for (const year of later) {
    const rule = rules.get(year) ?? {rule: "calibrated" as const};
    const mu = rule.rule === "calibrated" ? calibrated[String(year)] : ruleValue(rule, year, annual, cobbDouglas);
    if (mu === undefined || !(mu > 0))
      throw new ModelError(
        `technology multiplier of ${year} (rule "${rule.rule}")`,
        `found ${String(mu)}; expected a number > 0 — run npm run calibrate for the edition`
      );
    annual.set(year, mu);
    m *= mu;
    cumulative.set(year, m);
  }
  return {appliesToDirect, annual, cumulative, rules: new Map(rules)};
}

/**
 * Log-linear interpolation of cumulative multipliers between anchor years: equal annual μ between two anchors,
 * μ = (M_b / M_a)^{1/(b − a)}. Used by the calibration for years without a target.
 */
export function interpolateAnnual(anchors: ReadonlyMap<number, number>, years: readonly number[]): Map<number, number> {
  const points = [...anchors.entries()].sort((a, b) => a[0] - b[0]);
  const annual = new Map<number, number>();
  for (const year of years) {
    const right = points.find(([y]) => y >= year);
    const left = [...points].reverse().find(([y]) => y < year);
    if (!right || !left) throw new Error(`year ${year} is not between two multiplier anchors`);
    annual.set(year, (right[1] / left[1]) ** (1 / (right[0] - left[0])));
  }
  return annual;
}
