import {describe, expect, it} from "vitest";
import type {FigureRecord} from "../../model/records/records.ts";
import type {Reproduction} from "../../model/reproduction/reproduction.ts";
import type {DataSource} from "../../model/inputs.ts";
import {dataPageView, groupKind, noteHtml, sourceView} from "../../render/data-page.ts";
import {recordHref, recordPages} from "../../render/eleventy/numbers.ts";
import {exactDigits, exactValue} from "../../render/eleventy/provenance.ts";
import type {SiteModel} from "../../render/site.ts";
import {nationalRecord, testContext} from "./fixtures.ts";

function site(): SiteModel {
  const records: FigureRecord[] = [];
  for (let year = 2017; year <= 2022; year++) {
    records.push(nationalRecord("iiot_value_added", year, 23000 + 4000 * (year - 2017)));
    records.push({
      ...nationalRecord("share_of_gdp", year, 2.8 + 0.15 * (year - 2017), "%"),
      formula: "s_n = Z_n / GDP_n",
      sources: ["国家统计局", "本报告测算"]
    });
  }
  records.push({
    ...nationalRecord("iiot_value_added", 2021, 900),
    scope: "province" as const,
    entity: "hubei",
    entityZh: "湖北",
    note: "见 `npm run calibrate` 的说明"
  });
  return {
    context: testContext(records),
    root: "",
    chapters: [],
    prose: {inputPath: "content/2022/prose.yaml", facts: {}, factLines: {}, lists: {}, listLines: {}},
    placements: [],
    boxes: [],
    figures: new Map(),
    figureOfRecord: new Map(),
    reproduction: {edition: 2022, rows: [], summary: [], claims: [], findings: [], missing: []} as Reproduction
  };
}

describe("record links", () => {
  it("lead to the records page of the record's metric and scope, from the root or one folder down", () => {
    expect(recordHref("gdp/province/hubei/2021")).toBe("records/gdp-province.html#r:gdp/province/hubei/2021");
    expect(recordHref("base_stations_5g/other/china/2022@2022-09", "../")).toBe(
      "../records/base_stations_5g-other.html#r:base_stations_5g/other/china/2022@2022-09"
    );
    expect(
      recordPages([
        {metric: "gdp", scope: "province"},
        {metric: "cagr", scope: "national"},
        {metric: "gdp", scope: "province"}
      ])
    ).toEqual(["records/gdp-province.html", "records/cagr-national.html"]);
  });
});

describe("dataPageView(site)", () => {
  const view = dataPageView(site());

  it("makes a records page per metric and scope, with each record's display value and exact value", () => {
    expect(Object.keys(view.pages)).toEqual([
      "iiot_value_added-national",
      "iiot_value_added-province",
      "share_of_gdp-national"
    ]);
    const page = view.pages["iiot_value_added-national"]!;
    expect(page).toMatchObject({
      label: "工业互联网产业增加值",
      scopeLabel: "全国",
      page: "records/iiot_value_added-national.html",
      count: 6
    });
    expect(page.scopes).toEqual([
      {label: "全国", href: "iiot_value_added-national.html", count: 6, current: true},
      {label: "省份", href: "iiot_value_added-province.html", count: 1, current: false}
    ]);
    expect(page.records[0]).toMatchObject({
      title: "2017年 全国",
      value: "23000.00亿元",
      exact: "23000亿元",
      number: "23000"
    });
    expect(page.records[5]!.title).toBe("2022年（预测） 全国");
    expect(view.pages["iiot_value_added-province"]!.records[0]).toMatchObject({
      title: "2021年 湖北",
      noteHtml: "见 <code>npm run calibrate</code> 的说明"
    });
  });

  it("numbers formulas and sources once for the edition, so a number means the same on every page", () => {
    expect(view.formulas.map((f) => f.n)).toEqual([1, 2]);
    const share = view.pages["share_of_gdp-national"]!;
    expect(share.formulas.map((f) => f.n)).toEqual([2]);
    expect(share.records[0]!.formula).toMatchObject({n: 2, anchor: "formula-2"});
    expect(view.citations).toEqual([
      {n: 1, text: "国家统计局"},
      {n: 2, text: "本报告测算"}
    ]);
    expect(view.pages["iiot_value_added-national"]!.citations).toEqual([{n: 1, text: "国家统计局"}]);
  });

  it("lists the metrics by the kind of their records, in the order of their Chinese names, with a link per scope", () => {
    expect(view.count).toBe(13);
    expect(view.sections).toEqual([
      {
        kind: "model",
        label: "测算结果",
        groups: [
          {
            metric: "iiot_value_added",
            label: "工业互联网产业增加值",
            count: 7,
            scopes: [
              {label: "全国", href: "records/iiot_value_added-national.html", count: 6},
              {label: "省份", href: "records/iiot_value_added-province.html", count: 1}
            ]
          },
          {
            metric: "share_of_gdp",
            label: "占GDP比重",
            count: 6,
            scopes: [{label: "全国", href: "records/share_of_gdp-national.html", count: 6}]
          }
        ]
      }
    ]);
  });
});

describe("helpers of the data pages", () => {
  it("print the exact value to twelve digits with the one minus sign, never −0", () => {
    expect(exactDigits(0.204565307754123)).toBe("0.204565307754");
    expect(exactDigits(-1.5)).toBe("−1.5");
    expect(exactDigits(-0)).toBe("0");
    expect(exactValue({value: 2.5, unit: "pp"})).toBe("2.5个百分点");
    expect(exactValue({value: 220, unit: "万个"})).toBe("220万个");
  });

  it("escape a note and show its `code` spans as code", () => {
    expect(noteHtml("a<b `x_y` 与 `z`")).toBe("a&lt;b <code>x_y</code> 与 <code>z</code>");
  });

  it("put a group where most of its records belong", () => {
    expect(groupKind([{kind: "input"}, {kind: "model"}, {kind: "input"}])).toBe("input");
    expect(groupKind([{kind: "observed"}, {kind: "context"}])).toBe("observed");
  });

  it("show a source's unit and years in Chinese", () => {
    const source = {
      id: "s",
      file: "data/x.csv",
      citation: "国家统计局",
      unit: "per row (unit column): %, 个",
      years: "2020 Q1",
      estimated: false
    } as DataSource;
    expect(sourceView(source)).toMatchObject({unit: "逐条注明", years: "2020年第一季度", upstream: [], estimate: ""});
    expect(sourceView({...source, unit: "output and capital 亿元 (current prices); labour 万人"}).unit).toBe(
      "产出与资本：亿元（现价）；劳动：万人"
    );
  });
});
