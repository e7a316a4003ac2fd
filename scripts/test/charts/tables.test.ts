import {describe, expect, it} from "vitest";
import type {FigureRecord} from "../../model/records/records.ts";
import {cellRecords, tableHtml} from "../../render/charts/tables.ts";
import type {FigureTable} from "../../render/charts/types.ts";

function record(metric: string, year: number, value: number, entityZh = "全国"): [string, FigureRecord] {
  const id = `${metric}/national/china/${year}`;
  return [
    id,
    {
      metric,
      scope: "national",
      entity: "china",
      entityZh,
      year,
      value,
      unit: "亿元",
      forecast: year === 2022,
      kind: "model",
      formula: "",
      inputs: [],
      sources: []
    }
  ];
}

const records = new Map([
  record("iiot_value_added", 2021, 41000),
  record("iiot_value_added", 2022, 44500),
  record("share_of_gdp", 2021, 3.5),
  record("share_of_gdp", 2022, 3.5),
  record("employment_new", 2021, -88.6)
]);

const table: FigureTable = {
  columns: [
    {field: "year", title: "年份"},
    {field: "va", title: "增加值（亿元）"},
    {field: "share", title: "占GDP比重（%）"},
    {field: "sum", title: "合计"}
  ],
  rows: [
    {year: "2021", va: 41000, share: 3.5, sum: 41003.5},
    {year: "2022E", va: 44500, share: 3.5, sum: null}
  ]
};

describe("cellRecords(table, recordIds, records)", () => {
  const recordOf = cellRecords(table, [...records.keys()], records);

  it("finds the one record that holds a cell's number", () => {
    expect(recordOf(0, "va")?.id).toBe("iiot_value_added/national/china/2021");
    expect(recordOf(1, "va")?.id).toBe("iiot_value_added/national/china/2022");
  });

  it("tells records of the same value apart by the year in the row (2022E is 2022)", () => {
    expect(recordOf(0, "share")?.id).toBe("share_of_gdp/national/china/2021");
    expect(recordOf(1, "share")?.id).toBe("share_of_gdp/national/china/2022");
  });

  it("finds none for a number no record holds, for a text, or for a tie the row cannot break", () => {
    expect(recordOf(0, "sum")).toBeUndefined();
    expect(recordOf(0, "year")).toBeUndefined();
    const tie = cellRecords({columns: table.columns, rows: [{year: "两年", share: 3.5}]}, [...records.keys()], records);
    expect(tie(0, "share")).toBeUndefined();
  });

  it("finds none among records that are not the figure's", () => {
    expect(cellRecords(table, ["share_of_gdp/national/china/2021"], records)(0, "va")).toBeUndefined();
  });
});

describe("tableHtml(table, recordOf)", () => {
  it("links a number to its record like a number of the text, and prints the others plainly with the one minus sign", () => {
    const html = tableHtml(
      {
        columns: [
          {field: "year", title: "年份"},
          {field: "jobs", title: "新增就业（万人）"},
          {field: "x", title: "x<y"}
        ],
        rows: [{year: "2021", jobs: -88.6, x: -0.001}]
      },
      (row, field) =>
        field === "jobs"
          ? {id: "employment_new/national/china/2021", record: records.get("employment_new/national/china/2021")!}
          : undefined
    );
    expect(html).toBe(
      '<table class="data-table"><thead><tr><th scope="col">年份</th><th scope="col">新增就业（万人）</th><th scope="col">x&lt;y</th></tr></thead><tbody><tr>' +
        '<td>2021</td><td><a class="num" href="records/employment_new-national.html#r:employment_new/national/china/2021" data-record="employment_new/national/china/2021">−88.60</a></td><td>0.00</td>' +
        "</tr></tbody></table>"
    );
  });
});
