import {describe, expect, it} from "vitest";
import {fitShares, goldenMinimum} from "../../model/calibration/calibrate.ts";
import {interpolateAnnual, multiplierPath, multiplierRules, ruleClauseZh} from "../../model/method/multiplier.ts";
import {ModelError} from "../../lib/errors.ts";

describe("calibration pieces", () => {
  it("fitShares hits two targets with three shares and keeps them near a common value", () => {
    // f1 = s1 + s2 + s3 = 0.9, f2 = 2 s1 + s3 = 0.8 (relative residuals).
    const s = fitShares(
      (x) => [(x[0]! + x[1]! + x[2]! - 0.9) / 0.9, (2 * x[0]! + x[2]! - 0.8) / 0.8],
      [0.1, 0.1, 0.1],
      1e-6
    );
    expect(s[0]! + s[1]! + s[2]!).toBeCloseTo(0.9, 4);
    expect(2 * s[0]! + s[2]!).toBeCloseTo(0.8, 4);
    for (const x of s) expect(x).toBeGreaterThanOrEqual(0);
  });

  it("fitShares respects the box [0, 1]", () => {
    const s = fitShares((x) => [x[0]! - 2], [0.5], 0);
    expect(s[0]).toBe(1);
  });

  it("goldenMinimum finds the minimum of a parabola", () => {
    expect(goldenMinimum((x) => (x - 0.3) ** 2, -1, 1)).toBeCloseTo(0.3, 9);
  });

  it("years between two anchors get equal annual multipliers (log-linear M)", () => {
    const annual = interpolateAnnual(
      new Map([
        [2017, 1],
        [2020, 1.331]
      ]),
      [2018, 2019, 2020]
    );
    for (const mu of annual.values()) expect(mu).toBeCloseTo(1.1, 12);
    const path = multiplierPath(
      new Map(),
      {"2018": 1.1, "2019": 1.1, "2020": 1.1},
      true,
      [2017, 2018, 2019, 2020],
      new Map()
    );
    expect(path.cumulative.get(2020)).toBeCloseTo(1.331, 12);
  });

  it("each rule gives the multiplier it declares", () => {
    const years = [2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024];
    const config = {
      multiplier: {
        rules: {
          "2020": {rule: "trend" as const, window: 2},
          "2021": {rule: "carry-forward" as const},
          "2022": {rule: "unity" as const},
          "2023": {rule: "given" as const, value: 1.05, source: "test"},
          "2024": {rule: "cobb-douglas" as const}
        }
      }
    };
    const rules = multiplierRules(config, years);
    expect(rules.get(2018)).toEqual({rule: "calibrated"});
    const path = multiplierPath(rules, {"2018": 1.21, "2019": 1.0}, true, years, new Map([[2024, 0.98]]));
    // trend over 2 years: √(1.21 × 1.0) = 1.1; carry-forward repeats it; unity 1; given 1.05; Cobb–Douglas 0.98.
    expect(path.annual.get(2020)).toBeCloseTo(1.1, 12);
    expect(path.annual.get(2021)).toBeCloseTo(1.1, 12);
    expect(path.annual.get(2022)).toBe(1);
    expect(path.annual.get(2023)).toBe(1.05);
    expect(path.annual.get(2024)).toBe(0.98);
    expect(path.cumulative.get(2024)).toBeCloseTo(1.21 * 1.1 * 1.1 * 1.05 * 0.98, 12);
    expect(ruleClauseZh({rule: "trend", window: 3})).toBe("取此前三年乘数的几何平均");
  });

  it("calibrated years come first, and a rule needs the years it averages", () => {
    const years = [2017, 2018, 2019, 2020];
    expect(() => multiplierRules({multiplier: {rules: {"2018": {rule: "unity"}}}}, years)).toThrow(
      /2019 is calibrated but 2018 before it follows "unity"/
    );
    expect(() => multiplierRules({multiplier: {rules: {"2030": {rule: "unity"}}}}, years)).toThrow(
      /found a rule for 2030; expected only years 2018–2020/
    );
    const rules = multiplierRules(
      {multiplier: {rules: {"2018": {rule: "trend", window: 3}, "2019": {rule: "unity"}, "2020": {rule: "unity"}}}},
      years
    );
    expect(() => multiplierPath(rules, {}, true, years, new Map())).toThrow(
      /2018: "trend" needs the multiplier of the 3 year\(s\) before it; found 0/
    );
  });

  it("a missing multiplier is the user's input to fix (ModelError), not an internal error", () => {
    const run = () => multiplierPath(new Map(), {"2018": 1.1}, true, [2017, 2018, 2019], new Map());
    expect(run).toThrow(ModelError);
    expect(run).toThrow('technology multiplier of 2019 (rule "calibrated"): found undefined; expected a number > 0');
  });
});
