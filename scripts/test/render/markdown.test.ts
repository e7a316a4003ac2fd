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
  it("refuses live code in raw HTML, inline or as a block, and in headings", () => {
    const env = {page: {inputPath: "content/2022/01-overview.md"}};
    expect(() => createMarkdown().render("文字<script>alert(1)</script>", env)).toThrow(
      'content/2022/01-overview.md: raw HTML "<script>" carries live code (<script>); chapters may hold Markdown and plain HTML only'
    );
    expect(() => createMarkdown().render('<div onclick="x()">块</div>', env)).toThrow("carries live code (onclick=)");
    expect(() => createMarkdown().render("## 标题<img src=x onerror=alert(1)>", env)).toThrow("carries live code");
    expect(() => createMarkdown().render('见<a href="javascript:alert(1)">此</a>', env)).toThrow("carries live code");
    expect(createMarkdown().render('<span class="note">注</span>', env)).toBe('<p><span class="note">注</span></p>\n');
    // Escaped text and attribute values that only mention such words (a name from the data) are not code.
    const escaped =
      '<figure aria-label="海南&lt;img src=x onerror=&quot;alert(1)&quot;&gt;"><figcaption>&lt;script&gt; onload=1</figcaption></figure>';
    expect(createMarkdown().render(escaped, env)).toBe(escaped);
  });
  it("numbers repeated headings apart", () => {
    expect(createMarkdown().render("### 小结\n\n### 小结")).toBe(
      '<h3 id="小结">小结</h3>\n<h3 id="小结-1">小结</h3>\n'
    );
  });
});

describe("slugify(text)", () => {
  it("turns spaces into hyphens and drops punctuation", () => {
    expect(slugify(" 二、区域 发展篇 ")).toBe("二区域-发展篇");
  });
});

describe("createMarkdown({entityLinks})", () => {
  const md = createMarkdown({
    entityLinks: new Map([
      ["浙江", "province/zhejiang.html"],
      ["江西", "province/jiangxi.html"],
      ["湖北", "province/hubei.html"]
    ])
  });
  it("links the first mention of each name on the page, longest and leftmost first", () => {
    expect(md.render("浙江西部和江西、浙江。\n\n湖北与江西。\n")).toBe(
      '<p><a class="entity-name" href="province/zhejiang.html">浙江</a>西部和<a class="entity-name" href="province/jiangxi.html">江西</a>、浙江。</p>\n' +
        '<p><a class="entity-name" href="province/hubei.html">湖北</a>与江西。</p>\n'
    );
  });
  it("leaves headings and existing links alone, and starts again on the next page", () => {
    expect(md.render("## 湖北\n\n[湖北的数据](x.html)，湖北。\n")).toBe(
      '<h2 id="湖北">湖北</h2>\n<p><a href="x.html">湖北的数据</a>，<a class="entity-name" href="province/hubei.html">湖北</a>。</p>\n'
    );
    expect(md.render("湖北。\n")).toBe('<p><a class="entity-name" href="province/hubei.html">湖北</a>。</p>\n');
    expect(md.render('<a class="num" href="r.html">湖北</a>与湖北。\n')).toBe(
      '<p><a class="num" href="r.html">湖北</a>与<a class="entity-name" href="province/hubei.html">湖北</a>。</p>\n'
    );
  });
});
