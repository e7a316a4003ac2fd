/**
 * @fileoverview An observed indicator through the year (the 2020 work-resumption rate): the national series as a
 * line over its observation dates, and, with `params.sectors` (default on), each section's observations as grey
 * dots, which show how far the sections were spread around the national rate. Observation periods such as
 * "2020-02-mid" (中旬) are placed at the middle of their ten days, so the time axis keeps true distances.
 */
import {z} from "zod";
import {sectionByEntity} from "./entities.ts";
import {BuildError} from "../../lib/errors.ts";
import {recordsOf} from "../context.ts";
import {formatValue} from "../format.ts";
import {metricDisplay} from "./metrics.ts";
import {chartParams, metricParam} from "./params.ts";
import {extremes} from "./series.ts";
import {COLORS, CHART_HEIGHT, CHART_WIDTH} from "./theme.ts";
import type {ChartModule} from "./types.ts";
import {topLevel} from "./vl.ts";
import {recordId, type FigureRecord} from "../../model/records.ts";

const Params = z.strictObject({
  metric: metricParam.default("work_resumption_rate"),
  entity: z.string().default("china"),
  sectors: z.boolean().default(true)
});

/** Day of the month at the middle of 上旬, 中旬, 下旬 and 中下旬. */
const TEN_DAY_MIDDLE: Record<string, {day: number; label: string}> = {
  early: {day: 5, label: "上旬"},
  mid: {day: 15, label: "中旬"},
  late: {day: 25, label: "下旬"},
  "mid/late": {day: 20, label: "中下旬"}
};

export interface Observation {
  /** ISO date the observation is drawn at. */
  date: string;
  /** The period as printed: 2月中旬, 5月31日. */
  label: string;
}

/** Where an observation period falls: "2020-05-31" → that day; "2020-02-mid" → 15 Feb, 2月中旬. */
export function observationDate(period: string, where: string): Observation {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(period);
  if (day) return {date: period, label: `${Number(day[2])}月${Number(day[3])}日`};
  const tenDays = /^(\d{4})-(\d{2})-(early|mid|late|mid\/late)$/.exec(period);
  if (tenDays) {
    const middle = TEN_DAY_MIDDLE[tenDays[3]!]!;
    return {date: `${tenDays[1]}-${tenDays[2]}-${String(middle.day).padStart(2, "0")}`, label: `${Number(tenDays[2])}月${middle.label}`};
  }
  throw new BuildError(`${where}: observation period "${period}" is not a date (YYYY-MM-DD) or a ten-day period (YYYY-MM-early|mid|late)`);
}

function observations(records: FigureRecord[], where: string) {
  return records
    .filter((r) => r.period !== undefined && Number.isFinite(r.value))
    .map((r) => ({record: r, id: recordId(r), ...observationDate(r.period!, where)}))
    .sort((a, b) => a.date.localeCompare(b.date));
}

export const workResumption: ChartModule = {
  id: "work-resumption",
  describe: "an observed national indicator over dates of one year (line), with the sections' observations (dots)",
  build(input) {
    const params = chartParams(input, Params);
    const display = metricDisplay(input, params.metric, "national");
    const national = observations(recordsOf(input.context, params.metric, "national", {entity: params.entity}), input.where);
    if (national.length === 0) throw new BuildError(`${input.where}: the figures have no dated "${params.metric}" records for ${params.entity}`);
    const sectors = params.sectors ? observations(recordsOf(input.context, params.metric, "sector"), input.where) : [];
    const nationalLabel = `全国（${display.label}）`;
    const sectorLabel = `各行业（${display.label}）`;
    const rows = [
      ...national.map((o) => ({date: o.date, value: o.record.value, series: nationalLabel})),
      ...sectors.map((o) => ({date: o.date, value: o.record.value, series: sectorLabel}))
    ];
    // Dates are calendar days: UTC throughout, so the machine's time zone cannot shift a point to the previous day.
    const dates = rows.map((r) => Date.parse(`${r.date}T00:00:00Z`));
    // A margin of a tenth of the span on each side, so the first and last points and their labels are not clipped.
    const margin = (Math.max(...dates) - Math.min(...dates)) / 10;
    const domain = [Math.min(...dates) - margin, Math.max(...dates) + margin].map((t) => {
      const d = new Date(t);
      return {year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, date: d.getUTCDate(), utc: true};
    });
    const x = {
      field: "date",
      type: "temporal",
      timeUnit: "utcyearmonthdate",
      title: null,
      scale: {domain},
      axis: {format: "%-m月", tickCount: {interval: "month", step: 1}, grid: false}
    };
    const y = {field: "value", type: "quantitative", scale: {zero: true, nice: true}, axis: {title: display.title, titleAngle: 0, titleAlign: "left", titleBaseline: "bottom", titleX: -36, titleY: -10}};
    const color = {field: "series", type: "nominal", scale: {domain: [nationalLabel, ...(sectors.length > 0 ? [sectorLabel] : [])], range: [COLORS.total, COLORS.comparison]}, legend: {title: null, symbolOpacity: 1}};
    const spec = topLevel({
      width: CHART_WIDTH,
      height: CHART_HEIGHT,
      data: {values: rows},
      layer: [
        {transform: [{filter: `datum.series === '${sectorLabel}'`}], mark: {type: "point", filled: true, size: 30, opacity: 0.55}, encoding: {x, y, color}},
        {transform: [{filter: `datum.series === '${nationalLabel}'`}], mark: {type: "line", point: true}, encoding: {x, y, color}},
        {
          transform: [{filter: `datum.series === '${nationalLabel}'`}],
          mark: {type: "text", dy: -10, baseline: "bottom", fontSize: 10, color: COLORS.total},
          encoding: {x, y, text: {field: "value", type: "quantitative", format: display.format}}
        }
      ]
    });
    const first = national[0]!;
    const last = national[national.length - 1]!;
    const spread = sectors.length > 0 ? extremes(sectors, (o) => o.record.value) : undefined;
    return {
      panels: [{spec}],
      table: {
        columns: [
          {field: "scope", title: "范围"},
          {field: "period", title: "时间"},
          {field: "value", title: display.tableTitle}
        ],
        // Observed sector records carry no Chinese name of their own: the section list gives it (never an id).
        rows: [...national, ...sectors].map((o) => ({
          scope:
            o.record.entityZh ||
            (o.record.scope === "national" ? "全国" : sectionByEntity(input.context, o.record.entity, input.where).nameZh),
          period: o.label,
          value: o.record.value
        }))
      },
      summary:
        `全国${display.label}从${first.label}的${formatValue(first.record.value, "%")}${last.record.value >= first.record.value ? "升至" : "降至"}` +
        `${last.label}的${formatValue(last.record.value, "%")}` +
        (spread ? `；各行业观测值在${formatValue(spread.min.record.value, "%")}至${formatValue(spread.max.record.value, "%")}之间。` : "。"),
      records: [...national, ...sectors].map((o) => o.id)
    };
  }
};
