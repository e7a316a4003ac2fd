/**
 * @fileoverview Every figure and table of both editions, built from the real computed figures and drawn to SVG.
 * Fails on a figure whose data is empty, holds NaN or undefined, or names a record the figures file does not have,
 * on an axis that prints two ticks alike (3.4 and 3.6 both as "3"), and on a one-year figure whose title states
 * another year than the one it shows.
 */
import {beforeAll, describe, expect, it} from "vitest";
import type {FigureConfig} from "../../load/edition.ts";
import {CHART_MODULES} from "../../render/charts/index.ts";
import {renderVegaLiteToSvg} from "../../render/charts/svg.ts";
import type {ChartOutput} from "../../render/charts/types.ts";
import type {RenderContext} from "../../render/context.ts";
import {dataProblems, realContext} from "./real-context.ts";
import {EDITIONS} from "../model/real-data.ts";

/** Problems of a chart's output against the context: table, records and panels. */
function outputProblems(output: ChartOutput, context: RenderContext): string[] {
  const problems: string[] = [];
  if (output.panels.length === 0) problems.push("no panels");
  if (output.table.rows.length === 0) problems.push("empty data table");
  for (const [i, row] of output.table.rows.entries())
    for (const column of output.table.columns) {
      const cell = row[column.field];
      if (cell === undefined) problems.push(`table row ${i} has no "${column.field}"`);
      if (typeof cell === "number" && !Number.isFinite(cell))
        problems.push(`table row ${i} "${column.field}" = ${cell}`);
    }
  for (const id of output.records) if (!context.records.has(id)) problems.push(`unknown record ${id}`);
  if (!output.summary.trim() || /NaN|undefined/.test(output.summary)) problems.push(`bad summary: ${output.summary}`);
  for (const [i, panel] of output.panels.entries())
    problems.push(
      ...("spec" in panel
        ? dataProblems(panel.spec, `panel ${i + 1}`)
        : panel.html.trim()
          ? []
          : [`panel ${i + 1} is empty`])
    );
  return problems;
}

/** The labels of each axis of an SVG, in drawing order. */
function axisLabels(svg: string): string[][] {
  return [...svg.matchAll(/<g class="mark-text role-axis-label"[^>]*>(.*?)<\/g>/gs)].map((group) =>
    [...group[1]!.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((text) => text[1]!)
  );
}

/** Modules that draw one year, and the year they draw (params.year, else the last data year). */
const ONE_YEAR_MODULES = new Set([
  "province-bars",
  "province-compare",
  "province-tile-map",
  "region-bars",
  "sector-bars",
  "segments-share"
]);

for (const edition of EDITIONS) {
  describe(`the ${edition} edition's figures`, () => {
    let context: RenderContext;
    beforeAll(async () => {
      context = await realContext(edition);
    });

    it("has a chart module for every figure", async () => {
      const {config} = await realContext(edition);
      for (const figure of config.figures)
        expect(CHART_MODULES.has(figure.chart), `${figure.id}: ${figure.chart}`).toBe(true);
    });

    it("builds every figure from the figures file and draws every panel", async () => {
      const {config} = await realContext(edition);
      const failures: string[] = [];
      for (const figure of config.figures) {
        const where = `${edition} ${figure.id}`;
        let output: ChartOutput;
        try {
          output = CHART_MODULES.get(figure.chart)!.build({context, figure, where});
        } catch (error) {
          failures.push(`${where}: ${(error as Error).message}`);
          continue;
        }
        failures.push(...outputProblems(output, context).map((p) => `${where}: ${p}`));
        if (figure.kind === "figure" && output.records.length === 0 && !output.sources?.length)
          failures.push(`${where}: plots no record and names no source`);
        for (const [i, panel] of output.panels.entries()) {
          if (!("spec" in panel)) continue;
          const svg = await renderVegaLiteToSvg(panel.spec, {label: figure.title, where: `${where} panel ${i + 1}`});
          if (!/<(path|rect|text)\b/.test(svg)) failures.push(`${where} panel ${i + 1}: the SVG draws nothing`);
          if (/NaN|undefined/.test(svg)) failures.push(`${where} panel ${i + 1}: the SVG holds NaN or undefined`);
          for (const labels of axisLabels(svg))
            if (new Set(labels).size < labels.length)
              failures.push(`${where} panel ${i + 1}: an axis repeats a label: ${labels.join(" / ")}`);
        }
      }
      expect(failures).toEqual([]);
    });

    it("states in a one-year figure's title the year it shows", async () => {
      const {config} = await realContext(edition);
      const mismatches = config.figures
        .filter((f: FigureConfig) => ONE_YEAR_MODULES.has(f.chart))
        .flatMap((f) => {
          const stated = [...f.title.matchAll(/(\d{4})年/g)].map((m) => Number(m[1]));
          const shown = typeof f.params.year === "number" ? f.params.year : config.dataYears[1];
          return stated.filter((y) => y !== shown).map((y) => `${f.id}: title says ${y}, the chart shows ${shown}`);
        });
      expect(mismatches).toEqual([]);
    });
  });
}
