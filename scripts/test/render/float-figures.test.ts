/**
 * floatFigures in real Chromium on small pages (300 px of text area, 20 px lines), where every move can be checked
 * by hand: a figure that would leave a gap goes after as much text as fills it, floats that follow each other move
 * together and keep their order, nothing passes a table, and a float never lands right after a heading.
 */
import {afterAll, describe, expect, it} from "vitest";
import {closeSharedBrowser, sharedBrowser} from "../../render/browser.ts";
import {
  floatFiguresExpression,
  type FloatChoices,
  type FloatMove,
  type FloatResult
} from "../../render/pdf/float-figures.ts";

afterAll(() => closeSharedBrowser());

/** A paragraph of `lines` lines of 20 px. */
const p = (name: string, lines: number) =>
  `<p id="${name}">${Array.from({length: lines}, (_, i) => `${name}${i}`).join("<br>")}</p>`;
const figure = (name: string, height: number) => `<div class="figure" id="${name}" style="height:${height}px"></div>`;

async function float(
  body: string,
  known: FloatChoices = {},
  style = ""
): Promise<{order: string[]; moves: FloatMove[]; chosen: FloatChoices; keys: Record<string, string>; tight: boolean}> {
  const page = await (await sharedBrowser()).newPage();
  try {
    await page.setJavaScriptEnabled(false);
    await page.setContent(`<!doctype html><html><head><style>
      body { margin: 0; font: 16px/20px sans-serif; width: 400px; }
      p, h2, h3, table { margin: 0; } h2, h3 { height: 20px; font-size: 16px; line-height: 20px; } ${style}
    </style></head><body><section class="print-chapter" id="c">${body}</section></body></html>`);
    const {moves, chosen, keys} = (await page.evaluate(
      floatFiguresExpression({pageHeight: 300, maxBlank: 0.35}, known, "test")
    )) as FloatResult;
    const order = await page.evaluate(() => [...document.querySelectorAll(".print-chapter > *")].map((e) => e.id));
    const tight = await page.evaluate(() =>
      document.querySelector(".print-chapter")!.classList.contains("print-tight")
    );
    return {order, moves, chosen, keys, tight};
  } finally {
    await page.close();
  }
}

describe("floatFigures", () => {
  it("moves a figure that would leave a 180 px gap after the two paragraphs (200 px) that fill it", async () => {
    // a ends at 120; f (250) would end at 370 > 300, leaving 180 px of the first page empty.
    const {order, moves} = await float(
      `<h2 id="h">h</h2>${p("a", 5)}${figure("f", 250)}${p("b", 5)}${p("c", 5)}${p("d", 5)}`
    );
    expect(order).toEqual(["h", "a", "b", "c", "f", "d"]);
    expect(moves).toEqual([{id: "f", passed: 2}]);
  });

  it("records each chapter's setting, and with a recorded setting floats by it without the search", async () => {
    const body = `<h2 id="h">h</h2>${p("a", 5)}${figure("f", 250)}${p("b", 5)}${p("c", 5)}${p("d", 5)}`;
    const first = await float(body);
    const [key, setting] = Object.entries(first.chosen)[0]!;
    expect(setting).toBeGreaterThanOrEqual(0);
    // The recorded setting reproduces the same order.
    expect((await float(body, {[key]: setting})).order).toEqual(first.order);
    // A recorded "no moves" (-1) is taken as it is, though the search would move f: the record decides.
    expect((await float(body, {[key]: -1})).order).toEqual(["h", "a", "f", "b", "c", "d"]);
  });

  it("leaves a figure that fits where it is", async () => {
    const {order, moves} = await float(`${p("a", 5)}${figure("f", 150)}${p("b", 5)}`);
    expect(order).toEqual(["a", "f", "b"]);
    expect(moves).toEqual([]);
  });

  it("moves floats that follow each other together, in their order", async () => {
    const {order} = await float(
      `${p("a", 6)}${figure("f", 250)}${figure("g", 100)}${p("b", 5)}${p("c", 5)}${p("d", 5)}`
    );
    expect(order.indexOf("f")).toBeLessThan(order.indexOf("g"));
    expect(order.indexOf("g")).toBe(order.indexOf("f") + 1);
    expect(order.indexOf("f")).toBeGreaterThan(order.indexOf("b"));
  });

  it("searches on the page's own layout when a style makes a block's place depend on its neighbour", async () => {
    // A paragraph right after a figure is pushed 60 px down: moving blocks changes their margins, which the model
    // of the layout (blocks stacked as measured once) does not know. Setting 0 (gap > 12 %, across sections) only:
    // f (120–370) leaves 180 px, and b, c (100 px each) fill it: h a b c f d. On the page that is final (b and c
    // close up, d now takes the 60 px and starts a page of its own). The model alone, still placing b 60 px down,
    // would find f short of the page again and move it past d as well.
    const style = ".figure + p { margin-top: 60px; }";
    const body = `<h2 id="h">h</h2>${p("a", 5)}${figure("f", 250)}${p("b", 5)}${p("c", 5)}${p("d", 5)}`;
    const key = Object.keys((await float(body, {}, style)).chosen)[0]!;
    const {order, moves} = await float(body, {[key]: 0}, style);
    expect(order).toEqual(["h", "a", "b", "c", "f", "d"]);
    expect(moves).toEqual([{id: "f", passed: 2}]);
  });

  it("passes a heading but never stops right after one, and never passes a table", async () => {
    const heading = await float(`${p("a", 6)}${figure("f", 250)}<h3 id="h">h</h3>${p("b", 9)}${p("c", 5)}`);
    expect(heading.order).toEqual(["a", "h", "b", "f", "c"]);
    const table = await float(`${p("a", 6)}${figure("f", 250)}<table id="t"><tr><td>t</td></tr></table>${p("b", 5)}`);
    expect(table.order).toEqual(["a", "f", "t", "b"]);
  });

  it("sets a chapter tight when its key says so (print.ts records a chapter whose print ended on a runt page)", async () => {
    const body = `${p("a", 8)}${p("b", 8)}`;
    const first = await float(body);
    expect(first.tight).toBe(false);
    const key = first.keys["c"]!;
    expect(Object.keys(first.chosen)).toEqual([key]);
    const tight = await float(body, {...first.chosen, [`${key}:tight`]: 1});
    expect(tight.tight).toBe(true);
    // The record is kept for the next print.
    expect(tight.chosen[`${key}:tight`]).toBe(1);
    expect((await float(body, {...first.chosen, [`${key}:tight`]: 0})).tight).toBe(false);
  });
});
