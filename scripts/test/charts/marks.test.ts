/**
 * @fileoverview The site's hooks in a chart (render/charts/marks.ts and markHooks of svg.ts): every mark's tip
 * (record, entity and year, value as the data table prints it) written as data attributes, and a province's or a
 * section's mark wrapped in a link to its page, on small specs drawn by the real Vega.
 */
import {describe, expect, it} from "vitest";
import type {FigureRecord} from "../../model/records/records.ts";
import {entityBarsSpec} from "../../render/charts/entity-bars.ts";
import {
  decodeTip,
  encodeTip,
  foldedHooks,
  HREF_FIELD,
  linkName,
  markFields,
  recordTip,
  tableUnit,
  tipField
} from "../../render/charts/marks.ts";
import type {MetricDisplay} from "../../render/charts/metrics.ts";
import {compactGeometry, markHooks, renderVegaLiteToSvg} from "../../render/charts/svg.ts";
import {formatCell} from "../../render/charts/tables.ts";
import {tileMapSpec} from "../../render/charts/tile-grid.ts";
import type {RenderContext} from "../../render/context.ts";

function record(
  metric: string,
  scope: FigureRecord["scope"],
  entity: string,
  year: number,
  value: number,
  unit: string,
  extra: Partial<FigureRecord> = {}
): [string, FigureRecord] {
  return [
    `${metric}/${scope}/${entity}/${year}`,
    {
      metric,
      scope,
      entity,
      year,
      value,
      unit: unit as FigureRecord["unit"],
      forecast: false,
      kind: "model",
      formula: "",
      inputs: [],
      sources: [],
      ...extra
    }
  ];
}

const records = new Map([
  record("iiot_value_added", "province", "guangdong", 2021, 4607.7149, "亿元", {entityZh: "广东"}),
  record("iiot_value_added", "province", "hainan", 2021, 120.5, "亿元", {entityZh: "海南"}),
  record("nominal_growth", "province", "guangdong", 2021, -3.456, "%", {entityZh: "广东"}),
  record("iiot_value_added", "national", "china", 2022, 44500, "亿元", {forecast: true}),
  record("iiot_value_added", "sector", "manufacturing", 2021, 17308.73, "亿元"),
  record("employment_rank", "province", "hainan", 2021, 31, "位", {entityZh: "海南"})
]);

const context = {
  records,
  reference: {provinces: [], sections: [{entity: "manufacturing", nameZh: "制造业"}]}
} as unknown as RenderContext;

const GD = "iiot_value_added/province/guangdong/2021";

describe("recordTip(context, id, label)", () => {
  it("names the entity and year and prints the value as the data table does, in the table's unit", () => {
    expect(recordTip(context, GD, "增加值")).toBe(`tip|${GD}|广东 · 2021年|增加值|4607.71亿元`);
    expect(formatCell(records.get(GD)!.value)).toBe("4607.71");
  });

  it("prints a negative rate with the site's minus sign, an integer without decimals, and the forecast year", () => {
    expect(decodeTip(recordTip(context, "nominal_growth/province/guangdong/2021", "名义增速"))?.value).toBe("−3.46%");
    expect(decodeTip(recordTip(context, "employment_rank/province/hainan/2021"))?.value).toBe("31位");
    expect(decodeTip(recordTip(context, "iiot_value_added/national/china/2022"))?.title).toBe("全国 · 2022年（预测）");
  });

  it("names a record without a Chinese name of its own from the reference lists, and uses the shared metric label", () => {
    expect(decodeTip(recordTip(context, "iiot_value_added/sector/manufacturing/2021"))).toEqual({
      record: "iiot_value_added/sector/manufacturing/2021",
      title: "制造业 · 2021年",
      label: "工业互联网产业增加值",
      value: "17308.73亿元"
    });
  });

  it("is empty for a record the figures do not hold (the mark then has no tip)", () => {
    expect(recordTip(context, "iiot_value_added/province/nowhere/2021")).toBe("");
  });
});

describe("encodeTip / decodeTip / tableUnit", () => {
  it("round-trips a tip, a separator in a text turned into a full-width bar", () => {
    const tip = {
      record: "a/b/c/2021",
      title: "甲|乙",
      label: "x",
      value: "1.00%"
    };
    expect(encodeTip(tip)).toBe("tip|a/b/c/2021|甲／乙|x|1.00%");
    expect(decodeTip(encodeTip(tip))).toEqual({...tip, title: "甲／乙"});
    expect(decodeTip("name: 广东; value: 3")).toBeUndefined();
    expect(decodeTip("tip|too|few")).toBeUndefined();
  });

  it("names the units as the data tables' column titles do", () => {
    expect([tableUnit("亿元"), tableUnit("%"), tableUnit("pp"), tableUnit(""), tableUnit("万人")]).toEqual([
      "亿元",
      "%",
      "个百分点",
      "倍",
      "万人"
    ]);
  });
});

describe("markFields / foldedHooks", () => {
  it("gives a row one tip per plotted field and its entity's page", () => {
    expect(markFields(context, [{field: "va", id: GD, label: "增加值"}], {scope: "province", id: "guangdong"})).toEqual(
      {
        _tip_va: `tip|${GD}|广东 · 2021年|增加值|4607.71亿元`,
        [HREF_FIELD]: "province/guangdong.html"
      }
    );
  });

  it("picks a folded mark's tip by the folded field's name, and adds nothing to rows without tips or links", () => {
    expect(foldedHooks([{a: 1, [tipField("a")]: "tip|…"}], ["a", "b"], "series", "_tip")).toEqual({
      transform: [{calculate: "datum['_tip_' + datum.series]", as: "_tip"}],
      encoding: {description: {field: "_tip", type: "nominal"}}
    });
    expect(foldedHooks([{a: 1}], ["a"], "series", "_tip")).toEqual({transform: [], encoding: {}});
  });
});

describe("markHooks(svg)", () => {
  it("turns a tip into data attributes, names the mark's link by its entity, and drops every other aria attribute", () => {
    const svg =
      '<g role="graphics-object" aria-roledescription="rect mark container">' +
      '<a xlink:href="province/guangdong.html"><path aria-label="tip|r/x/y/2021|广东 · 2021年|增加值|1.00亿元" role="graphics-symbol" aria-roledescription="bar" d="M0,0h1v1h-1Z"/></a>' +
      '<a xlink:href="province/hainan.html"><path aria-label="name|海南（南部）" role="graphics-symbol" d="M0,0"/></a>' +
      '<text aria-label="value: 1; name: 广东" role="graphics-symbol">1.00</text></g>';
    expect(markHooks(svg)).toBe(
      "<g>" +
        '<a href="province/guangdong.html" class="chart-link" aria-label="广东"><path data-tip-record="r/x/y/2021" data-tip-title="广东 · 2021年" data-tip-label="增加值" data-tip-value="1.00亿元" d="M0,0h1v1h-1Z"/></a>' +
        '<a href="province/hainan.html" class="chart-link" aria-label="海南（南部）"><path data-link-name="海南（南部）" d="M0,0"/></a>' +
        "<text>1.00</text></g>"
    );
  });
});

const display: MetricDisplay = {
  metric: "iiot_value_added",
  label: "增加值",
  unit: "亿元",
  unitText: "亿元",
  toDisplay: (v) => v,
  format: ".2f",
  title: "增加值（亿元）",
  tableTitle: "增加值（亿元）"
};

describe("charts drawn with their hooks", () => {
  it("entity bars: each bar links to its province's page and carries its tip; the value labels stay plain", async () => {
    const rows = ["guangdong", "hainan"].map((id) => {
      const [key, r] = [`iiot_value_added/province/${id}/2021`, records.get(`iiot_value_added/province/${id}/2021`)!];
      return {
        name: r.entityZh!,
        va: r.value,
        ...markFields(context, [{field: "va", id: key, label: "增加值"}], {scope: "province", id})
      };
    });
    const svg = await renderVegaLiteToSvg(
      entityBarsSpec({rows, name: "name", panels: [{display, field: "va", color: "#123456", weight: 1}]}),
      {
        label: "图1 测试",
        where: "test"
      }
    );
    const links = [
      ...svg.matchAll(
        /<a href="([^"]+)" class="chart-link" aria-label="([^"]+)"><path data-tip-record="([^"]+)"[^>]*data-tip-value="([^"]+)"/g
      )
    ];
    expect(links.map((m) => m.slice(1))).toEqual([
      ["province/guangdong.html", "广东", GD, "4607.71亿元"],
      ["province/hainan.html", "海南", "iiot_value_added/province/hainan/2021", "120.50亿元"]
    ]);
    // Two bars, two links: no label, axis or rule became a link, and nothing Vega generated in English is left.
    expect(svg.match(/<a /g)).toHaveLength(2);
    expect(svg.match(/data-tip-record=/g)).toHaveLength(2);
    expect(svg).not.toMatch(/aria-roledescription|role="graphics|xlink:href|tip\|/);
    expect(svg).toMatch(/^<svg role="img" aria-label="图1 测试" /);
  });

  it("a chart whose rows carry no hooks is drawn exactly as before (no link, no tip)", async () => {
    const rows = [{name: "广东", va: 1}];
    const svg = await renderVegaLiteToSvg(
      entityBarsSpec({rows, name: "name", panels: [{display, field: "va", color: "#123456", weight: 1}]}),
      {
        label: "图1",
        where: "test"
      }
    );
    expect(svg).not.toMatch(/<a |data-tip-|chart-link/);
  });

  it("tile map: the tile, not its labels, links to the province's page", async () => {
    const tiles = [
      {row: 0, col: 0, name: "广东", _d: recordTip(context, GD), [HREF_FIELD]: "province/guangdong.html"},
      {row: 0, col: 1, name: "海南", _d: linkName("海南"), [HREF_FIELD]: "province/hainan.html"}
    ];
    const svg = await renderVegaLiteToSvg(
      tileMapSpec({
        tiles,
        fill: {value: "#cccccc"},
        labels: [{field: "name", fontSize: 11}],
        darkTile: "false",
        description: "_d"
      }),
      {label: "图2", where: "test"}
    );
    const links = [...svg.matchAll(/<a href="([^"]+)" class="chart-link" aria-label="([^"]+)"><(\w+)/g)];
    expect(links.map((m) => m.slice(1))).toEqual([
      ["province/guangdong.html", "广东", "path"],
      ["province/hainan.html", "海南", "path"]
    ]);
    expect(svg.match(/<text/g)).toHaveLength(2);
    expect(svg).not.toMatch(/<a [^>]*><text/);
  });
});

describe("compactGeometry(svg)", () => {
  it("rounds coordinates of geometry attributes to hundredths and leaves text and data attributes alone", () => {
    expect(
      compactGeometry(
        '<path d="M245.07492795389047,60.45340050377833L295.9625,60" transform="translate(0.5,-12.3456)"/><text x="1.23456" data-tip-value="0.99224亿元">3.14159</text>'
      )
    ).toBe(
      '<path d="M245.07,60.45L295.96,60" transform="translate(0.5,-12.35)"/><text x="1.23" data-tip-value="0.99224亿元">3.14159</text>'
    );
  });
});
