/**
 * @fileoverview The statistical series of one edition laid out for base year … forecast year. Two rules live here:
 * - No look-ahead: only data years ≤ config.dataYears[1] are read (the 2020 edition never sees 2020 actuals).
 * - The forecast year: national GDP grows by the edition's assumed nominal growth (config.forecast.gdpNominalGrowth),
 *   and so do the sum of the sections and the sum of the provinces; each part (section, tier, province, a province's
 *   tier) keeps its recent lead or lag over its whole (forecast-parts.ts, window config.forecast.partsTrendWindow).
 *   Headcounts (national and provincial employment, which the assumption says nothing about) continue their last
 *   annual change linearly.
 *   A data year missing from a series is continued the same linear way and flagged `estimated`.
 */
import type {EditionConfig} from "../edition-config.ts";
import {
  TIERS,
  type Inputs,
  type NationalAccounts,
  type NationalEmployment,
  type ProvincialAccounts,
  type ProvincialEmployment,
  type SectionCode
} from "../inputs.ts";
import {ModelError} from "../../lib/errors.ts";
import {forecastParts, trendGrowth} from "./forecast-parts.ts";
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
  /**
   * Average wage by section (元), when the sections' productivity follows wages. The forecast year keeps the last
   * data year's wages: only their ratios matter (the sections are scaled to the national total), and no wage
   * assumption is made.
   */
  sectionWages?: Map<number, Map<SectionCode, WageFigure>>;
}

/** A section's wage in one year, and the year of the table it was read from. */
export interface WageFigure extends YearFigure {
  tableYear: number;
}

const ACCOUNT_FIELDS = ["gdp", "primary", "secondary", "tertiary"] as const;
const LABOUR_FIELDS = ["total", "primary", "secondary", "tertiary"] as const;

function grow(value: number, growthPct: number): number {
  return value * (1 + growthPct / 100);
}

/** Continues one field linearly from the observed years to `year`. */
function linearField<T extends {year: number}>(rows: readonly T[], field: (r: T) => number, year: number): number {
  const points: Point[] = rows.map((r) => ({year: r.year, value: field(r), estimated: false}));
  return extrapolateLinear(
    points.filter((p) => p.year < year),
    year
  ).value;
}

/** Accounts-like rows (national or one province) for every year; growth by the GDP assumption in the forecast year. */
function accountsPath(
  rows: readonly (Accounts & {year: number; estimated: boolean})[],
  t: {years: number[]; lastDataYear: number; gdpGrowth: number}
): Map<number, AccountsYear> {
  const out = new Map<number, AccountsYear>();
  for (const year of t.years) {
    const hit = rows.find((r) => r.year === year);
    if (hit && year <= t.lastDataYear) {
      out.set(year, {
        gdp: hit.gdp,
        primary: hit.primary,
        secondary: hit.secondary,
        tertiary: hit.tertiary,
        estimated: hit.estimated,
        forecast: false
      });
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

function labourPath(
  rows: readonly (Labour & {year: number; estimated: boolean})[],
  t: {years: number[]; lastDataYear: number}
): Map<number, LabourYear> {
  const out = new Map<number, LabourYear>();
  for (const year of t.years) {
    const hit = rows.find((r) => r.year === year);
    if (hit && year <= t.lastDataYear) {
      out.set(year, {
        total: hit.total,
        primary: hit.primary,
        secondary: hit.secondary,
        tertiary: hit.tertiary,
        estimated: hit.estimated,
        forecast: false
      });
      continue;
    }
    const known = rows.filter((r) => r.year < year);
    const filled = Object.fromEntries(LABOUR_FIELDS.map((f) => [f, linearField(known, (r) => r[f], year)])) as Labour;
    out.set(year, {...filled, estimated: true, forecast: year > t.lastDataYear});
  }
  return out;
}

/**
 * Wages by section for every year. NBS publishes them as whole tables; a year without one takes the nearest year's
 * table (the first one before it, the last one after it, up to the last data year), flagged estimated. Only the
 * ratios between sections matter, since the sections are scaled to the national total.
 */
function wagePath(
  inputs: Inputs,
  years: readonly number[],
  lastDataYear: number
): Map<number, Map<SectionCode, WageFigure>> {
  const tableYears = [...new Set(upTo(inputs.sectionWages, lastDataYear).map((w) => w.year))].sort((a, b) => a - b);
  if (tableYears.length === 0) throw new ModelError("section wages", `no average wages up to ${lastDataYear}`);
  const out = new Map<number, Map<SectionCode, WageFigure>>();
  for (const year of years) {
    const source = tableYears.includes(year)
      ? year
      : year < tableYears[0]!
        ? tableYears[0]!
        : tableYears.filter((y) => y < year).at(-1)!;
    const byCode = new Map<SectionCode, WageFigure>();
    for (const section of inputs.sections) {
      const hit = inputs.sectionWages.find((w) => w.year === source && w.section === section.code);
      if (!hit) throw new ModelError("section wages", `section ${section.code} has no average wage for ${source}`);
      byCode.set(section.code, {
        value: hit.value,
        estimated: year !== source,
        forecast: year > lastDataYear,
        tableYear: source
      });
    }
    out.set(year, byCode);
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
        const points = rows
          .filter((r) => r.year < year)
          .map((r) => ({year: r.year, value: r.value, estimated: r.estimated}));
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
      .map((r) => ({
        year: r.year,
        gdp: r.gdp,
        primary: r.primary,
        secondary: r.secondary,
        tertiary: r.tertiary,
        estimated: r.tiersEstimated
      }));
    if (rows.length > 0) for (const [year, v] of accountsPath(rows, t)) provincial.get(year)!.set(province.id, v);
    const lab = employment.filter((r: ProvincialEmployment) => r.province === province.id);
    if (lab.length > 0) for (const [year, v] of labourPath(lab, t)) provincialLabour.get(year)!.set(province.id, v);
  }

  const timeline: Timeline = {
    baseYear: config.baseYear,
    lastDataYear,
    forecastYear: config.forecastYear,
    years,
    gdpGrowth,
    sectionVa,
    national,
    labour,
    provincial,
    provincialLabour
  };
  if (config.methods.sectionProductivity === "wage") timeline.sectionWages = wagePath(inputs, years, lastDataYear);
  forecastPartsByTrend(timeline, inputs, config.forecast.partsTrendWindow);
  return timeline;
}

/**
 * The forecast years of the parts (sections, national tiers, provinces and each province's tiers) by the relative
 * trend rule of forecast-parts.ts, over the `window` years that end in the last data year. The wholes keep the
 * assumed growth: national GDP and the sum of the sections and of the provinces.
 */
function forecastPartsByTrend(t: Timeline, inputs: Inputs, window: number): void {
  const last = t.lastDataYear;
  const start = last - window;
  const needs = (what: string, value: number | undefined): number => {
    if (value === undefined)
      throw new ModelError(
        "forecast.partsTrendWindow (edition config)",
        `${what}: found no value for ${start}; expected data for every year of the trend window (${window} years up to ${last}); shorten the window`
      );
    return value;
  };
  const sectionAt = (code: SectionCode, year: number) =>
    t.sectionVa.get(year)?.get(code)?.value ??
    inputs.sectionValueAdded.find((r) => r.section === code && r.year === year)?.value;
  const nationalAt = (year: number) => t.national.get(year) ?? inputs.nationalAccounts.find((r) => r.year === year);
  const provinceAt = (id: string, year: number) =>
    t.provincial.get(year)?.get(id) ?? inputs.provincialAccounts.find((r) => r.province === id && r.year === year);
  const trendOf = (what: string, from: number | undefined, to: number) => trendGrowth(needs(what, from), to, window);
  const sum = (values: Iterable<number>) => [...values].reduce((a, b) => a + b, 0);

  const sections = inputs.sections.map((s) => s.code);
  const sectionTrend = new Map(
    sections.map((c) => [c, trendOf(`section ${c}`, sectionAt(c, start), sectionAt(c, last)!)])
  );
  const sectionsWholeTrend = trendOf(
    "the sum of the sections",
    sum(sections.map((c) => needs(`section ${c}`, sectionAt(c, start)))),
    sum(sections.map((c) => sectionAt(c, last)!))
  );
  const nationalStart = nationalAt(start);
  const tierTrend = new Map(
    TIERS.map((j) => [j, trendOf(`national ${j}`, nationalStart?.[j], t.national.get(last)![j])])
  );
  const gdpTrend = trendOf("national GDP", nationalStart?.gdp, t.national.get(last)!.gdp);
  const provinces = [...t.provincial.get(last)!.keys()];
  const provinceTrend = new Map(
    provinces.map((id) => [
      id,
      trendOf(`province ${id}`, provinceAt(id, start)?.gdp, t.provincial.get(last)!.get(id)!.gdp)
    ])
  );
  const provincesWholeTrend = trendOf(
    "the sum of the provinces",
    sum(provinces.map((id) => needs(`province ${id}`, provinceAt(id, start)?.gdp))),
    sum(provinces.map((id) => t.provincial.get(last)!.get(id)!.gdp))
  );
  const provinceTierTrend = (id: string, j: (typeof TIERS)[number]) =>
    trendOf(`province ${id} ${j}`, provinceAt(id, start)?.[j], t.provincial.get(last)!.get(id)![j]);

  for (const year of t.years.filter((y) => y > last)) {
    const g = t.gdpGrowth;
    const prevVa = t.sectionVa.get(year - 1)!;
    const va = forecastParts(
      new Map(sections.map((c) => [c, {prev: prevVa.get(c)!.value, trend: sectionTrend.get(c)!}])),
      {trend: sectionsWholeTrend, growth: g, forecast: sum(sections.map((c) => prevVa.get(c)!.value)) * (1 + g / 100)},
      (c) => `section ${c}`
    );
    for (const [c, value] of va) t.sectionVa.get(year)!.set(c, {value, estimated: true, forecast: true});

    const nation = t.national.get(year)!;
    const prevNation = t.national.get(year - 1)!;
    const tiers = forecastParts(
      new Map(TIERS.map((j) => [j, {prev: prevNation[j], trend: tierTrend.get(j)!}])),
      {trend: gdpTrend, growth: g, forecast: nation.gdp},
      (j) => `national ${j}`
    );
    for (const [j, value] of tiers) nation[j] = value;

    const prevProvinces = t.provincial.get(year - 1)!;
    const gdps = forecastParts(
      new Map(provinces.map((id) => [id, {prev: prevProvinces.get(id)!.gdp, trend: provinceTrend.get(id)!}])),
      {
        trend: provincesWholeTrend,
        growth: g,
        forecast: sum(provinces.map((id) => prevProvinces.get(id)!.gdp)) * (1 + g / 100)
      },
      (id) => `province ${id}`
    );
    for (const [id, gdp] of gdps) {
      const prev = prevProvinces.get(id)!;
      const own = forecastParts(
        new Map(TIERS.map((j) => [j, {prev: prev[j], trend: provinceTierTrend(id, j)}])),
        {trend: provinceTrend.get(id)!, growth: (gdp / prev.gdp - 1) * 100, forecast: gdp},
        (j) => `province ${id} ${j}`
      );
      t.provincial.get(year)!.set(id, {
        gdp,
        primary: own.get("primary")!,
        secondary: own.get("secondary")!,
        tertiary: own.get("tertiary")!,
        estimated: true,
        forecast: true
      });
    }
  }
}
