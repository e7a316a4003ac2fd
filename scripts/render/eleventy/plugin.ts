/**
 * @fileoverview The Eleventy plugin of one edition: wires the prepared SiteModel into Eleventy as global data,
 * shortcodes (num, figure, ref, formula, provenance), filters, the chapter collection and the generated pages
 * (index with the table of contents, 图表目录, 数据与方法, the print page of the PDF). Templates stay free of logic:
 * everything they need is computed here or in the model.
 */
import {readFileSync} from "node:fs";
import path from "node:path";
import {BuildError} from "../../lib/errors.ts";
import {editionYears} from "../context.ts";
import {metricLabel, scopeLabel} from "../labels.ts";
import {escapeHtml} from "../html.ts";
import {renderTex} from "../math.ts";
import type {SiteModel} from "../site.ts";
import {createMarkdown} from "./markdown.ts";
import {DATA_PAGE, recordAnchor, renderNumber} from "./numbers.ts";
import {exactValue, provenanceCard, provenanceJson, recordTitle} from "./provenance.ts";
import {headingsOf} from "./toc.ts";

/** The subset of Eleventy's UserConfig this plugin uses (Eleventy ships no types for it). */
export interface EleventyConfig {
  addGlobalData(name: string, value: unknown): void;
  addShortcode(name: string, fn: (this: ShortcodeThis, ...args: unknown[]) => string): void;
  addFilter(name: string, fn: (...args: never[]) => unknown): void;
  addCollection(name: string, fn: (api: unknown) => unknown): void;
  addTemplate(virtualPath: string, content: string, data?: Record<string, unknown>): void;
  setLibrary(name: string, library: unknown): void;
}

interface ShortcodeThis {
  page?: {url?: string; inputPath?: string};
}

/** Generated pages: virtual templates whose source lives in templates/pages/. */
const GENERATED_PAGES = [
  {template: "index.njk", permalink: "index.html"},
  {template: "figures.njk", permalink: "figures.html"},
  {template: "data.njk", permalink: DATA_PAGE},
  {template: "print.njk", permalink: "print.html"}
] as const;

function where(self: ShortcodeThis | undefined): string {
  const input = self?.page?.inputPath;
  return input ? path.normalize(input).replace(/^\.\//, "") : "template";
}

export function editionPlugin(eleventyConfig: EleventyConfig, site: SiteModel): void {
  const {context} = site;
  const {config} = context;
  const used = new Map<string, Set<string>>();
  const usedOn = (self: ShortcodeThis | undefined): Set<string> => {
    const url = self?.page?.url ?? "";
    let set = used.get(url);
    if (!set) used.set(url, (set = new Set()));
    return set;
  };

  eleventyConfig.setLibrary("md", createMarkdown());

  const chapterByFile = new Map(site.chapters.map((c) => [path.basename(c.inputPath), c]));
  eleventyConfig.addGlobalData("edition", {
    ...config,
    years: editionYears(config),
    chapterList: site.chapters.map(({source: _source, ...chapter}) => chapter),
    figureList: site.placements.map((p) => ({
      id: p.figure.id,
      label: p.label,
      title: p.figure.title,
      kind: p.figure.kind,
      href: `${site.chapters.find((c) => c.id === p.chapterId)!.url}#fig-${p.figure.id}`,
      chapterId: p.chapterId
    }))
  });
  eleventyConfig.addGlobalData("eleventyComputed", {
    chapter: (data: {page: {inputPath: string}}) => chapterByFile.get(path.basename(data.page.inputPath)),
    permalink: (data: {page: {inputPath: string}; permalink?: unknown}) => {
      const chapter = chapterByFile.get(path.basename(data.page.inputPath));
      if (chapter) return chapter.url;
      if (data.permalink !== undefined) return data.permalink;
      throw new BuildError(
        `${data.page.inputPath}: not a chapter of data/editions/${config.edition}.json (add it to "chapters" or remove it)`
      );
    },
  });
  // Chapters use the chapter layout; generated pages name their own layout in their front matter.
  eleventyConfig.addGlobalData("layout", "layouts/chapter.njk");

  eleventyConfig.addShortcode("num", function (this: ShortcodeThis, id: unknown, ...args: unknown[]) {
    return renderNumber(context, id, args, where(this), usedOn(this));
  });

  eleventyConfig.addShortcode("figure", function (this: ShortcodeThis, id: unknown) {
    const figure = typeof id === "string" ? site.figures.get(id) : undefined;
    if (!figure) throw new BuildError(`${where(this)}: unknown figure "${String(id)}"`);
    for (const record of figure.records) usedOn(this).add(record);
    return figure.html;
  });

  eleventyConfig.addShortcode("ref", function (this: ShortcodeThis, id: unknown) {
    const placement = site.placements.find((p) => p.figure.id === id);
    if (!placement) {
      const known = site.placements.map((p) => p.figure.id).join(", ");
      throw new BuildError(`${where(this)}: {% ref "${String(id)}" %} names no placed figure; known: ${known}`);
    }
    const chapter = site.chapters.find((c) => c.id === placement.chapterId)!;
    return `<a class="xref" href="${chapter.url}#fig-${placement.figure.id}">${placement.label}</a>`;
  });

  // The explicit escape for a number that is not data (5G, IPv6): printed as is, skipped by the content lint.
  eleventyConfig.addShortcode("lit", function (this: ShortcodeThis, text: unknown) {
    if (typeof text !== "string") throw new BuildError(`${where(this)}: lit needs a string`);
    return escapeHtml(text);
  });

  eleventyConfig.addShortcode("tex", function (this: ShortcodeThis, tex: unknown, display: unknown) {
    if (typeof tex !== "string") throw new BuildError(`${where(this)}: tex needs a TeX string`);
    return renderTex(tex, {display: display === true || display === "display", where: where(this)});
  });

  eleventyConfig.addShortcode("provenance", function (this: ShortcodeThis) {
    return `<script type="application/json" id="provenance-data">${provenanceJson(site, usedOn(this))}</script>`;
  });

  eleventyConfig.addFilter("headings", (html: string) => headingsOf(html ?? ""));
  // In the single print document every chapter is on the same page: "overview.html#x" becomes "#x".
  // Numbers print plainly in the PDF (their card lives on the site), so their links become spans.
  eleventyConfig.addFilter("printLinks", (html: string) =>
    (html ?? "")
      .replace(/<a class="(num[^"]*)" href="[^"]*" (data-record="[^"]*")>([^<]*)<\/a>/g, '<span class="$1" $2>$3</span>')
      .replace(/href="[a-z0-9-]+\.html#/g, 'href="#')
  );
  eleventyConfig.addFilter("metricLabel", (metric: string) => metricLabel(metric));
  eleventyConfig.addFilter("scopeLabel", (scope: string) => scopeLabel(scope));

  eleventyConfig.addCollection("chapters", (api) => {
    const all = (api as {getAll(): {page: {inputPath: string}}[]}).getAll();
    return site.chapters.map((chapter) => {
      const item = all.find((i) => path.basename(i.page.inputPath) === path.basename(chapter.inputPath));
      if (!item) throw new BuildError(`${chapter.inputPath}: chapter was not rendered`);
      return item;
    });
  });

  // The data page: every record of the edition, grouped by metric, with the same facts as a provenance card.
  eleventyConfig.addGlobalData("recordGroups", () => {
    const groups = new Map<string, {metric: string; label: string; records: unknown[]}>();
    for (const record of context.figures.records) {
      const key = record.metric;
      let group = groups.get(key);
      if (!group) groups.set(key, (group = {metric: key, label: metricLabel(key), records: []}));
      const id = [record.metric, record.scope, record.entity, record.year].join("/") + (record.period ? `@${record.period}` : "");
      const card = provenanceCard(site, id)!;
      group.records.push({...card, anchor: recordAnchor(id), title: recordTitle(record), value: exactValue(record)});
    }
    return [...groups.values()].sort((a, b) => a.label.localeCompare(b.label, "zh-CN"));
  });
  eleventyConfig.addGlobalData("sources", context.manifest);

  const pagesDir = path.join(site.root, "templates", "pages");
  for (const page of GENERATED_PAGES) {
    const source = readFileSync(path.join(pagesDir, page.template), "utf8");
    eleventyConfig.addTemplate(`_generated/${page.template}`, source, {permalink: page.permalink});
  }
}
