/**
 * @fileoverview National IIoT value added split into direct and penetration industries (stacked columns, 万亿元)
 * with the nominal growth of the total (line, %), base year through the forecast year. The growth line starts in
 * the year after the base year, the first year that has a growth rate.
 */
import {formatValue} from "../format.ts";
import {dualAxisSpec} from "./dual-axis.ts";
import {yearSeries} from "./series.ts";
import {COLORS} from "./theme.ts";
import type {ChartModule} from "./types.ts";

export const nationalVaStructure: ChartModule = {
  id: "national-va-structure",
  describe: "direct and penetration value added (stacked columns) and nominal growth (line) by year",
  build(input) {
    const {config} = input.context;
    const direct = yearSeries(input, "iiot_value_added_direct", "national", "china");
    const penetration = yearSeries(input, "iiot_value_added_penetration", "national", "china");
    const growth = yearSeries(input, "nominal_growth", "national", "china", {from: config.baseYear + 1});
    const growthByYear = new Map(growth.map((p) => [p.year, p]));
    const rows = direct.map((point, i) => {
      const g = growthByYear.get(point.year);
      return {
        year: point.label,
        direct: point.value / 1e4,
        penetration: penetration[i]!.value / 1e4,
        ...(g ? {growth: g.value} : {}),
        forecast: point.forecast
      };
    });
    const spec = dualAxisSpec({
      rows,
      x: "year",
      bars: [
        {field: "direct", label: "直接产业增加值（万亿元）", color: COLORS.direct},
        {field: "penetration", label: "渗透产业增加值（万亿元）", color: COLORS.penetration}
      ],
      barAxisTitle: "增加值（万亿元）",
      line: {field: "growth", label: "名义增速（%）", color: COLORS.growth},
      lineAxisTitle: "名义增速（%）",
      lineLabelFormat: ".2f",
      forecastField: "forecast"
    });
    const last = direct.length - 1;
    const lastLabel = direct[last]!.label;
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
          {field: "growth", title: "名义增速（%）"}
        ],
        rows: direct.map((point, i) => ({
          year: point.label,
          direct: point.value,
          penetration: penetration[i]!.value,
          growth: growthByYear.get(point.year)?.value ?? null
        }))
      },
      summary:
        `${lastLabel}年直接产业增加值${formatValue(direct[last]!.value, "万亿元")}、渗透产业增加值` +
        `${formatValue(penetration[last]!.value, "万亿元")}，${structure}。`,
      records: [...direct.map((p) => p.id), ...penetration.map((p) => p.id), ...growth.map((p) => p.id)]
    };
  }
};
