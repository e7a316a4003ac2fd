import {describe, expect, it} from "vitest";
import {headingsOf} from "../../render/eleventy/toc.ts";

describe("headingsOf(html)", () => {
  it("lists h2 and h3 with their ids, as plain text the layout escapes once", () => {
    expect(
      headingsOf('<h2 id="a">（一）研发&amp;创新</h2><p>x</p><h3 id="b">平台 <em>产业</em></h3><h4 id="c">不列</h4>')
    ).toEqual([
      {level: 2, id: "a", text: "（一）研发&创新"},
      {level: 3, id: "b", text: "平台 产业"}
    ]);
  });
});
