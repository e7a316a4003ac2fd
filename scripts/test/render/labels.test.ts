import {describe, expect, it} from "vitest";
import type {FigureRecord} from "../../model/records/records.ts";
import {entityNames, groupName, hasMetricLabel, METRIC_TERMS, metricLabel, periodLabel} from "../../render/labels.ts";
import {parseReference, yearNames} from "../../render/eleventy/refs.ts";
import {editionData, EDITIONS} from "../model/real-data.ts";
import {nationalRecord} from "./fixtures.ts";

function provinceRecord(entity: string, entityZh: string | undefined): FigureRecord {
  return {
    ...nationalRecord("iiot_value_added", 2021, 1),
    scope: "province",
    entity,
    ...(entityZh ? {entityZh} : {entityZh: undefined})
  };
}

describe("METRIC_TERMS", () => {
  it("gives each term to one named metric, and every term reads as a reference", () => {
    const metrics = Object.values(METRIC_TERMS);
    expect(metrics.filter((m, i) => metrics.indexOf(m) !== i)).toEqual([]);
    expect(metrics.filter((m) => !hasMetricLabel(m))).toEqual([]);
    const years = yearNames({dataYears: [2017, 2022], baseYear: 2017, forecastYear: 2023});
    for (const term of Object.keys(METRIC_TERMS))
      expect(parseReference(`${term}下限@f#06-30`, years, "t")).toMatchObject({ref: {metric: `${term}下限`}});
  });
});

describe("metricLabel(metric)", () => {
  it("names a metric, and a bound of the papers' vocabulary from its base", () => {
    expect(metricLabel("iiot_value_added")).toBe("工业互联网产业增加值");
    expect(metricLabel("share_of_gdp_upper_bound")).toBe("占GDP比重（上限）");
    expect(metricLabel("platforms_with_influence_lower_bound")).toBe("具有行业和区域影响力的平台数（下限）");
  });

  it("knows which metrics it cannot name", () => {
    expect(hasMetricLabel("no_such_metric")).toBe(false);
    expect(hasMetricLabel("no_such_metric_lower_bound")).toBe(false);
    expect(metricLabel("no_such_metric")).toBe("no_such_metric");
  });

  it.each(EDITIONS)("names every metric of the %i figures and of its published numbers", async (edition) => {
    const {figures, published} = await editionData(edition);
    const metrics = new Set([...figures.records.map((r) => r.metric), ...published.map((p) => p.metric)]);
    expect(metrics.size).toBeGreaterThan(50);
    expect([...metrics].filter((m) => !hasMetricLabel(m))).toEqual([]);
  });
});

describe("entityNames(records)", () => {
  const names = entityNames([
    provinceRecord("beijing", "北京"),
    provinceRecord("tianjin", "天津"),
    provinceRecord("inner_mongolia", "内蒙古"),
    provinceRecord("guangdong", undefined)
  ]);

  it("names an entity from its records, the country and the tiers from the table, and leaves an unknown id as it is", () => {
    expect(names("province", "beijing")).toBe("北京");
    expect(names("other", "china")).toBe("全国");
    expect(names("tier", "secondary")).toBe("第二产业");
    expect(names("province", "atlantis")).toBe("atlantis");
  });

  it("names the papers' group ids: all, most, all but some, and joined ids (whose parts may hold underscores)", () => {
    expect(names("province", "all_provinces")).toBe("全部省份");
    expect(names("sector", "most_sectors")).toBe("多数行业门类");
    expect(names("province", "all_provinces_except_beijing_tianjin")).toBe("除北京、天津外的全部省份");
    expect(names("province", "beijing_inner_mongolia")).toBe("北京、内蒙古");
    expect(groupName("all_provinces_except_atlantis", () => undefined)).toBeUndefined();
  });

  it.each(EDITIONS)("names every entity of the %i figures and published numbers in Chinese", async (edition) => {
    const {figures, published} = await editionData(edition);
    const named = entityNames(figures.records);
    const unnamed = new Set<string>();
    for (const {scope, entity} of [...figures.records, ...published])
      if (named(scope, entity) === entity) unnamed.add(`${scope}/${entity}`);
    expect([...unnamed]).toEqual([]);
  });
});

describe("periodLabel(period)", () => {
  it.each([
    ["2022-09", "2022年9月"],
    ["2020-03-31", "2020年3月31日"],
    ["2020-03-mid/late", "2020年3月中下旬"],
    ["2020-Q1", "2020年第一季度"],
    ["2023-Q1-Q3", "2023年前三季度"],
    ["2022-H1", "2022年上半年"],
    ["2007-2016", "2007—2016年"],
    ["soon", "soon"]
  ])("%s → %s", (period, label) => {
    expect(periodLabel(period)).toBe(label);
  });
});
