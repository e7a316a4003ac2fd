import {describe, expect, it} from "vitest";
import {fitCobbDouglas, gammaSeries, ols} from "../../model/method/cobb-douglas.ts";
import type {MacroObservation} from "../../model/inputs.ts";

describe("Cobb–Douglas", () => {
  // Exact synthetic data with constant returns: Y = 2 K^0.4 L^0.6 on 2007–2016, then γ = 1.05 in 2017 and 1.05·1.1 in 2018.
  const macro: MacroObservation[] = [];
  for (let t = 0; t < 12; t++) {
    const year = 2007 + t;
    const capital = 100 * 1.1 ** t;
    const labour = 50 + 3 * t + (t % 3);
    const gamma = year === 2017 ? 1.05 : year === 2018 ? 1.05 * 1.1 : 1;
    macro.push({year, output: gamma * 2 * capital ** 0.4 * labour ** 0.6, capital, labour, estimated: false});
  }

  it("OLS of ln(Y/L) on ln(K/L) recovers α, β = 1 − α, and Â on indices of the first year (1 here: 2007 lies on the function)", () => {
    const fit = fitCobbDouglas(macro, [2007, 2016]);
    expect(fit.alpha).toBeCloseTo(0.4, 9);
    expect(fit.beta).toBeCloseTo(0.6, 9);
    expect(fit.a).toBeCloseTo(1, 9);
    expect(fit.base).toEqual({output: macro[0]!.output, capital: 100, labour: 50});
    expect(fit.rSquared).toBeCloseTo(1, 12);
    expect(fit.observations).toBe(10);
  });

  it("γ_n and μ_n = γ_n / γ_{n−1} after the window", () => {
    const fit = fitCobbDouglas(macro, [2007, 2016]);
    const [g16, g17, g18] = gammaSeries(fit, macro, [2016, 2017, 2018]);
    expect(g16!.gamma).toBeCloseTo(1, 9);
    expect(g17!.multiplier).toBeCloseTo(1.05, 9);
    expect(g18!.multiplier).toBeCloseTo(1.1, 9);
    const [g19] = gammaSeries(fit, macro, [2019]);
    expect(g19!.estimated).toBe(true);
  });

  it("stays well-posed when capital and labour move in step (the unrestricted fit is not identified there)", () => {
    // L grows at a constant rate, K at another: ln K and ln L are exactly collinear with the intercept's trend.
    const collinear: MacroObservation[] = [];
    for (let t = 0; t < 10; t++) {
      const capital = 100 * 1.1 ** t;
      const labour = 50 * 1.01 ** t;
      collinear.push({
        year: 2007 + t,
        output: 2 * capital ** 0.3 * labour ** 0.7 * (1 + 0.001 * (t % 2)),
        capital,
        labour,
        estimated: false
      });
    }
    const fit = fitCobbDouglas(collinear, [2007, 2016]);
    expect(fit.alpha).toBeGreaterThan(0.25);
    expect(fit.alpha).toBeLessThan(0.35);
    expect(fit.alpha + fit.beta).toBe(1);
  });

  it("ols() gives the least-squares line of a noisy case", () => {
    const {coefficients} = ols(
      [
        [1, 0],
        [1, 1],
        [1, 2],
        [1, 3]
      ],
      [1, 3, 5, 8]
    );
    expect(coefficients[0]).toBeCloseTo(0.8, 12);
    expect(coefficients[1]).toBeCloseTo(2.3, 12);
  });
});
