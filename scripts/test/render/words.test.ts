import {describe, expect, it} from "vitest";
import type {FigureRecord} from "../../model/records/records.ts";
import {compareWord, joinZh, rankEntities, signWord} from "../../render/eleventy/words.ts";
import {nationalRecord, testContext} from "./fixtures.ts";

function provinceRecord(entity: string, entityZh: string, value: number): FigureRecord {
  return {...nationalRecord("iiot_value_added", 2021, value), scope: "province", entity, entityZh};
}

const context = testContext([
  nationalRecord("nominal_growth", 2021, 14.53, "%"),
  nationalRecord("nominal_growth", 2020, -2.001, "%"),
  nationalRecord("nominal_growth", 2019, 0.001, "%"),
  nationalRecord("gdp_nominal_growth", 2021, 12.8, "%"),
  nationalRecord("gdp_nominal_growth", 2020, -2.004, "%"),
  provinceRecord("guangdong", "广东", 5177.36),
  provinceRecord("jiangsu", "江苏", 4587.8),
  provinceRecord("zhejiang", "浙江", 2960.06),
  provinceRecord("hainan", "海南", 120.5),
  provinceRecord("all_provinces", "全国各省", 40000)
]);

describe("compareWord(context, a, b, words)", () => {
  it("picks the word from the values, not from the prose", () => {
    const words = {more: "高于", less: "低于", same: "持平于"};
    expect(
      compareWord(context, "nominal_growth/national/china/2021", "gdp_nominal_growth/national/china/2021", words, "t")
    ).toBe("高于");
    expect(
      compareWord(context, "gdp_nominal_growth/national/china/2021", "nominal_growth/national/china/2021", words, "t")
    ).toBe("低于");
  });
  it("calls values equal when they print alike, and insists on a word for it", () => {
    expect(
      compareWord(
        context,
        "nominal_growth/national/china/2020",
        "gdp_nominal_growth/national/china/2020",
        {more: "高于", less: "低于", same: "持平于"},
        "t"
      )
    ).toBe("持平于");
    expect(() =>
      compareWord(
        context,
        "nominal_growth/national/china/2020",
        "gdp_nominal_growth/national/china/2020",
        {more: "高于", less: "低于"},
        "t"
      )
    ).toThrow(/print alike/);
  });
});

describe("compareWord with the edition's closeness (prose.yaml close)", () => {
  const words = {more: "高于", less: "低于", same: "持平于", closeMore: "略高于", closeLess: "略低于"};
  const a = "nominal_growth/national/china/2021";
  const b = "gdp_nominal_growth/national/china/2021";
  it("says 略高于 / 略低于 when the gap is within both bounds (14.53 % vs 12.8 %: 1.73 points)", () => {
    const close = {points: 2, share: 0.2, levels: 0.02};
    expect(compareWord(context, a, b, words, "t", close)).toBe("略高于");
    expect(compareWord(context, b, a, words, "t", close)).toBe("略低于");
  });
  it("keeps 高于 when the gap exceeds the points or the share (1.73 > 1.5; 1.73 > 0.1 × 14.53)", () => {
    expect(compareWord(context, a, b, words, "t", {points: 1.5, share: 0.2, levels: 0.02})).toBe("高于");
    expect(compareWord(context, a, b, words, "t", {points: 2, share: 0.1, levels: 0.02})).toBe("高于");
  });
  it("never says 略 without settings, or for words that have no close form", () => {
    expect(compareWord(context, a, b, words, "t")).toBe("高于");
    expect(compareWord(context, a, b, {more: "增至", less: "降至"}, "t", {points: 2, share: 1, levels: 1})).toBe(
      "增至"
    );
  });
  it("measures levels by their relative gap (5177.36 vs 4587.8 is 11 % apart)", () => {
    const gd = "iiot_value_added/province/guangdong/2021";
    const js = "iiot_value_added/province/jiangsu/2021";
    expect(compareWord(context, gd, js, words, "t", {points: 0, share: 0, levels: 0.12})).toBe("略高于");
    expect(compareWord(context, gd, js, words, "t", {points: 100, share: 1, levels: 0.1})).toBe("高于");
  });
});

describe("signWord(context, id, words)", () => {
  it("reads the sign of the value", () => {
    expect(signWord(context, "nominal_growth/national/china/2021", {up: "增长", down: "下降"}, "t")).toBe("增长");
    expect(signWord(context, "nominal_growth/national/china/2020", {up: "增长", down: "下降"}, "t")).toBe("下降");
  });
  it("treats a value that prints as zero as flat", () => {
    expect(signWord(context, "nominal_growth/national/china/2019", {up: "增长", down: "下降", flat: "持平"}, "t")).toBe(
      "持平"
    );
  });
});

describe("rankEntities(context, metric, scope, year, options)", () => {
  it("ranks members largest first and leaves aggregates out", () => {
    expect(rankEntities(context, "iiot_value_added", "province", 2021).map((r) => [r.entityZh, r.rank])).toEqual([
      ["广东", 1],
      ["江苏", 2],
      ["浙江", 3],
      ["海南", 4]
    ]);
  });
  it("filters by threshold and limits", () => {
    expect(rankEntities(context, "iiot_value_added", "province", 2021, {above: 1000}).map((r) => r.entity)).toEqual([
      "guangdong",
      "jiangsu",
      "zhejiang"
    ]);
    expect(
      rankEntities(context, "iiot_value_added", "province", 2021, {limit: 1, order: "asc"}).map((r) => r.entity)
    ).toEqual(["hainan"]);
  });
  it("fails when the metric has no records that year", () => {
    expect(() => rankEntities(context, "iiot_value_added", "province", 2030, {}, "content/x.md")).toThrow(
      "content/x.md: no records of iiot_value_added/province/*/2030"
    );
  });
});

describe("joinZh(items)", () => {
  it("joins with 、 and 和 before the last", () => {
    expect(joinZh(["广东", "江苏", "浙江"])).toBe("广东、江苏和浙江");
    expect(joinZh(["广东", "江苏"])).toBe("广东和江苏");
    expect(joinZh(["广东"])).toBe("广东");
  });
});
