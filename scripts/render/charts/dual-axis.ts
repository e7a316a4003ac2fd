/**
 * @fileoverview The papers' most common chart: columns on the left axis (levels, stacked or single) and a line on
 * the right axis (a rate), over the years of the edition, forecast year shown lighter. Bars and their labels sit in
 * one sub-layer and the line with its points and labels in another, so each axis is drawn once (a third top-level
 * layer under resolve.y = independent would add an overlapping axis).
 */
import type {TopLevelSpec} from "vega-lite";
import {CHART_HEIGHT, CHART_WIDTH} from "./theme.ts";

export interface BarSeries {
  /** Field of the row holding the value. */
  field: string;
  /** Legend label, e.g. 直接产业增加值. */
  label: string;
  color: string;
}

export interface DualAxisOptions {
  rows: Record<string, string | number | boolean>[];
  /** Field with the x label ("2017" … "2022E"); rows are drawn in the given order. */
  x: string;
  bars: BarSeries[];
  /** Bars are stacked when there is more than one series. */
  barAxisTitle: string;
  /** d3 format of the bar labels (e.g. ".2f"); no labels when undefined. */
  barLabelFormat?: string;
  line: BarSeries;
  lineAxisTitle: string;
  lineLabelFormat: string;
  /** Field (boolean) marking forecast rows, drawn lighter. */
  forecastField: string;
  width?: number;
  height?: number;
}

export function dualAxisSpec(options: DualAxisOptions): TopLevelSpec {
  const order = options.rows.map((row) => String(row[options.x]));
  const colorDomain = [...options.bars.map((b) => b.label), options.line.label];
  const colorRange = [...options.bars.map((b) => b.color), options.line.color];
  const x = {field: options.x, type: "ordinal" as const, sort: order, title: null, axis: {labelAngle: 0}};
  const stacked = options.bars.length > 1;
  const opacity = {condition: {test: `datum['${options.forecastField}']`, value: 0.55}, value: 1};

  const barLayer = {
    transform: [{fold: options.bars.map((b) => b.field), as: ["series", "value"]}],
    layer: [
      {
        mark: {type: "bar" as const, width: {band: 0.6}},
        encoding: {
          x,
          y: {field: "value", type: "quantitative" as const, stack: stacked ? ("zero" as const) : null, axis: {title: options.barAxisTitle}},
          color: {
            field: "seriesLabel",
            type: "nominal" as const,
            scale: {domain: colorDomain, range: colorRange},
            legend: {title: null}
          },
          order: {field: "seriesOrder", type: "quantitative" as const},
          opacity
        }
      },
      ...(options.barLabelFormat && !stacked
        ? [
            {
              mark: {type: "text" as const, dy: -7, fontSize: 10},
              encoding: {
                x,
                y: {field: "value", type: "quantitative" as const},
                text: {field: "value", type: "quantitative" as const, format: options.barLabelFormat}
              }
            }
          ]
        : [])
    ]
  };
  // Label each folded value with its legend text and stacking order.
  barLayer.transform.push(
    ...([
      {
        calculate: `{${options.bars.map((b) => `'${b.field}': '${b.label}'`).join(", ")}}[datum.series]`,
        as: "seriesLabel"
      },
      {calculate: `indexof([${options.bars.map((b) => `'${b.field}'`).join(", ")}], datum.series)`, as: "seriesOrder"}
    ] as never[])
  );

  const lineLayer = {
    layer: [
      {
        mark: {type: "line" as const, color: options.line.color, point: {color: options.line.color}},
        encoding: {
          x,
          y: {field: options.line.field, type: "quantitative" as const, axis: {title: options.lineAxisTitle, orient: "right" as const, grid: false}},
          color: {datum: options.line.label, type: "nominal" as const}
        }
      },
      {
        mark: {type: "text" as const, dy: -10, fontSize: 10, color: options.line.color},
        encoding: {
          x,
          y: {field: options.line.field, type: "quantitative" as const},
          text: {field: options.line.field, type: "quantitative" as const, format: options.lineLabelFormat}
        }
      }
    ]
  };

  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    width: options.width ?? CHART_WIDTH,
    height: options.height ?? CHART_HEIGHT,
    data: {values: options.rows},
    layer: [barLayer, lineLayer],
    resolve: {scale: {y: "independent"}}
  } as TopLevelSpec;
}
