/** The relative-trend forecast of parts on cases checked by hand. */
import {describe, expect, it} from "vitest";
import {BuildError} from "../../lib/errors.ts";
import {forecastParts, trendGrowth} from "../../model/method/forecast-parts.ts";

describe("trendGrowth", () => {
  it("is the average annual growth in %", () => {
    expect(trendGrowth(100, 121, 2)).toBeCloseTo(10, 10);
    expect(trendGrowth(100, 100, 3)).toBe(0);
  });
  it("refuses a level that is not positive, as an input error", () => {
    expect(() => trendGrowth(0, 10, 2)).toThrow(BuildError);
  });
});

describe("forecastParts", () => {
  const parts = new Map([
    ["a", {prev: 100, trend: 10}],
    ["b", {prev: 100, trend: 0}]
  ]);

  it("adds each part's lead over the whole to the whole's growth", () => {
    // Whole trend 5, growth 5: a grows 5 + 10 − 5 = 10 %, b 5 + 0 − 5 = 0 %; 110 + 100 = 210 is the forecast: k = 1.
    const out = forecastParts(parts, {trend: 5, growth: 5, forecast: 210}, String);
    expect(out.get("a")).toBeCloseTo(110, 10);
    expect(out.get("b")).toBeCloseTo(100, 10);
  });

  it("scales the parts by one factor so that they add up to the whole's forecast", () => {
    const out = forecastParts(parts, {trend: 5, growth: 5, forecast: 231}, String);
    // k = 231 / 210 = 1.1: a = 121, b = 110, in the same 11 : 10 ratio as before the scaling.
    expect(out.get("a")).toBeCloseTo(121, 10);
    expect(out.get("b")).toBeCloseTo(110, 10);
    expect(out.get("a")! + out.get("b")!).toBeCloseTo(231, 10);
  });

  it("refuses a part whose growth factor would not be positive, naming it and the setting to change", () => {
    const falling = new Map([["c", {prev: 100, trend: -150}]]);
    expect(() => forecastParts(falling, {trend: 0, growth: 5, forecast: 100}, (k) => `section ${k}`)).toThrow(
      /section c.*partsTrendWindow|partsTrendWindow.*section c/
    );
  });
});
