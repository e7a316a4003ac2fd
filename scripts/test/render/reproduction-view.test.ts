import {describe, expect, it} from "vitest";
import type {Reproduction, ReproductionRow} from "../../model/reproduction/reproduction.ts";
import {entityNames} from "../../render/labels.ts";
import {
  diffStats,
  explainScope,
  findingText,
  mergeRepeatedRows,
  reproductionView,
  signedText
} from "../../render/reproduction-view.ts";
import {revisionChange, revisionValue} from "../../render/revisions-view.ts";
import {nationalRecord, testContext} from "./fixtures.ts";

/** A published national number of 2021 and what the model computed for it. */
function row(
  metric: string,
  published: number,
  computed: number,
  unit = "亿元",
  extra: Partial<ReproductionRow> = {}
): ReproductionRow {
  const diffAbs = computed - published;
  return {
    id: `${metric}/national/china/2021`,
    line: 1,
    scope: "national",
    forecast: false,
    publishedValue: published,
    publishedUnit: unit,
    publishedCanonical: published,
    unit,
    computed,
    diffPct: (diffAbs / Math.abs(published)) * 100,
    diffAbs,
    inconsistent: false,
    findings: [],
    target: false,
    quote: `达到${published}${unit}`,
    ...extra
  };
}

describe("signedText(value, decimals)", () => {
  it("prints one minus sign, a plus for a gain, and no sign on what rounds to zero", () => {
    expect(signedText(-1.954, 2)).toBe("−1.95");
    expect(signedText(2, 2)).toBe("+2.00");
    expect(signedText(-0.004, 2)).toBe("0.00");
    expect(signedText(0.004, 2)).toBe("0.00");
  });
});

describe("revisions' values and changes", () => {
  it("print levels in %, rates in 个百分点, ranks in 位, all with the one minus sign", () => {
    expect(revisionChange({metric: "iiot_value_added", changePct: -1.954})).toBe("−1.95%");
    expect(revisionChange({metric: "share_of_gdp", changePp: -0.0001})).toBe("0.00个百分点");
    expect(revisionChange({metric: "employment_rank", changePp: 2})).toBe("+2位");
    expect(revisionValue(-3.5, "%", "nominal_growth")).toBe("−3.50%");
    expect(revisionValue(5, "位", "employment_rank")).toBe("5位");
  });
});

describe("mergeRepeatedRows(rows)", () => {
  it("keeps a number the paper prints twice once, with both places, and keeps two different values apart", () => {
    const rows = [
      row("iiot_value_added", 41000, 41000, "亿元", {line: 2, quote: "甲"}),
      row("iiot_value_added", 41000, 41000, "亿元", {line: 51, quote: "乙", findings: ["F1"], inconsistent: true}),
      row("iiot_value_added", 41200, 41000, "亿元", {line: 60})
    ];
    const merged = mergeRepeatedRows(rows);
    expect(merged).toHaveLength(2);
    expect(merged[0]).toMatchObject({line: 2, places: 2, quotes: ["甲", "乙"], findings: ["F1"], inconsistent: true});
    expect(merged[1]).toMatchObject({line: 60, places: 1});
  });
});

describe("diffStats(rows) and explainScope(label, rows)", () => {
  // Value added within 1 %, employment 40–60 % off: the median of the five is an employment row's.
  const rows = [
    row("iiot_value_added", 100, 100.5),
    row("iiot_value_added_direct", 100, 99),
    row("employment_total", 100, 140, "万人"),
    row("employment_new", 100, 150, "万人"),
    row("employment_direct_new", 100, 40, "万人"),
    row("share_of_gdp", 3.5, 3.6, "%")
  ];
  const label = (r: ReproductionRow) => r.id.split("/")[0]!;

  it("takes the median and the worst of the absolute differences, and the same per unit", () => {
    const stats = diffStats(rows.slice(0, 5))!;
    expect(stats.count).toBe(5);
    expect(stats.median).toBeCloseTo(40, 9);
    expect(label(stats.worst)).toBe("employment_direct_new");
    expect(stats.byUnit).toEqual([
      {unit: "万人", count: 3, median: 50},
      {unit: "亿元", count: 2, median: 0.75}
    ]);
    expect(diffStats([])).toBeUndefined();
  });

  it("explains a median the employment numbers make, and says so only when the data do", () => {
    const text = explainScope("全国", rows, label);
    expect(text).toContain("规模类5项，偏差中位数40.00%，最大60.00%（employment_direct_new）");
    expect(text).toContain("就业人数类（万人）3项中位数50.00%，金额类（亿元）2项中位数0.75%");
    expect(text).toContain("总体中位数主要反映就业人数类（万人）的偏差");
    expect(text).toContain("比率类1项，偏差中位数0.10个百分点");
    const close = explainScope(
      "全国",
      [row("iiot_value_added", 100, 101), row("employment_total", 100, 101.2, "万人")],
      label
    );
    expect(close).not.toContain("主要反映");
  });

  it("leaves the papers' inconsistent numbers out and says how many", () => {
    const text = explainScope(
      "行业",
      [row("iiot_value_added", 100, 101), row("iiot_value_added_direct", 100, 300, "亿元", {inconsistent: true})],
      label
    );
    expect(text).toContain("规模类1项");
    expect(text).toContain("另有1项原版数字彼此矛盾");
  });
});

describe("findingText(finding, names)", () => {
  const names = entityNames([nationalRecord("cagr", 2021, 1)]);

  it("states a finding by its rule, the flagged number's name and the two intervals", () => {
    const finding = {
      id: "2022-F04",
      rule: "cagr-agrees-with-cumulative-growth",
      flagged: ["cagr/national/china/2021#L54"],
      involved: ["cagr/national/china/2021#L54", "cumulative_growth/national/china/2021#L53"],
      message:
        "cagr/national/china/2021 = [11.7250, 11.7350] but the cumulative growth over 4 annual steps (2017–2021) gives [14.8673, 14.8690]"
    } as never;
    expect(findingText(finding, names)).toEqual({
      title: "年均复合增速应与累计增长一致",
      text: "原版的2021年全国 · 年均复合增速按印出精度在11.725至11.735之间，而由其他原版数字推得14.8673至14.869（涉及2021年全国 · 累计增长）。"
    });
  });
});

describe("findingText(finding, names) on two derived quantities", () => {
  it("does not present a derived interval as the flagged number's own", () => {
    const finding = {
      id: "2020-F04",
      rule: "share-and-contribution-imply-one-gdp",
      flagged: ["cagr/national/china/2021#L41"],
      involved: ["cagr/national/china/2021#L41"],
      message:
        "gdp/national/china/2020 implied by cagr/national/china/2021 = [1.01886e+6, 1.02637e+6] but the share of GDP gives [1.03851e+6, 1.04414e+6]"
    } as never;
    expect(findingText(finding, entityNames([nationalRecord("cagr", 2021, 1)])).text).toBe(
      "原版的2021年全国 · 年均复合增速与其他原版数字不能同时成立：按两条途径推得的数值分别在1018860至1026370和1038510至1044140之间，互不重叠。"
    );
  });
});

describe("reproductionView(reproduction, context)", () => {
  it("shows names instead of ids, each number once, and links to computed records", () => {
    const context = testContext();
    const reproduction: Reproduction = {
      edition: 2022,
      rows: [row("iiot_value_added", 40000, 41000), row("iiot_value_added", 40000, 41000, "亿元", {line: 9})],
      summary: [],
      claims: [
        {
          line: 3,
          id: "iiot_value_added_lower_bound/national/china/2021",
          metric: "iiot_value_added_lower_bound",
          base: "iiot_value_added",
          bound: "lower",
          value: 40000,
          unit: "亿元",
          computed: {china: 41000},
          holds: true,
          quote: "突破4万亿元"
        },
        {
          line: 4,
          id: "iiot_value_added_lower_bound/national/china/2021",
          metric: "iiot_value_added_lower_bound",
          base: "iiot_value_added",
          bound: "lower",
          value: 40000,
          unit: "亿元",
          computed: {china: 41000},
          holds: true,
          quote: "突破4万亿元"
        }
      ],
      findings: [],
      missing: []
    };
    const view = reproductionView(reproduction, context);
    expect(view.rows[0]!.rows).toHaveLength(1);
    expect(view.rows[0]!.rows[0]).toMatchObject({
      label: "全国 · 工业互联网产业增加值",
      diff: "+2.50%",
      places: 2,
      href: "records/iiot_value_added-national.html#r:iiot_value_added/national/china/2021"
    });
    expect(view.claims).toEqual([
      {
        id: "iiot_value_added_lower_bound/national/china/2021",
        label: "全国 · 工业互联网产业增加值不低于40000亿元（2021年）",
        holds: true,
        result: "成立（测算值41000.00亿元）",
        quote: "突破4万亿元"
      }
    ]);
    expect(view.summary[0]!.explanation).toContain("规模类1项，偏差中位数2.50%");
    expect(view.regionInferences).toEqual([]);
  });

  it("lists the regions whose members were inferred from the published numbers, with the evidence", () => {
    const regions = [
      {id: "pearl_river_delta", nameZh: "珠三角", provinces: ["guangdong"], definition: "广东全省", inference: "依据"},
      {id: "northeast", nameZh: "东北", provinces: ["liaoning"], definition: "辽、吉、黑"}
    ];
    const context = {...testContext(), config: {...testContext().config, regions}};
    const reproduction: Reproduction = {edition: 2022, rows: [], summary: [], claims: [], findings: [], missing: []};
    expect(reproductionView(reproduction, context).regionInferences).toEqual([
      {name: "珠三角", members: "广东全省", inference: "依据"}
    ]);
  });

  it("sets the published sector numbers beside the sections' wages when productivity follows wages", () => {
    const sector = (metric: string, entity: string, published: number, unit: string): ReproductionRow => ({
      ...row(metric, published, published, unit),
      id: `${metric}/sector/${entity}/2021`,
      scope: "sector"
    });
    const wage = (entity: string, entityZh: string, value: number) => ({
      ...nationalRecord("average_wage", 2021, value, "元"),
      scope: "sector" as const,
      entity,
      entityZh
    });
    const records = [wage("ict", "信息服务", 200_000), wage("mining", "采矿业", 100_000)];
    const rows = [
      sector("iiot_value_added", "ict", 8000, "亿元"),
      sector("employment_total", "ict", 300, "万人"),
      sector("iiot_value_added", "mining", 2000, "亿元"),
      sector("employment_total", "mining", 150, "万人"),
      sector("employment_total", "finance", 100, "万人")
    ];
    const reproduction: Reproduction = {edition: 2022, rows, summary: [], claims: [], findings: [], missing: []};
    const base = testContext(records);
    const methods = (sectionProductivity: "tier" | "wage") => ({
      ...base,
      config: {...base.config, methods: {...base.config.methods, sectionProductivity}}
    });
    // 8000 / 300 = 26.67 万元 per job ÷ 20 万元 = 1.333; 2000 / 150 = 13.33 ÷ 10 = 1.333; finance has no value added.
    expect(reproductionView(reproduction, methods("wage")).wageEvidence).toEqual({
      year: 2021,
      low: "1.333",
      high: "1.333",
      rows: [
        {name: "信息服务", va: "8000.00", jobs: "300.00", perJob: "26.67", wage: "200000", ratio: "1.333"},
        {name: "采矿业", va: "2000.00", jobs: "150.00", perJob: "13.33", wage: "100000", ratio: "1.333"}
      ]
    });
    expect(reproductionView(reproduction, methods("tier")).wageEvidence).toBeUndefined();

    // With this report's section value added and the paper's national total: Σ_s Z_s / (1.333 × w_s) beside both.
    const computed = (metric: string, entity: string, value: number, unit: string) => ({
      ...nationalRecord(metric, 2021, value, unit),
      scope: entity === "china" ? ("national" as const) : ("sector" as const),
      entity
    });
    const withNational = testContext([
      ...records,
      computed("iiot_value_added", "ict", 8000, "亿元"),
      computed("iiot_value_added", "mining", 2000, "亿元"),
      computed("employment_total", "china", 380, "万人")
    ]);
    const context = {
      ...withNational,
      config: {...withNational.config, methods: {...withNational.config.methods, sectionProductivity: "wage" as const}}
    };
    const national = row("employment_total", 440, 380, "万人");
    const view = reproductionView({...reproduction, rows: [...rows, national]}, context);
    expect(view.wageEvidence?.national).toEqual({
      median: "1.333",
      implied: "450.00",
      published: "440.00",
      diff: "+2.27%",
      computed: "380.00"
    });
  });
});
