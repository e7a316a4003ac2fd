/**
 * @fileoverview The statistical inputs, observed indicators and parameters as records, so that every computed
 * number can be traced (its `inputs`) to numbers in the same file. Naming:
 *   section_value_added/sector/<section>/<year>   gdp/national/china/<year>   gdp/tier/<tier>/<year>
 *   employed_persons/national/china/<year>        employed_persons/tier/<tier>/<year>
 *   gdp[_<tier>]/province/<id>/<year>             employed_persons[_<tier>]/province/<id>/<year>
 *   main_employment/province/<id>/<year>          (主要就业人数, the 2020 method's π)
 *   io_output | io_intermediate_input | io_value_added /other/io_<code>/<IO year>   (亿元)
 *   macro_output | macro_capital | macro_labour /national/china/<year>               (as in the macro source)
 *   iiot_share_coefficient/other/io_<code>/<base year>, technology_multiplier/national/china/<year>,
 *   new_infrastructure_cf/national/china/<year>                                     (parameters)
 * Forecast-year values of the series are model records (formula forecast_growth or extrapolate_linear).
 */
import type {EditionConfig} from "../edition-config.ts";
import type {Inputs, SeriesKey} from "../inputs.ts";
import {TIERS} from "../inputs.ts";
import type {Params} from "../calibration/params.ts";
import type {EditionModel} from "../method/edition-model.ts";
import {WAN_PER_YI} from "../method/base-year.ts";
import {ioEntity, NATIONAL} from "./entities.ts";
import type {RecordBook} from "./record-book.ts";
import {formula} from "./formulas.ts";
import {newInfrastructureNote, observedNote, shareCoefficientNote} from "./record-notes.ts";
import {upTo} from "../method/series.ts";
import type {AccountsYear, LabourYear} from "../method/timeline.ts";

/** The zh-CN citations of a series' sources (several files of one publication cite alike: listed once). */
export function seriesTitles(inputs: Inputs, key: SeriesKey): string[] {
  const ids = inputs.seriesSources[key] ?? [];
  return [...new Set(ids.map((id) => sourceTitle(inputs, id)))];
}

/** The citation printed for a manifest source (数据来源 lines, provenance cards). */
export function sourceTitle(inputs: Inputs, id: string): string {
  return inputs.sources.find((s) => s.id === id)?.citation ?? id;
}

/** Adds a year of an accounts or labour row: read (input) for data years, forecast/extrapolated (model) otherwise. */
function addSeriesYear(
  book: RecordBook,
  metric: string,
  scope: "national" | "tier" | "province" | "sector",
  entity: string,
  year: number,
  value: number,
  unit: "亿元" | "万人",
  row: {estimated: boolean; forecast: boolean},
  titles: string[],
  growthRule: "forecast_growth" | "forecast_relative_trend" | "extrapolate_linear",
  lastDataYear: number
): void {
  const prev = `${metric}/${scope}/${entity}/${year - 1}`;
  if (year > lastDataYear)
    book.add(metric, scope, entity, year, value, unit, growthRule, {
      inputs: book.has(prev) ? [prev] : [],
      estimated: true
    });
  else
    book.add(metric, scope, entity, year, value, unit, "input_series", {
      kind: "input",
      sources: titles,
      estimated: row.estimated
    });
}

export function addInputRecords(
  book: RecordBook,
  model: EditionModel,
  inputs: Inputs,
  config: EditionConfig,
  params: Params
): void {
  const t = model.timeline;
  const last = t.lastDataYear;
  const vaTitles = seriesTitles(inputs, "sectionValueAdded");
  for (const year of t.years) {
    const va = t.sectionVa.get(year)!;
    for (const s of inputs.sections) {
      const f = va.get(s.code)!;
      addSeriesYear(
        book,
        "section_value_added",
        "sector",
        s.entity,
        year,
        f.value,
        "亿元",
        f,
        vaTitles,
        "forecast_relative_trend",
        last
      );
    }
  }
  const accTitles = seriesTitles(inputs, "nationalAccounts");
  const labTitles = seriesTitles(inputs, "nationalEmployment");
  for (const year of t.years) {
    const a: AccountsYear = t.national.get(year)!;
    addSeriesYear(book, "gdp", "national", NATIONAL, year, a.gdp, "亿元", a, accTitles, "forecast_growth", last);
    for (const j of TIERS)
      addSeriesYear(book, "gdp", "tier", j, year, a[j], "亿元", a, accTitles, "forecast_relative_trend", last);
    const l: LabourYear = t.labour.get(year)!;
    addSeriesYear(
      book,
      "employed_persons",
      "national",
      NATIONAL,
      year,
      l.total,
      "万人",
      l,
      labTitles,
      "extrapolate_linear",
      last
    );
    for (const j of TIERS)
      addSeriesYear(book, "employed_persons", "tier", j, year, l[j], "万人", l, labTitles, "extrapolate_linear", last);
  }
  if (t.sectionWages) {
    const wageTitles = seriesTitles(inputs, "sectionWages");
    // Years with a table first: the carried years name them as inputs.
    const wages = t.sectionWages;
    const hasTable = (year: number): boolean => [...wages.get(year)!.values()][0]!.tableYear === year;
    const tableFirst = [...t.years.filter(hasTable), ...t.years.filter((year) => !hasTable(year))];
    for (const year of tableFirst)
      for (const s of inputs.sections) {
        const w = wages.get(year)!.get(s.code)!;
        if (w.tableYear === year)
          book.add("average_wage", "sector", s.entity, year, w.value, "元", "input_series", {
            kind: "input",
            sources: wageTitles,
            note: "城镇非私营单位就业人员年平均工资"
          });
        else
          book.add("average_wage", "sector", s.entity, year, w.value, "元", "carry_nearest_table", {
            inputs: [`average_wage/sector/${s.entity}/${w.tableYear}`],
            estimated: true,
            note: `该年没有完整的分行业工资表，沿用${w.tableYear}年的数值`
          });
      }
  }
  const pAccTitles = seriesTitles(inputs, "provincialAccounts");
  const pLabTitles = seriesTitles(inputs, "provincialEmployment");
  for (const year of t.years) {
    for (const [id, a] of t.provincial.get(year)!) {
      addSeriesYear(book, "gdp", "province", id, year, a.gdp, "亿元", a, pAccTitles, "forecast_relative_trend", last);
      for (const j of TIERS)
        addSeriesYear(
          book,
          `gdp_${j}`,
          "province",
          id,
          year,
          a[j],
          "亿元",
          a,
          pAccTitles,
          "forecast_relative_trend",
          last
        );
    }
    for (const [id, l] of t.provincialLabour.get(year)!) {
      addSeriesYear(
        book,
        "employed_persons",
        "province",
        id,
        year,
        l.total,
        "万人",
        l,
        pLabTitles,
        "extrapolate_linear",
        last
      );
      for (const j of TIERS)
        addSeriesYear(
          book,
          `employed_persons_${j}`,
          "province",
          id,
          year,
          l[j],
          "万人",
          l,
          pLabTitles,
          "extrapolate_linear",
          last
        );
    }
  }

  const mainTitles = seriesTitles(inputs, "provincialMainEmployment");
  for (const m of upTo(inputs.provincialMainEmployment, last))
    book.add("main_employment", "province", m.province, m.year, m.total, "万人", "input_series", {
      kind: "input",
      sources: mainTitles,
      forecast: false,
      note: "主要就业人数：城镇单位就业人员与私营企业、个体就业人员之和"
    });

  const ioTitles = seriesTitles(inputs, "io");
  const io = inputs.io;
  for (const s of io.sectors) {
    const e = ioEntity(s.code);
    const opts = {kind: "input" as const, sources: ioTitles, note: "国家统计局原表以万元计，已换算为亿元"};
    book.add("io_output", "other", e, io.year, s.output / WAN_PER_YI, "亿元", "input_series", opts);
    book.add(
      "io_intermediate_input",
      "other",
      e,
      io.year,
      s.intermediateInput / WAN_PER_YI,
      "亿元",
      "input_series",
      opts
    );
    book.add(
      "io_value_added",
      "other",
      e,
      io.year,
      (s.output - s.intermediateInput) / WAN_PER_YI,
      "亿元",
      "input_series",
      opts
    );
  }

  const macroTitles = seriesTitles(inputs, "macro");
  for (const m of upTo(inputs.macro, last)) {
    const opts = {kind: "input" as const, sources: macroTitles, estimated: m.estimated, forecast: false};
    book.add("macro_output", "national", NATIONAL, m.year, m.output, "", "input_series", opts);
    book.add("macro_capital", "national", NATIONAL, m.year, m.capital, "", "input_series", opts);
    book.add("macro_labour", "national", NATIONAL, m.year, m.labour, "", "input_series", opts);
  }

  // Parameters.
  const relatedTitles = seriesTitles(inputs, "relatedSubsectors");
  inputs.relatedSubsectors.forEach((r, j) => {
    book.add("iiot_share_coefficient", "other", ioEntity(r.ioCode), io.year, model.shares[j]!, "", "param_share", {
      kind: "parameter",
      sources: relatedTitles,
      note: shareCoefficientNote(params.shares.provenance, r.segment)
    });
  });
  if (model.newInfrastructure && params.newInfrastructure)
    book.add(
      "new_infrastructure_cf",
      "national",
      NATIONAL,
      model.newInfrastructure.year,
      model.newInfrastructure.cf,
      "",
      "param_cf",
      {
        kind: "parameter",
        note: newInfrastructureNote(params.newInfrastructure.provenance)
      }
    );
}

/** inputs.observed as records (kind observed or context), values and units as given, with their source's title. */
export function addObservedRecords(book: RecordBook, inputs: Inputs, lastDataYear: number): void {
  for (const o of inputs.observed) {
    book.addRaw({
      metric: o.metric,
      scope: o.scope,
      entity: o.entity,
      year: o.year,
      ...(o.period ? {period: o.period} : {}),
      value: o.value,
      unit: o.unit,
      // An external assumption about a year beyond the data (IDC GDP growth) is a forecast; a dated observation is not.
      forecast: o.year > lastDataYear && /assumption|forecast/.test(o.metric),
      kind: o.kind,
      formula: formula("observed").tex,
      formulaId: "observed",
      inputs: [],
      sources: [sourceTitle(inputs, o.source)],
      ...(o.note ? {note: observedNote(o.note)} : {})
    });
  }
}
