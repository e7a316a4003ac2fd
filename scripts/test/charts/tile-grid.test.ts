/**
 * @fileoverview The tile-grid map's layout: the 31 provinces of data/concordance/provinces.csv occupy 31 distinct
 * cells, and an invalid grid is a build error naming the provinces.
 */
import {describe, expect, it} from "vitest";
import {tileCells, tileMapSpec} from "../../render/charts/tile-grid.ts";
import {realContext} from "./real-context.ts";

describe("tileCells(provinces)", () => {
  it("places the 31 provinces in 31 distinct cells", async () => {
    const {reference} = await realContext(2022);
    const cells = tileCells(reference.provinces, "test");
    expect(cells).toHaveLength(31);
    expect(new Set(cells.map((c) => `${c.row},${c.col}`)).size).toBe(31);
    for (const c of cells) {
      expect(Number.isInteger(c.row) && c.row >= 0).toBe(true);
      expect(Number.isInteger(c.col) && c.col >= 0).toBe(true);
    }
  });

  it("fails when two provinces share a cell", async () => {
    const {reference} = await realContext(2022);
    const [first, second, ...rest] = reference.provinces;
    const clash = [first!, {...second!, grid: {...first!.grid}}, ...rest];
    expect(() => tileCells(clash, "test")).toThrow(
      `test: the tile map's province cells are invalid: ${second!.id} and ${first!.id} share grid cell`
    );
  });

  it("sizes the map to the grid", async () => {
    const {reference} = await realContext(2022);
    const tiles = tileCells(reference.provinces, "test").map((c) => ({
      row: c.row,
      col: c.col,
      name: c.province.nameZh
    }));
    const spec = tileMapSpec({
      tiles,
      fill: {value: "#cccccc"},
      labels: [{field: "name", fontSize: 11}],
      darkTile: "false",
      tileSize: 10
    }) as unknown as {
      width: number;
      height: number;
    };
    expect(spec.width).toBe((Math.max(...tiles.map((t) => t.col)) + 1) * 10);
    expect(spec.height).toBe((Math.max(...tiles.map((t) => t.row)) + 1) * 10);
  });
});
