import {describe, expect, it} from "vitest";
import {findHyphenatedYearRanges, findSelfReferences, findTypedNumbers} from "../../render/lint-content.ts";
import {yearRangeDash} from "../../lib/typography.ts";

describe("findTypedNumbers(source)", () => {
  it("finds a number typed into prose, with its line", () => {
    expect(findTypedNumbers("第一行\n增加值达到4.10万亿元。\n")).toEqual([{line: 2, text: "4.10"}]);
  });
  it("allows numbers that come through shortcodes and expressions", () => {
    expect(
      findTypedNumbers(
        '规模达到{% num "iiot_value_added/national/china/2021", "万亿元" %}，{{ edition.forecastYear }}年'
      )
    ).toEqual([]);
  });
  it("allows years, year ranges and figure labels", () => {
    expect(findTypedNumbers("2021年，2017—2021年间，见图5和表1，图19(a)。")).toEqual([]);
  });
  it("allows ordered-list markers and comments", () => {
    expect(findTypedNumbers("1. 第一点\n<!-- 草稿 3.5% -->\n")).toEqual([]);
  });
  it("flags full-width digits and bare numbers next to years", () => {
    expect(findTypedNumbers("２０万人")).toEqual([{line: 1, text: "２０"}]);
    expect(findTypedNumbers("2021年增长12%")).toEqual([{line: 1, text: "12"}]);
  });
  it("accepts the explicit escape for a number that is not data", () => {
    expect(findTypedNumbers('{% lit "5G" %}网络')).toEqual([]);
  });
  it("accepts dates in Arabic numerals and the named terms of the whitelist, nothing else", () => {
    expect(findTypedNumbers("2021年5月25日印发，2023年11月发布；5G与“1+N+X”体系")).toEqual([]);
    expect(findTypedNumbers("2021年5月新增28家")).toEqual([{line: 1, text: "28"}]);
    expect(findTypedNumbers("5月25日")).toEqual([{line: 1, text: "5"}]);
  });
});

describe("findSelfReferences(source)", () => {
  it("finds talk of the paper's own making in prose, not in markup", () => {
    expect(
      findSelfReferences(
        '本报告与原书一致。\n见网站的数据页。\n来源为data/national/accounts.csv。\n[[增加值]]{% ref "a.b" %}'
      )
    ).toEqual([
      {line: 1, text: "原书"},
      {line: 2, text: "网站"},
      {line: 3, text: "data/"}
    ]);
    expect(findSelfReferences("---\nnote: 复现\n---\n正文。")).toEqual([]);
  });
});

describe("findHyphenatedYearRanges(source) and yearRangeDash(text)", () => {
  it("finds a year range written with a hyphen or an en dash, and only before 年", () => {
    expect(findHyphenatedYearRanges("《行动计划（2021-2023年）》\n2017—2021年间\n2018–2020年，编号2021-2023")).toEqual([
      {line: 1, text: "2021-2023年"},
      {line: 3, text: "2018–2020年"}
    ]);
  });
  it("writes the range with the 一字线", () => {
    expect(yearRangeDash("《行动计划（2021-2023年）》与（2018－2020年）")).toBe(
      "《行动计划（2021—2023年）》与（2018—2020年）"
    );
    expect(yearRangeDash("编号2021-2023，2021-11-19")).toBe("编号2021-2023，2021-11-19");
  });
});
