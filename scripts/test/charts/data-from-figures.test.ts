/**
 * @fileoverview Proof that the charts draw the figures file and nothing else: change one record in the render
 * context and the chart's inlined data, its data table and its text alternative change with it.
 */
import {beforeAll, describe, expect, it} from "vitest";
import {CHART_MODULES} from "../../render/charts/index.ts";
import type {ChartOutput} from "../../render/charts/types.ts";
import type {RenderContext} from "../../render/context.ts";
import {dataProblems, realContext, withRecordValue} from "./real-context.ts";

function build(context: RenderContext, id: string): ChartOutput {
  const figure = context.config.figures.find((f) => f.id === id);
  if (!figure) throw new Error(`no figure ${id} in the ${context.config.edition} config`);
  return CHART_MODULES.get(figure.chart)!.build({context, figure, where: `test ${id}`});
}

/** Every inlined data row of a spec (nested layers and concatenations included). */
function inlinedRows(spec: unknown): Record<string, unknown>[] {
  if (Array.isArray(spec)) return spec.flatMap(inlinedRows);
  if (!spec || typeof spec !== "object") return [];
  return Object.entries(spec).flatMap(([key, value]) =>
    key === "data" && value && typeof value === "object" && "values" in value
      ? ((value as {values: Record<string, unknown>[]}).values ?? [])
      : inlinedRows(value)
  );
}

describe("charts read the figures file", () => {
  let context: RenderContext;
  beforeAll(async () => {
    context = await realContext(2022);
  });

  it("province bars: a changed provincial value moves its bar, its table cell and the summary's maximum", () => {
    const year = context.config.dataYears[1];
    const id = `iiot_value_added/province/xizang/${year}`;
    const changed = withRecordValue(context, id, 98765.43);
    const before = build(context, "province-va-growth");
    const after = build(changed, "province-va-growth");
    const spec = "spec" in after.panels[0]! ? after.panels[0].spec : undefined;
    const xizang = inlinedRows(spec).find((row) => row.name === "西藏");
    expect(xizang?.iiot_value_added).toBe(98765.43);
    expect(after.table.rows.find((row) => row.province === "西藏")?.iiot_value_added).toBe(98765.43);
    expect(before.table.rows.find((row) => row.province === "西藏")?.iiot_value_added).toBe(
      context.records.get(id)!.value
    );
    expect(after.summary).toContain("最高为西藏（98765.43亿元）");
    expect(after.records).toContain(id);
  });

  it("dual-axis national chart: a changed direct value changes the column (万亿元) and the table (亿元)", () => {
    const year = context.config.dataYears[1];
    const id = `iiot_value_added_direct/national/china/${year}`;
    const after = build(withRecordValue(context, id, 12345.6), "national-va-structure");
    const spec = "spec" in after.panels[0]! ? after.panels[0].spec : undefined;
    const row = inlinedRows(spec).find((r) => r.year === String(year));
    expect(row?.direct).toBeCloseTo(1.23456, 10);
    expect(after.table.rows.find((r) => r.year === String(year))?.direct).toBe(12345.6);
  });

  it("tile map: a changed value recolours and relabels its tile", () => {
    const year = context.config.dataYears[1];
    const id = `iiot_value_added/province/guangdong/${year}`;
    const after = build(withRecordValue(context, id, 7777.77), "province-map-va");
    const spec = "spec" in after.panels[0]! ? after.panels[0].spec : undefined;
    const tile = inlinedRows(spec).find((r) => r.name === "广东");
    expect(tile?.value).toBe(7777.77);
    expect(tile?.label0).toBe("7777.77");
  });

  it("sector panels: a changed growth rate moves the line point", () => {
    const id = `nominal_growth/sector/ict/${context.config.dataYears[1]}`;
    const after = build(withRecordValue(context, id, -3.5), "sectors-wholesale-ict");
    const panel = after.panels[1]!;
    const rows = inlinedRows("spec" in panel ? panel.spec : undefined);
    expect(rows.find((r) => r.year === String(context.config.dataYears[1]))?.growth).toBe(-3.5);
  });

  it("a missing record is a build error naming the figure and the record", () => {
    const id = `iiot_value_added/sector/mining/${context.config.dataYears[1]}`;
    const records = context.figures.records.filter((r) => r !== context.records.get(id));
    const broken = {
      ...context,
      records: new Map([...context.records].filter(([key]) => key !== id)),
      figures: {...context.figures, records}
    };
    expect(() => build(broken, "sectors-manufacturing-mining")).toThrow(
      `test sectors-manufacturing-mining: unknown record "${id}"`
    );
  });

  it("a misspelt parameter is a build error naming the key", () => {
    const figure = {
      ...context.config.figures.find((f) => f.id === "province-va-growth")!,
      params: {metric: ["iiot_value_added"]}
    };
    expect(() => CHART_MODULES.get("province-bars")!.build({context, figure, where: "test"})).toThrow(
      /params: Unrecognized key.*metric|params.metrics/
    );
  });
});

describe("dataProblems(spec)", () => {
  it("reports empty datasets, NaN and undefined, in nested layers", () => {
    const spec = {
      data: {values: [{a: 1, b: Number.NaN}]},
      layer: [{data: {values: []}}, {data: {values: [{c: undefined}]}}]
    };
    expect(dataProblems(spec)).toEqual([
      "spec.data.values[0].b = NaN",
      "spec.layer[0].data is empty",
      "spec.layer[1].data.values[0].c = undefined"
    ]);
  });
});
