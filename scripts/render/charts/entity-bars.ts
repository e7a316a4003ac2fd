/**
 * @fileoverview Horizontal bars over many entities (the 31 provinces, the 19 sections) for one or more metrics:
 * one aligned panel per metric, sharing the entity axis and its order (sorted by the first metric, largest on top).
 * Aligned panels instead of a dual axis: with 31 categories a line over columns is unreadable, while side-by-side
 * bars compare both a level and a rate at a glance. Every bar is labelled with its value; a rate panel may carry a
 * dashed reference rule (the national value).
 */
import type {TopLevelSpec} from "vega-lite";
import {bandTicks} from "./ticks.ts";
import type {MetricDisplay} from "./metrics.ts";
import {COLORS, PROVINCE_ROW_HEIGHT} from "./theme.ts";
import {exprString, topLevel, type DataRow, type VlSpec} from "./vl.ts";

export interface BarPanel {
  display: MetricDisplay;
  /** Field of the row holding the displayed value. */
  field: string;
  color: string;
  width: number;
  /** A reference value drawn as a dashed rule, e.g. the national growth rate. */
  reference?: {value: number; label: string};
  /** Bars at or above this displayed value are drawn in `color`, the others lighter (e.g. sections over 1000 亿元). */
  threshold?: {value: number; label: string};
}

export interface EntityBarsOptions {
  rows: DataRow[];
  /** Field with the entity's display name. */
  name: string;
  panels: BarPanel[];
  rowHeight?: number;
}

/** Approximate px width of a value label (10 px digits). */
const LABEL_PX = 48;

function xScale(values: number[], width: number): {domain: [number, number]; ticks: number[]; perPx: number} {
  const max = Math.max(0, ...values);
  const min = Math.min(0, ...values);
  const span = Math.max(max - min, 1e-9);
  // Room for the labels beyond the longest bar (on both sides when there are negative values).
  const perPx = span / Math.max(width - LABEL_PX * (min < 0 ? 2 : 1), 40);
  const domain: [number, number] = [min < 0 ? min - LABEL_PX * perPx : 0, max + LABEL_PX * perPx];
  return {domain, ticks: bandTicks(min, max, Math.max(2, Math.floor(width / 70)), domain, 1 / perPx), perPx};
}

function panelSpec(options: EntityBarsOptions, panel: BarPanel, index: number, order: string[], titleOffset: number): VlSpec {
  const values = options.rows.map((row) => row[panel.field]).filter((v): v is number => typeof v === "number");
  const scale = xScale(values, panel.width);
  const y = {
    field: options.name,
    type: "nominal",
    sort: order,
    title: null,
    axis: index === 0 ? {labelFontSize: 11, ticks: false, domain: false, labelPadding: 6} : null
  };
  const x = {
    field: panel.field,
    type: "quantitative",
    scale: {domain: scale.domain, nice: false},
    axis: {title: null, values: scale.ticks, grid: true, labelFlush: true}
  };
  const color = panel.threshold
    ? {condition: {test: `datum[${exprString(panel.field)}] >= ${panel.threshold.value}`, value: panel.color}, value: COLORS.muted}
    : {value: panel.color};
  const text = {field: panel.field, type: "quantitative", format: panel.display.format};
  const field = `datum[${exprString(panel.field)}]`;
  // With a reference rule the labels go inside the bars that can hold them, so that the rule, which runs close to
  // the ends of bars near the reference value, does not strike through them; short bars keep their label outside.
  const insideFrom = panel.reference ? (LABEL_PX - 8) * scale.perPx : undefined;
  const outside = (sign: 1 | -1): string =>
    insideFrom === undefined ? `${field} ${sign > 0 ? ">=" : "<"} 0` : sign > 0 ? `${field} >= 0 && ${field} < ${insideFrom}` : `${field} < 0 && ${field} > ${-insideFrom}`;
  // Outside labels of bars that end short of a rule (threshold or reference) are set just beyond the rule, so the
  // rule never crosses a label.
  const rule = panel.threshold?.value ?? panel.reference?.value;
  const beyond = (sign: 1 | -1) =>
    rule !== undefined && Math.sign(rule) !== -sign
      ? {transform: [{calculate: `${sign > 0 ? "max" : "min"}(${field}, ${rule})`, as: "_labelAt"}], x: {...x, field: "_labelAt"}}
      : {transform: [], x};
  const layers: VlSpec[] = [{mark: {type: "bar", height: {band: 0.72}}, encoding: {y, x, color}}];
  for (const sign of [1, -1] as const) {
    const at = beyond(sign);
    layers.push({
      transform: [{filter: outside(sign)}, ...at.transform],
      mark: {type: "text", align: sign > 0 ? "left" : "right", dx: 3 * sign, fontSize: 9.5},
      encoding: {y, x: at.x, text}
    });
  }
  if (insideFrom !== undefined)
    layers.push(
      {transform: [{filter: `${field} >= ${insideFrom}`}], mark: {type: "text", align: "right", dx: -3, fontSize: 9.5, color: "#ffffff"}, encoding: {y, x, text}},
      {transform: [{filter: `${field} <= ${-insideFrom}`}], mark: {type: "text", align: "left", dx: 3, fontSize: 9.5, color: "#ffffff"}, encoding: {y, x, text}}
    );
  // Reference and threshold rules go under the bars (only the gaps show them, so they never strike a label), and
  // their labels above the plot, clear of the first row.
  const rules: VlSpec[] = [];
  for (const [mark, dash] of [
    [panel.reference, [4, 3]],
    [panel.threshold, [2, 2]]
  ] as const) {
    if (!mark) continue;
    // One datum each (not one mark per row of the chart data).
    rules.push({data: {values: [{}]}, mark: {type: "rule", strokeDash: dash, color: "#666666"}, encoding: {x: {datum: mark.value, type: "quantitative"}}});
    layers.push({
      data: {values: [{}]},
      mark: {type: "text", align: "center", dy: -4, baseline: "bottom", fontSize: 9.5, color: "#555555"},
      encoding: {x: {datum: mark.value, type: "quantitative"}, y: {value: 0}, text: {value: mark.label}}
    });
  }
  layers.unshift(...rules);
  // Vega offsets a title from the panel's bounds, which a rule label above the plot extends: panels without one get
  // an invisible label at the same height, so that every panel's title sits on the same line.
  if (titleOffset > 6 && rules.length === 0)
    layers.push({
      data: {values: [{}]},
      mark: {type: "text", dy: -4, baseline: "bottom", fontSize: 9.5, opacity: 0},
      encoding: {x: {datum: scale.domain[0], type: "quantitative"}, y: {value: 0}, text: {value: "全国"}}
    });
  return {
    width: panel.width,
    title: {text: panel.display.title, fontSize: 11, offset: 6, aria: false},
    layer: layers
  };
}

export function entityBarsSpec(options: EntityBarsOptions): TopLevelSpec {
  const first = options.panels[0]!;
  const order = [...options.rows]
    .sort((a, b) => (Number(b[first.field]) || 0) - (Number(a[first.field]) || 0))
    .map((row) => String(row[options.name]));
  // Whether any panel has a rule label above its plot (then every panel reserves that room).
  const titleOffset = options.panels.some((p) => p.reference || p.threshold) ? 18 : 6;
  return topLevel({
    data: {values: options.rows},
    spacing: 14,
    config: {view: {stroke: null}},
    resolve: {scale: {y: "shared"}},
    hconcat: options.panels.map((panel, i) => ({height: {step: options.rowHeight ?? PROVINCE_ROW_HEIGHT}, ...panelSpec(options, panel, i, order, titleOffset)}))
  });
}
