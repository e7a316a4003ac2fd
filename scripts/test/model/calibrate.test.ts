import {describe, expect, it} from "vitest";
import {fitShares, goldenMinimum} from "../../model/calibrate.ts";
import {interpolateAnnual, multiplierPath} from "../../model/multiplier.ts";
import {ModelError} from "../../lib/errors.ts";

describe("calibration pieces", () => {
  it("fitShares hits two targets with three shares and keeps them near a common value", () => {
    // f1 = s1 + s2 + s3 = 0.9, f2 = 2 s1 + s3 = 0.8 (relative residuals).
    const s = fitShares((x) => [(x[0]! + x[1]! + x[2]! - 0.9) / 0.9, (2 * x[0]! + x[2]! - 0.8) / 0.8], [0.1, 0.1, 0.1], 1e-6);
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
    const annual = interpolateAnnual(new Map([[2017, 1], [2020, 1.331]]), [2018, 2019, 2020]);
    for (const mu of annual.values()) expect(mu).toBeCloseTo(1.1, 12);
    const path = multiplierPath({source: "calibrated", appliesToDirect: true, values: {"2018": 1.1, "2019": 1.1, "2020": 1.1}, provenance: "test"}, [2017, 2018, 2019, 2020], new Map());
    expect(path.cumulative.get(2020)).toBeCloseTo(1.331, 12);
    const cd = multiplierPath({source: "cobb-douglas", appliesToDirect: false, values: {}, provenance: "test"}, [2017, 2018], new Map([[2018, 1.02]]));
    expect(cd.cumulative.get(2018)).toBe(1.02);
  });

  it("a missing multiplier is the user's input to fix (ModelError), not an internal error", () => {
    const run = () =>
      multiplierPath({source: "calibrated", appliesToDirect: true, values: {"2018": 1.1}, provenance: "test"}, [2017, 2018, 2019], new Map());
    expect(run).toThrow(ModelError);
    expect(run).toThrow('technology multiplier (parameters, source "calibrated"): no value for 2019; found undefined; expected a number > 0');
  });
});
