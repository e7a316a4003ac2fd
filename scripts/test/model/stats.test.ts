import {describe, expect, it} from "vitest";
import {
  cagr,
  contributionToGdpGrowth,
  countAbove,
  cumulativeGrowth,
  growth,
  growthChangePp,
  ranks,
  ratio,
  shareOfTotal
} from "../../model/method/stats.ts";
import {formula, formulaTable} from "../../model/records/formulas.ts";

describe("derived statistics", () => {
  it("CAGR counts annual steps: 2017→2021 (+74.10 %) is four steps, 14.87 % a year", () => {
    expect(cagr(1.741, 1, 4)).toBeCloseTo(14.868, 3);
    expect(cagr(1.741, 1, 5)).toBeCloseTo(11.73, 2); // what the 2022 edition printed (five steps)
    expect(cumulativeGrowth(4.1, 2.355)).toBeCloseTo(74.1, 1);
    expect(() => cagr(2, 1, 0)).toThrow();
  });

  it("growth, change of growth, contribution, ratios", () => {
    expect(growth(110, 100)).toBeCloseTo(10, 12);
    expect(growthChangePp(19.86, 15.9)).toBeCloseTo(3.96, 12);
    expect(contributionToGdpGrowth(34100, 27917.66, 990865, 919281)).toBeCloseTo(8.64, 2);
    expect(ratio(2.49, 0.92)).toBeCloseTo(2.7065, 4);
    expect(shareOfTotal(1, 4)).toBe(25);
  });

  it("ranks: 1 = largest, ties share the better rank, independent of order", () => {
    const r = ranks(
      new Map([
        ["b", 5],
        ["a", 9],
        ["c", 5],
        ["d", 1]
      ])
    );
    expect([...r.entries()]).toEqual([
      ["a", 1],
      ["b", 2],
      ["c", 2],
      ["d", 4]
    ]);
    expect(countAbove([999.9, 1000, 1000.1, 5000], 1000)).toBe(2);
  });

  it("every expression formula prints TeX from the same definition it evaluates", () => {
    expect(formula("growth").tex).toBe("g_n = \\left(\\frac{Z_n}{Z_{n-1}}-1\\right)\\cdot100");
    const ids = formulaTable().map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const f of formulaTable()) expect(f.descriptionZh.length).toBeGreaterThan(0);
  });
});

/** inconsistencies.md, "Checks that pass": the 2020 edition is internally exact; the same functions reproduce it. */
describe("2020 edition identities from the published levels", () => {
  // 2019 sector levels and growth (亿元, %), 19 sections.
  const sectors: [string, number, number][] = [
    ["agriculture", 493.35, 23.92],
    ["manufacturing", 14694.68, 18.41],
    ["mining", 1874.69, 23.65],
    ["utilities", 1153.23, 37.75],
    ["construction", 30.94, 23.2],
    ["wholesale_retail", 2523.9, 22.69],
    ["ict", 6777.81, 25.05],
    ["transport_storage_post", 1350.98, 20.75],
    ["finance", 1771.23, 24.22],
    ["leasing_business_services", 1198.48, 27.18],
    ["real_estate", 1146.74, 22.62],
    ["science_technical_services", 299.04, 30.01],
    ["water_environment_public_facilities", 49.69, 29.73],
    ["accommodation_catering", 306.91, 24.26],
    ["resident_services_repair_other", 224.9, 29.37],
    ["education", 32.48, 27.06],
    ["health_social_work", 8.08, 19.83],
    ["culture_sports_entertainment", 136.74, 52.54],
    ["public_admin_social_org", 24.76, 20.53]
  ];

  it("the 2018 levels implied by the sector growth rates give the printed national growth 22.14 %", () => {
    const now = sectors.reduce((s, [, v]) => s + v, 0);
    const before = sectors.reduce((s, [, v, g]) => s + v / (1 + g / 100), 0);
    expect(before).toBeCloseTo(27917.66, 0);
    expect(growth(now, before)).toBeCloseTo(22.14, 2);
  });

  it("tier growth from sections: 23.92 / 20.05 / 24.51 %", () => {
    const tier = (names: string[]): number => {
      const rows = sectors.filter(([n]) => names.includes(n));
      return growth(
        rows.reduce((s, [, v]) => s + v, 0),
        rows.reduce((s, [, v, g]) => s + v / (1 + g / 100), 0)
      );
    };
    expect(tier(["agriculture"])).toBeCloseTo(23.92, 2);
    expect(tier(["manufacturing", "mining", "utilities", "construction"])).toBeCloseTo(20.05, 2);
    const tertiary = sectors.map(([n]) => n).slice(5);
    expect(tier(tertiary)).toBeCloseTo(24.51, 2);
  });

  it("employment: new = Δ levels and growth rates as printed", () => {
    expect(growth(2367.41, 2172.19)).toBeCloseTo(8.99, 2);
    expect(growth(2679.61, 2367.41)).toBeCloseTo(13.19, 2);
    expect(growth(2810.9, 2679.61)).toBeCloseTo(4.9, 2);
    expect(growth(1562.27, 1153.23)).toBeCloseTo(35.47, 2);
    expect(growth(205.42, 136.74)).toBeCloseTo(50.23, 2);
  });

  it("one value added per job for every section in 2019 (12.725 万元/人)", () => {
    const jobs: Record<string, number> = {
      manufacturing: 1154.77,
      mining: 147.32,
      utilities: 90.63,
      wholesale_retail: 198.34,
      ict: 532.63,
      finance: 139.19
    };
    for (const [name, e] of Object.entries(jobs)) {
      const va = sectors.find(([n]) => n === name)![1];
      expect(ratio(va, e)).toBeCloseTo(12.725, 2);
    }
    expect(ratio(34100, 2679.61)).toBeCloseTo(12.7257, 3);
  });

  it("2020E ratio 2.90 ↔ penetration share 74.34 %, 新基建 1,960 / 37,800 = 5.19 %", () => {
    expect(shareOfTotal(2.9, 3.9)).toBeCloseTo(74.36, 2);
    expect(shareOfTotal(1960, 37800)).toBeCloseTo(5.19, 2);
    expect(
      countAbove(
        sectors.map(([, v]) => v),
        1000
      )
    ).toBe(9);
  });
});
