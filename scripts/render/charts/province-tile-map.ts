/**
 * @fileoverview A metric of the 31 provinces in one year on the tile-grid map: each province's tile coloured by
 * the value (sequential scale, legend with its unit) and labelled with its name and value; `params.labelMetrics`
 * adds further values as label lines (e.g. the share of GDP under the value added). `params.year` defaults to the
 * edition's last data year.
 */
import {z} from "zod";
import {formatNumber} from "../format.ts";
import {markFields, tipField} from "./marks.ts";
import {metricDisplay, type MetricDisplay} from "./metrics.ts";
import {chartParams, metricParam, shownYear, yearParam} from "./params.ts";
import {entityValues} from "./series.ts";
import {extremesPhrase} from "./summaries.ts";
import {SEQUENTIAL_SCHEME} from "./theme.ts";
import {tileCells, tileMapSpec} from "./tile-grid.ts";
import type {ChartModule} from "./types.ts";

const Params = z.strictObject({
  metric: metricParam.default("iiot_value_added"),
  labelMetrics: z.array(metricParam).max(1).default([]),
  year: yearParam.optional()
});

/** A label value: digits only for the coloured metric (its unit is in the legend), digits and unit otherwise. */
function labelText(display: MetricDisplay, value: number, withUnit: boolean): string {
  const digits = formatNumber(value, display.unit);
  return withUnit && display.unitText.length <= 1 ? `${digits}${display.unitText}` : digits;
}

export const provinceTileMap: ChartModule = {
  id: "province-tile-map",
  describe: "a metric of the 31 provinces in one year on the tile-grid map, coloured and labelled by value",
  build(input) {
    const params = chartParams(input, Params);
    const year = shownYear(input, params.year);
    const cells = tileCells(input.context.reference.provinces, input.where);
    const entities = cells.map((c) => ({id: c.province.id, name: c.province.nameZh}));
    const series = [params.metric, ...params.labelMetrics].map((metric) => ({
      metric,
      display: metricDisplay(input, metric, "province"),
      points: entityValues(input, metric, "province", entities, year)
    }));
    const main = series[0]!;
    const values = main.points.map((p) => main.display.toDisplay(p.value));
    const max = Math.max(...values);
    // Levels (亿元, 万人) are coloured from zero; rates (%) from their lowest value, since provinces' rates sit close
    // together and a zero-based scale would paint them all alike (the legend states the range either way).
    const min = main.display.unit === "%" ? Math.min(...values) : Math.min(0, ...values);
    const tiles = cells.map((cell, i) => ({
      row: cell.row,
      col: cell.col,
      // The usual short name (广东) rather than the one-character abbreviation (粤), which fewer readers know.
      name: cell.province.nameZh,
      value: values[i]!,
      ...Object.fromEntries(series.map((s, k) => [`label${k}`, labelText(s.display, s.points[i]!.value, k > 0)])),
      ...markFields(input.context, [{field: "value", id: main.points[i]!.id, label: main.display.label}], {
        scope: "province",
        id: cell.province.id
      })
    }));
    const spec = tileMapSpec({
      tiles,
      fill: {
        field: "value",
        type: "quantitative",
        scale: {scheme: SEQUENTIAL_SCHEME, domain: [min, max], nice: false},
        legend: {
          title: main.display.title,
          orient: "bottom",
          direction: "horizontal",
          gradientLength: 300,
          titleOrient: "left",
          titleBaseline: "middle",
          format: main.display.format === "d" ? "d" : "~f"
        }
      },
      labels: [
        {field: "name", fontSize: 11, fontWeight: "bold"},
        ...series.map((_, k) => ({field: `label${k}`, fontSize: 9.5}))
      ],
      darkTile: `datum.value >= ${min + (max - min) * 0.55}`,
      description: tipField("value")
    });
    return {
      panels: [{spec}],
      table: {
        columns: [
          {field: "province", title: "省份"},
          ...series.map((s) => ({field: s.metric, title: s.display.tableTitle}))
        ],
        rows: cells.map((cell, i) => ({
          province: cell.province.nameZh,
          ...Object.fromEntries(series.map((s) => [s.metric, s.points[i]!.value]))
        }))
      },
      summary: `${year}年各省份工业互联网${series.map((s) => extremesPhrase(s.display, s.points)).join("；")}。`,
      records: series.flatMap((s) => s.points.map((p) => p.id))
    };
  }
};
