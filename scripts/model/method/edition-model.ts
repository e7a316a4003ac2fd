/**
 * @fileoverview Runs the whole method for one edition and keeps every intermediate result (numbers only, no records):
 * base year → multiplier → sections/tiers/national → provinces/regions → employment → segments → new
 * infrastructure. scripts/model/records/figures.ts turns this into records; the calibration and the tests read it directly.
 */
import type {EditionConfig} from "../edition-config.ts";
import type {DirectSegment, Inputs, SectionCode} from "../inputs.ts";
import type {Params} from "../calibration/params.ts";
import {computeBaseYear, prepareBaseYear, type BaseYearResult, type BaseYearSetup} from "./base-year.ts";
import {fitCobbDouglas, gammaSeries, type CobbDouglasFit, type GammaPoint} from "./cobb-douglas.ts";
import {multiplierPath, multiplierRules, type MultiplierPath} from "./multiplier.ts";
import {project, type Projection} from "./projection.ts";
import {allocateProvinces, type ProvinceResult} from "./regional.ts";
import {
  employmentProvincialShare,
  employmentProvincialTier,
  employmentShares,
  PI_YEAR,
  type EmploymentYear
} from "./employment.ts";
import {segmentValues} from "./segments.ts";
import {buildTimeline, type Timeline} from "./timeline.ts";
import {upTo} from "./series.ts";
import {evaluate} from "../records/formulas.ts";
import {shareOfTotal} from "./stats.ts";
import {ModelError} from "../../lib/errors.ts";

export interface NewInfrastructureResult {
  year: number;
  investment: number;
  cf: number;
  output: number;
  share: number;
  /** Record id of the observed investment indicator. */
  investmentRecord: string;
}

export interface EditionModel {
  config: EditionConfig;
  timeline: Timeline;
  setup: BaseYearSetup;
  shares: number[];
  base: BaseYearResult;
  cobbDouglas: {fit: CobbDouglasFit; gamma: GammaPoint[]};
  multiplier: MultiplierPath;
  projection: Projection;
  provinces: Map<number, Map<string, ProvinceResult>>;
  employment: Map<number, EmploymentYear>;
  /** π_i (provincial-share method only). */
  employmentShares?: Map<string, number>;
  segments?: Map<number, Map<DirectSegment, number>>;
  newInfrastructure?: NewInfrastructureResult;
}

/** S_k in the order of inputs.relatedSubsectors. */
export function shareVector(inputs: Inputs, params: Params): number[] {
  return inputs.relatedSubsectors.map((r) => {
    const s = params.shares.values[r.ioCode];
    if (s === undefined)
      throw new ModelError(
        "parameters (shares S_k)",
        `no share S_k for related sub-sector ${r.ioCode}; run npm run calibrate for the edition`
      );
    return s;
  });
}

/** The observed new-infrastructure investment (ΔII, 亿元) of the forecast year, if the inputs carry it. */
function newInfrastructureInvestment(inputs: Inputs, year: number): {value: number; id: string} | undefined {
  const hit = inputs.observed.find(
    (o) => o.metric === "new_infrastructure_investment" && o.scope === "national" && o.year === year
  );
  if (!hit) return undefined;
  const factor = hit.unit === "万亿元" ? 1e4 : 1;
  const id = `${hit.metric}/${hit.scope}/${hit.entity}/${hit.year}${hit.period ? `@${hit.period}` : ""}`;
  return {value: hit.value * factor, id};
}

export function computeModel(
  inputs: Inputs,
  config: EditionConfig,
  params: Params,
  setup?: BaseYearSetup
): EditionModel {
  const timeline = buildTimeline(inputs, config);
  const baseSetup = setup ?? prepareBaseYear(inputs.io, inputs.relatedSubsectors);
  if (inputs.io.year !== config.baseYear)
    throw new ModelError(
      "edition config baseYear",
      `found ${config.baseYear}; expected ${inputs.io.year}, the year of the input–output table`
    );
  const shares = shareVector(inputs, params);
  const base = computeBaseYear(baseSetup, shares);

  const fit = fitCobbDouglas(upTo(inputs.macro, config.dataYears[1]), params.cobbDouglas.fitYears);
  // γ from the year before the base (so that μ of the base year has its denominator) to the forecast year.
  const gamma = gammaSeries(fit, upTo(inputs.macro, config.dataYears[1]), [timeline.baseYear - 1, ...timeline.years]);
  const multiplier = multiplierPath(
    multiplierRules(config, timeline.years),
    params.multiplier.values,
    params.multiplier.appliesToDirect,
    timeline.years,
    new Map(gamma.map((g) => [g.year, g.multiplier]))
  );
  const projection = project(base, inputs.sections, timeline, multiplier);

  const provinces = new Map<number, Map<string, ProvinceResult>>();
  for (const year of timeline.years)
    provinces.set(
      year,
      allocateProvinces(config.methods.regionalAllocation, projection.tiers.get(year)!, timeline.provincial.get(year)!)
    );

  const employment = new Map<number, EmploymentYear>();
  let pi: Map<string, number> | undefined;
  if (config.methods.employment === "provincial-share") {
    const main = inputs.provincialMainEmployment.filter((m) => m.year === PI_YEAR);
    if (main.length === 0)
      throw new ModelError(
        "edition config methods.employment",
        `the provincial-share method needs provincial main employment of ${PI_YEAR} in the data`
      );
    pi = employmentShares(new Map(main.map((m) => [m.province, m.total])));
  }
  for (const year of timeline.years) {
    const input = {
      year,
      forecast: year > timeline.lastDataYear,
      national: projection.national.get(year)!,
      provinces: provinces.get(year)!,
      sections: projection.sections.get(year)! as ReadonlyMap<
        SectionCode,
        {direct: number; penetration: number; total: number}
      >,
      accounts: timeline.national.get(year)!,
      labour: timeline.labour.get(year)!,
      provincialAccounts: timeline.provincial.get(year)!,
      provincialLabour: timeline.provincialLabour.get(year)!,
      ...(timeline.sectionWages
        ? {sectionWages: new Map([...timeline.sectionWages.get(year)!].map(([code, w]) => [code, w.value]))}
        : {})
    };
    employment.set(
      year,
      pi ? employmentProvincialShare(input, inputs.sections, pi) : employmentProvincialTier(input, inputs.sections)
    );
  }

  const model: EditionModel = {
    config,
    timeline,
    setup: baseSetup,
    shares,
    base,
    cobbDouglas: {fit, gamma},
    multiplier,
    projection,
    provinces,
    employment,
    ...(pi ? {employmentShares: pi} : {})
  };
  if (config.methods.directSegments)
    model.segments = segmentValues(base.directByProduct, inputs.relatedSubsectors, timeline, multiplier);
  if (config.methods.newInfrastructure) {
    const investment = newInfrastructureInvestment(inputs, config.forecastYear);
    const cf = params.newInfrastructure?.cf;
    if (investment && cf !== undefined) {
      const output = evaluate("new_infrastructure_output", {CF: cf, DII: investment.value});
      model.newInfrastructure = {
        year: config.forecastYear,
        investment: investment.value,
        cf,
        output,
        share: shareOfTotal(output, projection.national.get(config.forecastYear)!.total),
        investmentRecord: investment.id
      };
    }
  }
  return model;
}
