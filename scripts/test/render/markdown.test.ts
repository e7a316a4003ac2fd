import {describe, expect, it} from "vitest";
import {createMarkdown, slugify} from "../../render/eleventy/markdown.ts";
import {evaluateCondition, factNamesUsed} from "../../render/eleventy/conditions.ts";

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

describe("createMarkdown({condition}): short conditions [[若 …]]", () => {
  const facts: Record<string, boolean> = {up: true, down: false, big: true, 长三角规模最大: true, 东北负增长: false};
  const asked: string[] = [];
  const md = createMarkdown({
    condition: (expression) => {
      asked.push(expression);
      return evaluateCondition(
        expression,
        (name) => facts[name],
        "test.md",
        () => Object.keys(facts)
      );
    }
  });
  const env = {page: {inputPath: "content/2022/02-regions.md"}};
  it("prints the branch taken and drops the marks", () => {
    expect(md.render("增速[[若 up]]加快[[否则]]放缓[[/若]]。", env)).toBe("<p>增速加快。</p>\n");
    expect(md.render("增速[[若 down]]加快[[否则若 big 且 非 down]]较快[[否则]]放缓[[/若]]。", env)).toBe(
      "<p>增速较快。</p>\n"
    );
    expect(md.render("甲[[若 down 或 up]]乙[[/若]]丙[[若 down]]丁[[/若]]。", env)).toBe("<p>甲乙丙。</p>\n");
  });
  it("reads Chinese fact names, with 非 written apart or joined", () => {
    expect(
      md.render("[[若 长三角规模最大 且 非东北负增长]]甲[[否则]]乙[[/若]][[若 非 长三角规模最大]]丙[[/若]]", env)
    ).toBe("<p>甲</p>\n");
  });
  it("nests, keeps Markdown inside a branch, and never asks about a branch inside one not taken", () => {
    asked.length = 0;
    expect(md.render("[[若 down]]甲[[若 unknown]]乙[[/若]][[否则]]**丙**[[若 big]]丁[[/若]][[/若]]", env)).toBe(
      "<p><strong>丙</strong>丁</p>\n"
    );
    expect(asked).toEqual(["down", "big"]);
  });
  it("drops a paragraph whose every word is in a branch not taken", () => {
    expect(md.render("第一段。\n\n[[若 down]]整段不印。[[/若]]\n\n第三段。\n", env)).toBe(
      "<p>第一段。</p>\n<p>第三段。</p>\n"
    );
  });
  it("decides headings before their ids are made", () => {
    expect(md.render("## 增速[[若 up]]加快[[否则]]放缓[[/若]]", env)).toBe('<h2 id="增速加快">增速加快</h2>\n');
  });
  it("fails with the file and line on an unclosed, stray or unknown condition", () => {
    expect(() => md.render("第一段。\n\n甲[[若 up]]乙\n\n丙[[/若]]", env)).toThrow(
      "content/2022/02-regions.md:3: [[若 up]] is not closed by [[/若]] in the same paragraph"
    );
    expect(() => md.render("甲[[否则]]乙", env)).toThrow(
      "content/2022/02-regions.md:1: [[否则]] without an open [[若 …]] before it in the paragraph"
    );
    expect(() => md.render("甲[[若 upp]]乙[[/若]]", env)).toThrow(
      'test.md: [[若 upp]]: "upp" is no fact of this edition; did you mean "up", "big"? If not, define it under facts: in prose.yaml'
    );
    expect(() => md.render("甲[[若 东北正增长]]乙[[/若]]", env)).toThrow('did you mean "东北负增长"?');
    expect(() => md.render("甲[[若 完全不同的名称]]乙[[/若]]", env)).toThrow(
      '"完全不同的名称" is no fact of this edition; define it under facts: in prose.yaml'
    );
    expect(() => md.render("甲[[若 up 和 big]]乙[[/若]]", env)).toThrow('"up 和 big" is not a fact name');
  });
  it("refuses a branch that cuts through emphasis, and a note mark in a branch not taken", () => {
    expect(() => md.render("**甲[[若 down]]乙**丙[[/若]]", env)).toThrow("cuts through emphasis or a link");
    expect(() => md.render('甲[[若 down]]乙&#x2060;<sup class="cite">[3]</sup>[[/若]]', env)).toThrow(
      "a note mark ({% cite %}) inside a short condition [[若 down]]"
    );
  });
});

describe("factNamesUsed(source)", () => {
  it("finds the names of {% if fact.x %} tags and of short conditions, whole names only", () => {
    const source =
      '{% if fact.a_b %}x{% endif %}{% if fact["东北负增长"] %}{% endif %}[[若 c 且 非 d]]y[[否则若 e 或 非f]][[否则]][[/若]][[若 非长三角最大]][[/若]][[增速]]';
    expect([...factNamesUsed(source)].sort()).toEqual(["a_b", "c", "d", "e", "f", "东北负增长", "长三角最大"]);
  });
});

describe("createMarkdown(): block references", () => {
  const md = createMarkdown({reference: (body) => (body.startsWith("图") ? "<figure>图</figure>" : `<i>${body}</i>`)});
  it("prints a figure, a formula or the notes that stand alone without a paragraph around them", () => {
    expect(md.render("正文[[注 P1]]。\n\n[[图 province-va]]\n\n[[注释]]\n")).toBe(
      "<p>正文<i>注 P1</i>。</p>\n<figure>图</figure>\n<i>注释</i>\n"
    );
    expect(md.render("[[公式 growth]]\n")).toBe("<i>公式 growth</i>\n");
  });
  it("keeps a block reference inside a sentence inline", () => {
    expect(md.render("见[[注释]]。")).toBe("<p>见<i>注释</i>。</p>\n");
  });
});
