import {describe, expect, it} from "vitest";
import {createRenderContext} from "../../render/context.ts";
import {
  calibrationYearsText,
  regionMembersText,
  sectionEmploymentFormulaId,
  sectionEmploymentMethodText
} from "../../render/eleventy/method.ts";
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

describe("sectionEmploymentMethodText(context)", () => {
  const wage = (year: number, from?: number): FigureRecord => ({
    ...nationalRecord("average_wage", year, 100_000, "元"),
    scope: "sector",
    entity: "manufacturing",
    formulaId: from === undefined ? "input_series" : "carry_nearest_table",
    inputs: from === undefined ? [] : [`average_wage/sector/manufacturing/${from}`]
  });
  const withMethods = (methods: Record<string, unknown>, records: FigureRecord[] = []) =>
    createRenderContext(
      testConfig({
        methods: {regionalAllocation: "province-tier", directSegments: true, newInfrastructure: false, ...methods}
      }),
      {edition: 2022, records},
      {sections: [], provinces: [], policies: {national: [], provincial: []}, citations: []},
      []
    );

  it("says what the config's method does: one national productivity, or the tier's", () => {
    expect(sectionEmploymentMethodText(withMethods({employment: "provincial-share"}))).toBe(
      "分行业就业用同一个全国劳动生产率折算"
    );
    expect(sectionEmploymentFormulaId(withMethods({employment: "provincial-tier"}))).toBe("employment_section_tier");
    expect(sectionEmploymentMethodText(withMethods({employment: "provincial-tier"}))).toMatch(
      /^分行业就业用各门类所属产业的全国劳动生产率折算，再按同一系数调整/
    );
  });

  it("under wages, names the years read and the years that took another year's table, as runs", () => {
    const context = withMethods({employment: "provincial-tier", sectionProductivity: "wage"}, [
      wage(2021),
      wage(2017, 2021),
      wage(2018, 2021),
      wage(2019, 2021),
      wage(2020, 2021),
      wage(2022, 2021)
    ]);
    expect(sectionEmploymentFormulaId(context)).toBe("employment_section_wage");
    expect(sectionEmploymentMethodText(context)).toBe(
      "分行业就业所用的劳动生产率与各门类城镇非私营单位就业人员的年平均工资成比例，即假定各门类劳动生产率的相对高低与其平均工资的相对高低一致，" +
        "再按同一系数调整，使各门类、各产业的带动就业之和等于各省份加总的全国带动就业，其增减之和也等于全国的增减。" +
        "分行业平均工资取自国家统计局发布的2021年分行业门类数据，2017—2020年和2022年沿用2021年的工资水平，只用到各门类之间的工资比例"
    );
  });
});
