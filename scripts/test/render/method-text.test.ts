import {describe, expect, it} from "vitest";
import {createRenderContext} from "../../render/context.ts";
import {calibrationYearsText, regionMembersText} from "../../render/eleventy/method.ts";
import type {FigureRecord} from "../../model/records/records.ts";
import {nationalRecord, testConfig} from "./fixtures.ts";

const province = (entity: string, entityZh: string): FigureRecord => ({
  ...nationalRecord("gdp", 2021, 1000),
  scope: "province",
  entity,
  entityZh
});
const target = (record: string) => ({record, value: 1, unit: "亿元", derivation: "测试"});
const config = testConfig({
  regions: [
    {id: "yrd", nameZh: "长三角", provinces: ["shanghai", "jiangsu", "zhejiang"], definition: "测试"},
    {id: "prd", nameZh: "珠三角", provinces: ["guangdong"], definition: "测试"}
  ],
  calibration: {
    targets: [
      target("iiot_value_added_direct/national/china/2017"),
      target("iiot_value_added/national/china/2019"),
      target("iiot_value_added/national/china/2021"),
      target("iiot_value_added_direct/national/china/2021")
    ]
  }
});
const context = createRenderContext(
  config,
  {
    edition: 2022,
    records: [
      province("shanghai", "上海"),
      province("jiangsu", "江苏"),
      province("zhejiang", "浙江"),
      province("guangdong", "广东")
    ]
  },
  {sections: [], provinces: [], policies: {national: [], provincial: []}, citations: []},
  []
);

describe("regionMembersText(context, form, last)", () => {
  it("lists each region with its provinces, in parentheses or with 包括", () => {
    expect(regionMembersText(context, "（）", undefined, "t")).toBe("长三角（上海、江苏、浙江）、珠三角（广东）");
    expect(regionMembersText(context, "包括", "和", "t")).toBe("长三角包括上海、江苏和浙江；珠三角包括广东");
  });
  it("refuses an unknown form", () => {
    expect(() => regionMembersText(context, "[]", undefined, "90-methodology.md")).toThrow(
      '90-methodology.md: regionMembers "[]"; expected "（）" or "包括"'
    );
  });
});

describe("calibrationYearsText(context)", () => {
  it("names each target year but the base year once, in order", () => {
    expect(calibrationYearsText(context)).toBe("2019年和2021年");
  });
});
