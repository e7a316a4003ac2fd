/**
 * @fileoverview Where the value labels of stacked columns go, computed before Vega draws them: each segment's
 * label in its middle when the segment is tall enough to hold it, otherwise beside the column (right of it), with
 * the side labels of one column pushed apart so they never sit on each other; and the column's total above a
 * positive stack or below a negative one. Every segment is labelled, however thin (a thin one is often the
 * number the text quotes, e.g. a year's small direct-industry change).
 */
import type {DataRow} from "./vl.ts";

/** A segment lower than this (px) cannot hold its 10 px label. */
export const MIN_SEGMENT_PX = 12;
/** Vertical distance (px) between the centres of two side labels of one column. */
const SIDE_LABEL_STEP_PX = 13;

export interface StackSeries {
  field: string;
  /** Colour of a label inside this series' segments. */
  labelColor: string;
}

export interface SegmentLabel {
  /** The column's x value. */
  x: string;
  /** Where the label's middle sits, in the bar axis' units. */
  at: number;
  value: number;
  /** Beside the column rather than inside its segment. */
  side: boolean;
  color: string;
}

export interface TotalLabel {
  x: string;
  /** The top of the positive stack, or the bottom of the negative one when the total is negative. */
  at: number;
  total: number;
  below: boolean;
}

function numeric(value: unknown): number | undefined {
  return typeof value === "number" && Number.isFinite(value) ? value : undefined;
}

/** Side labels of one column, from the one nearest zero outwards, at least SIDE_LABEL_STEP_PX apart and off zero. */
function spread(labels: SegmentLabel[], unitsPerPx: number): void {
  for (const sign of [1, -1]) {
    const side = labels.filter((l) => l.side && Math.sign(l.value || 1) === sign).sort((a, b) => sign * (a.at - b.at));
    let last = sign * (SIDE_LABEL_STEP_PX / 2 - SIDE_LABEL_STEP_PX) * unitsPerPx;
    for (const label of side) {
      const at =
        sign > 0
          ? Math.max(label.at, last + SIDE_LABEL_STEP_PX * unitsPerPx)
          : Math.min(label.at, last - SIDE_LABEL_STEP_PX * unitsPerPx);
      label.at = at;
      last = at;
    }
  }
}

/**
 * The label of every segment of every column (rows in order, series stacked in order from zero, positive values
 * upwards and negative ones downwards, as Vega stacks them). `unitsPerPx`: bar-axis units per pixel of the plot.
 */
export function segmentLabels(
  rows: readonly DataRow[],
  x: string,
  series: readonly StackSeries[],
  unitsPerPx: number,
  darkText: string,
  forecastField?: string
): SegmentLabel[] {
  return rows.flatMap((row) => {
    let up = 0;
    let down = 0;
    const labels: SegmentLabel[] = [];
    for (const s of series) {
      const value = numeric(row[s.field]);
      if (value === undefined) continue;
      const from = value >= 0 ? up : down;
      if (value >= 0) up += value;
      else down += value;
      const side = Math.abs(value) / unitsPerPx < MIN_SEGMENT_PX;
      // Forecast columns are drawn lighter, so their labels are dark whatever the series' label colour.
      const forecast = forecastField !== undefined && row[forecastField] === true;
      labels.push({
        x: String(row[x]),
        at: from + value / 2,
        value,
        side,
        color: side || forecast ? darkText : s.labelColor
      });
    }
    spread(labels, unitsPerPx);
    return labels;
  });
}

/** The total of each column, placed at the end of its stack in the total's direction. */
export function totalLabels(rows: readonly DataRow[], x: string, series: readonly {field: string}[]): TotalLabel[] {
  return rows.map((row) => {
    const values = series.map((s) => numeric(row[s.field]) ?? 0);
    const total = values.reduce((a, b) => a + b, 0);
    const up = values.filter((v) => v > 0).reduce((a, b) => a + b, 0);
    const down = values.filter((v) => v < 0).reduce((a, b) => a + b, 0);
    return {x: String(row[x]), at: total >= 0 ? up : down, total, below: total < 0};
  });
}
