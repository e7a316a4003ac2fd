/**
 * @fileoverview What a reader sees of a chart, measured in real Chromium with the chart webfont: one box per line
 * of every visible <text>, the reference rules (the marks named REFERENCE_RULE_NAME,
 * e.g. the dashed national value), and the point marks; and the pure check of those boxes for the collisions a
 * printed page shows: two texts on top of each other, a reference rule striking through a text, a label under a
 * dot. Shared by the chart tests; the check itself is tested on boxes and on a deliberately broken chart.
 */
import {mkdtemp, rm, writeFile} from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import {pathToFileURL} from "node:url";
import type {Browser} from "puppeteer-core";
import {REFERENCE_RULE_NAME} from "../../render/charts/vl.ts";

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface TextLine extends Box {
  text: string;
}

export interface ChartGeometry {
  texts: TextLine[];
  /**
   * Reference rules, whole: a rule that passes under a bar behind a label still reads as striking through it (the
   * dashes stop at the label's edges and go on past them), so a bar drawn over the rule does not excuse it.
   */
  rules: Box[];
  points: Box[];
}

/** Overlap in px beyond which two boxes collide: anti-aliasing and rounding stay below it. */
export const TOLERANCE_PX = 1;

/**
 * The text's em box, not the font box that getBBox() gives: Noto Sans SC's font box (ascent 1.16 em, descent
 * 0.29 em) is half as tall again as its glyphs, and two label lines set 1.25 em apart would "overlap" by it while
 * the printed glyphs do not. The ideographic em box runs from 0.88 em above the baseline to 0.12 em below.
 */
const EM_ABOVE = 0.88;
const EM_BELOW = 0.12;

/**
 * Runs in the page: the geometry of every SVG under an element with `data-chart`. Self-contained (puppeteer
 * serialises it), so it repeats the small helpers it needs.
 */
function measureInPage(args: {
  ruleName: string;
  emAbove: number;
  emBelow: number;
}): Record<string, {texts: TextLine[]; rules: Box[]; points: Box[]}> {
  const boundsOf = (points: DOMPoint[]): Box => ({
    x0: Math.min(...points.map((p) => p.x)),
    y0: Math.min(...points.map((p) => p.y)),
    x1: Math.max(...points.map((p) => p.x)),
    y1: Math.max(...points.map((p) => p.y))
  });
  const rectOf = (r: DOMRect): Box => ({x0: r.left, y0: r.top, x1: r.right, y1: r.bottom});
  const hidden = (element: Element, root: Element): boolean => {
    for (let e: Element | null = element; e && e !== root; e = e.parentElement) {
      const opacity = e.getAttribute("opacity") ?? e.getAttribute("fill-opacity");
      if (opacity !== null && Number(opacity) === 0) return true;
      const style = getComputedStyle(e);
      if (style.display === "none" || style.visibility === "hidden") return true;
    }
    return false;
  };
  const result: Record<string, {texts: TextLine[]; rules: Box[]; points: Box[]}> = {};
  for (const holder of document.querySelectorAll("[data-chart]")) {
    const svg = holder.querySelector("svg");
    if (!svg) continue;
    const texts: TextLine[] = [];
    for (const text of svg.querySelectorAll("text")) {
      if (hidden(text, svg) || !text.textContent?.trim()) continue;
      const matrix = text.getScreenCTM();
      if (!matrix) continue;
      const size = parseFloat(getComputedStyle(text).fontSize);
      // Vega writes a multi-line label as one <tspan> per line.
      const spans = text.querySelectorAll("tspan");
      for (const line of spans.length > 0 ? [...spans] : [text]) {
        const count = line.getNumberOfChars();
        if (count === 0 || !line.textContent?.trim()) continue;
        const start = line.getStartPositionOfChar(0);
        const end = line.getEndPositionOfChar(count - 1);
        const x0 = Math.min(start.x, end.x);
        const x1 = Math.max(start.x, end.x);
        const top = start.y - args.emAbove * size;
        const bottom = start.y + args.emBelow * size;
        const corners = [
          [x0, top],
          [x1, top],
          [x0, bottom],
          [x1, bottom]
        ].map(([x, y]) => new DOMPoint(x, y).matrixTransform(matrix));
        texts.push({text: line.textContent.trim(), ...boundsOf(corners)});
      }
    }
    const rules = [
      ...svg.querySelectorAll(
        `g.mark-rule[class*="${args.ruleName}"] > line, g.mark-rule[class*="${args.ruleName}"] > path`
      )
    ]
      .filter((rule) => !hidden(rule, svg))
      .map((rule) => rectOf(rule.getBoundingClientRect()));
    const points = [...svg.querySelectorAll("g.mark-symbol.role-mark > path")]
      .filter((point) => !hidden(point, svg))
      .map((point) => rectOf(point.getBoundingClientRect()));
    result[holder.getAttribute("data-chart")!] = {texts, rules, points};
  }
  return result;
}

/**
 * Renders the SVGs (key → SVG markup) on one page with the chart webfont and returns what each shows. The page
 * is a file in a temporary folder, so that the @fontsource style sheets load their font files.
 */
export async function measureCharts(
  browser: Browser,
  root: string,
  svgs: ReadonlyMap<string, string>
): Promise<Map<string, ChartGeometry>> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "baipishu-chart-geometry-"));
  const fonts = [400, 700].map(
    (w) =>
      `<link rel="stylesheet" href="${pathToFileURL(path.join(root, "node_modules/@fontsource/noto-sans-sc", `${w}.css`)).href}">`
  );
  const body = [...svgs].map(([key, svg]) => `<div data-chart="${key}">${svg}</div>`).join("\n");
  const file = path.join(dir, "charts.html");
  await writeFile(
    file,
    `<!doctype html><html><head><meta charset="utf-8">${fonts.join("")}<style>body{margin:0}svg{display:block}</style></head><body>${body}</body></html>`
  );
  const page = await browser.newPage();
  try {
    await page.goto(pathToFileURL(file).href, {waitUntil: "load"});
    // Only the unicode-range subsets that the page's text needs, in both weights; measured before they load, the
    // texts would have a fallback font's widths.
    const fontReady = await page.evaluate(async () => {
      const text = document.body.textContent ?? "";
      const faces = ['400 11px "Noto Sans SC"', '700 11px "Noto Sans SC"'];
      await Promise.all(faces.map((face) => document.fonts.load(face, text)));
      await document.fonts.ready;
      return faces.every((face) => document.fonts.check(face, text));
    });
    if (!fontReady) throw new Error("the chart font Noto Sans SC did not load");
    // tsx (esbuild keepNames) wraps named functions in __name(), which the page lacks; vitest does not.
    await page.evaluate("globalThis.__name ??= (f) => f");
    const raw = await page.evaluate(measureInPage, {
      ruleName: REFERENCE_RULE_NAME,
      emAbove: EM_ABOVE,
      emBelow: EM_BELOW
    });
    return new Map(Object.entries(raw));
  } finally {
    await page.close();
    await rm(dir, {recursive: true, force: true});
  }
}

/** How far two intervals overlap (negative when apart). */
function overlap(a0: number, a1: number, b0: number, b1: number): number {
  return Math.min(a1, b1) - Math.max(a0, b0);
}

function boxesOverlap(a: Box, b: Box): boolean {
  return overlap(a.x0, a.x1, b.x0, b.x1) > TOLERANCE_PX && overlap(a.y0, a.y1, b.y0, b.y1) > TOLERANCE_PX;
}

/** A thin rule crosses a text when it runs through the text's box, more than the tolerance inside its edges. */
function ruleCrosses(rule: Box, text: Box): boolean {
  const inside = (r0: number, r1: number, t0: number, t1: number) => r0 > t0 + TOLERANCE_PX && r1 < t1 - TOLERANCE_PX;
  const vertical = rule.x1 - rule.x0 <= rule.y1 - rule.y0;
  return vertical
    ? inside(rule.x0, rule.x1, text.x0, text.x1) && overlap(rule.y0, rule.y1, text.y0, text.y1) > TOLERANCE_PX
    : inside(rule.y0, rule.y1, text.y0, text.y1) && overlap(rule.x0, rule.x1, text.x0, text.x1) > TOLERANCE_PX;
}

export interface Collisions {
  /** "“a” overlaps “b”". */
  texts: string[];
  /** "the reference rule crosses “a”". */
  rules: string[];
  /** "“a” lies under a point". */
  points: string[];
}

/** Every collision in one chart's geometry, described with the texts involved. */
export function findCollisions(geometry: ChartGeometry): Collisions {
  const {texts} = geometry;
  const found: Collisions = {texts: [], rules: [], points: []};
  for (let i = 0; i < texts.length; i++)
    for (let j = i + 1; j < texts.length; j++)
      if (boxesOverlap(texts[i]!, texts[j]!)) found.texts.push(`“${texts[i]!.text}” overlaps “${texts[j]!.text}”`);
  for (const text of texts) {
    if (geometry.rules.some((rule) => ruleCrosses(rule, text)))
      found.rules.push(`the reference rule crosses “${text.text}”`);
    if (geometry.points.some((point) => boxesOverlap(point, text)))
      found.points.push(`“${text.text}” lies under a point`);
  }
  return found;
}
