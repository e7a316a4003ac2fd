/**
 * @fileoverview Every chart of every edition (each figure, each panel, from the real data), drawn as the build
 * draws it and measured in real Chromium with the chart webfont: fails on two texts on top of each other, on a
 * reference rule (the dashed national value, a threshold) striking through a text, and on a label under a point
 * mark. Each failure names the edition, the figure, the panel and the texts. The check is itself tested on a
 * deliberately broken chart, so that it cannot pass by measuring nothing.
 */
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {closeSharedBrowser, sharedBrowser} from "../../render/browser.ts";
import {CHART_MODULES} from "../../render/charts/index.ts";
import {renderVegaLiteToSvg} from "../../render/charts/svg.ts";
import {referenceRuleName, topLevel} from "../../render/charts/vl.ts";
import {findCollisions, measureCharts, type Collisions} from "./chart-geometry.ts";
import {realContext, ROOT} from "./real-context.ts";
import {EDITIONS} from "../model/real-data.ts";

afterAll(() => closeSharedBrowser());

/** Drawing and measuring one edition's ~40 panels takes a few seconds; the machine may be shared. */
const MEASURE_TIMEOUT_MS = 120_000;

/** Every panel of every figure of an edition as SVG, keyed "figure-id panel n" (HTML panels that hold an SVG too). */
async function drawEdition(edition: number): Promise<Map<string, string>> {
  const context = await realContext(edition);
  const svgs = new Map<string, string>();
  for (const figure of context.config.figures) {
    const where = `${edition} ${figure.id}`;
    const output = CHART_MODULES.get(figure.chart)!.build({context, figure, where});
    for (const [i, panel] of output.panels.entries()) {
      const key = `${figure.id} panel ${i + 1}${panel.label ? `（${panel.label}）` : ""}`;
      if ("spec" in panel)
        svgs.set(key, await renderVegaLiteToSvg(panel.spec, {label: figure.title, where: `${where} panel ${i + 1}`}));
      else if (panel.html.includes("<svg")) svgs.set(key, panel.html);
    }
  }
  return svgs;
}

for (const edition of EDITIONS) {
  describe(`the ${edition} edition's charts measured in Chromium`, () => {
    const found = new Map<string, Collisions>();
    beforeAll(async () => {
      const svgs = await drawEdition(edition);
      const geometry = await measureCharts(await sharedBrowser(), ROOT, svgs);
      expect([...geometry.keys()].sort()).toEqual([...svgs.keys()].sort());
      for (const [key, g] of geometry) {
        // A chart whose texts were not measured would pass every check below.
        expect(g.texts.length, `${edition} ${key}: no text measured`).toBeGreaterThan(0);
        found.set(key, findCollisions(g));
      }
    }, MEASURE_TIMEOUT_MS);

    const failures = (kind: keyof Collisions): string[] =>
      [...found].flatMap(([key, collisions]) => collisions[kind].map((c) => `${edition} ${key}: ${c}`));

    it("have no two texts on top of each other", () => {
      expect(failures("texts")).toEqual([]);
    });

    it("have no reference rule striking through a text", () => {
      expect(failures("rules")).toEqual([]);
    });

    it("have no label under a point", () => {
      expect(failures("points")).toEqual([]);
    });
  });
}

describe("the collision check", () => {
  it(
    "finds each kind of collision in a broken chart, and nothing in its clear labels",
    async () => {
      const x = {field: "x", type: "quantitative", scale: {domain: [0, 20]}};
      const y = {field: "y", type: "quantitative", scale: {domain: [0, 20]}};
      const spec = topLevel({
        width: 300,
        height: 200,
        layer: [
          // A rule at x = 5 through 穿过的标签; 旁边的标签 starts right of it.
          {
            name: referenceRuleName(0),
            data: {values: [{x: 5}]},
            mark: {type: "rule", strokeDash: [4, 3]},
            encoding: {x}
          },
          {
            data: {values: [{x: 5, y: 10}]},
            mark: {type: "text", fontSize: 11},
            encoding: {x, y, text: {value: "穿过的标签"}}
          },
          {
            data: {values: [{x: 5, y: 6}]},
            mark: {type: "text", fontSize: 11, align: "left", dx: 3},
            encoding: {x, y, text: {value: "旁边的标签"}}
          },
          // Two labels on one spot, and a label under a dot.
          {
            data: {
              values: [
                {x: 8, y: 16, t: "甲标签"},
                {x: 8.5, y: 16, t: "乙标签"}
              ]
            },
            mark: {type: "text", fontSize: 11},
            encoding: {x, y, text: {field: "t"}}
          },
          {
            data: {values: [{x: 8, y: 3}]},
            mark: {type: "text", fontSize: 11},
            encoding: {x, y, text: {value: "点下标签"}}
          },
          {data: {values: [{x: 8, y: 3}]}, mark: {type: "point", filled: true, size: 80}, encoding: {x, y}}
        ]
      });
      const svg = await renderVegaLiteToSvg(spec, {label: "测试", where: "broken chart"});
      const geometry = (await measureCharts(await sharedBrowser(), ROOT, new Map([["broken", svg]]))).get("broken")!;
      const collisions = findCollisions(geometry);
      expect(collisions.texts).toEqual(["“甲标签” overlaps “乙标签”"]);
      expect(collisions.rules).toEqual(["the reference rule crosses “穿过的标签”"]);
      expect(collisions.points).toEqual(["“点下标签” lies under a point"]);
    },
    MEASURE_TIMEOUT_MS
  );
});
