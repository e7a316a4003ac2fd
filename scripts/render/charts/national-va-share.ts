/**
 * @fileoverview National IIoT value added (columns, 万亿元) and its share of GDP (line, %), base year through the
 * forecast year.
 */
import {formatValue} from "../format.ts";
import {dualAxisSpec} from "./dual-axis.ts";
import {extremes, yearSeries, yearText} from "./series.ts";
import {COLORS} from "./theme.ts";
import type {ChartModule} from "./types.ts";
import {markFields} from "./marks.ts";

export const nationalVaShare: ChartModule = {
  id: "national-va-share",
  describe: "national value added (columns) and share of GDP (line) by year",
  build(input) {
    const va = yearSeries(input, "iiot_value_added", "national", "china");
    const share = yearSeries(input, "share_of_gdp", "national", "china");
    const rows = va.map((point, i) => ({
      year: point.label,
      va: point.value / 1e4,
      share: share[i]!.value,
      forecast: point.forecast,
      ...markFields(input.context, [
        {field: "va", id: point.id},
        {field: "share", id: share[i]!.id}
      ])
    }));
    const spec = dualAxisSpec({
      rows,
      x: "year",
      bars: [{field: "va", label: "工业互联网产业增加值（万亿元）", color: COLORS.total}],
      barAxisTitle: "增加值（万亿元）",
      barLabelFormat: ".2f",
      lines: [{field: "share", label: "占GDP比重（%）", color: COLORS.share}],
      lineAxisTitle: "占GDP比重（%）",
      lineLabelFormat: ".2f",
      forecastField: "forecast"
    });
    const first = va[0]!;
    const last = va[va.length - 1]!;
    const {max} = extremes(share, (p) => p.value);
    return {
      panels: [{spec}],
      table: {
        columns: [
          {field: "year", title: "年份"},
          {field: "va", title: "增加值（亿元）"},
          {field: "share", title: "占GDP比重（%）"}
        ],
        rows: va.map((point, i) => ({year: point.label, va: point.value, share: share[i]!.value}))
      },
      summary:
        `工业互联网产业增加值从${yearText(first)}的${formatValue(first.value, "万亿元")}${last.value >= first.value ? "增至" : "降至"}${yearText(last)}的` +
        `${formatValue(last.value, "万亿元")}，占GDP比重最高为${yearText(max)}的${formatValue(max.value, "%")}。`,
      records: [...va.map((p) => p.id), ...share.map((p) => p.id)]
    };
  }
};
