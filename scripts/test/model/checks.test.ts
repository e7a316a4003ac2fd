import {describe, expect, it} from "vitest";
import {checkFigures, checkPublished, type Finding} from "../../model/checks/index.ts";
import {canonicalise, printedDecimals} from "../../model/checks/precision.ts";
import {fractionalRange} from "../../model/checks/interval.ts";
import {editionData, EDITIONS} from "./real-data.ts";

describe("printed precision and canonical units", () => {
  it("reads the decimals from the quote (JSON drops trailing zeros)", () => {
    expect(printedDecimals(312.2, "新增312.20万人")).toBe(2);
    expect(printedDecimals(4.1, "突破 4万亿元，达到 4.10万亿元")).toBe(2);
    expect(printedDecimals(3.44, "2.83%、3.04%、3.44%")).toBe(2);
    expect(printedDecimals(3, "约为直接产业就业人数的三倍")).toBe("words");
  });

  it("converts 万亿元 to 亿元 and a growth change printed with % to pp", () => {
    const c = canonicalise({
      metric: "iiot_value_added",
      scope: "national",
      entity: "china",
      year: 2019,
      value: 3.41,
      unit: "万亿元",
      forecast: false,
      quote: "3.41万亿元"
    });
    expect(c).toMatchObject({value: 34100, unit: "亿元", interval: {lo: 34050, hi: 34150}});
    expect(
      canonicalise({
        metric: "growth_change_pp",
        scope: "tier",
        entity: "primary",
        year: 2019,
        value: 9.41,
        unit: "%",
        forecast: false,
        quote: "9.41%"
      }).unit
    ).toBe("pp");
  });

  it("aggregate growth range is exact over the box, not the loose interval product", () => {
    const r = fractionalRange([
      {level: {lo: 100, hi: 110}, c: {lo: 1 / 1.2, hi: 1 / 1.2}},
      {level: {lo: 50, hi: 50}, c: {lo: 1 / 1.1, hi: 1 / 1.1}}
    ]);
    // Corners: (100, 50) → 150 / (83.33 + 45.45); (110, 50) → 160 / (91.67 + 45.45).
    expect(r.lo).toBeCloseTo(150 / (100 / 1.2 + 50 / 1.1), 12);
    expect(r.hi).toBeCloseTo(160 / (110 / 1.2 + 50 / 1.1), 12);
  });
});

describe("consistency checks on the computed figures", () => {
  it.each(EDITIONS)("the %i figures break no rule", async (edition) => {
    const {figures, config} = await editionData(edition);
    expect(checkFigures(figures, config)).toEqual([]);
  });

  it("a broken identity is reported", async () => {
    const {figures, config} = await editionData(2022);
    const broken = {
      ...figures,
      records: figures.records.map((r) =>
        r.metric === "iiot_value_added" && r.scope === "national" && r.year === 2021 ? {...r, value: r.value + 10} : r
      )
    };
    const violations = checkFigures(broken, config);
    expect(violations.some((v) => v.startsWith("total-equals-direct-plus-penetration"))).toBe(true);
  });
});

/**
 * The same rules over the published numbers find the papers' contradictions listed in inconsistencies.md. The
 * expected ids name those findings; detection is by the generic rules (no list of records inside the model).
 */
describe("consistency checks on the published numbers", () => {
  const has = (findings: Finding[], rule: string, record: string): boolean =>
    findings.some((f) => f.rule === rule && f.flagged.some((ref) => ref.startsWith(record)));

  it("2020 edition: 2020-1, 2020-3, 2020-4, 2020-9", async () => {
    const {published, figures, config} = await editionData(2020);
    const findings = checkPublished(published, figures, config);
    const expected: [string, string, string][] = [
      ["2020-1", "share-and-contribution-imply-one-gdp", "contribution_to_gdp_growth/national/china/2020"],
      ["2020-3", "employment-ratio-equals-va-ratio", "employment_penetration_to_direct_ratio/national/china/2019"],
      ["2020-4", "ratio-agrees-with-growth-rates", "penetration_to_direct_ratio/national/china/2017"],
      ["2020-9", "count-agrees-with-levels", "count_provinces_va_over_1000yi/province/all_provinces/2019"]
    ];
    for (const [id, rule, record] of expected) expect(has(findings, rule, record), id).toBe(true);
    // The checks that pass in inconsistencies.md stay silent: no finding on the sector/tier levels or employment.
    expect(findings.filter((f) => f.flagged.some((r) => /\/(sector|tier)\//.test(r)))).toEqual([]);
  });

  it("2022 edition: 2022-1 … 2022-6 and 2022-8", async () => {
    const {published, figures, config} = await editionData(2022);
    const findings = checkPublished(published, figures, config);
    const expected: [string, string, string][] = [
      ["2022-1", "aggregate-growth-agrees-with-parts", "nominal_growth_direct/national/china/2021"],
      ["2022-2", "tier-equals-sum-of-sections", "iiot_value_added/tier/primary/2021"],
      ["2022-2", "one-value-per-quantity", "iiot_value_added/tier/primary/2022"],
      ["2022-3", "cagr-agrees-with-cumulative-growth", "cagr/national/china/2021"],
      ["2022-4", "employment-total-follows-productivity", "employment_total/national/china/2021"],
      ["2022-5", "province-share-within-tier-intensities", "share_of_gdp/province/tianjin/2021"],
      ["2022-5", "province-value-within-tier-shares", "iiot_value_added_direct/province/beijing/2021"],
      ["2022-6", "one-value-per-quantity", "iiot_value_added_direct/direct_segment/platform/2021"],
      ["2022-8", "tier-equals-sum-of-sections", "iiot_value_added/tier/secondary/2021"]
    ];
    for (const [id, rule, record] of expected) expect(has(findings, rule, record), id).toBe(true);
    // 2022-4: the published sector employment does not divide by one productivity per tier, as the appendix says;
    // its value added per job is one multiple of each section's average wage (methods.sectionProductivity "wage").
    const tierReading = {...config, methods: {...config.methods, sectionProductivity: "tier" as const}};
    expect(config.methods.sectionProductivity).toBe("wage");
    expect(
      has(checkPublished(published, figures, tierReading), "va-per-job-uniform", "employment_total/sector/mining/2021")
    ).toBe(true);
    expect(findings.filter((f) => f.rule === "va-per-job-uniform")).toEqual([]);
    // Rounding slack that is not an error (2022-10): total growth 8.67 %, new jobs 105.02, "提高了一倍".
    for (const record of [
      "nominal_growth/national/china/2022",
      "employment_new/national/china/2022",
      "nominal_growth_direct_increase_multiple"
    ])
      expect(
        findings.some((f) => f.flagged.some((r) => r.startsWith(record))),
        record
      ).toBe(false);
  });
});
