/**
 * @fileoverview Horizontal bars over many entities (the 31 provinces, the 19 sections) for one or more metrics:
 * one aligned panel per metric, sharing the entity axis and its order (sorted by the first metric, largest on top).
 * Aligned panels instead of a dual axis: with 31 categories a line over columns is unreadable, while side-by-side
 * bars compare both a level and a rate at a glance. Every bar is labelled with its value; a rate panel may carry a
 * dashed reference rule (the national value). The panels share out a width at which the chart spans the PDF's text
 * width, however many rows it has.
 */
import type {TopLevelSpec} from "vega-lite";
import {hasTips, hrefEncoding, tipEncoding, tipField} from "./marks.ts";
import {bandTicks, tickAxis} from "./ticks.ts";
import type {MetricDisplay} from "./metrics.ts";
import {measureText} from "./text-width.ts";
import {COLORS, fullPrintWidth, PROVINCE_ROW_HEIGHT} from "./theme.ts";
import {exprString, referenceRuleName, topLevel, type DataRow, type VlSpec} from "./vl.ts";

export interface BarPanel {
  display: MetricDisplay;
  /** Field of the row holding the displayed value. */
  field: string;
  color: string;
  /** The panel's share of the chart's width (e.g. 3 for a level panel beside 2 for each rate panel). */
  weight: number;
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

/** Axis labels of the entity names: 11 px, 6 px from the bars. */
const NAME_FONT_PX = 11;
const NAME_PADDING_PX = 6;
const PANEL_SPACING_PX = 14;
/** Vega's padding around the chart (theme), on each side. */
const CHART_PADDING_PX = 8;
/** Height of everything but the rows: the panel titles, the rule labels above the plot, the axis below, padding. */
const CHROME_HEIGHT_PX = 66;

function xScale(
  values: number[],
  width: number,
  rule: number | undefined
): {domain: [number, number]; ticks: number[]; perPx: number} {
  // A bar short of the rule has its label beyond the rule, so the rule needs the same room as a bar end.
  const max = Math.max(0, ...values, rule ?? 0);
  const min = Math.min(0, ...values, rule ?? 0);
  const span = Math.max(max - min, 1e-9);
  // Room for the labels beyond the longest bar (on both sides when there are negative values).
  const perPx = span / Math.max(width - LABEL_PX * (min < 0 ? 2 : 1), 40);
  const domain: [number, number] = [min < 0 ? min - LABEL_PX * perPx : 0, max + LABEL_PX * perPx];
  return {domain, ticks: bandTicks(min, max, Math.max(2, Math.floor(width / 70)), domain, 1 / perPx), perPx};
}

function panelSpec(
  options: EntityBarsOptions,
  panel: BarPanel,
  index: number,
  order: string[],
  titleOffset: number,
  width: number
): VlSpec {
  const values = options.rows.map((row) => row[panel.field]).filter((v): v is number => typeof v === "number");
  // Reference and threshold rules are both drawn through the whole plot.
  const rule = panel.threshold?.value ?? panel.reference?.value;
  const scale = xScale(values, width, rule);
  const y = {
    field: options.name,
    type: "nominal",
    sort: order,
    title: null,
    axis: index === 0 ? {labelFontSize: NAME_FONT_PX, ticks: false, domain: false, labelPadding: NAME_PADDING_PX} : null
  };
  const x = {
    field: panel.field,
    type: "quantitative",
    scale: {domain: scale.domain, nice: false},
    axis: {title: null, ...tickAxis(scale.ticks), grid: true, labelFlush: true}
  };
  const color = panel.threshold
    ? {
        condition: {test: `datum[${exprString(panel.field)}] >= ${panel.threshold.value}`, value: panel.color},
        value: COLORS.muted
      }
    : {value: panel.color};
  const text = {field: panel.field, type: "quantitative", format: panel.display.format};
  const field = `datum[${exprString(panel.field)}]`;
  // Every label sits beyond its bar's end, and a bar that ends short of the rule has its label just beyond the
  // rule, so the rule never runs through a label. Not inside the bars: a rule under a bar still reads as striking
  // through a label printed on it, since its dashes stop at the label's edges and go on past them.
  const beyond = (sign: 1 | -1) =>
    rule !== undefined && Math.sign(rule) !== -sign
      ? {
          transform: [{calculate: `${sign > 0 ? "max" : "min"}(${field}, ${rule})`, as: "_labelAt"}],
          x: {...x, field: "_labelAt"}
        }
      : {transform: [], x};
  // The site's hooks (marks.ts): each bar's tip, and the link to its entity's page.
  const hooks = {
    ...(hasTips(options.rows, panel.field) ? tipEncoding(tipField(panel.field)) : {}),
    ...hrefEncoding(options.rows)
  };
  const layers: VlSpec[] = [{mark: {type: "bar", height: {band: 0.72}}, encoding: {y, x, color, ...hooks}}];
  for (const sign of [1, -1] as const) {
    const at = beyond(sign);
    layers.push({
      transform: [{filter: `${field} ${sign > 0 ? ">=" : "<"} 0`}, ...at.transform],
      mark: {type: "text", align: sign > 0 ? "left" : "right", dx: 3 * sign, fontSize: 9.5},
      encoding: {y, x: at.x, text}
    });
  }
  // Reference and threshold rules go under the bars, and their labels above the plot, clear of the first row.
  const rules: VlSpec[] = [];
  for (const [mark, dash] of [
    [panel.reference, [4, 3]],
    [panel.threshold, [2, 2]]
  ] as const) {
    if (!mark) continue;
    // One datum each (not one mark per row of the chart data).
    rules.push({
      name: referenceRuleName(index * 2 + rules.length),
      data: {values: [{}]},
      mark: {type: "rule", strokeDash: dash, color: "#666666"},
      encoding: {x: {datum: mark.value, type: "quantitative"}}
    });
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
    width,
    title: {text: panel.display.title, fontSize: 11, offset: 6, aria: false},
    layer: layers
  };
}

/** Panel widths that share out (by weight) the width at which the whole chart spans the print text width. */
function panelWidths(options: EntityBarsOptions, order: string[]): number[] {
  const rowHeight = options.rowHeight ?? PROVINCE_ROW_HEIGHT;
  const names = Math.max(...order.map((name) => measureText(name, NAME_FONT_PX))) + NAME_PADDING_PX;
  const chrome = 2 * CHART_PADDING_PX + names + PANEL_SPACING_PX * (options.panels.length - 1);
  const total = fullPrintWidth(order.length * rowHeight + CHROME_HEIGHT_PX) - chrome;
  const weights = options.panels.reduce((sum, p) => sum + p.weight, 0);
  return options.panels.map((p) => Math.floor((total * p.weight) / weights));
}

export function entityBarsSpec(options: EntityBarsOptions): TopLevelSpec {
  const first = options.panels[0]!;
  const order = [...options.rows]
    .sort((a, b) => (Number(b[first.field]) || 0) - (Number(a[first.field]) || 0))
    .map((row) => String(row[options.name]));
  // Whether any panel has a rule label above its plot (then every panel reserves that room).
  const titleOffset = options.panels.some((p) => p.reference || p.threshold) ? 18 : 6;
  const widths = panelWidths(options, order);
  return topLevel({
    data: {values: options.rows},
    spacing: PANEL_SPACING_PX,
    config: {view: {stroke: null}},
    resolve: {scale: {y: "shared"}},
    hconcat: options.panels.map((panel, i) => ({
      height: {step: options.rowHeight ?? PROVINCE_ROW_HEIGHT},
      ...panelSpec(options, panel, i, order, titleOffset, widths[i]!)
    }))
  });
}
