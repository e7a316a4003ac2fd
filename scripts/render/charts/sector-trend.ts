/**
 * @fileoverview Value added driven in one or more sections (行业门类), one panel each — the papers' (a)/(b) sector
 * figures: columns of value added (亿元) with the nominal growth line (%), from `params.fromYear` (default the base
 * year; the growth line starts the year after it) through the forecast year. `params.sectors` lists the section
 * entity ids in panel order.
 */
import {z} from "zod";
import {formatValue} from "../format.ts";
import {dualAxisSpec} from "./dual-axis.ts";
import {sectionByEntity} from "./entities.ts";
import {chartParams, yearParam} from "./params.ts";
import {extremes, yearSeries, yearText} from "./series.ts";
import {joinTables, panelLetter} from "./tables.ts";
import {COLORS, FORECAST_CHART_HEIGHT, PANEL_HEIGHT} from "./theme.ts";
import type {ChartModule} from "./types.ts";
import {markFields} from "./marks.ts";

const Params = z.strictObject({
  sectors: z.array(z.string().regex(/^[a-z_]+$/, "a section entity id")).min(1),
  fromYear: yearParam.optional()
});

export const sectorTrend: ChartModule = {
  id: "sector-trend",
  describe: "value added (columns) and nominal growth (line) of one or more sections by year, one panel each",
  build(input) {
    const params = chartParams(input, Params);
    const {config} = input.context;
    const from = params.fromYear ?? config.baseYear;
    const several = params.sectors.length > 1;
    const panels = params.sectors.map((entity) => {
      const section = sectionByEntity(input.context, entity, input.where);
      const va = yearSeries(input, "iiot_value_added", "sector", entity, {from});
      const growth = yearSeries(input, "nominal_growth", "sector", entity, {from: Math.max(from, config.baseYear + 1)});
      const growthByYear = new Map(growth.map((p) => [p.year, p]));
      const rows = va.map((p) => ({
        year: p.label,
        va: p.value,
        growth: growthByYear.get(p.year)?.value ?? null,
        forecast: p.forecast,
        ...markFields(
          input.context,
          [
            {field: "va", id: p.id},
            ...(growthByYear.has(p.year) ? [{field: "growth", id: growthByYear.get(p.year)!.id}] : [])
          ],
          {scope: "sector", id: entity}
        )
      }));
      const spec = dualAxisSpec({
        rows,
        x: "year",
        bars: [{field: "va", label: "增加值（亿元）", color: COLORS.total}],
        barAxisTitle: "增加值（亿元）",
        barLabelFormat: ".2f",
        lines: [{field: "growth", label: "名义增速（%）", color: COLORS.growth}],
        lineAxisTitle: "名义增速（%）",
        lineLabelFormat: ".2f",
        forecastField: "forecast",
        height: several ? PANEL_HEIGHT : FORECAST_CHART_HEIGHT
      });
      const last = va[va.length - 1]!;
      const {max: fastest} = extremes(growth, (p) => p.value);
      return {
        section,
        spec,
        table: {
          columns: [
            {field: "year", title: "年份"},
            {field: `va_${entity}`, title: `${section.nameZh}增加值（亿元）`},
            {field: `growth_${entity}`, title: `${section.nameZh}名义增速（%）`}
          ],
          rows: va.map((p) => ({
            year: p.label,
            [`va_${entity}`]: p.value,
            [`growth_${entity}`]: growthByYear.get(p.year)?.value ?? null
          }))
        },
        records: [...va.map((p) => p.id), ...growth.map((p) => p.id)],
        summary:
          `${section.nameZh}增加值${yearText(last)}为${formatValue(last.value, "亿元")}，` +
          `名义增速最高为${yearText(fastest)}的${formatValue(fastest.value, "%")}`
      };
    });
    return {
      panels: panels.map((p, i) =>
        several ? {label: panelLetter(i), title: p.section.nameZh, spec: p.spec} : {spec: p.spec}
      ),
      table: joinTables(
        panels.map((p) => p.table),
        "year"
      ),
      summary: `${panels.map((p) => p.summary).join("；")}。`,
      records: panels.flatMap((p) => p.records)
    };
  }
};
