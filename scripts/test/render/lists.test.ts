import {describe, expect, it} from "vitest";
import type {FigureRecord} from "../../model/records/records.ts";
import {evaluateFact} from "../../render/eleventy/facts.ts";
import {evaluateListExpression} from "../../render/eleventy/lists.ts";
import {renderReference} from "../../render/eleventy/reference-html.ts";
import {nationalRecord, testContext} from "./fixtures.ts";

function province(metric: string, entity: string, entityZh: string, year: number, value: number, unit = "亿元") {
  return {...nationalRecord(metric, year, value, unit), scope: "province", entity, entityZh} as FigureRecord;
}

// Edition 2022 of the fixtures: y = 2021, p = 2020. Three provinces and the national growth rate.
const context = testContext([
  nationalRecord("nominal_growth", 2021, 10, "%"),
  province("iiot_value_added", "guangdong", "广东", 2021, 5000),
  province("iiot_value_added", "jiangsu", "江苏", 2021, 4000),
  province("iiot_value_added", "hainan", "海南", 2021, 900),
  province("iiot_value_added", "guangdong", "广东", 2020, 4600),
  province("iiot_value_added", "jiangsu", "江苏", 2020, 990),
  province("iiot_value_added", "hainan", "海南", 2020, 800),
  province("iiot_value_added", "all_provinces", "全部省份", 2021, 9900),
  province("nominal_growth", "guangdong", "广东", 2021, 8.7, "%"),
  province("nominal_growth", "jiangsu", "江苏", 2021, 12.5, "%"),
  province("nominal_growth", "hainan", "海南", 2021, 12.5, "%"),
  province("gdp_nominal_growth", "guangdong", "广东", 2021, 9.1, "%"),
  province("gdp_nominal_growth", "jiangsu", "江苏", 2021, 11, "%"),
  province("gdp_nominal_growth", "hainan", "海南", 2021, 13, "%")
]);
const lists = {
  new_thousand: "[[增加值/省份]] > 1000 and [[增加值/省份@p]] <= 1000",
  slower_than_gdp: "[[增速/省份]] <= [[GDP增速/省份]]",
  faster_than_nation: "[[增速/省份]] > [[增速]]",
  新进千亿省份: "[[增加值/省份]] > 1000 and [[增加值/省份@p]] <= 1000"
};

describe("evaluateListExpression(context, expression)", () => {
  it("tests each member of the scope the expression names, ranked by its first reference, aggregates left out", () => {
    const list = evaluateListExpression(context, lists.new_thousand, "prose.yaml: list new_thousand");
    expect(list.scope).toBe("province");
    expect(list.entities).toEqual(["jiangsu"]);
    expect(list.records).toContain("iiot_value_added/province/jiangsu/2020");
    expect(evaluateListExpression(context, lists.slower_than_gdp, "l").entities).toEqual(["hainan", "guangdong"]);
  });
  it("refuses an expression without a member reference, or with two scopes, or that is no condition", () => {
    expect(() => evaluateListExpression(context, "[[增速]] > 0", "prose.yaml: list x")).toThrow(
      "no reference stands for the members"
    );
    expect(() => evaluateListExpression(context, "[[增速/省份]] > [[增速/区域]]", "l")).toThrow("2 scopes");
    expect(() => evaluateListExpression(context, "[[增速/省份]] + 1", "l")).toThrow("a list needs a condition");
  });
});

describe("named lists in references and facts", () => {
  const html = (source: string, used?: Set<string>) =>
    renderReference(context, source, "02-regions.md", used, undefined, lists);
  it("filters a generated list by a named list, ordered by the list's own metric", () => {
    const used = new Set<string>();
    expect(html("名单 增速/省份 slower_than_gdp", used)).toBe(
      '<span class="word-list" data-records="nominal_growth/province/hainan/2021 nominal_growth/province/guangdong/2021">海南和广东</span>'
    );
    expect(used).toContain("gdp_nominal_growth/province/hainan/2021");
    expect(() => html("名单 增速/省份 unknown_list")).toThrow('"unknown_list" is no list of this edition');
  });
  it("takes Chinese list names in lists, ranks and counts", () => {
    expect(html("名单 增加值/省份 新进千亿省份")).toContain(">江苏<");
    expect(html("名 增速/新进千亿省份:1")).toContain(">江苏<");
    expect(evaluateFact(context, "count(新进千亿省份) == 1", "f", lists).value).toBe(true);
  });
  it("counts a named list in a fact", () => {
    expect(evaluateFact(context, "count(faster_than_nation) == 2", "prose.yaml: fact f", lists).value).toBe(true);
    expect(evaluateFact(context, "count(new_thousand) > 1", "prose.yaml: fact f", lists).value).toBe(false);
    expect(() => evaluateFact(context, "count(nothing) > 0", "prose.yaml: fact f", lists)).toThrow(
      '"nothing" is no list of this edition'
    );
  });
  it("reads a metric of the entity ranked by another metric", () => {
    expect(html("GDP增速/增速/省份:-1")).toContain(">9.10%<");
    expect(html("GDP增速/增加值/省份:2")).toContain(">11.00%<");
  });
});

describe("series and value lists", () => {
  const series = testContext([
    nationalRecord("nominal_growth", 2018, 9.1, "%"),
    nationalRecord("nominal_growth", 2019, 8.25, "%"),
    nationalRecord("nominal_growth", 2020, 3.5, "%"),
    nationalRecord("nominal_growth", 2021, 12, "%"),
    province("nominal_growth", "guangdong", "广东", 2021, -2.1, "%"),
    province("nominal_growth", "jiangsu", "江苏", 2021, -0.5, "%"),
    province("nominal_growth", "hainan", "海南", 2021, 4, "%")
  ]);
  const text = (source: string) => renderReference(series, source, "t.md").replace(/<[^>]+>/g, "");
  it("prints every year from the one after the base year to the last data year, with or without the years", () => {
    expect(text("逐年 增速")).toBe("9.10%、8.25%、3.50%和12.00%");
    expect(text("逐年 增速 年")).toBe("2018年9.10%、2019年8.25%、2020年3.50%和2021年12.00%");
    expect(evaluateFact(series, "max([[逐年 增速]]) > 11 and min([[逐年 增速]]) < 4", "f").value).toBe(true);
  });
  it("prints the values of a generated list, and joins names with 、 or 以及 on request", () => {
    expect(text("数值 增速/省份 <0")).toBe("−0.50%、−2.10%");
    expect(text("名单 增速/省份 、")).toBe("海南、江苏、广东");
    expect(text("名单 增速/省份 以及")).toBe("海南，江苏以及广东");
  });
});

describe("[[分组 …]]: each member against one record, in five groups", () => {
  const regions = testContext([
    nationalRecord("share_of_gdp", 2021, 3.0, "%"),
    ...[
      ["yrd", "长三角", 3.5],
      ["prd", "珠三角", 3.25],
      ["jjj", "京津冀", 3.3],
      ["myz", "长江中游", 3.01],
      ["sw", "西南", 2.9],
      ["ne", "东北", 2.6]
    ].map(([entity, entityZh, value]) => ({
      ...nationalRecord("share_of_gdp", 2021, value as number, "%"),
      scope: "region" as const,
      entity: entity as string,
      entityZh: entityZh as string
    }))
  ]);
  const text = (source: string) => renderReference(regions, source, "t.md").replace(/<[^>]+>/g, "");
  it("names the members of each non-empty group, ranked, with the word of the group", () => {
    expect(text("分组 占GDP比重/区域 ~ 占GDP比重 ±0.05 ±0.2")).toBe(
      "长三角、京津冀和珠三角高于全国，长江中游与全国基本持平，西南略低于全国，东北低于全国"
    );
    expect(text("分组 占GDP比重/区域 ~ 占GDP比重 快于 ±0.05 ±0.35")).toBe(
      "长三角快于全国，京津冀和珠三角略快于全国，长江中游与全国基本持平，西南略慢于全国，东北慢于全国"
    );
  });
  it("refuses a word set without 略 forms and bounds out of order", () => {
    expect(() => text("分组 占GDP比重/区域 ~ 占GDP比重 增至 ±0.05 ±0.2")).toThrow("have no 略 form");
    expect(() => text("分组 占GDP比重/区域 ~ 占GDP比重 ±0.3 ±0.2")).toThrow("must be smaller than");
  });
});

describe("[[名单 … 按代码]]", () => {
  const other = (entity: string, entityZh: string, value: number): FigureRecord => ({
    ...nationalRecord("iiot_share_coefficient", 2017, value, "比例"),
    scope: "other",
    entity,
    entityZh
  });
  const subsectors = testContext([
    other("io_090", "广播电视设备", 0.5),
    other("io_088", "计算机", 0.1),
    other("io_089", "通信设备", 0.9)
  ]);
  it("lists the members in the order of their codes rather than by value", () => {
    const text = renderReference(subsectors, "名单 iiot_share_coefficient/other@b 按代码", "t.md").replace(
      /<[^>]+>/g,
      ""
    );
    expect(text).toBe("计算机、通信设备和广播电视设备");
  });
});
