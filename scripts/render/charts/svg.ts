/**
 * @fileoverview Vega-Lite → static SVG at build time (the PDF and the JavaScript-free site both show this SVG; it
 * stays the truth even where the site adds interactivity). Uses vega's headless View with renderer "none" and the
 * CJK-aware text width of text-width.ts.
 */
import * as vega from "vega";
import * as vl from "vega-lite";
import type {TopLevelSpec} from "vega-lite";
import {BuildError} from "../../lib/errors.ts";
import {escapeHtml} from "../html.ts";
import {decodeTip} from "./marks.ts";
import {installTextWidth} from "./text-width.ts";
import {THEME} from "./theme.ts";

export interface SvgOptions {
  /** Accessible name of the SVG (the figure's text alternative). */
  label: string;
  /** Where the spec comes from, for error messages. */
  where: string;
  /** Prefix of the SVG's internal ids (gradients, clip paths), unique on the page, e.g. the figure id and panel. */
  idPrefix?: string;
}

/**
 * Vega numbers gradients and clip paths with a process-wide counter, so the same chart would get other ids
 * depending on what was drawn before it (a build of one edition ≠ the same edition built after another). The ids
 * are renumbered per SVG under a prefix of the figure's own: the output depends on the chart alone.
 */
export function stableSvgIds(svg: string, prefix: string): string {
  const renamed = new Map<string, string>();
  for (const match of svg.matchAll(/\bid="((?:gradient|clip|pattern)_?\d+)"/g))
    if (!renamed.has(match[1]!)) renamed.set(match[1]!, `${prefix}-${match[1]!.replace(/_?\d+$/, "")}-${renamed.size}`);
  if (renamed.size === 0) return svg;
  return svg.replace(/\b(id="|url\(#|href="#)((?:gradient|clip|pattern)_?\d+)\b/g, (whole, lead: string, id: string) =>
    renamed.has(id) ? `${lead}${renamed.get(id)!}` : whole
  );
}

/** An attribute value as Vega's SVG writer escapes it, back to its text. */
function unescapeAttribute(value: string): string {
  return value
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&#x9;/g, "\t")
    .replace(/&#xA;/g, "\n")
    .replace(/&#xD;/g, "\r")
    .replace(/&amp;/g, "&");
}

/**
 * The site's hooks in a drawn chart (marks.ts): a mark's tip, which Vega writes as its aria-label, becomes data
 * attributes (data-tip-record, -title, -label, -value) for the site script's card; a mark's link, which Vega
 * writes as <a xlink:href> around it, becomes <a href class="chart-link"> named by the mark's entity (for a
 * keyboard or screen-reader user who reaches it). Nothing of either is drawn. Every other aria attribute goes.
 */
export function markHooks(svg: string): string {
  const tipped = svg.replace(/ aria-label="(tip\|[^"]*)"/g, (_whole, encoded: string) => {
    const tip = decodeTip(unescapeAttribute(encoded));
    if (!tip) return "";
    const attributes: [string, string][] = [
      ["record", tip.record],
      ["title", tip.title],
      ["label", tip.label],
      ["value", tip.value]
    ];
    return attributes.map(([name, value]) => ` data-tip-${name}="${escapeHtml(value)}"`).join("");
  });
  const named = tipped.replace(
    / aria-label="name\|([^"]*)"/g,
    (_whole, name: string) => ` data-link-name="${escapeHtml(unescapeAttribute(name))}"`
  );
  // Vega describes its titles, axes and marks to screen readers in generated English ("Title text …"); the SVG
  // as a whole carries the figure's zh-CN label instead, and its data table gives the values.
  const quiet = named.replace(/ aria-(?:label|roledescription)="[^"]*"/g, "").replace(/ role="graphics-[a-z-]+"/g, "");
  return quiet.replace(
    /<a xlink:href="([^"]*)"([^>]*)>(<[a-z]+ [^>]*>)?/g,
    (_whole, href: string, rest: string, mark?: string) => {
      const attribute = (name: string): string | undefined =>
        mark ? new RegExp(` data-${name}="([^"]*)"`).exec(mark)?.[1] : undefined;
      // Named by its entity (the tip's title is "广东 · 2021年"); the card, shown on focus, says the rest.
      const text = attribute("tip-title")?.split(" · ")[0] ?? attribute("link-name");
      const name = text ? ` aria-label="${text}"` : "";
      return `<a href="${href}" class="chart-link"${name}${rest}>${mark ?? ""}`;
    }
  );
}

/**
 * Vega writes coordinates with full double precision (245.07492795389047); a hundredth of a pixel is far below what
 * a screen or a 600 dpi print shows, and the digits are a fifth of a chapter page's weight. Only geometry attributes
 * are rounded: text and the data attributes of the tips keep their digits.
 */
export function compactGeometry(svg: string): string {
  return svg.replace(
    / (d|transform|points|x|y|x1|x2|y1|y2|width|height|cx|cy|r)="([^"]*)"/g,
    (_whole, name: string, value: string) =>
      ` ${name}="${value.replace(/-?\d+\.\d{3,}/g, (n) => String(Math.round(Number(n) * 100) / 100))}"`
  );
}

/** Compiles and renders one Vega-Lite spec to an SVG string with role="img" and an aria-label. */
export async function renderVegaLiteToSvg(spec: TopLevelSpec, options: SvgOptions): Promise<string> {
  installTextWidth();
  let compiled: vega.Spec;
  try {
    compiled = vl.compile(spec, {config: THEME}).spec;
  } catch (error) {
    throw new BuildError(`${options.where}: the Vega-Lite spec does not compile (${(error as Error).message})`);
  }
  // The theme's locale (Chinese number conventions) travels in the compiled spec's config.
  const view = new vega.View(vega.parse(compiled), {renderer: "none"});
  let svg: string;
  try {
    svg = await view.toSVG();
  } catch (error) {
    throw new BuildError(`${options.where}: the chart could not be drawn (${(error as Error).message})`);
  } finally {
    view.finalize();
  }
  const label = escapeHtml(options.label);
  const quiet = markHooks(compactGeometry(options.idPrefix ? stableSvgIds(svg, options.idPrefix) : svg));
  return quiet.replace(/^<svg /, `<svg role="img" aria-label="${label}" `);
}
