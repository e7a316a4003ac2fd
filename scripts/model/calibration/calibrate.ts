/**
 * @fileoverview Calibration of the unpublished parameters to the targets declared in the edition config
 * (config.calibration.targets; everything else the paper prints is a test of the model). Pure: the CLI
 * (scripts/cli/calibrate.ts) loads, prints and writes.
 *
 * 1. Shares S_k ∈ [0, 1] to the base-year targets (direct and penetration value added of the base year):
 *      min_S Σ_t ((f_t(S) − T_t) / T_t)² + ρ Σ_k (S_k − S̄)²,   S̄ = mean of S,
 *    a projected Levenberg–Marquardt with a forward-difference Jacobian (each evaluation is one LU of the
 *    160 × 160 augmented table). Two targets cannot pin eleven shares; ρ picks, among the near-exact fits, the one
 *    closest to a common share, so the shares differ only as much as the targets require.
 * 2. Cumulative multipliers M_n for every year with targets (data years and the forecast year), by least squares
 *    on logs: min_M Σ_t (ln f_t(M) − ln T_t)² (one M for direct and penetration when appliesToDirect). Years without
 *    a target between two anchors get equal annual μ (log-linear interpolation of M). Only years whose rule is
 *    "calibrated" (edition config multiplier.rules) are fitted; the other rules are applied by the model.
 * 3. CF = target / ΔII when the edition declares a new-infrastructure target.
 */
import type {EditionConfig} from "../edition-config.ts";
import type {Inputs} from "../inputs.ts";
import type {FitLine, Params} from "./params.ts";
import {computeBaseYear, prepareBaseYear, type BaseYearSetup} from "../method/base-year.ts";
import {buildTimeline} from "../method/timeline.ts";
import {project} from "../method/projection.ts";
import {interpolateAnnual, multiplierRules, type MultiplierPath} from "../method/multiplier.ts";
import {computeModel} from "../method/edition-model.ts";
import {luFactor, luSolve} from "../method/linalg.ts";
import {parseRecordId} from "../records/records.ts";
import {ModelError} from "../../lib/errors.ts";

export interface CalibrationOptions {
  /** ρ of the pull towards a common share. */
  regularisation: number;
  appliesToDirect: boolean;
  fitYears: [number, number];
}

export const DEFAULT_CALIBRATION: CalibrationOptions = {
  regularisation: 1e-4,
  appliesToDirect: true,
  fitYears: [2007, 2016]
};

type Part = "direct" | "penetration" | "total";

interface ValueTarget {
  record: string;
  year: number;
  part: Part;
  value: number;
}

const PART_OF: Record<string, Part> = {
  iiot_value_added: "total",
  iiot_value_added_direct: "direct",
  iiot_value_added_penetration: "penetration"
};

function parseTargets(config: EditionConfig): {
  values: ValueTarget[];
  newInfrastructure?: {record: string; value: number};
} {
  const values: ValueTarget[] = [];
  let newInfrastructure: {record: string; value: number} | undefined;
  for (const t of config.calibration.targets) {
    const id = parseRecordId(t.record);
    if (!id || id.scope !== "national")
      throw new ModelError(
        "edition config calibration.targets",
        `found "${t.record}"; expected a national record id (metric/national/china/year)`
      );
    if (id.metric === "new_infrastructure_output") newInfrastructure = {record: t.record, value: t.value};
    else if (PART_OF[id.metric])
      values.push({record: t.record, year: id.year, part: PART_OF[id.metric]!, value: t.value});
    else
      throw new ModelError(
        "edition config calibration.targets",
        `found "${t.record}"; expected a target of ${Object.keys(PART_OF).join(", ")} or new_infrastructure_output (no parameter is fitted to ${id.metric})`
      );
  }
  return {values, ...(newInfrastructure ? {newInfrastructure} : {})};
}

/** Least squares with box constraints [0, 1]: projected Levenberg–Marquardt. */
export function fitShares(
  evaluate: (s: readonly number[]) => number[],
  start: readonly number[],
  rho: number,
  maxIterations = 60
): number[] {
  const m = start.length;
  const residuals = (s: readonly number[]): number[] => {
    const mean = s.reduce((a, b) => a + b, 0) / m;
    return [...evaluate(s), ...s.map((x) => Math.sqrt(rho) * (x - mean))];
  };
  const cost = (r: readonly number[]): number => r.reduce((a, b) => a + b * b, 0);
  const clamp = (x: number): number => Math.min(1, Math.max(0, x));
  let s = start.map(clamp);
  let r = residuals(s);
  let lambda = 1e-3;
  for (let it = 0; it < maxIterations; it++) {
    const h = 1e-6;
    const jac: number[][] = [];
    for (let k = 0; k < m; k++) {
      const step = s[k]! + h <= 1 ? h : -h;
      const shifted = s.map((x, i) => (i === k ? x + step : x));
      const rk = residuals(shifted);
      jac.push(rk.map((v, i) => (v - r[i]!) / step));
    }
    // Normal equations (JᵀJ + λ diag(JᵀJ)) δ = −Jᵀ r, with J stored by column (jac[k] = ∂r/∂s_k).
    const jtj = new Float64Array(m * m);
    const jtr = new Float64Array(m);
    for (let a = 0; a < m; a++) {
      jtr[a] = -jac[a]!.reduce((acc, v, i) => acc + v * r[i]!, 0);
      for (let b = 0; b < m; b++) jtj[a * m + b] = jac[a]!.reduce((acc, v, i) => acc + v * jac[b]![i]!, 0);
    }
    let improved = false;
    for (let tries = 0; tries < 10; tries++) {
      const damped = Float64Array.from(jtj);
      for (let a = 0; a < m; a++) damped[a * m + a] = damped[a * m + a]! * (1 + lambda) + 1e-12;
      const delta = luSolve(luFactor({n: m, data: damped}), jtr, 1);
      const next = s.map((x, i) => clamp(x + delta[i]!));
      const rn = residuals(next);
      if (cost(rn) < cost(r)) {
        const gain = cost(r) - cost(rn);
        s = next;
        r = rn;
        lambda = Math.max(lambda / 3, 1e-9);
        improved = true;
        if (gain < 1e-16) return s;
        break;
      }
      lambda *= 4;
    }
    if (!improved) break;
  }
  return s;
}

/** Minimises a smooth function of one variable on [lo, hi] by golden-section search. */
export function goldenMinimum(f: (x: number) => number, lo: number, hi: number, tolerance = 1e-12): number {
  const phi = (Math.sqrt(5) - 1) / 2;
  let a = lo;
  let b = hi;
  let c = b - phi * (b - a);
  let d = a + phi * (b - a);
  while (Math.abs(b - a) > tolerance) {
    if (f(c) < f(d)) b = d;
    else a = c;
    c = b - phi * (b - a);
    d = a + phi * (b - a);
  }
  return (a + b) / 2;
}

export interface CalibrationResult {
  params: Params;
  fit: FitLine[];
}

export function calibrate(
  inputs: Inputs,
  config: EditionConfig,
  options: CalibrationOptions = DEFAULT_CALIBRATION,
  setup: BaseYearSetup = prepareBaseYear(inputs.io, inputs.relatedSubsectors)
): CalibrationResult {
  const {values: targets, newInfrastructure} = parseTargets(config);
  const base = config.baseYear;
  const baseTargets = targets.filter((t) => t.year === base);
  if (baseTargets.length === 0)
    throw new ModelError(
      "edition config calibration.targets",
      `no target for the base year ${base}; expected one, the shares S_k are fitted to it`
    );

  // 1. Shares.
  const m = inputs.relatedSubsectors.length;
  const evaluate = (s: readonly number[]): number[] => {
    const r = computeBaseYear(setup, s);
    return baseTargets.map(
      (t) => (r[t.part === "total" ? "direct" : t.part] + (t.part === "total" ? r.penetration : 0) - t.value) / t.value
    );
  };
  const shares = fitShares(evaluate, new Array<number>(m).fill(0.15), options.regularisation);
  const baseResult = computeBaseYear(setup, shares);

  // 2. Multipliers: raw (M = 1) projections, then one M per target year.
  const timeline = buildTimeline(inputs, config);
  const rules = multiplierRules(config, timeline.years);
  const unit: MultiplierPath = {
    appliesToDirect: options.appliesToDirect,
    annual: new Map(timeline.years.slice(1).map((y) => [y, 1])),
    cumulative: new Map(timeline.years.map((y) => [y, 1])),
    rules
  };
  const raw = project(baseResult, inputs.sections, timeline, unit).national;
  const fitted = (year: number, part: Part, M: number): number => {
    const r = raw.get(year)!;
    const direct = r.direct * (options.appliesToDirect ? M : 1);
    const penetration = r.penetration * M;
    return part === "direct" ? direct : part === "penetration" ? penetration : direct + penetration;
  };
  const anchors = new Map<number, number>([[base, 1]]);
  const targetYears = [...new Set(targets.map((t) => t.year))].filter((y) => y > base).sort((a, b) => a - b);
  for (const year of targetYears) {
    const rule = rules.get(year)?.rule;
    if (rule !== "calibrated")
      throw new ModelError(
        "edition config calibration.targets",
        `a target for ${year}, whose multiplier rule is "${rule ?? "none"}"; expected targets only for calibrated years — remove the target, or remove the year's rule from multiplier.rules`
      );
  }
  for (const year of targetYears) {
    const ts = targets.filter((t) => t.year === year);
    const objective = (logM: number): number =>
      ts.reduce((acc, t) => acc + (Math.log(fitted(year, t.part, Math.exp(logM))) - Math.log(t.value)) ** 2, 0);
    anchors.set(year, Math.exp(goldenMinimum(objective, Math.log(0.1), Math.log(10))));
  }
  const calibratedYears = timeline.years.slice(1).filter((y) => rules.get(y)?.rule === "calibrated");
  const lastAnchor = Math.max(...anchors.keys());
  const unanchored = calibratedYears.filter((y) => y > lastAnchor);
  if (unanchored.length > 0)
    throw new ModelError(
      "edition config multiplier.rules",
      `${unanchored.join(", ")} calibrated but no target at or after ${unanchored.length > 1 ? "them" : "it"} (last target year ${lastAnchor}); expected a target, or a declared rule such as {"rule": "trend", "window": 3} or {"rule": "carry-forward"} for ${unanchored.join(", ")}`
    );
  const annual = interpolateAnnual(anchors, calibratedYears);
  const multiplierValues = Object.fromEntries(
    [...annual.entries()].sort((a, b) => a[0] - b[0]).map(([y, mu]) => [String(y), mu])
  );

  const command = `\`npm run calibrate -- --edition ${config.edition}\``;
  const targetsText = `the targets of data/editions/${config.edition}.json`;
  const params: Params = {
    edition: config.edition,
    provenance: `calibrated by ${command} to ${targetsText}`,
    shares: {
      values: Object.fromEntries(inputs.relatedSubsectors.map((r, j) => [r.ioCode, shares[j]!])),
      regularisation: options.regularisation,
      provenance: `fitted by ${command} to the ${base} direct and penetration targets (regularised towards a common share, ρ = ${options.regularisation})`
    },
    multiplier: {
      appliesToDirect: options.appliesToDirect,
      values: multiplierValues,
      provenance: `fitted by ${command}: cumulative multiplier per target year (least squares on logs), equal annual μ between target years; years with another rule follow data/editions/${config.edition}.json multiplier.rules`
    },
    cobbDouglas: {
      fitYears: options.fitYears,
      provenance:
        "the appendix's window 2007–2016 (before the IIoT strategy, γ ≡ 1); estimates are published as records, not used"
    }
  };
  if (newInfrastructure) {
    const investment = inputs.observed.find(
      (o) => o.metric === "new_infrastructure_investment" && o.year === config.forecastYear
    );
    if (!investment)
      throw new ModelError(
        "edition config calibration.targets",
        `target ${newInfrastructure.record} needs the observed new_infrastructure_investment of ${config.forecastYear} in the data`
      );
    const dii = investment.value * (investment.unit === "万亿元" ? 1e4 : 1);
    params.newInfrastructure = {
      cf: newInfrastructure.value / dii,
      provenance: `CF = ${newInfrastructure.value} ÷ ${dii} (ΔII), fitted by ${command} to ${newInfrastructure.record}`
    };
  }

  // The fit, from the full model with the final parameters (what the build will compute).
  const model = computeModel(inputs, config, params, setup);
  const fit: FitLine[] = config.calibration.targets.map((t) => {
    const id = parseRecordId(t.record)!;
    let value: number;
    if (id.metric === "new_infrastructure_output") value = model.newInfrastructure?.output ?? Number.NaN;
    else {
      const n = model.projection.national.get(id.year)!;
      const part = PART_OF[id.metric]!;
      value = part === "total" ? n.total : n[part];
    }
    return {record: t.record, target: t.value, fitted: value, diffPct: ((value - t.value) / t.value) * 100};
  });
  params.fit = fit;
  return {params, fit};
}
