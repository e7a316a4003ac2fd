import {describe, expect, it} from "vitest";
import type {FigureRecord} from "../../model/records/records.ts";
import {evaluateFact, evaluateFacts} from "../../render/eleventy/facts.ts";
import {createMarkdown} from "../../render/eleventy/markdown.ts";
import {renderReference} from "../../render/eleventy/reference-html.ts";
import {metricId, parseReference, yearNames} from "../../render/eleventy/refs.ts";
import {metricTerm} from "../../render/labels.ts";
import {MARKUP_TARGET, markupShare} from "../../render/markup-share.ts";
import {preflightReferences, unusedFacts} from "../../render/eleventy/preflight.ts";
import {readProse} from "../../render/prose.ts";
import {readdir, readFile} from "node:fs/promises";
import path from "node:path";
import {DataError} from "../../lib/errors.ts";
import {findTypedNumbers} from "../../render/lint-content.ts";
import {nationalRecord, testContext} from "./fixtures.ts";

const ROOT = path.resolve(import.meta.dirname, "../../..");

function record(
  metric: string,
  scope: FigureRecord["scope"],
  entity: string,
  entityZh: string,
  year: number,
  value: number,
  unit = "亿元"
): FigureRecord {
  return {...nationalRecord(metric, year, value, unit), scope, entity, entityZh};
}

// Edition 2022 of the fixtures: y = 2021, p = 2020, b = 2017, f = 2022.
const context = testContext([
  nationalRecord("iiot_value_added", 2021, 41000),
  nationalRecord("iiot_value_added", 2017, 23000),
  nationalRecord("share_of_gdp", 2021, 3.59, "%"),
  nationalRecord("share_of_gdp", 2020, 3.41, "%"),
  nationalRecord("employment_new", 2021, -88.6, "万人"),
  nationalRecord("growth_change_pp", 2021, 0.004, "pp"),
  record("base_stations_5g", "other", "china", "", 2022, 222, "万个"),
  {...record("base_stations_5g", "other", "china", "", 2022, 185, "万个"), period: "2022-09"},
  record("iiot_value_added", "province", "guangdong", "广东", 2021, 5177.36),
  record("iiot_value_added", "province", "jiangsu", "江苏", 2021, 4587.8),
  record("iiot_value_added", "province", "hainan", "海南", 2021, 120.5),
  record("iiot_value_added", "province", "all_provinces", "全部省份", 2021, 40000),
  record("iiot_value_added", "sector", "manufacturing", "制造业", 2021, 12000),
  record("iiot_value_added", "sector", "public_admin_social_org", "公共管理、社会保障和社会组织", 2021, 90)
]);
const years = yearNames(context.config);
const html = (source: string, used?: Set<string>) => renderReference(context, source, "01-overview.md", used);

describe("parseReference(source)", () => {
  it("defaults to the last data year and national scope", () => {
    expect(parseReference("share_of_gdp", years, "t")).toEqual({
      kind: "number",
      ref: {metric: "share_of_gdp", year: 2021},
      format: {}
    });
  });
  it("reads year names, entities, periods and formats", () => {
    expect(parseReference("增加值/广东@p 万亿元 .3 abs", years, "t")).toEqual({
      kind: "number",
      ref: {metric: "增加值", entity: "广东", year: 2020},
      format: {unit: "万亿元", decimals: 3, abs: true}
    });
    expect(parseReference("base_stations_5g@f#f-09", years, "t")).toEqual({
      kind: "number",
      ref: {metric: "base_stations_5g", year: 2022, period: "2022-09"},
      format: {}
    });
    // A period spanning years names each of them: #p-y is 2020-2021 (and never touches the digits of a date).
    expect(parseReference("case_special_funds/province/guangdong@y#p-y plain .2", years, "t")).toMatchObject({
      ref: {year: 2021, period: "2020-2021"},
      format: {unit: "plain", decimals: 2}
    });
  });
  it("leaves out the year of a period within the reference's own year", () => {
    expect(parseReference("a@f#09-30", years, "t")).toMatchObject({ref: {year: 2022, period: "2022-09-30"}});
    expect(parseReference("a#12-31", years, "t")).toMatchObject({ref: {year: 2021, period: "2021-12-31"}});
    expect(parseReference("a@p#Q1-Q3", years, "t")).toMatchObject({ref: {year: 2020, period: "2020-Q1-Q3"}});
    expect(parseReference("a@f#03-mid/late", years, "t")).toMatchObject({ref: {period: "2022-03-mid/late"}});
    // A period with a year of its own keeps it, whatever the reference's year.
    expect(parseReference("a@f#y-12-31", years, "t")).toMatchObject({ref: {year: 2022, period: "2021-12-31"}});
    expect(parseReference("a#2019-06", years, "t")).toMatchObject({ref: {period: "2019-06"}});
  });
  it("reads the terms of indicators, with a leading 5G and a bound", () => {
    expect(parseReference("5G基站@f#09", years, "t")).toMatchObject({ref: {metric: "5G基站", period: "2022-09"}});
    expect(() => parseReference("5基站", years, "t")).not.toThrow();
    expect(() => parseReference("5G", years, "t")).toThrow("is neither an id");
  });
  it("reads comparisons, signs and changes with named or written-out words", () => {
    expect(parseReference("a ~ a@b 增至", years, "t")).toMatchObject({
      kind: "compare",
      b: {year: 2017},
      words: {more: "增至", less: "降至", same: "保持在"}
    });
    expect(parseReference("± a pp 提高/降低", years, "t")).toMatchObject({
      kind: "change",
      format: {unit: "pp"},
      words: {more: "提高", less: "降低"}
    });
    expect(parseReference("~ a@f", years, "t")).toMatchObject({kind: "sign", ref: {year: 2022}});
  });
  it("names the reference and what was expected when it cannot read it", () => {
    expect(() => parseReference("a@q", years, "ch.md")).toThrow(
      'ch.md: [[a@q]]: year "q"; expected y, p, b, f or a four-digit year'
    );
    expect(() => parseReference("a ~ b 飞升", years, "ch.md")).toThrow('"飞升" names no word set');
    expect(() => parseReference("a 公里", years, "ch.md")).toThrow('unexpected "公里" after a number');
    expect(() => parseReference("a/b/c/d", years, "ch.md")).toThrow("names 4 parts");
  });
});

describe("renderReference(context, source)", () => {
  it("prints a number as a link to its record and records that the page used it", () => {
    const used = new Set<string>();
    expect(html("增加值 万亿元", used)).toBe(
      '<a class="num" href="records/iiot_value_added-national.html#r:iiot_value_added/national/china/2021" data-record="iiot_value_added/national/china/2021">4.10万亿元</a>'
    );
    expect([...used]).toEqual(["iiot_value_added/national/china/2021"]);
  });
  it("finds an entity's scope from its Chinese name, and the short names of sections", () => {
    expect(html("增加值/广东")).toContain('data-record="iiot_value_added/province/guangdong/2021">5177.36亿元<');
    expect(html("增加值/公共管理")).toContain('data-record="iiot_value_added/sector/public_admin_social_org/2021"');
  });
  it("falls back to the national observation of scope other, with its period", () => {
    expect(html("base_stations_5g@f#f-09 plain .0")).toContain(
      'data-record="base_stations_5g/other/china/2022@2022-09">185<'
    );
  });
  it("names an indicator by its term, its period within the year and a bound by 下限", () => {
    expect(html("5G基站@f#09 .0")).toContain('data-record="base_stations_5g/other/china/2022@2022-09">185万个<');
    expect(metricId("影响力平台下限")).toBe("platforms_with_influence_lower_bound");
    expect(metricId("复工率下限")).toBe("work_resumption_rate_lower_bound");
    expect(metricId("增加值下限")).toBe("iiot_value_added_lower_bound");
    // Not a term followed by 下限: left as written, so that the build names it as unknown.
    expect(metricId("下限")).toBe("下限");
    expect(metricTerm("platforms_with_influence_lower_bound")).toBe("影响力平台下限");
    expect(metricTerm("base_stations_5g")).toBe("5G基站");
  });
  it("chooses comparison and sign words from the data", () => {
    expect(html("占GDP比重 ~ 占GDP比重@p")).toBe(
      '<span class="word-cmp" data-compare="share_of_gdp/national/china/2021 share_of_gdp/national/china/2020">高于</span>'
    );
    expect(html("增加值@b ~ 增加值 增至")).toContain(">降至<");
    expect(html("± 新增就业 万人")).toBe(
      '<span class="word-trend" data-sign="employment_new/national/china/2021">减少</span><a class="num" href="records/employment_new-national.html#r:employment_new/national/china/2021" data-record="employment_new/national/china/2021">88.60万人</a>'
    );
  });
  it("asks for a word when a change prints as zero instead of writing 持平 before a number", () => {
    expect(html("± 增速变化 pp")).toBe(
      '<a class="num" href="records/growth_change_pp-national.html#r:growth_change_pp/national/china/2021" data-record="growth_change_pp/national/china/2021">0.00个百分点</a>'
    );
    expect(html("~ 增速变化")).toContain(">持平<");
  });
  it("fails on an unknown record with a suggestion", () => {
    expect(() => html("share_of_gdpp")).toThrow(
      '01-overview.md: [[share_of_gdpp]]: "share_of_gdpp" is neither a metric term nor a metric id of the 2022 figures; did you mean "share_of_gdp"?'
    );
    expect(() => html("增加值x")).toThrow(
      '"增加值x" is neither a metric term nor a metric id of the 2022 figures; did you mean "增加值"'
    );
    expect(() => html("增加值@2030")).toThrow(
      'unknown record "iiot_value_added/national/china/2030" in the 2022 figures'
    );
  });
});

describe("names of provinces and sections link to their pages", () => {
  const province = (id: string, nameZh: string) => ({
    id,
    nameZh,
    fullNameZh: nameZh,
    shortZh: nameZh.slice(0, 1),
    code: "000000",
    grid: {row: 0, col: 0}
  });
  const linked = {
    ...context,
    reference: {
      ...context.reference,
      provinces: [province("guangdong", "广东"), province("jiangsu", "江苏")],
      sections: [
        {code: "C" as const, entity: "manufacturing", nameZh: "制造业", shortZh: "制造业", tier: "secondary" as const}
      ]
    }
  };
  const linkedHtml = (source: string) => renderReference(linked, source, "02-regions.md");
  it("wraps a chosen name, and each listed name, in a link to province/<id>.html or sector/<id>.html", () => {
    expect(linkedHtml("名 增加值/省份:1")).toBe(
      '<span class="word-list" data-records="iiot_value_added/province/guangdong/2021"><a class="entity-name" href="province/guangdong.html">广东</a></span>'
    );
    expect(linkedHtml("名单 增加值/省份 >100")).toBe(
      '<span class="word-list" data-records="iiot_value_added/province/guangdong/2021 iiot_value_added/province/jiangsu/2021 iiot_value_added/province/hainan/2021"><a class="entity-name" href="province/guangdong.html">广东</a>、<a class="entity-name" href="province/jiangsu.html">江苏</a>和海南</span>'
    );
    expect(linkedHtml("名 增加值/门类:1")).toBe(
      '<span class="word-list" data-records="iiot_value_added/sector/manufacturing/2021"><a class="entity-name" href="sector/manufacturing.html">制造业</a></span>'
    );
  });
});

describe("ranked choices and lists", () => {
  it("picks the entity ranked N-th (aggregates left out), by value or by name", () => {
    expect(html("增加值/省份:1")).toContain('data-record="iiot_value_added/province/guangdong/2021">5177.36亿元<');
    expect(html("增加值/省份:-1")).toContain('data-record="iiot_value_added/province/hainan/2021"');
    expect(html("名 增加值/省份:2")).toBe(
      '<span class="word-list" data-records="iiot_value_added/province/jiangsu/2021">江苏</span>'
    );
    expect(() => html("增加值/省份:4")).toThrow("rank 4 of 3 province entities");
  });
  it("lists names, or names with values, filtered and ranked", () => {
    expect(html("名单 增加值/省份 >1000")).toBe(
      '<span class="word-list" data-records="iiot_value_added/province/guangdong/2021 iiot_value_added/province/jiangsu/2021">广东和江苏</span>'
    );
    expect(html("排名 增加值/省份 前2 升序")).toBe(
      '海南（<a class="num" href="records/iiot_value_added-province.html#r:iiot_value_added/province/hainan/2021" data-record="iiot_value_added/province/hainan/2021">120.50亿元</a>）、江苏（<a class="num" href="records/iiot_value_added-province.html#r:iiot_value_added/province/jiangsu/2021" data-record="iiot_value_added/province/jiangsu/2021">4587.80亿元</a>）'
    );
    expect(() => html("名单 增加值/省份 <0")).toThrow("no entity matches");
    expect(() => html("名单 增加值/城市")).toThrow('"城市" is not a scope');
  });
});

describe("the markdown-it rule", () => {
  const md = createMarkdown({reference: (body, env) => renderReference(context, body, env.page?.inputPath ?? "?")});
  it("renders references inside paragraphs and tables, and leaves links alone", () => {
    expect(
      md.render("比重为[[占GDP比重]]，[[占GDP比重 ~ 占GDP比重@p]]上年。见[说明](a.html)。", {page: {inputPath: "c.md"}})
    ).toBe(
      '<p>比重为<a class="num" href="records/share_of_gdp-national.html#r:share_of_gdp/national/china/2021" data-record="share_of_gdp/national/china/2021">3.59%</a>，<span class="word-cmp" data-compare="share_of_gdp/national/china/2021 share_of_gdp/national/china/2020">高于</span>上年。见<a href="a.html">说明</a>。</p>\n'
    );
    expect(md.render("| 指标 | 数值 |\n|---|---|\n| 比重 | [[占GDP比重@p]] |", {})).toContain(
      '<td><a class="num" href="records/share_of_gdp-national.html#r:share_of_gdp/national/china/2020" data-record="share_of_gdp/national/china/2020">3.41%</a></td>'
    );
  });
  it("refuses a reference it could not render (inside raw HTML)", () => {
    expect(() => md.render("<div>[[占GDP比重]]</div>", {page: {inputPath: "c.md"}})).toThrow(
      "c.md: [[占GDP比重]] was not rendered"
    );
  });
});

describe("named facts", () => {
  it("evaluates comparisons of referenced values and lists the records", () => {
    expect(evaluateFact(context, "[[占GDP比重]] > [[占GDP比重@p]] and [[增加值]] > 40000", "c.md")).toEqual({
      value: true,
      records: [
        "share_of_gdp/national/china/2021",
        "share_of_gdp/national/china/2020",
        "iiot_value_added/national/china/2021"
      ]
    });
    expect(evaluateFacts(context, {shrinking: "[[新增就业]] > 0"}, "c.md").values).toEqual({shrinking: false});
  });
  it("insists on a true-or-false fact with a valid name", () => {
    expect(() => evaluateFact(context, "[[增加值]] + 1", "c.md")).toThrow("a fact must be true or false");
    expect(() => evaluateFacts(context, {"Bad-Name": "[[增加值]] > 1"}, "c.md")).toThrow('fact name "Bad-Name"');
  });
});

describe("markupShare(source) and the lint", () => {
  it("counts references, tags and front matter as markup", () => {
    const share = markupShare('---\na: b\n---\n比重为[[占GDP比重]]。{% figure "x" %}');
    expect(share.markup).toBe("---a: b---".length + "[[占GDP比重]]".length + '{% figure "x" %}'.length);
    expect(share.total).toBe(share.markup + "比重为。".length);
  });
  it("lets years and periods inside references pass but not a typed number beside them", () => {
    expect(findTypedNumbers("[[增速@2020]]和[[复工率/制造业@f#f-03-31]]")).toEqual([]);
    expect(findTypedNumbers("[[增速@2020]]，约8.5%")).toEqual([{line: 1, text: "8.5"}]);
  });
  it("keeps every chapter of content/ within the markup target", async () => {
    const over: string[] = [];
    let chapters = 0;
    const content = path.join(ROOT, "content");
    for (const edition of (await readdir(content, {withFileTypes: true})).filter((d) => d.isDirectory()))
      for (const name of (await readdir(path.join(content, edition.name))).filter((n) => n.endsWith(".md"))) {
        chapters++;
        const share = markupShare(await readFile(path.join(content, edition.name, name), "utf8"));
        if (share.share > MARKUP_TARGET) over.push(`${edition.name}/${name} ${(100 * share.share).toFixed(2)} %`);
      }
    expect(chapters).toBeGreaterThanOrEqual(24);
    expect(over, "chapters over the markup target (npm run lint:content says how much prose they lack)").toEqual([]);
  });
});

describe("preflightReferences(context, chapters)", () => {
  it("lists every unresolvable reference and fact of every chapter at once, with file and line", () => {
    const chapter = {
      inputPath: "content/2022/01-overview.md",
      source:
        '---\nfacts:\n  grew: "[[增加值]] > [[增加值@b]]"\n  broken: "[[增加 值]] > 1"\n---\n第一段[[增加值]]。\n\n[[占GDP比重x]]和[[增速/{{ r.entity }}]]，[[增加值 ~ @q]]。\n'
    };
    let error: unknown;
    try {
      preflightReferences(context, [
        chapter,
        {
          inputPath: "content/2022/02-regions.md",
          source: "[[增加值/火星]]{% if fact.none %}[[名单 增加值/省份 <0]]{% endif %}"
        }
      ]);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DataError);
    expect((error as DataError).message.split("\n")).toEqual([
      'content/2022/01-overview.md:8: found "[[占GDP比重x]]"; expected "占GDP比重x" is neither a metric term nor a metric id of the 2022 figures; did you mean "占GDP比重"?',
      'content/2022/01-overview.md:8: found "[[增加值 ~ @q]]"; expected year "q"; expected y, p, b, f or a four-digit year',
      'content/2022/01-overview.md:4:facts.broken: found "[[增加 值]] > 1"; expected "增加 值" is not a reference; expected metric[/scope/entity][@year][#period]',
      'content/2022/02-regions.md:1: found "[[增加值/火星]]"; expected "火星" names no entity of the figures; expected a Chinese name (广东, 长三角, 第三产业, 制造业 …) or an id'
    ]);
  });
  it("checks the edition's facts of prose.yaml too, and refuses a chapter that redefines one", () => {
    const prose = {
      inputPath: "content/2022/prose.yaml",
      facts: {grew: "[[增加值]] > [[增加值@b]]", broken: "[[增加值@x]] > 1"},
      factLines: {grew: 9, broken: 10},
      lists: {},
      listLines: {}
    };
    let error: unknown;
    try {
      preflightReferences(
        context,
        [{inputPath: "content/2022/01-overview.md", source: '---\nfacts:\n  grew: "[[增速]] > 0"\n---\n正文。\n'}],
        prose
      );
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DataError);
    expect((error as DataError).message.split("\n")).toEqual([
      'content/2022/prose.yaml:10:facts.broken: found "[[增加值@x]] > 1"; expected year "x"; expected y, p, b, f or a four-digit year',
      'content/2022/01-overview.md:3:facts.grew: found "grew"; expected a name not defined in content/2022/prose.yaml already (a fact is defined once: rename it or remove one)'
    ]);
  });
});

describe("unusedFacts(prose, chapters)", () => {
  it("names the facts no chapter branches on", () => {
    const prose = {
      inputPath: "content/2030/prose.yaml",
      facts: {used: "[[增速]] > 0", used_too: "[[增速]] > 1", left: "[[增速]] > 2"},
      factLines: {},
      lists: {},
      listLines: {}
    };
    expect(
      unusedFacts(prose, [
        {inputPath: "a.md", source: "{% if fact.used %}x{% endif %}"},
        {inputPath: "b.md", source: "[[若 used_too 且 非 used]]y[[/若]] fact.lefty [[若 lefty]][[/若]]"}
      ])
    ).toEqual(["left"]);
  });
  it("finds none in the committed editions", async () => {
    for (const edition of ["2020", "2022", "2023"]) {
      const dir = path.join(ROOT, "content", edition);
      const prose = await readProse(dir, ROOT);
      const chapters = await Promise.all(
        (await readdir(dir))
          .filter((f) => f.endsWith(".md"))
          .map(async (f) => ({inputPath: f, source: await readFile(path.join(dir, f), "utf8")}))
      );
      expect(unusedFacts(prose, chapters), edition).toEqual([]);
    }
  });
});
