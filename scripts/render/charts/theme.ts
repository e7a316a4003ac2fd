/**
 * @fileoverview One look for every chart of the publication: the chart font (the embedded webfont, so the PDF gets
 * real CID fonts instead of Type 3), a restrained palette, axis and legend styles, and Chinese number formats.
 */
import type {Config} from "vega-lite";

export const CHART_FONT = "Noto Sans SC";

/** Named colours, so that a series keeps its colour across charts (direct is always the same blue, …). */
export const COLORS = {
  total: "#1f4e79",
  direct: "#2e75b6",
  penetration: "#f4a261",
  share: "#c0392b",
  growth: "#c0392b",
  neutral: "#8c8c8c",
  forecast: "#9dc3e6",
  primary: "#70ad47",
  secondary: "#2e75b6",
  tertiary: "#f4a261",
  network: "#2e75b6",
  platform: "#1f4e79",
  data: "#70ad47",
  security: "#f4a261"
} as const;

/** Sequential scheme of the tile-grid maps (light → dark blue). */
export const SEQUENTIAL_SCHEME = "blues";

export const CHART_WIDTH = 560;
export const CHART_HEIGHT = 260;

export const THEME: Config = {
  font: CHART_FONT,
  background: "#ffffff",
  padding: 8,
  view: {stroke: null},
  axis: {
    labelFont: CHART_FONT,
    titleFont: CHART_FONT,
    labelFontSize: 11,
    titleFontSize: 11,
    titleFontWeight: "normal",
    titleColor: "#333333",
    labelColor: "#333333",
    domainColor: "#888888",
    tickColor: "#888888",
    gridColor: "#e6e6e6",
    labelLimit: 220
  },
  axisX: {labelAngle: 0, grid: false},
  legend: {
    labelFont: CHART_FONT,
    titleFont: CHART_FONT,
    labelFontSize: 11,
    titleFontSize: 11,
    orient: "bottom",
    direction: "horizontal",
    symbolSize: 90,
    columnPadding: 16,
    labelLimit: 260
  },
  title: {font: CHART_FONT, fontSize: 12, fontWeight: "normal", anchor: "middle", color: "#333333"},
  text: {font: CHART_FONT, fontSize: 10},
  bar: {color: COLORS.direct},
  line: {strokeWidth: 2},
  point: {filled: true, size: 40},
  locale: undefined
};

/** d3-format locale for Chinese publications: no thousands separator (10687.51), minus sign "−". */
export const FORMAT_LOCALE = {
  decimal: ".",
  thousands: "",
  grouping: [3],
  currency: ["¥", ""],
  minus: "−"
};
