import {describe, expect, it} from "vitest";
import {ChapterNotes, citationProblems, citedIds, dataSourcesHtml} from "../../render/eleventy/citations.ts";
import type {FigureRecord} from "../../model/records/records.ts";
import type {Citation} from "../../model/inputs.ts";

const citations: Citation[] = [
  {
    id: "P1",
    text: "国务院：《某规划》（国发〔2021〕1号），2021年3月",
    url: "https://example.gov.cn/p1",
    trust: "official",
    caveat: ""
  },
  {id: "C2", text: "某案例，2021年", url: "http://example.com/c2?a=1&b=2", trust: "other", caveat: ""},
  {id: "E3", text: "新华网：某事件，2022年5月1日", url: "http://news.cn/e3?x=1&y=2", trust: "media", caveat: ""},
  {
    id: "E4",
    text: "某发布会，2023年6月15日",
    url: "http://mirror.example/e4",
    trust: "other",
    caveat: "figures disagree (PROVENANCE.md, Conflicts 3)"
  }
];
const quiet = () => {};

describe("citations of sourced facts", () => {
  it("gives rows of one source (same entry, same URL) one number and one line; tells two pages of one entry apart", () => {
    const rows: Citation[] = [
      {id: "E5", text: "某报告，2020年9月3日", url: "http://example.org/r", trust: "other", caveat: ""},
      {id: "E6", text: "某报告，2020年9月3日", url: "http://example.org/r", trust: "other", caveat: ""},
      {id: "C7", text: "某平台，2020年", url: "http://a.example/1", trust: "other", caveat: ""},
      {id: "C8", text: "某平台，2020年", url: "http://b.example/2", trust: "other", caveat: ""}
    ];
    const notes = new ChapterNotes(rows, ["E5", "C7", "E6", "C8"], quiet);
    expect(notes.cite("a", ["E5", "E6"], "x")).toBe('&#x2060;<sup class="cite">[<a href="#note-a-1">1</a>]</sup>');
    expect(notes.cite("a", ["C7"], "x")).toBe('&#x2060;<sup class="cite">[<a href="#note-a-2">2</a>]</sup>');
    expect(notes.cite("a", ["C8"], "x")).toBe('&#x2060;<sup class="cite">[<a href="#note-a-3">3</a>]</sup>');
    // The report is listed once; the two pages that print the same entry show their URLs, though from other hosts.
    expect(notes.notes("a")).toBe(
      '<section class="chapter-notes" aria-label="注释"><p class="chapter-notes-title">注释</p><ol>' +
        '<li id="note-a-1"><span class="note-n">[1]</span>某报告，2020年9月3日。</li>' +
        '<li id="note-a-2"><span class="note-n">[2]</span>某平台，2020年。<span class="note-url">http://a.example/1</span></li>' +
        '<li id="note-a-3"><span class="note-n">[3]</span>某平台，2020年。<span class="note-url">http://b.example/2</span></li>' +
        "</ol></section>"
    );
    expect(notes.bibliography().match(/<li /g)).toHaveLength(3);
  });

  it("numbers every source once for the edition, in order of first citation through the chapters", () => {
    const order = citedIds(['甲[[注 C2]]乙{% cite "P1", "C2" %}', "丙[[注 E3]]丁[[注 P1]]"]);
    expect(order).toEqual(["C2", "P1", "E3"]);
    const notes = new ChapterNotes(citations, order, quiet);
    // The mark is joined to the text before it (U+2060 WORD JOINER) and carries the edition's number.
    expect(notes.cite("01-overview", ["C2"], "x")).toBe(
      '&#x2060;<sup class="cite">[<a href="#note-01-overview-1">1</a>]</sup>'
    );
    expect(notes.cite("01-overview", ["P1", "C2"], "x")).toBe(
      '&#x2060;<sup class="cite">[<a href="#note-01-overview-2">2</a>，<a href="#note-01-overview-1">1</a>]</sup>'
    );
    // Another chapter keeps the same numbers: no restart.
    expect(notes.cite("02-regions", ["E3"], "x")).toBe(
      '&#x2060;<sup class="cite">[<a href="#note-02-regions-3">3</a>]</sup>'
    );
    expect(notes.cite("02-regions", ["P1"], "x")).toBe(
      '&#x2060;<sup class="cite">[<a href="#note-02-regions-2">2</a>]</sup>'
    );
  });

  it("prints a chapter's notes under the edition's numbers; a URL only for official and media hosts", () => {
    const notes = new ChapterNotes(citations, ["C2", "P1", "E3"], quiet);
    notes.cite("b", ["E3"], "x");
    notes.cite("b", ["P1"], "x");
    notes.cite("b", ["C2"], "x");
    expect(notes.notes("b")).toBe(
      '<section class="chapter-notes" aria-label="注释"><p class="chapter-notes-title">注释</p><ol>' +
        '<li id="note-b-1"><span class="note-n">[1]</span>某案例，2021年。</li>' +
        '<li id="note-b-2"><span class="note-n">[2]</span>国务院：《某规划》（国发〔2021〕1号），2021年3月。' +
        '<span class="note-url">https://example.gov.cn/p1</span></li>' +
        '<li id="note-b-3"><span class="note-n">[3]</span>新华网：某事件，2022年5月1日。' +
        '<span class="note-url">http://news.cn/e3?x=1&amp;y=2</span></li>' +
        "</ol></section>"
    );
    expect(notes.notes("c")).toBe("");
  });

  it("prints the 参考文献 under the same numbers, without the URL of an other host", () => {
    const notes = new ChapterNotes(citations, ["E3", "C2"], quiet);
    expect(notes.bibliography()).toBe(
      '<ol class="bibliography">' +
        '<li id="ref-1"><span class="note-n">[1]</span>新华网：某事件，2022年5月1日。' +
        '<span class="note-url">http://news.cn/e3?x=1&amp;y=2</span></li>' +
        '<li id="ref-2"><span class="note-n">[2]</span>某案例，2021年。</li>' +
        "</ol>"
    );
    // A host of other trust: the entry without its URL.
    const bare = new ChapterNotes(
      [{id: "X", text: "某文献。", url: "https://example.org/x", trust: "other", caveat: ""}],
      ["X"],
      quiet
    );
    expect(bare.bibliography()).toBe(
      '<ol class="bibliography"><li id="ref-1"><span class="note-n">[1]</span>某文献。</li></ol>'
    );
  });

  it("warns once per chapter when a chapter cites a row PROVENANCE.md warns about, with id and URL", () => {
    const lines: string[] = [];
    const notes = new ChapterNotes(citations, ["E4", "P1"], (line) => lines.push(line));
    notes.cite("a", ["E4", "P1"], "content/2023/01-overview.md");
    notes.cite("a", ["E4"], "content/2023/01-overview.md");
    notes.cite("b", ["E4"], "content/2023/04-outlook.md");
    expect(lines).toEqual([
      "content/2023/01-overview.md cites E4 (http://mirror.example/e4): figures disagree (PROVENANCE.md, Conflicts 3)",
      "content/2023/04-outlook.md cites E4 (http://mirror.example/e4): figures disagree (PROVENANCE.md, Conflicts 3)"
    ]);
  });

  it("refuses an unknown id at render time", () => {
    expect(() => new ChapterNotes(citations, [], quiet).cite("a", ["P9"], "content/2023/01-overview.md")).toThrow(
      'content/2023/01-overview.md: cite: unknown id "P9"; expected an id of data/context/cited-*.csv'
    );
  });

  it("the preflight lists every unknown id with its line, and a citing chapter without its notes", () => {
    const source = '第一句[[注 P1]]。\n第二句[[注 P9 C2]]。\n第三句{% cite "X" %}。\n';
    expect(citationProblems("content/2023/x.md", source, citations)).toEqual([
      {
        file: "content/2023/x.md",
        row: 2,
        value: "P9",
        expected: "an id of data/context/cited-policies.csv, cited-events.csv or cited-cases.csv"
      },
      {
        file: "content/2023/x.md",
        row: 3,
        value: "X",
        expected: "an id of data/context/cited-policies.csv, cited-events.csv or cited-cases.csv"
      },
      {
        file: "content/2023/x.md",
        expected: "[[注释]] at the end of a chapter that cites (it prints the numbered sources)"
      }
    ]);
    expect(
      citationProblems(
        "content/2023/x.md",
        `${source.replace(/P9 |"X"/g, (m) => (m === "P9 " ? "" : '"P1"'))}[[注释]]\n`,
        citations
      )
    ).toEqual([]);
  });
});

describe("dataSourcesHtml(records)", () => {
  const observed = (metric: string, note: string): FigureRecord => ({
    metric,
    scope: "national",
    entity: "china",
    year: 2022,
    value: 1,
    unit: "万个",
    forecast: false,
    kind: "observed",
    formula: "",
    formulaId: "observed",
    inputs: [],
    sources: [],
    note
  });
  it("lists each release once, by date, with the indicators taken from it", () => {
    expect(
      dataSourcesHtml([
        observed(
          "base_stations_5g",
          "发布方：工业和信息化部通信业统计公报；发布日期：2023-01-31；网页 `http://a`（指标表第 `I01` 条）"
        ),
        observed("gdp_real_growth", "发布方：国家统计局；发布日期：2023-01-17；网页 `http://b`（指标表第 `M47` 条）"),
        observed(
          "gdp_current_prices",
          "发布方：国家统计局；发布日期：2023-01-17；网页 `http://b`（指标表第 `M01` 条）"
        ),
        observed("base_stations_5g", "原版见于：第5页")
      ])
    ).toBe(
      '<ul class="data-sources"><li>国家统计局，2023年1月17日：GDP实际增速、国内生产总值（现价）。</li>' +
        "<li>工业和信息化部通信业统计公报，2023年1月31日：5G基站数。</li></ul>"
    );
  });
  it("is empty when no record names its release", () => {
    expect(dataSourcesHtml([observed("base_stations_5g", "原版见于：第5页")])).toBe("");
  });
});
