import {describe, expect, it} from "vitest";
import {ChapterNotes, citationProblems} from "../../render/eleventy/citations.ts";

const citations = [
  {id: "P1", text: "国务院：《某规划》（国发〔2021〕1号），2021-03", url: "https://example.gov.cn/p1"},
  {id: "C2", text: "某案例（江苏）：某事实。", url: "http://example.com/c2?a=1&b=2"}
];

describe("citations of sourced facts", () => {
  it("numbers the marks per chapter in order of first citation, and reuses a number", () => {
    const notes = new ChapterNotes(citations);
    expect(notes.cite("02-regions", ["C2"], "x")).toBe('<sup class="cite">[<a href="#note-02-regions-1">1</a>]</sup>');
    expect(notes.cite("02-regions", ["P1", "C2"], "x")).toBe(
      '<sup class="cite">[<a href="#note-02-regions-2">2</a>，<a href="#note-02-regions-1">1</a>]</sup>'
    );
    // Another chapter starts at 1 again.
    expect(notes.cite("04-outlook", ["P1"], "x")).toBe('<sup class="cite">[<a href="#note-04-outlook-1">1</a>]</sup>');
  });

  it("prints the chapter's notes with escaped text and URL, one final full stop", () => {
    const notes = new ChapterNotes(citations);
    notes.cite("a", ["C2"], "x");
    notes.cite("a", ["P1"], "x");
    expect(notes.notes("a")).toBe(
      '<section class="chapter-notes" aria-label="注释"><p class="chapter-notes-title">注释</p><ol>' +
        '<li id="note-a-1">某案例（江苏）：某事实。<span class="note-url">http://example.com/c2?a=1&amp;b=2</span></li>' +
        '<li id="note-a-2">国务院：《某规划》（国发〔2021〕1号），2021-03。<span class="note-url">https://example.gov.cn/p1</span></li>' +
        "</ol></section>"
    );
    expect(notes.notes("b")).toBe("");
  });

  it("refuses an unknown id at render time", () => {
    expect(() => new ChapterNotes(citations).cite("a", ["P9"], "content/2023/01-overview.md")).toThrow(
      'content/2023/01-overview.md: cite: unknown id "P9"; expected an id of data/context/cited-*.csv'
    );
  });

  it("the preflight lists every unknown id with its line, and a citing chapter without its notes", () => {
    const source = '第一句{% cite "P1" %}。\n第二句{% cite "P9", "C2" %}。\n第三句{% cite "X" %}。\n';
    expect(citationProblems("content/2023/x.md", source, citations)).toEqual([
      {
        file: "content/2023/x.md",
        row: 2,
        value: '{% cite "P9" %}',
        expected: "an id of data/context/cited-policies.csv, cited-events.csv or cited-cases.csv"
      },
      {
        file: "content/2023/x.md",
        row: 3,
        value: '{% cite "X" %}',
        expected: "an id of data/context/cited-policies.csv, cited-events.csv or cited-cases.csv"
      },
      {
        file: "content/2023/x.md",
        expected: "{% notes %} at the end of a chapter that cites (it prints the numbered sources)"
      }
    ]);
    expect(
      citationProblems("content/2023/x.md", `${source.replace(/"P9", |"X"/g, '"P1"')}{% notes %}\n`, citations)
    ).toEqual([]);
  });
});
