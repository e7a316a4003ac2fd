/**
 * @fileoverview Tile-grid maps: one equal square per province at its `grid {row, col}` cell (reference list, from
 * data/concordance/provinces.csv), which keeps rough geography without boundary data. Equal tiles also give every
 * province the same visual weight, so a small province's colour is as readable as Inner Mongolia's. The cells are
 * validated here (31 distinct cells); the spec draws the tiles with their fill, and up to three label lines each.
 */
import type {TopLevelSpec} from "vega-lite";
import {BuildError} from "../../lib/errors.ts";
import type {Province} from "../../model/inputs.ts";
import {hrefEncoding, tipEncoding} from "./marks.ts";
import {TILE_SIZE} from "./theme.ts";
import {topLevel, type DataRow, type VlSpec} from "./vl.ts";

export interface TileCell {
  province: Province;
  row: number;
  col: number;
}

/** The provinces' cells, checked: whole non-negative numbers, and no two provinces in one cell. */
export function tileCells(provinces: readonly Province[], where: string): TileCell[] {
  if (provinces.length === 0)
    throw new BuildError(`${where}: the render context has no province list for the tile map`);
  const byCell = new Map<string, string>();
  const problems: string[] = [];
  for (const p of provinces) {
    const {row, col} = p.grid;
    if (!Number.isInteger(row) || !Number.isInteger(col) || row < 0 || col < 0)
      problems.push(`${p.id} has grid cell (${row}, ${col})`);
    const key = `${row},${col}`;
    const other = byCell.get(key);
    if (other) problems.push(`${p.id} and ${other} share grid cell (${row}, ${col})`);
    byCell.set(key, p.id);
  }
  if (problems.length > 0)
    throw new BuildError(`${where}: the tile map's province cells are invalid: ${problems.join("; ")}`);
  return provinces.map((province) => ({province, row: province.grid.row, col: province.grid.col}));
}

export interface TileLabel {
  /** Field of the row holding the text (already formatted). */
  field: string;
  fontSize: number;
  fontWeight?: "normal" | "bold";
}

export interface TileMapOptions {
  /** One row per tile, with fields `row` and `col` and the label fields. */
  tiles: DataRow[];
  /** Colour encoding of the tiles (a field with a scale and a legend). */
  fill: VlSpec;
  /** Label lines, top to bottom, centred in each tile. */
  labels: TileLabel[];
  /** Vega expression: true where the tile is dark enough for white labels. */
  darkTile: string;
  /**
   * Field of the rows holding each tile's description for the site (marks.ts: a tip, or a link's name); the rows'
   * links (HREF_FIELD) are always drawn.
   */
  description?: string;
  tileSize?: number;
}

/** Vertical offsets that centre `count` label lines of the given sizes in a tile. */
function lineOffsets(labels: TileLabel[]): number[] {
  const heights = labels.map((l) => l.fontSize * 1.25);
  const total = heights.reduce((a, b) => a + b, 0);
  let y = -total / 2;
  return heights.map((h) => {
    const centre = y + h / 2;
    y += h;
    return centre;
  });
}

export function tileMapSpec(options: TileMapOptions): TopLevelSpec {
  const size = options.tileSize ?? TILE_SIZE;
  const rows = Math.max(...options.tiles.map((t) => Number(t.row))) + 1;
  const cols = Math.max(...options.tiles.map((t) => Number(t.col))) + 1;
  const range = (n: number): number[] => Array.from({length: n}, (_, i) => i);
  const x = {
    field: "col",
    type: "ordinal",
    scale: {domain: range(cols), paddingInner: 0.06, paddingOuter: 0},
    axis: null
  };
  const y = {
    field: "row",
    type: "ordinal",
    scale: {domain: range(rows), paddingInner: 0.06, paddingOuter: 0},
    axis: null
  };
  const offsets = lineOffsets(options.labels);
  const textColor = {condition: {test: options.darkTile, value: "#ffffff"}, value: "#222222"};
  return topLevel({
    width: cols * size,
    height: rows * size,
    data: {values: options.tiles},
    layer: [
      {
        mark: {type: "rect", cornerRadius: 3},
        encoding: {
          x,
          y,
          fill: options.fill,
          ...(options.description ? tipEncoding(options.description) : {}),
          ...hrefEncoding(options.tiles)
        }
      },
      ...options.labels.map((label, i) => ({
        mark: {
          type: "text",
          baseline: "middle",
          fontSize: label.fontSize,
          fontWeight: label.fontWeight ?? "normal",
          dy: offsets[i]
        },
        encoding: {x, y, text: {field: label.field, type: "nominal"}, color: textColor}
      }))
    ]
  });
}
