import {describe, expect, it} from "vitest";
import {createMarkdown, slugify} from "../../render/eleventy/markdown.ts";

describe("createMarkdown()", () => {
  it("gives Chinese headings ids that keep the characters", () => {
    expect(createMarkdown().render("## （一）总体规模")).toBe('<h2 id="一总体规模">（一）总体规模</h2>\n');
  });
  it("keeps inline HTML from shortcodes untouched", () => {
    expect(createMarkdown().render('达到<a class="num" href="data.html#r:x" data-record="x">4.10万亿元</a>。')).toBe(
      '<p>达到<a class="num" href="data.html#r:x" data-record="x">4.10万亿元</a>。</p>\n'
    );
  });
  it("numbers repeated headings apart", () => {
    expect(createMarkdown().render("### 小结\n\n### 小结")).toBe('<h3 id="小结">小结</h3>\n<h3 id="小结-1">小结</h3>\n');
  });
});

describe("slugify(text)", () => {
  it("turns spaces into hyphens and drops punctuation", () => {
    expect(slugify(" 二、区域 发展篇 ")).toBe("二区域-发展篇");
  });
});
