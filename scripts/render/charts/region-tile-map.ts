/**
 * @fileoverview The edition's key regions (config "regions") on the tile-grid map: each member province's tile in
 * its region's colour, the others grey, every tile labelled with the province's name. With `params.metric` the
 * legend also gives each region's value in `params.year` (default the last data year), e.g. its value added, as the
 * data table prints it, and lists the regions from the highest value down (the ranking the text gives) — the
 * papers' "示意图" of the economic circles, drawn from the figures instead of a base map. A region keeps its colour
 * (config order) whatever its rank.
 */
import {z} from "zod";
import {BuildError} from "../../lib/errors.ts";
import {regionEntities} from "./entities.ts";
import {metricDisplay} from "./metrics.ts";
import {chartParams, metricParam, shownYear, yearParam} from "./params.ts";
import {entityValues, type EntityPoint} from "./series.ts";
import {extremesPhrase, shown} from "./summaries.ts";
import {COLORS, REGION_PALETTE} from "./theme.ts";
import {tileCells, tileMapSpec} from "./tile-grid.ts";
import type {ChartModule} from "./types.ts";
import {entityHref, HREF_FIELD, linkName} from "./marks.ts";

const Params = z.strictObject({metric: metricParam.optional(), year: yearParam.optional()});

const OUTSIDE = "其他省份";

/**
 * The order of the regions in the legend and the data table: by value, highest first (ties, and regions without a
 * value, keep their config order); config order when no metric is shown.
 */
export function legendOrder(values: readonly number[] | undefined, count: number): number[] {
  const order = Array.from({length: count}, (_, i) => i);
  if (!values) return order;
  return order.sort((a, b) => (values[b] ?? -Infinity) - (values[a] ?? -Infinity) || a - b);
}

export const regionTileMap: ChartModule = {
  id: "region-tile-map",
  describe: "the edition's key regions on the tile-grid map, optionally with each region's value in the legend",
  build(input) {
    const params = chartParams(input, Params);
    const regions = regionEntities(input.context, input.where);
    if (regions.length > REGION_PALETTE.length)
      throw new BuildError(
        `${input.where}: ${regions.length} regions, but the region palette has ${REGION_PALETTE.length} colours`
      );
    const cells = tileCells(input.context.reference.provinces, input.where);
    const year = params.metric ? shownYear(input, params.year) : undefined;
    const display = params.metric ? metricDisplay(input, params.metric, "region") : undefined;
    const points: EntityPoint[] | undefined =
      params.metric && year !== undefined
        ? entityValues(
            input,
            params.metric,
            "region",
            regions.map((r) => ({id: r.id, name: r.nameZh})),
            year
          )
        : undefined;
    const legendLabel = regions.map((r, i) =>
      display && points ? `${r.nameZh}  ${shown(display, points[i]!.value)}` : r.nameZh
    );
    const order = legendOrder(
      points?.map((p) => p.value),
      regions.length
    );
    const regionOf = new Map<string, number>();
    for (const [i, region] of regions.entries())
      for (const province of region.provinces) {
        const other = regionOf.get(province);
        if (other !== undefined)
          throw new BuildError(
            `${input.where}: province "${province}" belongs to both ${regions[other]!.id} and ${region.id}`
          );
        if (!cells.some((c) => c.province.id === province))
          throw new BuildError(`${input.where}: region ${region.id} names unknown province "${province}"`);
        regionOf.set(province, i);
      }
    const tiles = cells.map((cell) => {
      const index = regionOf.get(cell.province.id);
      return {
        row: cell.row,
        col: cell.col,
        name: cell.province.nameZh,
        region: index === undefined ? OUTSIDE : legendLabel[index]!,
        member: index !== undefined,
        // On the site, each tile links to its province's page (marks.ts).
        _name: linkName(
          index === undefined ? cell.province.nameZh : `${cell.province.nameZh}（${regions[index]!.nameZh}）`
        ),
        [HREF_FIELD]: entityHref("province", cell.province.id)
      };
    });
    const hasOutside = tiles.some((t) => !t.member);
    const spec = tileMapSpec({
      tiles,
      fill: {
        field: "region",
        type: "nominal",
        scale: {
          domain: [...order.map((i) => legendLabel[i]!), ...(hasOutside ? [OUTSIDE] : [])],
          range: [...order.map((i) => REGION_PALETTE[i]!), ...(hasOutside ? [COLORS.empty] : [])]
        },
        legend: {
          title: display && year !== undefined ? `${year}年${display.title}` : "重点区域",
          orient: "right",
          direction: "vertical",
          symbolType: "square",
          symbolSize: 160,
          labelFontSize: 11,
          rowPadding: 6
        }
      },
      labels: [{field: "name", fontSize: 11}],
      darkTile: "datum.member",
      description: "_name"
    });
    const provinceName = new Map(cells.map((c) => [c.province.id, c.province.nameZh]));
    const membership = regions
      .map((r) => `${r.nameZh}（${r.provinces.map((p) => provinceName.get(p)).join("、")}）`)
      .join("，");
    return {
      panels: [{spec}],
      table: {
        columns: [
          {field: "region", title: "区域"},
          {field: "provinces", title: "包括省份"},
          ...(display ? [{field: "value", title: display.tableTitle}] : [])
        ],
        rows: order.map((i) => ({
          region: regions[i]!.nameZh,
          provinces: regions[i]!.provinces.map((p) => provinceName.get(p) ?? p).join("、"),
          ...(points ? {value: points[i]!.value} : {})
        }))
      },
      summary:
        `图中标出${regions.length}个重点区域：${membership}` +
        (display && points && year !== undefined
          ? `；${year}年各区域工业互联网${extremesPhrase(display, points)}。`
          : "。"),
      records: points ? points.map((p) => p.id) : [],
      // The membership is the edition config's (data/editions/<year>.json "regions"), not a statistic.
      sources: ["区域范围为本报告整理"]
    };
  }
};
