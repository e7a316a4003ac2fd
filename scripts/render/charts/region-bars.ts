/**
 * @fileoverview The edition's key regions (config "regions") in one year, sorted by the first metric. Either one
 * column panel per metric of `params.metrics` ((a)/(b) when several, e.g. share of GDP and growth; rate panels
 * carry the national value as a dashed rule), or, with `params.line`, one chart of columns (the first metric) and
 * a line (a rate) on a second axis — seven regions are few enough for that. `params.year` defaults to the last
 * data year.
 */
import {z} from "zod";
import {dualAxisSpec} from "./dual-axis.ts";
import {regionEntities} from "./entities.ts";
import {metricDisplay, type MetricDisplay} from "./metrics.ts";
import {chartParams, metricParam, shownYear, yearParam} from "./params.ts";
import {entityValues, type EntityPoint} from "./series.ts";
import {extremesPhrase, shown} from "./summaries.ts";
import {panelLetter} from "./tables.ts";
import {CHART_HEIGHT, COLORS, PANEL_HEIGHT} from "./theme.ts";
import type {ChartModule, Panel} from "./types.ts";
import {markFields} from "./marks.ts";

const Params = z.strictObject({
  metrics: z.array(metricParam).min(1).max(3),
  line: metricParam.optional(),
  year: yearParam.optional(),
  reference: z.boolean().default(true)
});

interface RegionSeries {
  metric: string;
  display: MetricDisplay;
  points: EntityPoint[];
}

export const regionBars: ChartModule = {
  id: "region-bars",
  describe: "the key regions in one year: one column panel per metric, or columns with a rate line",
  build(input) {
    const params = chartParams(input, Params);
    const year = shownYear(input, params.year);
    const regions = regionEntities(input.context, input.where).map((r) => ({id: r.id, name: r.nameZh}));
    const load = (metric: string): RegionSeries => ({
      metric,
      display: metricDisplay(input, metric, "region"),
      points: entityValues(input, metric, "region", regions, year)
    });
    const series = params.metrics.map(load);
    const line = params.line ? load(params.line) : undefined;
    const first = series[0]!;
    const order = first.points
      .map((p, i) => ({p, i}))
      .sort((a, b) => b.p.value - a.p.value)
      .map(({i}) => i);
    const rowsOf = (fields: RegionSeries[]) =>
      order.map((i) => ({
        name: regions[i]!.name,
        ...Object.fromEntries(fields.map((s) => [s.metric, s.display.toDisplay(s.points[i]!.value)])),
        ...markFields(
          input.context,
          fields.map((s) => ({field: s.metric, id: s.points[i]!.id, label: s.display.label}))
        )
      }));
    const referenceIds: string[] = [];
    const reference = (s: RegionSeries) => {
      const id = `${s.metric}/national/china/${year}`;
      const national = params.reference && s.display.unit === "%" ? input.context.records.get(id) : undefined;
      if (!national) return {};
      referenceIds.push(id);
      return {barReference: {value: national.value, label: `全国 ${shown(s.display, national.value)}`}};
    };
    let panels: Panel[];
    if (line) {
      const spec = dualAxisSpec({
        rows: rowsOf([first, line]),
        x: "name",
        bars: [{field: first.metric, label: first.display.title, color: COLORS.total}],
        barAxisTitle: first.display.title,
        barLabelFormat: first.display.format,
        lines: [{field: line.metric, label: line.display.title, color: COLORS.growth}],
        lineAxisTitle: line.display.title,
        lineLabelFormat: line.display.format,
        connectPoints: false
      });
      panels = [{spec}];
    } else {
      const several = series.length > 1;
      panels = series.map((s, k) => {
        const spec = dualAxisSpec({
          rows: rowsOf([s]),
          x: "name",
          bars: [{field: s.metric, label: s.display.title, color: s.display.unit === "%" ? COLORS.rate : COLORS.total}],
          barAxisTitle: s.display.title,
          barLabelFormat: s.display.format,
          lines: [],
          height: several ? PANEL_HEIGHT : CHART_HEIGHT,
          ...reference(s)
        });
        return several ? {label: panelLetter(k), title: s.display.label, spec} : {spec};
      });
    }
    const all = line ? [...series, line] : series;
    return {
      panels,
      table: {
        columns: [
          {field: "region", title: "区域"},
          ...all.map((s) => ({field: s.metric, title: s.display.tableTitle}))
        ],
        rows: order.map((i) => ({
          region: regions[i]!.name,
          ...Object.fromEntries(all.map((s) => [s.metric, s.points[i]!.value]))
        }))
      },
      summary: `${year}年各重点区域工业互联网${all.map((s) => extremesPhrase(s.display, s.points)).join("；")}。`,
      records: [...all.flatMap((s) => s.points.map((p) => p.id)), ...referenceIds]
    };
  }
};
