import {describe, expect, it} from "vitest";
import {DataError} from "../../lib/errors.ts";
import {isClose, parseProse} from "../../render/prose.ts";

const file = "content/2030/prose.yaml";

describe("parseProse(source, inputPath)", () => {
  it("reads the closeness and the facts with the line of each fact", () => {
    const settings = parseProse(
      [
        "close:",
        "  points: 0.5",
        "  share: 0.1",
        "  levels: 0.02",
        "facts:",
        "  # 01-overview.md",
        '  growth_above_gdp: "[[增速]] > [[GDP增速]]"',
        "lists:",
        '  slower: "[[增速/省份]] < [[GDP增速/省份]]"'
      ].join("\n"),
      file
    );
    expect(settings).toEqual({
      inputPath: file,
      close: {points: 0.5, share: 0.1, levels: 0.02},
      facts: {growth_above_gdp: "[[增速]] > [[GDP增速]]"},
      factLines: {growth_above_gdp: 7},
      lists: {slower: "[[增速/省份]] < [[GDP增速/省份]]"},
      listLines: {slower: 9}
    });
  });
  it("refuses a list named like a fact", () => {
    expect(() => parseProse('facts:\n  x: "[[增速]] > 0"\nlists:\n  x: "[[增速/省份]] > 0"\n', file)).toThrow(
      'content/2030/prose.yaml:4:lists.x: found "x"; expected a name that is not also a fact\'s'
    );
  });
  it("is empty for an empty file", () => {
    expect(parseProse("", file)).toEqual({inputPath: file, facts: {}, factLines: {}, lists: {}, listLines: {}});
  });
  it("lists every problem at once, located, with the value found", () => {
    const source = [
      "close:",
      "  points: -1",
      "  share: 0.1",
      "  level: 0.02",
      "facts:",
      '  Growth: "[[增速]] > 0"',
      "  ok_fact: 3",
      "figures: []"
    ].join("\n");
    let error: unknown;
    try {
      parseProse(source, file);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(DataError);
    const message = (error as Error).message;
    expect(message).toContain(`${file}:8: found "figures"; expected one of the keys close, facts`);
    expect(message).toContain(`${file}:2:close.points: found "-1"; expected a number ≥ 0`);
    expect(message).toContain(
      `${file}:1:close.levels: expected a number ≥ 0 (close needs all of points, share, levels)`
    );
    expect(message).toContain(`${file}:4:close.level: found "level"; expected one of points, share, levels`);
    expect(message).toContain(`${file}:6: found "Growth"; expected a fact name of lower-case letters, digits and _`);
    expect(message).toContain(`${file}:7:facts.ok_fact: found "3"; expected an expression in double quotes`);
  });
  it("reports invalid YAML with its line", () => {
    expect(() => parseProse('facts:\n  a: "x\n  b: [', file)).toThrow(
      /content\/2030\/prose\.yaml:\d+: expected valid YAML/
    );
  });
});

describe("isClose(a, b, unit, close)", () => {
  const close = {points: 0.5, share: 0.1, levels: 0.02};
  it("needs both bounds for rates: 8.5 vs 8.9 is close, 3.0 vs 3.4 is not (0.4 > 0.1 × 3.4)", () => {
    expect(isClose(8.5, 8.9, "%", close)).toBe(true);
    expect(isClose(3.0, 3.4, "%", close)).toBe(false);
    expect(isClose(8.5, 9.1, "pp", close)).toBe(false);
  });
  it("uses the relative bound for levels", () => {
    expect(isClose(16826.69, 16790.21, "亿元", close)).toBe(true);
    expect(isClose(100, 103, "万人", close)).toBe(false);
  });
  it("is never close without settings", () => {
    expect(isClose(1, 1.0001, "%", undefined)).toBe(false);
  });
});
