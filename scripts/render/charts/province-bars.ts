/**
 * @fileoverview The 31 provinces in one year, one aligned horizontal-bar panel per metric of `params.metrics`
 * (e.g. value added and nominal growth, or employment and its growth), sorted by the first metric. Rate panels
 * (unit %) carry the national value as a dashed reference rule when the figures hold it. `params.year` defaults to
 * the edition's last data year.
 */
import {z} from "zod";
import {entityBarsSpec, type BarPanel} from "./entity-bars.ts";
import {provinceEntities} from "./entities.ts";
import {markFields} from "./marks.ts";
import {metricDisplay} from "./metrics.ts";
import {chartParams, metricParam, shownYear, yearParam} from "./params.ts";
import {entityValues} from "./series.ts";
import {extremesPhrase, shown} from "./summaries.ts";
import {COLORS} from "./theme.ts";
import type {ChartModule} from "./types.ts";

const Params = z.strictObject({
  metrics: z.array(metricParam).min(1).max(3),
  year: yearParam.optional(),
  /** Draw the national value of rate metrics as a reference rule. */
  reference: z.boolean().default(true)
});

/** Shares of the chart's width: the first (level) panel, and each further (rate) panel. */
const FIRST_PANEL_WEIGHT = 3;
const OTHER_PANEL_WEIGHT = 2;

export const provinceBars: ChartModule = {
  id: "province-bars",
  describe: "the 31 provinces in one year, one aligned horizontal-bar panel per metric, sorted by the first",
  build(input) {
    const params = chartParams(input, Params);
    const year = shownYear(input, params.year);
    const provinces = provinceEntities(input.context, input.where);
    const series = params.metrics.map((metric) => ({
      metric,
      display: metricDisplay(input, metric, "province"),
      points: entityValues(input, metric, "province", provinces, year)
    }));
    const rows = provinces.map((province, i) => ({
      name: province.name,
      ...Object.fromEntries(series.map((s) => [s.metric, s.display.toDisplay(s.points[i]!.value)])),
      ...markFields(
        input.context,
        series.map((s) => ({field: s.metric, id: s.points[i]!.id, label: s.display.label})),
        {scope: "province", id: province.id}
      )
    }));
    const referenceIds: string[] = [];
    const panels: BarPanel[] = series.map((s, i) => {
      const nationalId = `${s.metric}/national/china/${year}`;
      const national = params.reference && s.display.unit === "%" ? input.context.records.get(nationalId) : undefined;
      if (national) referenceIds.push(nationalId);
      return {
        display: s.display,
        field: s.metric,
        color: s.display.unit === "%" ? COLORS.rate : COLORS.total,
        weight: i === 0 ? FIRST_PANEL_WEIGHT : OTHER_PANEL_WEIGHT,
        ...(national ? {reference: {value: national.value, label: `全国 ${shown(s.display, national.value)}`}} : {})
      };
    });
    return {
      panels: [{spec: entityBarsSpec({rows, name: "name", panels})}],
      table: {
        columns: [
          {field: "province", title: "省份"},
          ...series.map((s) => ({field: s.metric, title: s.display.tableTitle}))
        ],
        rows: provinces.map((province, i) => ({
          province: province.name,
          ...Object.fromEntries(series.map((s) => [s.metric, s.points[i]!.value]))
        }))
      },
      summary: `${year}年各省份工业互联网${series.map((s) => extremesPhrase(s.display, s.points)).join("；")}。`,
      records: [...series.flatMap((s) => s.points.map((p) => p.id)), ...referenceIds]
    };
  }
};
