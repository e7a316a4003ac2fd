/**
 * @fileoverview The papers' most common chart: columns on the left axis (levels: one series, stacked or grouped)
 * and lines on the right axis (rates), over years or over categories (regions). The forecast year is drawn lighter
 * and the line segment leading into it dashed. Bars and their labels sit in one sub-layer and the lines with their
 * points and labels in another, so each axis is drawn once (a third top-level layer under resolve.y = independent
 * would add an overlapping axis). The two y domains are separated (columns low, lines high) so that column labels
 * and line labels never collide.
 */
import type {TopLevelSpec} from "vega-lite";
import {CHART_HEIGHT, CHART_WIDTH, COLORS, FORECAST_CHART_HEIGHT} from "./theme.ts";
import {foldedHooks} from "./marks.ts";
import {segmentLabels, totalLabels} from "./stack-labels.ts";
import {bandTicks, narrowBandTicks, tickAxis} from "./ticks.ts";
import {
  exprString,
  FORECAST_DASH,
  forecastOpacity,
  referenceRuleName,
  topLevel,
  type DataRow,
  type VlSpec
} from "./vl.ts";

export interface Series {
  /** Field of the row holding the value. */
  field: string;
  /** Legend label, e.g. 直接产业增加值（万亿元）. */
  label: string;
  color: string;
  /** Colour of labels drawn inside a stacked segment (white on dark fills, dark on light ones). */
  labelColor?: string;
}

export interface DualAxisOptions {
  rows: DataRow[];
  /** Field with the x label ("2017" … "2022E", or a region name); rows are drawn in the given order. */
  x: string;
  bars: Series[];
  /** How several bar series share a column: stacked (parts of a whole) or side by side. Default stack. */
  barMode?: "stack" | "group";
  barAxisTitle: string;
  /**
   * d3 format of the bar labels (e.g. ".2f"); no labels when undefined. Stacked bars are labelled in each segment,
   * or beside the column where a segment is too thin for its label.
   */
  barLabelFormat?: string;
  /** d3 format of a label above each stacked column with its total; none when undefined. */
  totalLabelFormat?: string;
  /**
   * A reference value on the bar axis (e.g. the national rate), drawn as a dashed rule labelled right of the plot;
   * the labels of columns that end short of it are set just past it.
   */
  barReference?: {value: number; label: string};
  /** Explicit tick values of the bar axis (e.g. 0–100 for shares, so no tick reads "140 %"). */
  barAxisValues?: number[];
  lines: Series[];
  lineAxisTitle?: string;
  /**
   * Join the rate's points with a line (default). Over categories without an order (regions) the points stand
   * alone: a line between two regions would suggest a trend that does not exist.
   */
  connectPoints?: boolean;
  /** d3 format of the line labels; no labels when undefined. */
  lineLabelFormat?: string;
  /** Field (boolean) marking forecast rows, drawn lighter (and the default height is FORECAST_CHART_HEIGHT). */
  forecastField?: string;
  width?: number;
  height?: number;
}

/** Axis titles read horizontally above their axis (rotated Chinese is hard to read). */
export const LEFT_AXIS_TITLE = {
  titleAngle: 0,
  titleAlign: "left",
  titleBaseline: "bottom",
  titleX: -36,
  titleY: -10
} as const;
export const RIGHT_AXIS_TITLE = {
  titleAngle: 0,
  titleAlign: "right",
  titleBaseline: "bottom",
  titleX: 36,
  titleY: -10
} as const;

/** Height in px of a value label (10 px text) with its offset from the mark. */
const LABEL_PX = 20;
/** Room above the highest line point for its label. */
const TOP_PX = 24;

export interface SeparatedScales {
  bar: [number, number];
  line: [number, number];
  barTicks: number[];
  lineTicks: number[];
}

/**
 * Scale domains that keep the lines above the columns, in pixels of the plot height: the columns fill the lower
 * part (55 %, or 50 % under several lines), their labels get the next LABEL_PX, and the lines run between that and
 * the top, with room for a label above the highest point (and below the lowest when several lines are labelled
 * below). Column labels and line labels therefore never collide. Each axis shows ticks only over its own band.
 */
export function separatedDomains(
  barValues: number[],
  lineValues: number[],
  options: {height?: number; barLabels?: boolean; labelsBelowLines?: boolean} = {}
): SeparatedScales {
  const height = options.height ?? CHART_HEIGHT;
  const barFraction = options.labelsBelowLines ? 0.5 : 0.55;
  const barMax = Math.max(0, ...barValues);
  const barMin = Math.min(0, ...barValues);
  // Negative columns get their share of the lower part; labels below them need the same room.
  const barSpan = Math.max(barMax - barMin, 1e-9) / barFraction;
  const bar: [number, number] = [barMin - (barMin < 0 ? barSpan * 0.08 : 0), barMin + barSpan];
  const barTopPx = ((barMax - bar[0]) / (bar[1] - bar[0])) * height;
  const lineLowPx = barTopPx + (options.barLabels ? LABEL_PX : 6) + (options.labelsBelowLines ? LABEL_PX + 4 : 10);
  const lineHighPx = height - TOP_PX;
  const lo = Math.min(...lineValues);
  const hi = Math.max(...lineValues);
  const spread = hi - lo > 0 ? hi - lo : Math.max(Math.abs(hi) * 0.1, 1);
  const perPx = spread / Math.max(lineHighPx - lineLowPx, 10);
  const mid = (lo + hi) / 2;
  const bottom = hi - lo > 0 ? lo - lineLowPx * perPx : mid - ((lineLowPx + lineHighPx) / 2) * perPx;
  const line: [number, number] = [bottom, bottom + height * perPx];
  // Each axis is ticked only over its own band (plus the room of a label), so the rate axis shows no ticks down in
  // the columns and the level axis none up among the lines.
  const barPerPx = (bar[1] - bar[0]) / height;
  const barBand: [number, number] = [bar[0], barMax + LABEL_PX * barPerPx];
  const lineBand: [number, number] = [lo - LABEL_PX * perPx, line[1]];
  return {
    bar,
    line,
    barTicks: bandTicks(barMin, barMax, 4, barBand, 1 / barPerPx),
    lineTicks: narrowBandTicks(lo, hi, lineBand, 1 / perPx)
  };
}

/** Columns alone: the full height, less room for the labels above the highest column. */
function barOnlyScales(values: number[], height: number, labels: boolean): {domain: [number, number]; ticks: number[]} {
  const max = Math.max(0, ...values);
  const min = Math.min(0, ...values);
  const room = labels ? LABEL_PX + 6 : 6;
  const span = Math.max(max - min, 1e-9) * (height / (height - room * (min < 0 ? 2 : 1)));
  const domain: [number, number] = [
    min < 0 ? min - (span * room) / height : 0,
    (min < 0 ? min - (span * room) / height : 0) + span
  ];
  return {domain, ticks: bandTicks(min, max, 5, domain)};
}

const FORECAST_LINK = "_forecastLink";

/** Marks the rows whose line segment leads into or lies in the forecast (the last actual row and every forecast row). */
function withForecastLink(rows: DataRow[], forecastField: string | undefined): DataRow[] {
  if (!forecastField) return rows.map((row) => ({...row, [FORECAST_LINK]: false}));
  return rows.map((row, i) => ({
    ...row,
    [FORECAST_LINK]: row[forecastField] === true || rows[i + 1]?.[forecastField] === true
  }));
}

function numeric(value: unknown): number | undefined {
  return typeof value === "number" && Number.isFinite(value) ? value : undefined;
}

/** Label-for-series lookup as a Vega expression: {'direct': '直接产业…', …}[datum.series]. */
function labelLookup(series: Series[], key: string, pick: (s: Series) => string): string {
  return `{${series.map((s) => `${exprString(s.field)}: ${exprString(pick(s))}`).join(", ")}}[datum.${key}]`;
}

/** Padding of the column band scale (Vega-Lite's defaults, stated so that a label's offset from a column is known). */
const BAND_PADDING_INNER = 0.1;
/** Width of a stacked column, as a share of its band. */
const STACKED_COLUMN_BAND = 0.6;

/**
 * Labels of stacked segments (stack-labels.ts): in the middle of each segment that can hold one, beside the column
 * for a thinner one. Drawn from their own data, since their positions are computed beforehand.
 */
function stackedLabelLayers(
  options: DualAxisOptions,
  format: string,
  x: VlSpec,
  y: VlSpec,
  unitsPerPx: number
): VlSpec[] {
  const series = options.bars.map((b) => ({field: b.field, labelColor: b.labelColor ?? "#ffffff"}));
  const labels = segmentLabels(options.rows, options.x, series, unitsPerPx, COLORS.darkText, options.forecastField).map(
    (l) => ({...l, [options.x]: l.x})
  );
  const step = (options.width ?? CHART_WIDTH) / Math.max(options.rows.length, 1);
  const halfColumn = (step * (1 - BAND_PADDING_INNER) * STACKED_COLUMN_BAND) / 2;
  const encoding = {
    x,
    y: {...y, field: "at", stack: null},
    text: {field: "value", type: "quantitative", format},
    fill: {field: "color", type: "nominal", scale: null, legend: null}
  };
  return [false, true]
    .map((side) => ({side, values: labels.filter((l) => l.side === side)}))
    .filter(({values}) => values.length > 0)
    .map(({side, values}) => ({
      data: {values},
      mark: side
        ? {type: "text", fontSize: 10, baseline: "middle", align: "left", dx: halfColumn + 4}
        : {type: "text", fontSize: 10, baseline: "middle"},
      encoding
    }));
}

function barLayer(
  options: DualAxisOptions,
  domain: [number, number],
  ticks: number[],
  colorScale: VlSpec,
  height: number
): VlSpec {
  const x = {
    field: options.x,
    type: "ordinal",
    sort: options.rows.map((row) => String(row[options.x])),
    title: null,
    scale: {paddingInner: BAND_PADDING_INNER, paddingOuter: BAND_PADDING_INNER / 2},
    axis: {labelAngle: 0}
  };
  const mode = options.bars.length > 1 ? (options.barMode ?? "stack") : "group";
  const y = {
    field: "value",
    type: "quantitative",
    stack: mode === "stack" ? "zero" : null,
    scale: {domain, nice: false},
    axis: {title: options.barAxisTitle, ...LEFT_AXIS_TITLE, ...tickAxis(options.barAxisValues ?? ticks)}
  };
  const xOffset =
    mode === "group" && options.bars.length > 1
      ? {xOffset: {field: "seriesLabel", type: "nominal", sort: options.bars.map((b) => b.label)}}
      : {};
  const opacity = forecastOpacity(options.forecastField);
  // A single column series without lines needs no legend: the axis title names it.
  const soleSeries = options.bars.length === 1 && options.lines.length === 0;
  const hooks = foldedHooks(
    options.rows,
    options.bars.map((b) => b.field),
    "series",
    "_tip"
  );
  const layers: VlSpec[] = [
    {
      mark: {
        type: "bar",
        width: mode === "group" && options.bars.length > 1 ? {band: 0.9} : {band: STACKED_COLUMN_BAND}
      },
      encoding: {
        x,
        y,
        ...xOffset,
        color: {field: "seriesLabel", type: "nominal", scale: colorScale, legend: soleSeries ? null : {title: null}},
        order: {field: "seriesOrder", type: "quantitative"},
        opacity,
        ...hooks.encoding
      }
    }
  ];
  if (options.barLabelFormat) {
    const text = {field: "value", type: "quantitative", format: options.barLabelFormat};
    if (mode === "stack")
      layers.push(...stackedLabelLayers(options, options.barLabelFormat, x, y, (domain[1] - domain[0]) / height));
    else {
      // Above positive columns, below negative ones; a column that ends short of the reference rule has its label
      // just past the rule, so the rule never runs through a label (not inside the column either: a rule under a
      // column still reads as striking through a label printed on it).
      const ref = options.barReference?.value;
      for (const positive of [true, false]) {
        const past = ref !== undefined && (positive ? ref > 0 : ref < 0);
        layers.push({
          transform: [
            {filter: positive ? "datum.value >= 0" : "datum.value < 0"},
            ...(past ? [{calculate: `${positive ? "max" : "min"}(datum.value, ${ref})`, as: "labelAt"}] : [])
          ],
          mark: {type: "text", fontSize: 10, dy: positive ? -7 : 7, baseline: positive ? "bottom" : "top"},
          encoding: {x, y: past ? {...y, field: "labelAt"} : y, ...xOffset, text}
        });
      }
    }
  }
  if (options.barReference) {
    // One datum each, outside the folded data; the label sits right of the plot, clear of every column label.
    const {field: _field, stack: _stack, ...yScale} = y;
    const ref = {y: {...yScale, datum: options.barReference.value}};
    layers.unshift({
      name: referenceRuleName(0),
      data: {values: [{}]},
      mark: {type: "rule", strokeDash: [4, 3], color: "#666666"},
      encoding: ref
    });
    layers.push({
      data: {values: [{}]},
      mark: {type: "text", align: "left", baseline: "middle", dx: 4, fontSize: 10, color: "#555555"},
      encoding: {...ref, x: {value: options.width ?? CHART_WIDTH}, text: {value: options.barReference.label}}
    });
  }
  if (options.totalLabelFormat && mode === "stack") {
    const totals = totalLabels(options.rows, options.x, options.bars).map((t) => ({...t, [options.x]: t.x}));
    const text = {field: "total", type: "quantitative", format: options.totalLabelFormat};
    for (const below of [false, true]) {
      const values = totals.filter((t) => t.below === below);
      if (values.length === 0) continue;
      layers.push({
        data: {values},
        mark: {type: "text", fontSize: 10, dy: below ? 7 : -7, baseline: below ? "top" : "bottom"},
        encoding: {x, y: {...y, field: "at", stack: null}, text}
      });
    }
  }
  return {
    transform: [
      {fold: options.bars.map((b) => b.field), as: ["series", "value"]},
      {calculate: labelLookup(options.bars, "series", (b) => b.label), as: "seriesLabel"},
      {
        calculate: `indexof([${options.bars.map((b) => exprString(b.field)).join(", ")}], datum.series)`,
        as: "seriesOrder"
      },
      ...hooks.transform
    ],
    layer: layers
  };
}

function lineLayer(options: DualAxisOptions, domain: [number, number], ticks: number[], colorScale: VlSpec): VlSpec {
  const x = {
    field: options.x,
    type: "ordinal",
    sort: options.rows.map((row) => String(row[options.x])),
    title: null,
    axis: {labelAngle: 0}
  };
  const y = {
    field: "lineValue",
    type: "quantitative",
    scale: {domain, nice: false, zero: false},
    axis: {
      title: options.lineAxisTitle ?? null,
      orient: "right",
      grid: false,
      ...RIGHT_AXIS_TITLE,
      ...tickAxis(ticks)
    }
  };
  const color = {field: "lineLabel", type: "nominal", scale: colorScale, legend: {title: null}};
  const forecast = options.forecastField;
  const hooks = foldedHooks(
    options.rows,
    options.lines.map((l) => l.field),
    "lineSeries",
    "_tipLine"
  );
  const layers: VlSpec[] = [
    ...(options.connectPoints === false
      ? []
      : [
          {
            transform: forecast ? [{filter: `!datum['${forecast}']`}] : [],
            mark: {type: "line"},
            encoding: {x, y, color}
          },
          {
            transform: [{filter: `datum['${FORECAST_LINK}']`}],
            mark: {type: "line", strokeDash: FORECAST_DASH},
            encoding: {x, y, color}
          }
        ]),
    {
      mark: {type: "point", filled: true, size: options.connectPoints === false ? 60 : 40},
      encoding: {x, y, color, opacity: forecastOpacity(forecast), ...hooks.encoding}
    }
  ];
  if (options.lineLabelFormat) {
    const text = {field: "lineValue", type: "quantitative", format: options.lineLabelFormat};
    // The highest line of each x is labelled above its point, the others below, so several lines' labels part.
    layers.push(
      {
        transform: [{filter: "datum.lineValue === datum.lineMax"}],
        mark: {type: "text", dy: -9, fontSize: 10, baseline: "bottom"},
        encoding: {x, y, text, color}
      },
      {
        transform: [{filter: "datum.lineValue !== datum.lineMax"}],
        mark: {type: "text", dy: 9, fontSize: 10, baseline: "top"},
        encoding: {x, y, text, color}
      }
    );
  }
  return {
    transform: [
      {fold: options.lines.map((l) => l.field), as: ["lineSeries", "lineValue"]},
      {filter: "isValid(datum.lineValue)"},
      {calculate: labelLookup(options.lines, "lineSeries", (l) => l.label), as: "lineLabel"},
      {joinaggregate: [{op: "max", field: "lineValue", as: "lineMax"}], groupby: [options.x]},
      ...hooks.transform
    ],
    layer: layers
  };
}

export function dualAxisSpec(options: DualAxisOptions): TopLevelSpec {
  const height = options.height ?? (options.forecastField ? FORECAST_CHART_HEIGHT : CHART_HEIGHT);
  const rows = withForecastLink(options.rows, options.forecastField);
  const mode = options.barMode ?? "stack";
  const barTops = options.rows.map((row) => {
    const values = options.bars.map((b) => numeric(row[b.field]) ?? 0);
    return mode === "stack" ? values.reduce((sum, v) => sum + v, 0) : Math.max(...values);
  });
  const barBottoms = options.rows.map((row) => Math.min(0, ...options.bars.map((b) => numeric(row[b.field]) ?? 0)));
  if (options.barReference) barTops.push(options.barReference.value);
  const lineValues = options.rows.flatMap((row) =>
    options.lines.map((l) => numeric(row[l.field])).filter((v): v is number => v !== undefined)
  );
  const colorScale = {
    domain: [...options.bars.map((b) => b.label), ...options.lines.map((l) => l.label)],
    range: [...options.bars.map((b) => b.color), ...options.lines.map((l) => l.color)]
  };
  const base = {width: options.width ?? CHART_WIDTH, height, data: {values: rows}};
  if (options.lines.length === 0) {
    const labelled = options.barLabelFormat !== undefined || options.totalLabelFormat !== undefined;
    const barOnly = barOnlyScales([...barTops, ...barBottoms], height, labelled);
    return topLevel({...base, ...barLayer(options, barOnly.domain, barOnly.ticks, colorScale, height)});
  }
  const domains = separatedDomains([...barTops, ...barBottoms], lineValues.length > 0 ? lineValues : [0], {
    height,
    barLabels: options.barLabelFormat !== undefined,
    labelsBelowLines: options.lines.length > 1 && options.lineLabelFormat !== undefined
  });
  const bars = barLayer(options, domains.bar, domains.barTicks, colorScale, height);
  return topLevel({
    ...base,
    layer: [bars, lineLayer(options, domains.line, domains.lineTicks, colorScale)],
    resolve: {scale: {y: "independent"}}
  });
}
