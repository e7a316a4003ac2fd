/**
 * @fileoverview A tiny render context for render-layer tests: a handful of national records of a fake edition.
 */
import {parseEditionConfig, type EditionConfig} from "../../load/edition.ts";
import {createRenderContext, type RenderContext} from "../../render/context.ts";
import type {FigureRecord} from "../../model/records/records.ts";

export function testConfig(overrides: Partial<Record<string, unknown>> = {}): EditionConfig {
  return parseEditionConfig(
    JSON.stringify({
      edition: 2022,
      title: "测试白皮书",
      shortTitle: "测试白皮书",
      institute: "测试组",
      date: "2022年12月",
      baseYear: 2017,
      dataYears: [2017, 2021],
      forecastYear: 2022,
      forecast: {gdpNominalGrowth: 7, gdpGrowthSource: "test", partsTrendWindow: 3},
      methods: {
        regionalAllocation: "province-tier",
        employment: "provincial-tier",
        directSegments: true,
        newInfrastructure: false
      },
      chapters: [
        {id: "preface", file: "00-preface.md", title: "前言", kind: "front"},
        {id: "overview", file: "01-overview.md", title: "一、总体"}
      ],
      figures: [
        {id: "national-va-share", chart: "national-va-share", title: "增加值及占比"},
        {id: "policies", chart: "policy-table", title: "政策", kind: "table"},
        {id: "structure", chart: "national-va-structure", title: "结构"}
      ],
      regions: [],
      calibration: {targets: []},
      ...overrides
    }),
    "test.json"
  );
}

export function nationalRecord(metric: string, year: number, value: number, unit = "亿元"): FigureRecord {
  return {
    metric,
    scope: "national",
    entity: "china",
    year,
    value,
    unit,
    forecast: year === 2022,
    kind: "model",
    formula: "Z_n = Z^{d}_n + Z^{p}_n",
    inputs: [],
    sources: ["国家统计局"],
    entityZh: "全国"
  };
}

export function testContext(records: FigureRecord[] = []): RenderContext {
  const config = testConfig();
  const all: FigureRecord[] = [...records];
  if (all.length === 0)
    for (let year = 2017; year <= 2022; year++) {
      all.push(nationalRecord("iiot_value_added", year, 23000 + 4000 * (year - 2017)));
      all.push(nationalRecord("share_of_gdp", year, 2.8 + 0.15 * (year - 2017), "%"));
    }
  return createRenderContext(
    config,
    {edition: 2022, records: all},
    {sections: [], provinces: [], policies: {national: [], provincial: []}, citations: []},
    []
  );
}
