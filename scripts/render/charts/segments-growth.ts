/**
 * @fileoverview Nominal growth of the direct segments, one group of columns per segment with one column per year
 * (`params.years`, default the last two data years, since the papers compare the last year with the one before),
 * sorted by the last year's growth; the older year lighter.
 */
import {z} from "zod";
import {yearLabel} from "../context.ts";
import {dualAxisSpec, type Series} from "./dual-axis.ts";
import {segmentEntities} from "./entities.ts";
import {metricDisplay} from "./metrics.ts";
import {chartParams, shownYear, yearParam} from "./params.ts";
import {entityValues} from "./series.ts";
import {extremesPhrase} from "./summaries.ts";
import {COLORS} from "./theme.ts";
import type {ChartModule} from "./types.ts";
import {markFields} from "./marks.ts";

const Params = z.strictObject({years: z.array(yearParam).min(1).max(3).optional()});

const YEAR_COLORS = [COLORS.muted, COLORS.direct, COLORS.total];

export const segmentsGrowth: ChartModule = {
  id: "segments-growth",
  describe: "nominal growth of the direct segments, grouped columns by year, sorted by the last year",
  build(input) {
    const params = chartParams(input, Params);
    const {config} = input.context;
    const last = config.dataYears[1];
    const years = (params.years ?? [last - 1, last]).map((y) => shownYear(input, y)).sort((a, b) => a - b);
    const metric = "nominal_growth_direct";
    const lastYear = years[years.length - 1]!;
    const segments = segmentEntities(input.context, metric, lastYear, input.where);
    const display = metricDisplay(input, metric, "direct_segment", {label: "名义增速"});
    const byYear = years.map((year) => ({year, points: entityValues(input, metric, "direct_segment", segments, year)}));
    const current = byYear[byYear.length - 1]!.points;
    const order = current
      .map((p, i) => ({p, i}))
      .sort((a, b) => b.p.value - a.p.value)
      .map(({i}) => i);
    const rows = order.map((i) => ({
      name: segments[i]!.name,
      ...Object.fromEntries(byYear.map((y) => [`y${y.year}`, y.points[i]!.value])),
      ...markFields(
        input.context,
        byYear.map((y) => ({field: `y${y.year}`, id: y.points[i]!.id, label: display.label}))
      )
    }));
    const offset = YEAR_COLORS.length - years.length;
    const bars: Series[] = byYear.map((y, k) => ({
      field: `y${y.year}`,
      label: `${yearLabel(config, y.year)}年`,
      color: YEAR_COLORS[offset + k]!
    }));
    const spec = dualAxisSpec({
      rows,
      x: "name",
      bars,
      barMode: "group",
      barAxisTitle: display.title,
      barLabelFormat: display.format,
      lines: []
    });
    return {
      panels: [{spec}],
      table: {
        columns: [
          {field: "segment", title: "细分领域"},
          ...byYear.map((y) => ({field: `y${y.year}`, title: `${yearLabel(config, y.year)}年名义增速（%）`}))
        ],
        rows: order.map((i) => ({
          segment: segments[i]!.name,
          ...Object.fromEntries(byYear.map((y) => [`y${y.year}`, y.points[i]!.value]))
        }))
      },
      summary: `${lastYear}年直接产业各细分领域${extremesPhrase(display, current)}。`,
      records: byYear.flatMap((y) => y.points.map((p) => p.id))
    };
  }
};
