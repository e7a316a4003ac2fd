import {describe, expect, it} from "vitest";
import {tierOfSection} from "../../import/concordance.ts";
import {perpetualInventory} from "../../import/macro.ts";
import {observedKind, sourceId} from "../../import/observed.ts";
import {biproportionalFit} from "../../import/provincial-employment.ts";
import {shareForYear} from "../../import/section-value-added.ts";
import {formatNumber, quoteCsvField, tableToCsv} from "../../import/table.ts";

describe("formatNumber(value, decimals)", () => {
  it("prints copied values with every digit and computed ones with fixed decimals", () => {
    expect(formatNumber(586618225.3506215)).toBe("586618225.3506215");
    expect(formatNumber(0.00019847574726361545)).toBe("0.00019847574726361545");
    expect(formatNumber(20962.800000000003, 4)).toBe("20962.8");
    expect(formatNumber(-0.00001, 4)).toBe("0");
    expect(() => formatNumber(Number.NaN)).toThrow();
  });
});

describe("tableToCsv(table)", () => {
  it("quotes only the fields that need it and ends with a newline", () => {
    expect(quoteCsvField('a,"b"')).toBe('"a,""b"""');
    const csv = tableToCsv({
      file: "x.csv",
      columns: [
        {name: "a", description: ""},
        {name: "b", description: "", decimals: 2},
        {name: "c", description: ""}
      ],
      rows: [
        ["x, y", 1.005, true],
        ["z", 2, null]
      ]
    });
    expect(csv).toBe('a,b,c\n"x, y",1,true\nz,2,\n');
  });
});

describe("shareForYear(sharesByTableYear, year)", () => {
  const shares = new Map([
    [2017, 0.2],
    [2018, 0.3],
    [2020, 0.5]
  ]);
  it("takes a table year's share, interpolates between tables and holds the last after it", () => {
    expect(shareForYear(shares, 2018)).toEqual({share: 0.3, method: "io-table"});
    expect(shareForYear(shares, 2019).share).toBeCloseTo(0.4, 12);
    expect(shareForYear(shares, 2019).method).toBe("interpolated");
    expect(shareForYear(shares, 2022)).toEqual({share: 0.5, method: "held"});
  });
});

describe("perpetualInventory(investment, δ, growthYears)", () => {
  it("starts from I0 / (g + δ) and accumulates depreciated investment", () => {
    const stocks = perpetualInventory([100, 110, 121], 0.1, 2);
    expect(stocks[0]).toBeCloseTo(100 / 0.2, 10);
    expect(stocks[1]).toBeCloseTo(0.9 * 500 + 110, 10);
    expect(stocks[2]).toBeCloseTo(0.9 * 560 + 121, 10);
  });
});

describe("biproportionalFit(seed, rows, columns)", () => {
  it("meets both margins", () => {
    const fitted = biproportionalFit(
      [
        [1, 2, 3],
        [4, 5, 6]
      ],
      [10, 20],
      [6, 9, 15]
    );
    fitted.forEach((row, i) => expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo([10, 20][i]!, 9));
    [6, 9, 15].forEach((target, j) => expect(fitted[0]![j]! + fitted[1]![j]!).toBeCloseTo(target, 9));
  });
});

describe("concordance and observed rules", () => {
  it("maps sections to tiers by the NBS rule", () => {
    expect(tierOfSection("A")).toBe("primary");
    expect(["B", "C", "D", "E"].map((s) => tierOfSection(s as "B"))).toEqual(Array(4).fill("secondary"));
    expect(tierOfSection("F")).toBe("tertiary");
  });

  it("tells context facts from observations and names cited organisations", () => {
    expect(observedKind("method_related_subsectors")).toBe("context");
    expect(observedKind("work_resumption_rate")).toBe("observed");
    expect(sourceId(2020, "gdp_growth_assumption")).toBe("paper-2020-idc");
    expect(sourceId(2022, "gdp_nominal_growth_assumption")).toBe("paper-2022");
  });
});
