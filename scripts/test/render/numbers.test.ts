import {describe, expect, it} from "vitest";
import {BuildError} from "../../lib/errors.ts";
import {renderNumber} from "../../render/eleventy/numbers.ts";
import {nationalRecord, testContext} from "./fixtures.ts";

describe("renderNumber(context, id, args)", () => {
  const context = testContext();

  it("wraps the formatted value in a provenance link carrying the record id", () => {
    expect(renderNumber(context, "iiot_value_added/national/china/2021", ["万亿元"], "ch.md")).toBe(
      '<a class="num" href="records/iiot_value_added-national.html#r:iiot_value_added/national/china/2021" data-record="iiot_value_added/national/china/2021">3.90万亿元</a>'
    );
  });

  it("marks forecast values", () => {
    expect(renderNumber(context, "share_of_gdp/national/china/2022", [], "ch.md")).toBe(
      '<a class="num num-forecast" href="records/share_of_gdp-national.html#r:share_of_gdp/national/china/2022" data-record="share_of_gdp/national/china/2022">3.55%</a>'
    );
  });

  it("takes decimals positionally or as keywords", () => {
    const html = renderNumber(
      context,
      "iiot_value_added/national/china/2017",
      [{__keywords: true, unit: "万亿元", decimals: 3}],
      "ch.md"
    );
    expect(html).toContain(">2.300万亿元<");
  });

  it("records that the page used the record", () => {
    const used = new Set<string>();
    renderNumber(context, "share_of_gdp/national/china/2017", [], "ch.md", used);
    expect([...used]).toEqual(["share_of_gdp/national/china/2017"]);
  });

  it("fails on an unknown record with the file and a suggestion", () => {
    expect(() =>
      renderNumber(context, "iiot_value_added/national/china/2030", [], "content/2022/01-overview.md")
    ).toThrow(/content\/2022\/01-overview\.md: unknown record "iiot_value_added\/national\/china\/2030".*did you mean/);
  });

  it("refuses a display unit that does not fit the record's unit", () => {
    expect(() => renderNumber(context, "share_of_gdp/national/china/2017", ["万亿元"], "ch.md")).toThrow(BuildError);
  });

  it("refuses an unknown display unit", () => {
    expect(() => renderNumber(context, "share_of_gdp/national/china/2017", ["percent"], "ch.md")).toThrow(
      /unknown display unit "percent"/
    );
  });
});

describe("renderNumber for observed indicators", () => {
  it("prints the value as written with the counter it was printed with", () => {
    const context = testContext([{...nationalRecord("base_stations_5g", 2022, 220, "万个"), kind: "observed"}]);
    expect(renderNumber(context, "base_stations_5g/national/china/2022", [], "ch.md")).toContain(">220万个<");
  });
});
