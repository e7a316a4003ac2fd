import {describe, expect, it} from "vitest";
import {numberFigures, placedFigureIds} from "../../render/figure-numbering.ts";
import {testConfig} from "./fixtures.ts";

describe("numberFigures(config, sources)", () => {
  const config = testConfig();
  const fileOf = (id: string) => `content/2022/${id}.md`;

  it("numbers figures and tables apart, in chapter order", () => {
    const sources = new Map([
      ["preface", '{% figure "policies" %}'],
      ["overview", '文字 {% figure "structure" %}\n{% figure "national-va-share" %}']
    ]);
    expect(numberFigures(config, sources, fileOf).map((p) => [p.figure.id, p.label, p.chapterId])).toEqual([
      ["policies", "表1", "preface"],
      ["structure", "图1", "overview"],
      ["national-va-share", "图2", "overview"]
    ]);
  });

  it("fails on an unknown figure id, listing the known ones", () => {
    expect(() => numberFigures(config, new Map([["overview", '{% figure "nope" %}']]), fileOf)).toThrow(
      'content/2022/overview.md: unknown figure "nope"; known figures of the 2022 edition: national-va-share, policies, structure'
    );
  });

  it("fails on a figure placed twice", () => {
    const sources = new Map([["overview", '{% figure "structure" %}{% figure "structure" %}']]);
    expect(() => numberFigures(config, sources, fileOf)).toThrow(/placed twice/);
  });
});

describe("placedFigureIds(markdown)", () => {
  it("reads figure tags with either quote style and whitespace control", () => {
    expect(placedFigureIds("{%- figure 'a' %} x {% figure \"b\" -%}\n\n[[图 c-d]]\n[[见 e]]")).toEqual([
      "a",
      "b",
      "c-d"
    ]);
  });
});
