/**
 * @fileoverview National IIoT value added split into direct and penetration industries (stacked columns, 万亿元,
 * each part labelled) with nominal growth (line, %), base year through the forecast year. `params.growth` picks
 * the growth line: "total" (one line, the total's growth; default) or "parts" (one line each for direct and
 * penetration). The growth lines start in the year after the base year, the first year that has a growth rate.
 */
import {z} from "zod";
import {formatValue} from "../format.ts";
import {dualAxisSpec, type Series} from "./dual-axis.ts";
import {chartParams} from "./params.ts";
import {yearSeries, yearText, type YearPoint} from "./series.ts";
import {COLORS} from "./theme.ts";
import type {ChartModule} from "./types.ts";
import {markFields} from "./marks.ts";

const Params = z.strictObject({growth: z.enum(["total", "parts"]).default("total")});

const GROWTH_LINES = {
  total: [
    {metric: "nominal_growth", field: "growth", label: "名义增速（%）", color: COLORS.growth, title: "名义增速（%）"}
  ],
  parts: [
    {
      metric: "nominal_growth_direct",
      field: "growthDirect",
      label: "直接产业名义增速（%）",
      color: COLORS.directLine,
      title: "直接产业名义增速（%）"
    },
    {
      metric: "nominal_growth_penetration",
      field: "growthPenetration",
      label: "渗透产业名义增速（%）",
      color: COLORS.penetrationLine,
      title: "渗透产业名义增速（%）"
    }
  ]
} as const;

export const nationalVaStructure: ChartModule = {
  id: "national-va-structure",
  describe:
    "direct and penetration value added (stacked columns) and nominal growth (line: total, or one per part) by year",
  build(input) {
    const params = chartParams(input, Params);
    const {config} = input.context;
    const direct = yearSeries(input, "iiot_value_added_direct", "national", "china");
    const penetration = yearSeries(input, "iiot_value_added_penetration", "national", "china");
    const lines = GROWTH_LINES[params.growth];
    const growth = lines.map((line) => ({
      ...line,
      points: new Map<number, YearPoint>(
        yearSeries(input, line.metric, "national", "china", {from: config.baseYear + 1}).map((p) => [p.year, p])
      )
    }));
    const rows = direct.map((point, i) => ({
      year: point.label,
      direct: point.value / 1e4,
      penetration: penetration[i]!.value / 1e4,
      ...Object.fromEntries(growth.map((g) => [g.field, g.points.get(point.year)?.value ?? null])),
      forecast: point.forecast,
      ...markFields(input.context, [
        {field: "direct", id: point.id},
        {field: "penetration", id: penetration[i]!.id},
        ...growth.flatMap((g) => {
          const p = g.points.get(point.year);
          return p ? [{field: g.field, id: p.id}] : [];
        })
      ])
    }));
    const series: Series[] = lines.map((l) => ({field: l.field, label: l.label, color: l.color}));
    const spec = dualAxisSpec({
      rows,
      x: "year",
      bars: [
        {field: "direct", label: "直接产业增加值（万亿元）", color: COLORS.direct},
        {
          field: "penetration",
          label: "渗透产业增加值（万亿元）",
          color: COLORS.penetration,
          labelColor: COLORS.darkText
        }
      ],
      barAxisTitle: "增加值（万亿元）",
      barLabelFormat: ".2f",
      lines: series,
      lineAxisTitle: "名义增速（%）",
      lineLabelFormat: ".2f",
      forecastField: "forecast"
    });
    const last = direct.length - 1;
    const penetrationLarger = direct.filter((d, i) => penetration[i]!.value > d.value).length;
    const structure =
      penetrationLarger === direct.length
        ? "各年渗透产业增加值均高于直接产业"
        : penetrationLarger === 0
          ? "各年直接产业增加值均高于渗透产业"
          : `${penetrationLarger}个年份渗透产业增加值高于直接产业`;
    return {
      panels: [{spec}],
      table: {
        columns: [
          {field: "year", title: "年份"},
          {field: "direct", title: "直接产业增加值（亿元）"},
          {field: "penetration", title: "渗透产业增加值（亿元）"},
          ...growth.map((g) => ({field: g.field, title: g.title}))
        ],
        rows: direct.map((point, i) => ({
          year: point.label,
          direct: point.value,
          penetration: penetration[i]!.value,
          ...Object.fromEntries(growth.map((g) => [g.field, g.points.get(point.year)?.value ?? null]))
        }))
      },
      summary:
        `${yearText(direct[last]!)}直接产业增加值${formatValue(direct[last]!.value, "万亿元")}、渗透产业增加值` +
        `${formatValue(penetration[last]!.value, "万亿元")}，${structure}。`,
      records: [
        ...direct.map((p) => p.id),
        ...penetration.map((p) => p.id),
        ...growth.flatMap((g) => [...g.points.values()].map((p) => p.id))
      ]
    };
  }
};
