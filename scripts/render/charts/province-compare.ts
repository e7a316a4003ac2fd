/**
 * @fileoverview Two rates of the 31 provinces side by side on one axis (e.g. IIoT value-added growth against
 * nominal GDP growth), drawn as a dot pair joined by a line per province ("dumbbell"), sorted by the first metric.
 * A dumbbell rather than grouped bars: the gap between the two rates is the message, and it is the length of the
 * connecting line. The first metric's value is labelled. `params.year` defaults to the last data year.
 */
import {z} from "zod";
import {bandTicks, tickAxis} from "./ticks.ts";
import {provinceEntities} from "./entities.ts";
import {metricDisplay} from "./metrics.ts";
import {chartParams, metricParam, shownYear, yearParam} from "./params.ts";
import {entityValues} from "./series.ts";
import {extremesPhrase} from "./summaries.ts";
import {measureText} from "./text-width.ts";
import {COLORS, fullPrintWidth, PROVINCE_ROW_HEIGHT} from "./theme.ts";
import type {ChartModule} from "./types.ts";
import {topLevel} from "./vl.ts";
import {foldedHooks, markFields} from "./marks.ts";

const Params = z.strictObject({
  metrics: z.tuple([metricParam, metricParam]),
  /** Legend labels of the two metrics when their short names are ambiguous side by side. */
  labels: z.tuple([z.string().min(1), z.string().min(1)]).optional(),
  year: yearParam.optional()
});

/** Height of everything but the rows: the axis, the legend below it, padding. */
const CHROME_HEIGHT_PX = 78;
/** Province names: 11 px (the theme's axis labels), 6 px from the plot; Vega's padding of 8 px on each side. */
const NAME_FONT_PX = 11;
const NAME_PADDING_PX = 6;
const CHART_PADDING_PX = 8;

export const provinceCompare: ChartModule = {
  id: "province-compare",
  describe: "two rates of the 31 provinces in one year as joined dot pairs, sorted by the first",
  build(input) {
    const params = chartParams(input, Params);
    const year = shownYear(input, params.year);
    const provinces = provinceEntities(input.context, input.where);
    const series = params.metrics.map((metric, i) => ({
      metric,
      display: metricDisplay(input, metric, "province", params.labels ? {label: params.labels[i]!} : {}),
      points: entityValues(input, metric, "province", provinces, year)
    }));
    const first = series[0]!;
    const second = series[1]!;
    const rows = provinces.map((province, i) => {
      const a = first.display.toDisplay(first.points[i]!.value);
      const b = second.display.toDisplay(second.points[i]!.value);
      return {
        name: province.name,
        a,
        b,
        low: Math.min(a, b),
        high: Math.max(a, b),
        ...markFields(
          input.context,
          [
            {field: "a", id: first.points[i]!.id, label: first.display.label},
            {field: "b", id: second.points[i]!.id, label: second.display.label}
          ],
          {scope: "province", id: province.id}
        )
      };
    });
    const order = [...rows].sort((p, q) => q.a - p.a).map((r) => r.name);
    const all = rows.flatMap((r) => [r.a, r.b]);
    const lo = Math.min(0, ...all);
    const hi = Math.max(...all);
    const pad = (hi - lo) * 0.12;
    const domain: [number, number] = [lo < 0 ? lo - pad * 0.3 : 0, hi + pad];
    const y = {
      field: "name",
      type: "nominal",
      sort: order,
      title: null,
      axis: {ticks: false, domain: false, labelPadding: 6}
    };
    const x = {
      type: "quantitative",
      scale: {domain, nice: false},
      axis: {
        title: first.display.unitText ? `单位：${first.display.unitText}` : null,
        ...tickAxis(bandTicks(lo, hi, 6, domain)),
        grid: true
      }
    };
    const legend = {
      domain: [first.display.label, second.display.label],
      range: [COLORS.total, COLORS.comparison]
    };
    const above = first.points.filter((p, i) => p.value > second.points[i]!.value).length;
    // As wide as makes the chart span the print text width once print.css has fitted its 31 rows to the page.
    const names = Math.max(...provinces.map((p) => measureText(p.name, NAME_FONT_PX))) + NAME_PADDING_PX;
    const width =
      fullPrintWidth(provinces.length * PROVINCE_ROW_HEIGHT + CHROME_HEIGHT_PX) - 2 * CHART_PADDING_PX - names;
    // The site's hooks (marks.ts) of the dots: each one's tip, and its province's page.
    const hooks = foldedHooks(rows, ["a", "b"], "which", "_tip");
    const spec = topLevel({
      width,
      height: {step: PROVINCE_ROW_HEIGHT},
      data: {values: rows},
      layer: [
        ...(lo < 0
          ? [{mark: {type: "rule", color: "#888888", strokeWidth: 1}, encoding: {x: {datum: 0, type: "quantitative"}}}]
          : []),
        {
          mark: {type: "rule", color: "#bbbbbb", strokeWidth: 2},
          encoding: {y, x: {...x, field: "low"}, x2: {field: "high"}}
        },
        {
          transform: [
            {fold: ["a", "b"], as: ["which", "value"]},
            {calculate: `datum.which === 'a' ? '${first.display.label}' : '${second.display.label}'`, as: "series"},
            ...hooks.transform
          ],
          mark: {type: "point", filled: true, size: 55, opacity: 1},
          encoding: {
            y,
            x: {...x, field: "value"},
            color: {field: "series", type: "nominal", scale: legend, legend: {title: null}},
            ...hooks.encoding
          }
        },
        {
          mark: {type: "text", align: "left", dx: 7, fontSize: 9.5, color: COLORS.total},
          encoding: {
            y,
            x: {...x, field: "high"},
            text: {field: "a", type: "quantitative", format: first.display.format}
          }
        }
      ]
    });
    return {
      panels: [{spec}],
      table: {
        columns: [
          {field: "province", title: "省份"},
          {field: first.metric, title: first.display.tableTitle},
          {field: second.metric, title: second.display.tableTitle}
        ],
        rows: provinces.map((p, i) => ({
          province: p.name,
          [first.metric]: first.points[i]!.value,
          [second.metric]: second.points[i]!.value
        }))
      },
      summary: `${year}年各省份${params.labels ? "" : "工业互联网"}${extremesPhrase(first.display, first.points)}；${above}个省份的${first.display.label}高于${second.display.label}。`,
      records: [...first.points, ...second.points].map((p) => p.id)
    };
  }
};
