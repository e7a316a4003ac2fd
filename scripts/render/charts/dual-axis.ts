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

/** Axis titles read horizontally above their axis (rotated Chinese is hard to read). */
export const LEFT_AXIS_TITLE = {titleAngle: 0, titleAlign: "left", titleBaseline: "bottom", titleX: -36, titleY: -10} as const;
export const RIGHT_AXIS_TITLE = {titleAngle: 0, titleAlign: "right", titleBaseline: "bottom", titleX: 36, titleY: -10} as const;

/**
 * Scale domains that keep the line above the columns: the columns fill the lower ~70 % of the plot, the line the
 * top ~25 %, so that column labels and line labels never collide.
 */
export function separatedDomains(barTops: number[], lineValues: number[]): {bar: [number, number]; line: [number, number]} {
  const barMax = Math.max(0, ...barTops);
  const barMin = Math.min(0, ...barTops);
  const bar: [number, number] = [barMin * 1.1, barMax > 0 ? barMax * 1.45 : 1];
  const lo = Math.min(...lineValues);
  const hi = Math.max(...lineValues);
  const span = Math.max(hi - lo, Math.abs(hi) * 0.1, 1e-9);
  const total = span / 0.25;
  const top = hi + total * 0.04;
  return {bar, line: [top - total, top]};
}

export function dualAxisSpec(options: DualAxisOptions): TopLevelSpec {
  const order = options.rows.map((row) => String(row[options.x]));
  const colorDomain = [...options.bars.map((b) => b.label), options.line.label];
  const colorRange = [...options.bars.map((b) => b.color), options.line.color];
  const x = {field: options.x, type: "ordinal" as const, sort: order, title: null, axis: {labelAngle: 0}};
  const stacked = options.bars.length > 1;
  const barTops = options.rows.map((row) =>
    options.bars.reduce((sum, b) => sum + (typeof row[b.field] === "number" ? (row[b.field] as number) : 0), 0)
  );
  const lineValues = options.rows.map((row) => row[options.line.field]).filter((v): v is number => typeof v === "number");
  const domains = separatedDomains(barTops, lineValues.length > 0 ? lineValues : [0]);
  const opacity = {condition: {test: `datum['${options.forecastField}']`, value: 0.55}, value: 1};

  const barLayer = {
    transform: [{fold: options.bars.map((b) => b.field), as: ["series", "value"]}],
    layer: [
      {
        mark: {type: "bar" as const, width: {band: 0.6}},
        encoding: {
          x,
          y: {
            field: "value",
            type: "quantitative" as const,
            stack: stacked ? ("zero" as const) : null,
            scale: {domain: domains.bar, nice: false},
            axis: {title: options.barAxisTitle, ...LEFT_AXIS_TITLE, tickCount: 5}
          },
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
          y: {
            field: options.line.field,
            type: "quantitative" as const,
            scale: {domain: domains.line, nice: false, zero: false},
            axis: {title: options.lineAxisTitle, orient: "right" as const, grid: false, ...RIGHT_AXIS_TITLE, tickCount: 5}
          },
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
