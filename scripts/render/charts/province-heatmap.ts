/**
 * @fileoverview One metric of the 31 provinces over several years as a heat table: a row per province (sorted by
 * the last year, in two blocks side by side so that the table spans the print width), a column per year, each cell
 * coloured by its value and labelled with it. A heat table rather than 31 × 4 grouped columns, which cannot be
 * read; a dip common to all provinces (2020) shows as a pale column. The scale is diverging around zero when any value is negative. Years: `params.fromYear` (default the first year of
 * the metric) through `params.toYear` (default the last data year).
 */
import {z} from "zod";
import {BuildError} from "../../lib/errors.ts";
import {yearLabel} from "../context.ts";
import {provinceEntities} from "./entities.ts";
import {metricDisplay} from "./metrics.ts";
import {chartParams, metricParam, shownYear, yearParam} from "./params.ts";
import {entityValues, yearText, type EntityPoint} from "./series.ts";
import {extremesPhrase} from "./summaries.ts";
import {measureText} from "./text-width.ts";
import {PRINT_TEXT_WIDTH_PX, PROVINCE_ROW_HEIGHT, SEQUENTIAL_SCHEME} from "./theme.ts";
import type {ChartModule} from "./types.ts";
import {topLevel} from "./vl.ts";
import {hrefEncoding, markFields, tipEncoding, tipField} from "./marks.ts";

const Params = z.strictObject({metric: metricParam, fromYear: yearParam.optional(), toYear: yearParam.optional()});

/** Province names: 11 px, 6 px from the cells. */
const NAME_FONT_PX = 11;
const NAME_PADDING_PX = 6;
/** Vega's padding around the chart (theme), on each side. */
const CHART_PADDING_PX = 8;
const BLOCK_SPACING = 24;
/** Cells wider than this would look like bars, with few years. */
const MAX_CELL_WIDTH = 96;

export const provinceHeatmap: ChartModule = {
  id: "province-heatmap",
  describe: "one metric of the 31 provinces over several years as a coloured table, sorted by the last year",
  build(input) {
    const params = chartParams(input, Params);
    const {config} = input.context;
    const to = shownYear(input, params.toYear);
    const metricYears = new Set(
      input.context.figures.records
        .filter((r) => r.metric === params.metric && r.scope === "province")
        .map((r) => r.year)
    );
    const from = shownYear(input, params.fromYear ?? Math.min(...[...metricYears].filter((y) => y >= config.baseYear)));
    if (from > to) throw new BuildError(`${input.where}: params.fromYear ${from} is after the last year shown ${to}`);
    const provinces = provinceEntities(input.context, input.where);
    const display = metricDisplay(input, params.metric, "province");
    const years: {year: number; label: string; forecast: boolean; points: EntityPoint[]}[] = [];
    for (let year = from; year <= to; year++)
      years.push({
        year,
        label: yearLabel(config, year),
        forecast: year === config.forecastYear,
        points: entityValues(input, params.metric, "province", provinces, year)
      });
    const last = years[years.length - 1]!;
    const order = [...last.points].sort((a, b) => b.value - a.value).map((p) => p.name);
    const cells = years.flatMap((y) =>
      y.points.map((p) => ({
        name: p.name,
        year: y.label,
        value: display.toDisplay(p.value),
        ...markFields(input.context, [{field: "value", id: p.id, label: display.label}], {
          scope: "province",
          id: p.entity
        })
      }))
    );
    const values = cells.map((c) => c.value);
    const min = Math.min(...values);
    const max = Math.max(...values);
    const diverging = min < 0;
    const extent = Math.max(Math.abs(min), Math.abs(max));
    // Labels turn white on the darkest third of the scale.
    const darkFrom = diverging ? extent * 0.6 : min + (max - min) * 0.62;
    const colorScale = diverging
      ? {scheme: "redblue", domain: [-extent, 0, extent]}
      : {scheme: SEQUENTIAL_SCHEME, domain: [min, max]};
    const x = {
      field: "year",
      type: "ordinal",
      sort: years.map((y) => y.label),
      title: null,
      axis: {orient: "top", labelAngle: 0, ticks: false, domain: false}
    };
    // Two blocks side by side (ranks 1–16, then 17–31): one column of 31 rows would print at half the text width.
    const half = Math.ceil(order.length / 2);
    const blocks = [order.slice(0, half), order.slice(half)];
    const names = Math.max(...order.map((name) => measureText(name, NAME_FONT_PX))) + NAME_PADDING_PX;
    const cell = Math.min(
      MAX_CELL_WIDTH,
      Math.floor((PRINT_TEXT_WIDTH_PX - 2 * CHART_PADDING_PX - 2 * names - BLOCK_SPACING) / (2 * years.length))
    );
    const block = (rows: string[]) => {
      const y = {
        field: "name",
        type: "nominal",
        sort: rows,
        title: null,
        axis: {ticks: false, domain: false, labelPadding: NAME_PADDING_PX, labelFontSize: NAME_FONT_PX}
      };
      return {
        width: {step: cell},
        height: {step: PROVINCE_ROW_HEIGHT + 2},
        transform: [{filter: {field: "name", oneOf: rows}}],
        layer: [
          {
            mark: {type: "rect", stroke: "#ffffff", strokeWidth: 1},
            encoding: {
              x,
              y,
              color: {
                field: "value",
                type: "quantitative",
                scale: colorScale,
                legend: {
                  title: display.title,
                  orient: "bottom",
                  direction: "horizontal",
                  gradientLength: 260,
                  titleOrient: "left",
                  titleBaseline: "middle"
                }
              },
              ...tipEncoding(tipField("value")),
              ...hrefEncoding(cells)
            }
          },
          {
            mark: {type: "text", fontSize: 9.5},
            encoding: {
              x,
              y,
              text: {field: "value", type: "quantitative", format: display.format},
              color: {
                condition: {
                  test: diverging ? `abs(datum.value) >= ${darkFrom}` : `datum.value >= ${darkFrom}`,
                  value: "#ffffff"
                },
                value: "#222222"
              }
            }
          }
        ]
      };
    };
    const spec = topLevel({
      data: {values: cells},
      spacing: BLOCK_SPACING,
      resolve: {scale: {color: "shared"}},
      hconcat: blocks.map(block)
    });
    return {
      panels: [{spec}],
      table: {
        columns: [
          {field: "province", title: "省份"},
          ...years.map((y) => ({field: `y${y.year}`, title: `${yearText(y)}${display.tableTitle}`}))
        ],
        rows: provinces.map((p, i) => ({
          province: p.name,
          ...Object.fromEntries(years.map((y) => [`y${y.year}`, y.points[i]!.value]))
        }))
      },
      summary: `${years[0]!.year}—${yearText(last)}各省份工业互联网${display.label}：${yearText(last)}${extremesPhrase(display, last.points)}。`,
      records: years.flatMap((y) => y.points.map((p) => p.id))
    };
  }
};
