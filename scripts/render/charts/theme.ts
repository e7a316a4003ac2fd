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
  security: "#f4a261",
  /** Growth lines drawn over direct / penetration columns (darker than the columns they sit above). */
  directLine: "#1f4e79",
  penetrationLine: "#c0392b",
  /** A comparison series (e.g. GDP growth beside IIoT growth). */
  comparison: "#8c8c8c",
  /** Bars of a rate (growth, share) beside bars of a level. */
  rate: "#c8604f",
  /** Bars below a threshold, beside COLORS.total above it. */
  muted: "#9dc3e6",
  /** Text on light fills. */
  darkText: "#333333",
  /** Tiles of provinces outside every region. */
  empty: "#e8e8e8"
} as const;

/**
 * Colours of the edition's regions on the region map, in config order: qualitative, distinguishable in print, and
 * dark enough to carry white labels.
 */
export const REGION_PALETTE = [
  "#2e75b6",
  "#c0392b",
  "#d9822b",
  "#4e8f3a",
  "#7d5ba6",
  "#1b8a7a",
  "#a0522d",
  "#8c6d8f"
] as const;

/** Sequential scheme of the tile-grid maps (light → dark blue). */
export const SEQUENTIAL_SCHEME = "blues";

export const CHART_WIDTH = 560;
export const CHART_HEIGHT = 260;
/**
 * Height of a one-panel chart that plots forecast values: a little lower, to make room for the note under it that
 * marks the forecast as resting on an assumption (forecast-note.ts) without pushing figures to the next page
 * (checked with `npm run measure:pages` on every edition).
 */
export const FORECAST_CHART_HEIGHT = CHART_HEIGHT - 12;
/**
 * Height of each panel of a two-panel (a)/(b) figure, a little lower so both fit one printed page with the
 * figure's caption, sources and notes.
 */
export const PANEL_HEIGHT = 204;
/** Height of one row of a province bar chart (31 rows). */
export const PROVINCE_ROW_HEIGHT = 16;
/** Side of one tile of the tile-grid maps. */
export const TILE_SIZE = 60;

/**
 * The PDF's text width in CSS px: A4 (210 mm) less the 20 mm side margins of print.css, at 96 px per inch. A chart
 * drawn at least this wide spans the text width in print (print.css scales a wider one down, keeping its shape).
 */
export const PRINT_TEXT_WIDTH_PX = Math.round((170 / 25.4) * 96);
/** The tallest a figure panel prints (print.css `.figure-panel svg { max-height: 130mm }`), in CSS px. */
export const PRINT_MAX_HEIGHT_PX = Math.round((130 / 25.4) * 96);

/**
 * The width at which a chart `height` px tall spans the PDF's text width: the text width itself, or more for a tall
 * chart, which print.css scales down to the height limit (and so also narrows) — a 31-row chart must be drawn
 * wider than the text to come out as wide as it.
 */
export function fullPrintWidth(height: number): number {
  return Math.ceil(Math.max(PRINT_TEXT_WIDTH_PX, (height * PRINT_TEXT_WIDTH_PX) / PRINT_MAX_HEIGHT_PX));
}

/** d3-format locale for Chinese publications: no thousands separator (10687.51), minus sign "−". */
export const FORMAT_LOCALE = {
  decimal: ".",
  thousands: "",
  grouping: [3],
  currency: ["¥", ""] as [string, string],
  minus: "−"
};

export const THEME: Config = {
  font: CHART_FONT,
  background: "#ffffff",
  padding: 8,
  view: {stroke: null},
  // Vega describes axes and legends to screen readers in generated English ("X-axis titled …"); the figure's own
  // zh-CN label and its data table say it in the reader's language instead.
  aria: false,
  axis: {
    aria: false,
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
    aria: false,
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
  title: {
    aria: false,
    font: CHART_FONT,
    fontSize: 12,
    fontWeight: "normal",
    anchor: "middle",
    color: "#333333"
  },
  text: {font: CHART_FONT, fontSize: 10},
  bar: {color: COLORS.direct},
  line: {strokeWidth: 2},
  point: {filled: true, size: 40},
  // Passed through to the compiled Vega spec, whose runtime installs it for every d3 format of the chart.
  locale: {number: FORMAT_LOCALE}
};
