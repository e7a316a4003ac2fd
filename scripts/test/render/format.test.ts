import {describe, expect, it} from "vitest";
import {formatNumber, formatValue} from "../../render/format.ts";

describe("formatValue(value, unit)", () => {
  it("prints 亿元 values in 万亿元 with two decimals, as the papers do", () => {
    expect(formatValue(41000, "万亿元")).toBe("4.10万亿元");
    expect(formatValue(490.6, "万亿元", {decimals: 3})).toBe("0.049万亿元");
  });
  it("prints 亿元 without digit grouping", () => {
    expect(formatValue(10687.514, "亿元")).toBe("10687.51亿元");
  });
  it("prints percentage-point changes as 个百分点", () => {
    expect(formatValue(2.974, "pp")).toBe("2.97个百分点");
  });
  it("prints counts and ranks as integers with their counter", () => {
    expect(formatValue(13, "个")).toBe("13个");
    expect(formatValue(1, "位")).toBe("1位");
  });
  it("prints negative values with a true minus sign, or their absolute value on request", () => {
    expect(formatValue(-1.456, "万人")).toBe("−1.46万人");
    expect(formatValue(-1.456, "万人", {abs: true})).toBe("1.46万人");
  });
  it("never prints a negative zero", () => {
    expect(formatNumber(-0.001, "%")).toBe("0.00");
  });
  it("leaves the unit off when bare", () => {
    expect(formatValue(44500, "万亿元", {bare: true})).toBe("4.45");
  });
});
