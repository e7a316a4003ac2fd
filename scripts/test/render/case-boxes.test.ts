import {describe, expect, it} from "vitest";
import {boxHtml, numberBoxes} from "../../render/case-boxes.ts";
import type {EditionConfig} from "../../model/edition-config.ts";

const config = {chapters: [{id: "overview"}, {id: "regions"}]} as unknown as EditionConfig;

describe("专栏 case boxes", () => {
  it("are numbered in the order the chapters print them", () => {
    const sources = new Map([
      ["regions", '{% box "长三角：一体化示范" %}…{% endbox %}'],
      ["overview", '前文{% box "美国：先进制造业战略" %}…{% endbox %}后文{%- box "德国：工业4.0" -%}…{% endbox %}']
    ]);
    expect(numberBoxes(config, sources, (id) => `content/2023/${id}.md`)).toEqual([
      {id: "box-1", label: "专栏1", title: "美国：先进制造业战略", chapterId: "overview"},
      {id: "box-2", label: "专栏2", title: "德国：工业4.0", chapterId: "overview"},
      {id: "box-3", label: "专栏3", title: "长三角：一体化示范", chapterId: "regions"}
    ]);
  });

  it("refuses the same title twice, naming both places", () => {
    const sources = new Map([
      ["overview", '{% box "A" %}x{% endbox %}'],
      ["regions", '{% box "A" %}y{% endbox %}']
    ]);
    expect(() => numberBoxes(config, sources, (id) => `content/2023/${id}.md`)).toThrow(
      'content/2023/regions.md: 专栏 "A" appears twice (also in content/2023/overview.md); give each box its own title'
    );
  });

  it("prints an aside whose inside stays Markdown, title escaped", () => {
    expect(
      boxHtml({id: "box-1", label: "专栏1", title: "A<B", chapterId: "overview"}, "\n第一段。\n\n第二段。\n")
    ).toBe(
      '<aside class="case-box" id="box-1" aria-label="专栏1 A&lt;B">\n<p class="case-box-title"><span class="case-box-label">专栏1</span>A&lt;B</p>\n\n第一段。\n\n第二段。\n\n</aside>\n'
    );
  });
});
