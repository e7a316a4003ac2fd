import {describe, expect, it} from "vitest";
import {computedRevisions, publishedRevisions} from "../../model/reproduction/revisions.ts";
import type {FigureRecord, FiguresFile} from "../../model/records/records.ts";
import type {EditionConfig} from "../../model/edition-config.ts";

const rec = (
  metric: string,
  scope: FigureRecord["scope"],
  entity: string,
  year: number,
  value: number,
  unit: string,
  extra: Partial<FigureRecord> = {}
): FigureRecord => ({
  metric,
  scope,
  entity,
  year,
  value,
  unit,
  forecast: false,
  kind: "model",
  formula: "",
  inputs: [],
  sources: [],
  ...extra
});
const config = (regional: string) =>
  ({
    methods: {
      regionalAllocation: regional,
      employment: "provincial-tier",
      directSegments: true,
      newInfrastructure: false
    }
  }) as unknown as EditionConfig;

describe("revisions between two editions", () => {
  const before: FiguresFile = {
    edition: 2022,
    records: [
      rec("gdp", "province", "hubei", 2021, 100, "亿元", {kind: "input"}),
      rec("iiot_value_added", "province", "hubei", 2021, 10, "亿元", {inputs: ["gdp/province/hubei/2021"]}),
      rec("nominal_growth", "national", "china", 2021, 2, "%"),
      rec("iiot_value_added", "national", "china", 2022, 50, "亿元", {forecast: true}),
      rec("employment_rank", "province", "hubei", 2021, 7, ""),
      rec("share_of_gdp", "national", "china", 2021, 3, "%")
    ]
  };
  const after: FiguresFile = {
    edition: 2023,
    records: [
      rec("gdp", "province", "hubei", 2021, 110, "亿元", {kind: "input"}),
      rec("iiot_value_added", "province", "hubei", 2021, 11, "亿元", {inputs: ["gdp/province/hubei/2021"]}),
      rec("nominal_growth", "national", "china", 2021, -1, "%"),
      rec("iiot_value_added", "national", "china", 2022, 45, "亿元"),
      rec("employment_rank", "province", "hubei", 2021, 5, ""),
      rec("share_of_gdp", "national", "china", 2021, 3, "%")
    ]
  };

  it("lists every changed number with its change, flag and reason; an unchanged one is left out", () => {
    const r = computedRevisions(before, after, config("province-tier"), config("province-tier"));
    const by = new Map(r.map((x) => [x.id, x]));
    expect(by.has("share_of_gdp/national/china/2021")).toBe(false);
    expect(by.get("gdp/province/hubei/2021")).toMatchObject({changePct: expect.closeTo(10, 9), reasons: ["input"]});
    expect(by.get("iiot_value_added/province/hubei/2021")).toMatchObject({
      reasons: ["input"],
      revisedInputs: ["gdp/province/hubei/2021"]
    });
    expect(by.get("nominal_growth/national/china/2021")).toMatchObject({
      changePp: -3,
      flip: "sign",
      reasons: ["calibration"]
    });
    expect(by.get("iiot_value_added/national/china/2022")).toMatchObject({
      changePct: expect.closeTo(-10, 9),
      reasons: ["forecast"]
    });
    expect(by.get("employment_rank/province/hubei/2021")).toMatchObject({changePp: -2, flip: "rank"});
  });

  it("names a method change where the configs differ for that part", () => {
    const r = computedRevisions(before, after, config("province-weight"), config("province-tier"));
    expect(r.find((x) => x.id === "iiot_value_added/province/hubei/2021")!.reasons).toEqual(["input", "method"]);
    expect(r.find((x) => x.id === "nominal_growth/national/china/2021")!.reasons).toEqual(["calibration"]);
  });

  it("compares published numbers in canonical units (万亿元 = 10 000 亿元)", () => {
    const p = (value: number, unit: string, quote: string) => ({
      metric: "iiot_value_added",
      scope: "national",
      entity: "china",
      year: 2019,
      value,
      unit,
      forecast: false,
      quote
    });
    const r = publishedRevisions([p(3.41, "万亿元", "3.41万亿元")], [p(32000, "亿元", "32000亿元")]);
    expect(r).toHaveLength(1);
    expect(r[0]).toMatchObject({before: 34100, after: 32000, unit: "亿元"});
    expect(publishedRevisions([p(3.41, "万亿元", "3.41万亿元")], [p(34100, "亿元", "34100亿元")])).toEqual([]);
  });
});
