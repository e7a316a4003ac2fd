/**
 * @fileoverview The pure helpers of the chart modules: separated dual-axis domains, round ticks and their label
 * decimals, the region map's legend order, merged policy cells, observation dates, list wrapping.
 */
import {describe, expect, it} from "vitest";
import {separatedDomains} from "../../render/charts/dual-axis.ts";
import {bandTicks, tickAxis, tickDecimals, tickFormat, tickStep} from "../../render/charts/ticks.ts";
import {wrapList} from "../../render/charts/industry-system.ts";
import {stableSvgIds} from "../../render/charts/svg.ts";
import {policyTableHtml, runLengths} from "../../render/charts/policy-table.ts";
import {measureText} from "../../render/charts/text-width.ts";
import {observationDate} from "../../render/charts/work-resumption.ts";
import {legendOrder} from "../../render/charts/region-tile-map.ts";

describe("separatedDomains(bars, lines)", () => {
  const height = 260;
  const px = (value: number, [lo, hi]: [number, number]) => ((value - lo) / (hi - lo)) * height;

  it("keeps the lowest line point above the tallest column and its label", () => {
    const {bar, line} = separatedDomains([100, 250, 400], [8, 14.5, 22], {height, barLabels: true});
    expect(px(8, line) - px(400, bar)).toBeGreaterThanOrEqual(20);
    expect(px(22, line)).toBeLessThanOrEqual(height - 20);
  });

  it("leaves room for labels below the lower of several lines", () => {
    const one = separatedDomains([400], [8, 22], {height, barLabels: true});
    const two = separatedDomains([400], [8, 22], {height, barLabels: true, labelsBelowLines: true});
    expect(px(8, two.line) - px(400, two.bar)).toBeGreaterThan(px(8, one.line) - px(400, one.bar));
  });

  it("handles negative columns and a flat line", () => {
    const {bar, line, lineTicks} = separatedDomains([-50, 300], [10, 10], {height});
    expect(bar[0]).toBeLessThan(-50);
    expect(line[0]).toBeLessThan(10);
    expect(line[1]).toBeGreaterThan(10);
    expect(lineTicks.length).toBeGreaterThan(0);
  });

  it("ticks each axis only over its own band", () => {
    const {barTicks, lineTicks} = separatedDomains([3000], [7.8, 17.6], {height, barLabels: true});
    expect(Math.max(...barTicks)).toBeLessThanOrEqual(3500);
    expect(Math.min(...lineTicks)).toBeGreaterThanOrEqual(0);
  });
});

describe("tickStep / bandTicks", () => {
  it("steps by 1, 2 or 5 × 10^n", () => {
    expect(tickStep(10, 5)).toBe(2);
    expect(tickStep(3000, 4)).toBe(1000);
    expect(tickStep(0.7, 3)).toBeCloseTo(0.2);
  });

  it("covers the range with round ticks inside the domain", () => {
    expect(bandTicks(0, 3853.72, 4, [0, 5000])).toEqual([0, 1000, 2000, 3000, 4000]);
    expect(bandTicks(0.1, 0.3, 2, [0, 1])).toEqual([0.1, 0.2, 0.3]);
  });
});

describe("tickDecimals / tickFormat / tickAxis", () => {
  it("takes the decimals from the step between ticks", () => {
    expect(tickDecimals([3.4, 3.5, 3.6])).toBe(1);
    expect(tickDecimals([3, 3.5, 4])).toBe(1);
    expect(tickDecimals([0, 0.25, 0.5, 0.75])).toBe(2);
    expect(tickDecimals([0.02, 0.04])).toBe(2);
    expect(tickDecimals([0, 500, 1000])).toBe(0);
    expect(tickDecimals([-4, -2, 0, 2])).toBe(0);
    expect(tickDecimals([])).toBe(0);
  });

  it("formats ticks so that no two print alike", () => {
    expect(tickFormat([3.4, 3.5, 3.6])).toBe(".1f");
    expect(tickFormat([10, 20, 30])).toBe(".0f");
    expect(tickAxis([3.5, 3.6])).toEqual({values: [3.5, 3.6], format: ".1f"});
    for (const ticks of [
      [3.4, 3.5, 3.6],
      [3.53, 3.62],
      [0.1, 0.2, 0.3],
      [1e-7, 2e-7]
    ]) {
      const decimals = tickDecimals(ticks, 8);
      expect(new Set(ticks.map((t) => t.toFixed(decimals))).size).toBe(ticks.length);
    }
  });

  it("gives the ticks of a narrow dual-axis band one decimal", () => {
    const {lineTicks} = separatedDomains([4.5, 4.9, 5.3], [3.53, 3.58, 3.62], {height: 248, barLabels: true});
    const format = tickFormat(lineTicks);
    expect(format).not.toBe(".0f");
    const decimals = Number(format.slice(1, -1));
    expect(new Set(lineTicks.map((t) => t.toFixed(decimals))).size).toBe(lineTicks.length);
  });
});

describe("legendOrder(values, count) of the region map", () => {
  it("lists the regions from the highest value down", () => {
    // 长三角, 珠三角, 长江中游, 京津冀, 成渝, 东北, 西北 (2023): 长江中游 above 珠三角, 西北 above 东北.
    expect(legendOrder([10836.42, 4825.55, 4846.95, 3612.16, 3053.96, 2013.16, 2181.51], 7)).toEqual([
      0, 2, 1, 3, 4, 6, 5
    ]);
  });

  it("keeps config order for ties and without values", () => {
    expect(legendOrder([1, 2, 2, 1], 4)).toEqual([1, 2, 0, 3]);
    expect(legendOrder(undefined, 3)).toEqual([0, 1, 2]);
  });
});

describe("policy table", () => {
  it("counts runs of equal issuers (0 = continues the row above)", () => {
    expect(runLengths(["a", "a", "b", "a"])).toEqual([2, 0, 1, 1]);
  });

  it("merges the issuer of consecutive documents and the date of same-day documents", () => {
    const html = policyTableHtml(
      [
        {issuer: "miit", issuerZh: "工信部", date: "2018.07", title: "《甲》"},
        {issuer: "miit", issuerZh: "工信部", date: "2018.07", title: "《乙》"},
        {issuer: "miit", issuerZh: "工信部", date: "2018.12", title: "《丙》"}
      ],
      "部门"
    );
    expect(html).toContain(
      '<tr><td rowspan="3">工信部</td><td rowspan="2">2018.07</td><td>《甲》</td></tr><tr><td>《乙》</td></tr><tr><td>2018.12</td><td>《丙》</td></tr>'
    );
  });
});

describe("observationDate(period)", () => {
  it("places ten-day periods at their middle and days on themselves", () => {
    expect(observationDate("2020-02-mid", "t")).toEqual({date: "2020-02-15", label: "2月中旬"});
    expect(observationDate("2020-03-mid/late", "t")).toEqual({date: "2020-03-20", label: "3月中下旬"});
    expect(observationDate("2020-05-31", "t")).toEqual({date: "2020-05-31", label: "5月31日"});
  });

  it("rejects a period that is not a point in time", () => {
    expect(() => observationDate("2020-Q1", "t")).toThrow('t: observation period "2020-Q1"');
  });
});

describe("wrapList(items, width)", () => {
  it("packs items into lines no wider than the width", () => {
    const items = ["批发零售", "交通运输", "住宿餐饮", "信息传输软件", "金融"];
    const lines = wrapList(items, 100, 11);
    expect(lines.join("")).toBe(`${items.join("、")}`);
    for (const line of lines) expect(measureText(line, 11)).toBeLessThanOrEqual(100 + 11);
  });
});

describe("stableSvgIds(svg, prefix)", () => {
  it("renumbers Vega's process-wide gradient and clip ids per SVG under the figure's prefix, references included", () => {
    const svg =
      '<svg><defs><linearGradient id="gradient_7"/><clipPath id="clip12"/></defs><rect fill="url(#gradient_7)" clip-path="url(#clip12)"/><use href="#gradient_7"/><g id="main"/></svg>';
    expect(stableSvgIds(svg, "fig-a-1")).toBe(
      '<svg><defs><linearGradient id="fig-a-1-gradient-0"/><clipPath id="fig-a-1-clip-1"/></defs><rect fill="url(#fig-a-1-gradient-0)" clip-path="url(#fig-a-1-clip-1)"/><use href="#fig-a-1-gradient-0"/><g id="main"/></svg>'
    );
    expect(stableSvgIds(svg.replace(/7/g, "99"), "fig-a-1")).toBe(stableSvgIds(svg, "fig-a-1"));
  });
});
