/**
 * @fileoverview The structure of national IIoT value added: shares of direct and penetration industries (100 %
 * stacked columns, %) with the penetration-to-direct ratio (line, 倍), base year through the forecast year. Shares
 * rather than levels because the figure is about the structure shifting towards penetration industries; the levels
 * are the previous figure (national-va-structure).
 */
import {formatValue} from "../format.ts";
import {dualAxisSpec} from "./dual-axis.ts";
import {extremes, yearSeries, yearText} from "./series.ts";
import {COLORS} from "./theme.ts";
import type {ChartModule} from "./types.ts";
import {markFields} from "./marks.ts";

/** Ticks of a 0–100 % axis (the columns always sum to 100). */
const SHARE_TICKS = Array.from({length: 6}, (_, i) => i * 20);

export const nationalStructureShare: ChartModule = {
  id: "national-structure-share",
  describe: "shares of direct and penetration industries (100 % stacked columns) and their ratio (line) by year",
  build(input) {
    const penetrationShare = yearSeries(input, "penetration_share_of_total", "national", "china");
    const ratio = yearSeries(input, "penetration_to_direct_ratio", "national", "china");
    // The direct share is the complement of the penetration share (the two parts make up the total).
    const rows = penetrationShare.map((point, i) => ({
      year: point.label,
      direct: 100 - point.value,
      penetration: point.value,
      ratio: ratio[i]!.value,
      forecast: point.forecast,
      ...markFields(input.context, [
        {field: "penetration", id: point.id},
        {field: "ratio", id: ratio[i]!.id}
      ])
    }));
    const spec = dualAxisSpec({
      rows,
      x: "year",
      bars: [
        {field: "direct", label: "直接产业占比（%）", color: COLORS.direct},
        {field: "penetration", label: "渗透产业占比（%）", color: COLORS.penetration, labelColor: COLORS.darkText}
      ],
      barAxisTitle: "占比（%）",
      barAxisValues: SHARE_TICKS,
      barLabelFormat: ".2f",
      lines: [{field: "ratio", label: "渗透产业/直接产业（倍）", color: COLORS.growth}],
      lineAxisTitle: "渗透产业/直接产业（倍）",
      lineLabelFormat: ".2f",
      forecastField: "forecast"
    });
    const first = ratio[0]!;
    const last = ratio[ratio.length - 1]!;
    const {max} = extremes(penetrationShare, (p) => p.value);
    return {
      panels: [{spec}],
      table: {
        columns: [
          {field: "year", title: "年份"},
          {field: "direct", title: "直接产业占比（%）"},
          {field: "penetration", title: "渗透产业占比（%）"},
          {field: "ratio", title: "渗透产业/直接产业（倍）"}
        ],
        rows: rows.map(({year, direct, penetration, ratio: r}) => ({year, direct, penetration, ratio: r}))
      },
      summary:
        `渗透产业增加值与直接产业增加值之比从${yearText(first)}的${formatValue(first.value, "倍")}变为${yearText(last)}的` +
        `${formatValue(last.value, "倍")}，渗透产业占比最高为${yearText(max)}的${formatValue(max.value, "%")}。`,
      records: [...penetrationShare.map((p) => p.id), ...ratio.map((p) => p.id)]
    };
  }
};
