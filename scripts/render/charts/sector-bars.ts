/**
 * @fileoverview A metric of the 19 sections (行业门类) in one year as horizontal bars, largest on top. With
 * `params.threshold` (in the metric's canonical unit, e.g. 1000 亿元) the sections at or above it are drawn dark and
 * the others light, with a dotted rule at the threshold: the paper's figure shows only the sections above 1000 亿元,
 * but all 19 with the line make the cut-off and what lies below it visible. `params.year` defaults to the last data
 * year.
 */
import {z} from "zod";
import {formatValue} from "../format.ts";
import {entityBarsSpec} from "./entity-bars.ts";
import {sectionEntities} from "./entities.ts";
import {markFields} from "./marks.ts";
import {metricDisplay} from "./metrics.ts";
import {chartParams, metricParam, shownYear, yearParam} from "./params.ts";
import {entityValues} from "./series.ts";
import {extremesPhrase} from "./summaries.ts";
import {COLORS} from "./theme.ts";
import type {ChartModule} from "./types.ts";

const Params = z.strictObject({
  metric: metricParam.default("iiot_value_added"),
  year: yearParam.optional(),
  threshold: z.number().positive().optional()
});

/** Section names run to 15 characters (信息传输、软件和信息技术服务业): rows a little taller than provinces'. */
const SECTION_ROW_HEIGHT = 20;

export const sectorBars: ChartModule = {
  id: "sector-bars",
  describe: "a metric of the 19 sections in one year as sorted horizontal bars, optionally split at a threshold",
  build(input) {
    const params = chartParams(input, Params);
    const year = shownYear(input, params.year);
    const sections = sectionEntities(input.context, input.where);
    const display = metricDisplay(input, params.metric, "sector");
    const points = entityValues(input, params.metric, "sector", sections, year);
    const rows = points.map((p) => ({
      name: p.name,
      value: display.toDisplay(p.value),
      ...markFields(input.context, [{field: "value", id: p.id, label: display.label}], {scope: "sector", id: p.entity})
    }));
    const threshold = params.threshold;
    const spec = entityBarsSpec({
      rows,
      name: "name",
      rowHeight: SECTION_ROW_HEIGHT,
      panels: [
        {
          display,
          field: "value",
          color: COLORS.total,
          weight: 1,
          ...(threshold !== undefined
            ? {
                threshold: {
                  value: display.toDisplay(threshold),
                  label: formatValue(threshold, display.unit, {decimals: Number.isInteger(threshold) ? 0 : 2})
                }
              }
            : {})
        }
      ]
    });
    const above = threshold !== undefined ? points.filter((p) => p.value >= threshold) : [];
    return {
      panels: [{spec}],
      table: {
        columns: [
          {field: "section", title: "行业"},
          {field: "value", title: display.tableTitle}
        ],
        rows: [...points].sort((a, b) => b.value - a.value).map((p) => ({section: p.name, value: p.value}))
      },
      summary:
        `${year}年各行业中工业互联网带动的${extremesPhrase(display, points)}` +
        (threshold !== undefined
          ? `；${above.length}个行业达到${formatValue(threshold, display.unit, {decimals: Number.isInteger(threshold) ? 0 : 2})}以上。`
          : "。"),
      records: points.map((p) => p.id)
    };
  }
};
