/**
 * @fileoverview The direct industries' segments (网络, 平台, 数据, 安全 — whatever segments the figures hold) in one
 * year: a donut of their value added, each slice labelled with its name, value and share of the direct total, and
 * the direct total in the centre. A donut because the figure is about parts of one whole (the shares are quoted);
 * with four parts the slices stay comparable. `params.year` defaults to the last data year.
 */
import {z} from "zod";
import {formatValue} from "../format.ts";
import {segmentEntities} from "./entities.ts";
import {chartParams, shownYear, yearParam} from "./params.ts";
import {entityValues, extremes, recordValue} from "./series.ts";
import {COLORS, REGION_PALETTE} from "./theme.ts";
import type {ChartModule} from "./types.ts";
import {topLevel} from "./vl.ts";
import {markFields, tipEncoding, tipField} from "./marks.ts";

const Params = z.strictObject({year: yearParam.optional()});

const SEGMENT_COLORS: Record<string, string> = {
  network: COLORS.network,
  platform: COLORS.platform,
  data: COLORS.data,
  security: COLORS.security
};

const OUTER_RADIUS = 118;
const INNER_RADIUS = 68;
const LABEL_RADIUS = 152;

export const segmentsShare: ChartModule = {
  id: "segments-share",
  describe: "value added of the direct segments in one year as a donut, with shares and the direct total",
  build(input) {
    const params = chartParams(input, Params);
    const year = shownYear(input, params.year);
    const segments = segmentEntities(input.context, "iiot_value_added_direct", year, input.where);
    const values = entityValues(input, "iiot_value_added_direct", "direct_segment", segments, year);
    const shares = entityValues(input, "segment_share_of_direct", "direct_segment", segments, year);
    const total = recordValue(input, "iiot_value_added_direct", "national", "china", year);
    const order = values.map((v, i) => ({v, i})).sort((a, b) => b.v.value - a.v.value);
    const rows = order.map(({v, i}, rank) => ({
      name: v.name,
      value: v.value,
      rank,
      label: `${v.name}\n${formatValue(v.value, "亿元")}\n${formatValue(shares[i]!.value, "%")}`,
      ...markFields(input.context, [{field: "value", id: v.id, label: "增加值"}])
    }));
    const colors = order.map(({v}, k) => SEGMENT_COLORS[v.entity] ?? REGION_PALETTE[k % REGION_PALETTE.length]!);
    const theta = {field: "value", type: "quantitative", stack: true};
    const sliceOrder = {field: "rank", type: "quantitative"};
    const spec = topLevel({
      width: 2 * LABEL_RADIUS + 120,
      height: 2 * LABEL_RADIUS + 40,
      data: {values: rows},
      layer: [
        {
          mark: {type: "arc", innerRadius: INNER_RADIUS, outerRadius: OUTER_RADIUS, stroke: "#ffffff", strokeWidth: 2},
          encoding: {
            theta,
            order: sliceOrder,
            color: {
              field: "name",
              type: "nominal",
              scale: {domain: rows.map((r) => r.name), range: colors},
              legend: null
            },
            ...tipEncoding(tipField("value"))
          }
        },
        {
          mark: {type: "text", radius: LABEL_RADIUS, fontSize: 11, lineBreak: "\n", lineHeight: 14},
          encoding: {theta, order: sliceOrder, text: {field: "label", type: "nominal"}}
        },
        {
          data: {values: [{}]},
          mark: {type: "text", fontSize: 12, lineBreak: "\n", lineHeight: 17, color: "#333333"},
          encoding: {text: {value: `直接产业\n${formatValue(total.value, "万亿元")}`}}
        }
      ]
    });
    const {max, min} = extremes(values, (v) => v.value);
    const shareOf = (p: (typeof values)[number]) => shares[values.indexOf(p)]!.value;
    return {
      panels: [{spec}],
      table: {
        columns: [
          {field: "segment", title: "细分领域"},
          {field: "value", title: "增加值（亿元）"},
          {field: "share", title: "占直接产业比重（%）"}
        ],
        rows: order.map(({v, i}) => ({segment: v.name, value: v.value, share: shares[i]!.value}))
      },
      summary:
        `${year}年直接产业增加值${formatValue(total.value, "万亿元")}，其中${max.name}最多（${formatValue(max.value, "亿元")}，` +
        `占${formatValue(shareOf(max), "%")}），${min.name}最少（${formatValue(min.value, "亿元")}，占${formatValue(shareOf(min), "%")}）。`,
      records: [...values.map((v) => v.id), ...shares.map((s) => s.id), total.id]
    };
  }
};
