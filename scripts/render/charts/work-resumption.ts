/**
 * @fileoverview An observed indicator through the year (the 2020 work-resumption rate): (a) the national series
 * as a labelled line over its observation dates, and, with `params.sectors` (default on), (b) each section's
 * observations on a named row, coloured by date, which shows how far the sections were spread and which led.
 * Observation periods such as "2020-02-mid" (中旬) are placed at the middle of their ten days, so the time axis
 * keeps true distances.
 */
import {z} from "zod";
import {sectionByEntity} from "./entities.ts";
import {BuildError} from "../../lib/errors.ts";
import {recordsOf} from "../context.ts";
import {formatValue} from "../format.ts";
import {chartParams, metricParam} from "./params.ts";
import {extremes} from "./series.ts";
import type {TopLevelSpec} from "vega-lite";
import {LEFT_AXIS_TITLE} from "./dual-axis.ts";
import {metricDisplay, type MetricDisplay} from "./metrics.ts";
import {panelLetter} from "./tables.ts";
import {COLORS, CHART_HEIGHT, CHART_WIDTH, PANEL_HEIGHT, PROVINCE_ROW_HEIGHT, REGION_PALETTE} from "./theme.ts";
import type {ChartModule, Panel} from "./types.ts";
import {topLevel} from "./vl.ts";
import {recordId, type FigureRecord} from "../../model/records/records.ts";
import {bandTicks, tickAxis} from "./ticks.ts";
import {entityHref, HREF_FIELD, hrefEncoding, recordTip, tipEncoding, tipField} from "./marks.ts";

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
    return {
      date: `${tenDays[1]}-${tenDays[2]}-${String(middle.day).padStart(2, "0")}`,
      label: `${Number(tenDays[2])}月${middle.label}`
    };
  }
  throw new BuildError(
    `${where}: observation period "${period}" is not a date (YYYY-MM-DD) or a ten-day period (YYYY-MM-early|mid|late)`
  );
}

function observations(records: FigureRecord[], where: string) {
  return records
    .filter((r) => r.period !== undefined && Number.isFinite(r.value))
    .map((r) => ({record: r, id: recordId(r), ...observationDate(r.period!, where)}))
    .sort((a, b) => a.date.localeCompare(b.date));
}

type Observed = ReturnType<typeof observations>[number];

/** The national series over its dates: a line with every point labelled above it. */
function nationalSpec(
  national: Observed[],
  display: MetricDisplay,
  height: number,
  tip: (o: Observed) => string
): TopLevelSpec {
  const rows = national.map((o) => ({date: o.date, value: o.record.value, [tipField("value")]: tip(o)}));
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
  const y = {
    field: "value",
    type: "quantitative",
    scale: {zero: true, nice: true},
    axis: {title: display.title, ...LEFT_AXIS_TITLE}
  };
  return topLevel({
    width: CHART_WIDTH,
    height,
    data: {values: rows},
    layer: [
      {mark: {type: "line", point: true, color: COLORS.total}, encoding: {x, y}},
      // The site's hover targets (marks.ts): a point over each drawn one, invisible, carrying its tip (the line's
      // own points are drawn with the line, which a tip cannot tell apart).
      {
        mark: {type: "point", filled: true, size: 120, opacity: 0},
        encoding: {x, y, ...tipEncoding(tipField("value"))}
      },
      {
        mark: {type: "text", dy: -10, baseline: "bottom", fontSize: 10, color: COLORS.total},
        encoding: {x, y, text: {field: "value", type: "quantitative", format: display.format}}
      }
    ]
  });
}

/**
 * Each section's observations as dots on its own row (named), coloured by observation date and joined by a thin
 * rule from the lowest to the highest: grey dots around the national line could not say which section is which,
 * and sat on the national line's labels. Rows are sorted by the section's latest observation.
 */
function sectorDotsSpec(
  sectors: Observed[],
  display: MetricDisplay,
  shortName: (entity: string) => string,
  tip: (o: Observed) => string
): TopLevelSpec {
  const rows = sectors.map((o) => ({
    [tipField("value")]: tip(o),
    [HREF_FIELD]: entityHref("sector", o.record.entity),
    name: shortName(o.record.entity),
    date: o.date,
    period: o.label,
    value: o.record.value
  }));
  const latest = new Map<string, {date: string; value: number}>();
  for (const r of rows) if ((latest.get(r.name)?.date ?? "") <= r.date) latest.set(r.name, r);
  const order = [...latest].sort((a, b) => b[1].value - a[1].value).map(([name]) => name);
  const periods = [
    ...new Map([...rows].sort((a, b) => a.date.localeCompare(b.date)).map((r) => [r.period, r.date])).keys()
  ];
  const y = {
    field: "name",
    type: "nominal",
    sort: order,
    title: null,
    axis: {ticks: false, domain: false, labelPadding: 6, labelFontSize: 11}
  };
  // Padded, so that dots at the ends of the range are not cut by the plot's edge; ticks only over the values (a
  // rate axis that reads 105 % would be wrong).
  const values = rows.map((r) => r.value);
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const pad = (hi - lo) * 0.04 || 1;
  const domain: [number, number] = [lo - pad, hi + pad];
  const x = {
    field: "value",
    type: "quantitative",
    scale: {domain, nice: false},
    axis: {title: display.title, grid: true, ...tickAxis(bandTicks(lo, hi, 8, domain))}
  };
  return topLevel({
    width: CHART_WIDTH,
    height: {step: PROVINCE_ROW_HEIGHT},
    data: {values: rows},
    layer: [
      {
        transform: [
          {
            aggregate: [
              {op: "min", field: "value", as: "low"},
              {op: "max", field: "value", as: "high"}
            ],
            groupby: ["name"]
          }
        ],
        mark: {type: "rule", color: "#cccccc", strokeWidth: 2},
        encoding: {y, x: {...x, field: "low"}, x2: {field: "high"}}
      },
      {
        mark: {type: "point", filled: true, size: 55, opacity: 1},
        encoding: {
          y,
          x,
          color: {
            field: "period",
            type: "ordinal",
            sort: periods,
            scale: {domain: periods, range: REGION_PALETTE.slice(0, periods.length)},
            legend: {title: "观测时间"}
          },
          ...tipEncoding(tipField("value")),
          ...hrefEncoding(rows)
        }
      }
    ]
  });
}

export const workResumption: ChartModule = {
  id: "work-resumption",
  describe: "an observed national indicator over dates of one year (line), with the sections' observations (dots)",
  build(input) {
    const params = chartParams(input, Params);
    const display = metricDisplay(input, params.metric, "national");
    const national = observations(
      recordsOf(input.context, params.metric, "national", {entity: params.entity}),
      input.where
    );
    if (national.length === 0)
      throw new BuildError(`${input.where}: the figures have no dated "${params.metric}" records for ${params.entity}`);
    const sectors = params.sectors ? observations(recordsOf(input.context, params.metric, "sector"), input.where) : [];
    const tip = (o: Observed): string => recordTip(input.context, o.id, display.label);
    const panels: Panel[] = [
      {spec: nationalSpec(national, display, sectors.length > 0 ? PANEL_HEIGHT : CHART_HEIGHT, tip)}
    ];
    if (sectors.length > 0)
      panels.push({
        spec: sectorDotsSpec(
          sectors,
          display,
          (entity) => sectionByEntity(input.context, entity, input.where).shortZh,
          tip
        )
      });
    const first = national[0]!;
    const last = national[national.length - 1]!;
    const spread = sectors.length > 0 ? extremes(sectors, (o) => o.record.value) : undefined;
    return {
      panels:
        sectors.length > 0
          ? panels.map((panel, i) => ({label: panelLetter(i), title: i === 0 ? "全国" : "各行业", ...panel}))
          : panels,
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
            (o.record.scope === "national"
              ? "全国"
              : sectionByEntity(input.context, o.record.entity, input.where).nameZh),
          period: o.label,
          value: o.record.value
        }))
      },
      summary:
        `全国${display.label}从${first.label}的${formatValue(first.record.value, "%")}${last.record.value >= first.record.value ? "升至" : "降至"}` +
        `${last.label}的${formatValue(last.record.value, "%")}` +
        (spread
          ? `；各行业观测值在${formatValue(spread.min.record.value, "%")}至${formatValue(spread.max.record.value, "%")}之间。`
          : "。"),
      records: [...national, ...sectors].map((o) => o.id)
    };
  }
};
