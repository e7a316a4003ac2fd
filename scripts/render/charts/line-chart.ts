/**
 * @fileoverview Lines over years (or dates) on one axis: several series in one colour each, the segment into the
 * forecast year dashed and its point lighter. Point labels only when there are at most two lines; with more, labels
 * of nearby points collide and the values are read from the axis and the data table.
 */
import type {TopLevelSpec} from "vega-lite";
import {LEFT_AXIS_TITLE, type Series} from "./dual-axis.ts";
import {CHART_HEIGHT, CHART_WIDTH, FORECAST_CHART_HEIGHT} from "./theme.ts";
import {exprString, FORECAST_DASH, forecastOpacity, topLevel, type DataRow, type VlSpec} from "./vl.ts";
import {foldedHooks} from "./marks.ts";

export interface LineChartOptions {
  rows: DataRow[];
  /** Field with the x label; rows are drawn in the given order. */
  x: string;
  lines: Series[];
  axisTitle: string;
  labelFormat?: string;
  forecastField?: string;
  /** Draw a rule at zero when the values cross it. */
  zeroRule?: boolean;
  width?: number;
  height?: number;
}

export function lineChartSpec(options: LineChartOptions): TopLevelSpec {
  const order = options.rows.map((row) => String(row[options.x]));
  const forecast = options.forecastField;
  const rows = options.rows.map((row, i) => ({
    ...row,
    _forecastLink: forecast ? row[forecast] === true || options.rows[i + 1]?.[forecast] === true : false
  }));
  const x = {field: options.x, type: "ordinal", sort: order, title: null, axis: {labelAngle: 0}};
  const y = {
    field: "value",
    type: "quantitative",
    scale: {zero: false, nice: true},
    axis: {title: options.axisTitle, ...LEFT_AXIS_TITLE, tickCount: 6}
  };
  const color = {
    field: "seriesLabel",
    type: "nominal",
    scale: {domain: options.lines.map((l) => l.label), range: options.lines.map((l) => l.color)},
    legend: {title: null}
  };
  const hooks = foldedHooks(
    options.rows,
    options.lines.map((l) => l.field),
    "series",
    "_tip"
  );
  const layers: VlSpec[] = [
    {transform: forecast ? [{filter: `!datum['${forecast}']`}] : [], mark: {type: "line"}, encoding: {x, y, color}},
    {
      transform: [{filter: "datum._forecastLink"}],
      mark: {type: "line", strokeDash: FORECAST_DASH},
      encoding: {x, y, color}
    },
    {
      mark: {type: "point", filled: true},
      encoding: {x, y, color, opacity: forecastOpacity(forecast), ...hooks.encoding}
    }
  ];
  if (options.zeroRule)
    layers.unshift({mark: {type: "rule", color: "#888888", strokeWidth: 1}, encoding: {y: {datum: 0}}});
  if (options.labelFormat && options.lines.length <= 2) {
    const text = {field: "value", type: "quantitative", format: options.labelFormat};
    layers.push(
      {
        transform: [{filter: "datum.value === datum.maxValue"}],
        mark: {type: "text", dy: -9, baseline: "bottom"},
        encoding: {x, y, text, color}
      },
      {
        transform: [{filter: "datum.value !== datum.maxValue"}],
        mark: {type: "text", dy: 9, baseline: "top"},
        encoding: {x, y, text, color}
      }
    );
  }
  return topLevel({
    width: options.width ?? CHART_WIDTH,
    height: options.height ?? (forecast ? FORECAST_CHART_HEIGHT : CHART_HEIGHT),
    data: {values: rows},
    transform: [
      {fold: options.lines.map((l) => l.field), as: ["series", "value"]},
      {filter: "isValid(datum.value)"},
      {
        calculate: `{${options.lines.map((l) => `${exprString(l.field)}: ${exprString(l.label)}`).join(", ")}}[datum.series]`,
        as: "seriesLabel"
      },
      {joinaggregate: [{op: "max", field: "value", as: "maxValue"}], groupby: [options.x]},
      ...hooks.transform
    ],
    layer: layers
  });
}
