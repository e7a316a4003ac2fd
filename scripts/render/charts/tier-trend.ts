/**
 * @fileoverview Value added driven in the three tiers (第一、二、三产业), by year. One panel per entry of
 * `params.panels`: "value" = grouped columns per year (万亿元, labelled; grouped rather than stacked because the
 * primary tier is too small to read as a stacked segment), "growth" = nominal growth lines, "share" = each tier's
 * share of the total (100 % stacked). Default: value and growth, as two aligned panels rather than one dual-axis
 * chart with three columns and three lines.
 */
import type {TopLevelSpec} from "vega-lite";
import {z} from "zod";
import {formatValue} from "../format.ts";
import {dualAxisSpec, type Series} from "./dual-axis.ts";
import {TIERS} from "./entities.ts";
import {lineChartSpec} from "./line-chart.ts";
import {chartParams} from "./params.ts";
import {extremes, yearSeries, type YearPoint} from "./series.ts";
import {joinTables, panelLetter} from "./tables.ts";
import {COLORS, PANEL_HEIGHT} from "./theme.ts";
import type {ChartInput, ChartModule, FigureTable} from "./types.ts";
import {markFields} from "./marks.ts";

const Params = z.strictObject({
  panels: z
    .array(z.enum(["value", "growth", "share"]))
    .min(1)
    .default(["value", "growth"])
});

type PanelKind = "value" | "growth" | "share";

const PANEL_METRICS: Record<PanelKind, {metric: string; title: string; unitTitle: string}> = {
  value: {metric: "iiot_value_added", title: "增加值", unitTitle: "增加值（万亿元）"},
  growth: {metric: "nominal_growth", title: "名义增速", unitTitle: "名义增速（%）"},
  share: {metric: "tier_share_of_total", title: "占工业互联网增加值比重", unitTitle: "占比（%）"}
};

const TIER_COLORS: Record<string, string> = {
  primary: COLORS.primary,
  secondary: COLORS.secondary,
  tertiary: COLORS.tertiary
};

interface TierPanel {
  title: string;
  spec: TopLevelSpec;
  table: FigureTable;
  records: string[];
}

function tierPanel(input: ChartInput, kind: PanelKind, height: number | undefined): TierPanel {
  const {config} = input.context;
  const {metric, title, unitTitle} = PANEL_METRICS[kind];
  const from = kind === "growth" ? config.baseYear + 1 : config.baseYear;
  const series = TIERS.map((tier) => ({tier, points: yearSeries(input, metric, "tier", tier.id, {from})}));
  const scale = kind === "value" ? 1e-4 : 1;
  const first = series[0]!.points;
  const rows = first.map((point, i) => ({
    year: point.label,
    ...Object.fromEntries(series.map((s) => [s.tier.id, s.points[i]!.value * scale])),
    forecast: point.forecast,
    ...markFields(
      input.context,
      series.map((s) => ({field: s.tier.id, id: s.points[i]!.id}))
    )
  }));
  const bars: Series[] = TIERS.map((tier) => ({
    field: tier.id,
    label: tier.name,
    color: TIER_COLORS[tier.id]!,
    ...(tier.id === "tertiary" ? {labelColor: COLORS.darkText} : {})
  }));
  const sizing = height ? {height} : {};
  const spec =
    kind === "growth"
      ? lineChartSpec({
          rows,
          x: "year",
          lines: bars,
          axisTitle: unitTitle,
          forecastField: "forecast",
          zeroRule: true,
          ...sizing
        })
      : dualAxisSpec({
          rows,
          x: "year",
          bars,
          barMode: kind === "value" ? "group" : "stack",
          barAxisTitle: unitTitle,
          barLabelFormat: ".2f",
          ...(kind === "share" ? {barAxisValues: Array.from({length: 6}, (_, i) => i * 20)} : {}),
          lines: [],
          forecastField: "forecast",
          ...sizing
        });
  const unit = kind === "value" ? "亿元" : "%";
  return {
    title,
    spec,
    table: {
      columns: [
        {field: "year", title: "年份"},
        ...TIERS.map((tier) => ({field: `${metric}_${tier.id}`, title: `${tier.name}${title}（${unit}）`}))
      ],
      rows: first.map((point, i) => ({
        year: point.label,
        ...Object.fromEntries(series.map((s) => [`${metric}_${s.tier.id}`, s.points[i]!.value]))
      }))
    },
    records: series.flatMap((s) => s.points.map((p) => p.id))
  };
}

export const tierTrend: ChartModule = {
  id: "tier-trend",
  describe: "value added, growth or share of the three tiers by year, one panel each",
  build(input) {
    const params = chartParams(input, Params);
    const several = params.panels.length > 1;
    const panels = params.panels.map((kind) => tierPanel(input, kind, several ? PANEL_HEIGHT : undefined));
    const year = input.context.config.dataYears[1];
    const values = TIERS.map((tier) => ({
      tier,
      point: yearSeries(input, "iiot_value_added", "tier", tier.id, {from: year, to: year})[0] as YearPoint
    }));
    const {max, min} = extremes(values, (v) => v.point.value);
    return {
      panels: panels.map((p, i) => (several ? {label: panelLetter(i), title: p.title, spec: p.spec} : {spec: p.spec})),
      table: joinTables(
        panels.map((p) => p.table),
        "year"
      ),
      summary:
        `${year}年工业互联网带动${max.tier.name}增加值最多，为${formatValue(max.point.value, "万亿元")}；` +
        `${min.tier.name}最少，为${formatValue(min.point.value, "亿元")}。`,
      records: [...new Set([...panels.flatMap((p) => p.records), ...values.map((v) => v.point.id)])]
    };
  }
};
