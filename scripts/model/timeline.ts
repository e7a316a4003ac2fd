/**
 * @fileoverview The statistical series of one edition laid out for base year … forecast year. Two rules live here:
 * - No look-ahead: only data years ≤ config.dataYears[1] are read (the 2020 edition never sees 2020 actuals).
 * - The forecast year: every value-added series (section value added, national and provincial GDP and their tiers)
 *   grows by the edition's assumed nominal GDP growth (config.forecast.gdpNominalGrowth); headcounts (national and
 *   provincial employment, which the assumption says nothing about) continue their last annual change linearly.
 *   A data year missing from a series is continued the same linear way and flagged `estimated`.
 */
import type {EditionConfig} from "./edition-config.ts";
import type {Inputs, NationalAccounts, NationalEmployment, ProvincialAccounts, ProvincialEmployment, SectionCode} from "./inputs.ts";
import {extrapolateLinear, upTo, yearRange, type Point} from "./series.ts";

export interface YearFigure {
  value: number;
  estimated: boolean;
  /** Produced by the forecast rule rather than read. */
  forecast: boolean;
}

type Accounts = Omit<NationalAccounts, "year" | "estimated">;
type Labour = Omit<NationalEmployment, "year" | "estimated">;

export interface AccountsYear extends Accounts {
  estimated: boolean;
  forecast: boolean;
}
export interface LabourYear extends Labour {
  estimated: boolean;
  forecast: boolean;
}

export interface Timeline {
  baseYear: number;
  lastDataYear: number;
  forecastYear: number;
  /** base … forecast. */
  years: number[];
  gdpGrowth: number;
  sectionVa: Map<number, Map<SectionCode, YearFigure>>;
  national: Map<number, AccountsYear>;
  labour: Map<number, LabourYear>;
  provincial: Map<number, Map<string, AccountsYear>>;
  provincialLabour: Map<number, Map<string, LabourYear>>;
}

const ACCOUNT_FIELDS = ["gdp", "primary", "secondary", "tertiary"] as const;
const LABOUR_FIELDS = ["total", "primary", "secondary", "tertiary"] as const;

function grow(value: number, growthPct: number): number {
  return value * (1 + growthPct / 100);
}

/** Continues one field linearly from the observed years to `year`. */
function linearField<T extends {year: number}>(rows: readonly T[], field: (r: T) => number, year: number): number {
  const points: Point[] = rows.map((r) => ({year: r.year, value: field(r), estimated: false}));
  return extrapolateLinear(points.filter((p) => p.year < year), year).value;
}

/** Accounts-like rows (national or one province) for every year; growth by the GDP assumption in the forecast year. */
function accountsPath(rows: readonly (Accounts & {year: number; estimated: boolean})[], t: {years: number[]; lastDataYear: number; gdpGrowth: number}): Map<number, AccountsYear> {
  const out = new Map<number, AccountsYear>();
  for (const year of t.years) {
    const hit = rows.find((r) => r.year === year);
    if (hit && year <= t.lastDataYear) {
      out.set(year, {gdp: hit.gdp, primary: hit.primary, secondary: hit.secondary, tertiary: hit.tertiary, estimated: hit.estimated, forecast: false});
      continue;
    }
    const prev = out.get(year - 1);
    if (year > t.lastDataYear && prev) {
      out.set(year, {
        gdp: grow(prev.gdp, t.gdpGrowth),
        primary: grow(prev.primary, t.gdpGrowth),
        secondary: grow(prev.secondary, t.gdpGrowth),
        tertiary: grow(prev.tertiary, t.gdpGrowth),
        estimated: true,
        forecast: true
      });
      continue;
    }
    const filled = Object.fromEntries(ACCOUNT_FIELDS.map((f) => [f, linearField(rows, (r) => r[f], year)])) as Accounts;
    out.set(year, {...filled, estimated: true, forecast: false});
  }
  return out;
}

function labourPath(rows: readonly (Labour & {year: number; estimated: boolean})[], t: {years: number[]; lastDataYear: number}): Map<number, LabourYear> {
  const out = new Map<number, LabourYear>();
  for (const year of t.years) {
    const hit = rows.find((r) => r.year === year);
    if (hit && year <= t.lastDataYear) {
      out.set(year, {total: hit.total, primary: hit.primary, secondary: hit.secondary, tertiary: hit.tertiary, estimated: hit.estimated, forecast: false});
      continue;
    }
    const known = rows.filter((r) => r.year < year);
    const filled = Object.fromEntries(LABOUR_FIELDS.map((f) => [f, linearField(known, (r) => r[f], year)])) as Labour;
    out.set(year, {...filled, estimated: true, forecast: year > t.lastDataYear});
  }
  return out;
}

export function buildTimeline(inputs: Inputs, config: EditionConfig): Timeline {
  const lastDataYear = config.dataYears[1];
  const years = yearRange(config.baseYear, config.forecastYear);
  const gdpGrowth = config.forecast.gdpNominalGrowth;
  const t = {years, lastDataYear, gdpGrowth};

  const sectionVa = new Map<number, Map<SectionCode, YearFigure>>();
  const visibleVa = upTo(inputs.sectionValueAdded, lastDataYear);
  for (const year of years) sectionVa.set(year, new Map());
  for (const section of inputs.sections) {
    const rows = visibleVa.filter((r) => r.section === section.code);
    for (const year of years) {
      const hit = rows.find((r) => r.year === year);
      let figure: YearFigure;
      if (hit) figure = {value: hit.value, estimated: hit.estimated, forecast: false};
      else if (year > lastDataYear) {
        const prev = sectionVa.get(year - 1)!.get(section.code)!;
        figure = {value: grow(prev.value, gdpGrowth), estimated: true, forecast: true};
      } else {
        const points = rows.filter((r) => r.year < year).map((r) => ({year: r.year, value: r.value, estimated: r.estimated}));
        figure = {value: extrapolateLinear(points, year).value, estimated: true, forecast: false};
      }
      sectionVa.get(year)!.set(section.code, figure);
    }
  }

  const national = accountsPath(upTo(inputs.nationalAccounts, lastDataYear), t);
  const labour = labourPath(upTo(inputs.nationalEmployment, lastDataYear), t);

  const provincial = new Map<number, Map<string, AccountsYear>>(years.map((y) => [y, new Map()]));
  const provincialLabour = new Map<number, Map<string, LabourYear>>(years.map((y) => [y, new Map()]));
  const accounts = upTo(inputs.provincialAccounts, lastDataYear);
  const employment = upTo(inputs.provincialEmployment, lastDataYear);
  for (const province of inputs.provinces) {
    const rows = accounts
      .filter((r: ProvincialAccounts) => r.province === province.id)
      .map((r) => ({year: r.year, gdp: r.gdp, primary: r.primary, secondary: r.secondary, tertiary: r.tertiary, estimated: r.tiersEstimated}));
    if (rows.length > 0) for (const [year, v] of accountsPath(rows, t)) provincial.get(year)!.set(province.id, v);
    const lab = employment.filter((r: ProvincialEmployment) => r.province === province.id);
    if (lab.length > 0) for (const [year, v] of labourPath(lab, t)) provincialLabour.get(year)!.set(province.id, v);
  }

  return {baseYear: config.baseYear, lastDataYear, forecastYear: config.forecastYear, years, gdpGrowth, sectionVa, national, labour, provincial, provincialLabour};
}
