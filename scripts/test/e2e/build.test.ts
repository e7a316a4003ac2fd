/**
 * End-to-end: the real `npm run build` CLI builds each edition into a temporary dist folder; the checks read the
 * artefacts a user gets (site pages in real Chromium, the PDF's text and fonts, figures.json), and a build on
 * broken data must fail with a located one-line message and leave the previous dist folder intact.
 */
import {execFile} from "node:child_process";
import {readFile, readdir, stat, writeFile} from "node:fs/promises";
import path from "node:path";
import {pathToFileURL} from "node:url";
import {promisify} from "node:util";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {EDITIONS} from "../model/real-data.ts";
import {entityNames, repeatedLists, repeatedSkeletons, selfReferences} from "../../render/prose-checks.ts";
import {bodyText, cjkCount} from "../../render/text-length.ts";
import {LATIN_NAMES, NAMED_TERMS} from "../../render/lint-content.ts";
import {readEditionConfig, type EditionConfig} from "../../load/edition.ts";
import type {FiguresFile} from "../../model/records/records.ts";
import {launchBrowser, type LaunchedBrowser} from "../../render/browser.ts";
import {formatValue} from "../../render/format.ts";
import {isRunt, MAX_BLANK_SHARE, measurePdfPages} from "../../render/pdf/page-blank.ts";
import {pdfPageTexts} from "../../render/pdf/pdf-text.ts";
import {copyData, footerPattern, root, runCli, tempDir} from "./helpers.ts";

let dist: string;
let browser: LaunchedBrowser;

beforeAll(async () => {
  dist = await tempDir("dist");
  const result = await runCli("build.ts", ["--dist", dist]);
  if (result.code !== 0) throw new Error(`build failed:\n${result.stderr}`);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

for (const edition of EDITIONS) {
  describe(`the ${edition} edition`, () => {
    let config: EditionConfig;
    let figures: FiguresFile;
    let pages: string[];
    const dir = () => path.join(dist, String(edition));

    beforeAll(async () => {
      config = await readEditionConfig(root, edition);
      figures = JSON.parse(await readFile(path.join(dir(), "figures.json"), "utf8")) as FiguresFile;
      pages = (await pdfPageTexts(new Uint8Array(await readFile(path.join(dir(), "report.pdf"))))).pages;
    });

    it("writes index.html, a page per chapter, figures.json and report.pdf", async () => {
      const files = await readdir(dir());
      for (const chapter of config.chapters) expect(files).toContain(`${chapter.id}.html`);
      expect(files).toEqual(
        expect.arrayContaining(["index.html", "figures.html", "data.html", "figures.json", "report.pdf"])
      );
      expect(figures.edition).toBe(edition);
      expect(figures.records.length).toBeGreaterThan(100);
    });

    it("prints a cover with the title, the institute and the date, without header or footer", () => {
      const cover = pages[0]!.replace(/\s+/g, "");
      expect(cover).toContain(config.title.replace(/\s+/g, ""));
      expect(cover).toContain(config.institute);
      expect(cover).toContain(config.date);
      expect(cover).not.toMatch(/第\d+页/);
    });

    it("numbers every other page in the footer as 第 N 页 / 共 M 页", () => {
      for (let i = 2; i <= pages.length; i++) expect(pages[i - 1]).toMatch(footerPattern(i, pages.length));
    });

    /** The page number the printed contents give for a chapter. */
    const tocPage = (title: string): number => {
      const toc = pages[1]!.replace(/\s+/g, "");
      const match = new RegExp(`${title.replace(/\s+/g, "")}(\\d+)`).exec(toc);
      expect(match, `TOC entry of ${title}`).not.toBeNull();
      return Number(match![1]);
    };

    it("has a table of contents whose page numbers are the pages where the chapters start", () => {
      expect(pages[1]!.replace(/\s+/g, "")).toContain("目录");
      for (const chapter of config.chapters) {
        const title = chapter.title.replace(/\s+/g, "");
        const page = tocPage(chapter.title);
        const text = pages[page - 1]!.replace(/\s+/g, "");
        expect(text.startsWith(title) || text.includes(title), `${chapter.title} on page ${page}`).toBe(true);
        expect(pages[page - 1]).toMatch(footerPattern(page, pages.length));
        // It starts there: the previous page does not carry the chapter's title as a heading.
        expect(pages[page - 2]!.replace(/\s+/g, "").includes(title) && page - 1 > 2).toBe(false);
      }
    });

    it("prints the headline value added exactly as the figures file formats it", () => {
      const year = config.dataYears[1];
      const record = figures.records.find(
        (r) => r.metric === "iiot_value_added" && r.scope === "national" && r.year === year
      )!;
      const text = formatValue(record.value, "万亿元");
      const overview = config.chapters.find((c) => c.id === "overview")!;
      const next = config.chapters[config.chapters.indexOf(overview) + 1]!;
      const chapterText = pages
        .slice(tocPage(overview.title) - 1, tocPage(next.title) - 1)
        .join("")
        .replace(/\s+/g, "");
      expect(chapterText).toContain(text);
    });

    it("fills its pages: none but the front matter and a chapter's last is more than 35 % blank (figures float)", async () => {
      const measured = await measurePdfPages(path.join(dir(), "report.pdf"));
      expect(measured).toHaveLength(pages.length);
      const over = measured
        .filter((p) => !p.exempt && p.blank > MAX_BLANK_SHARE)
        .map((p) => `p. ${p.page}: ${(p.blank * 100).toFixed(0)} %`);
      expect(over).toEqual([]);
      // Nor does a chapter end on a page with only its last line or two (float-figures.ts sets such a chapter tight).
      expect(
        measured.filter(isRunt).map((p) => `p. ${p.page} (${p.chapter}): ${(100 - p.blank * 100).toFixed(0)} % full`)
      ).toEqual([]);
      // The measure sees what it should: the last page of the afterword is short, the cover has nothing in the text area.
      expect(measured.some((p) => p.exempt && p.blank > MAX_BLANK_SHARE)).toBe(true);
    });

    it("never leaves a heading, or the title of a chapter's notes, at the foot of a page", async () => {
      const html = await readFile(path.join(dir(), "print.html"), "utf8");
      const titles = [
        ...html.matchAll(/<(h[234])\b[^>]*>([\s\S]*?)<\/\1>|<p class="chapter-notes-title">([\s\S]*?)<\/p>/g)
      ]
        .map((m) => (m[2] ?? m[3])!.replace(/<[^>]+>/g, "").replace(/\s+/g, ""))
        .filter((title) => title.length > 0);
      expect(titles).toContain("注释");
      const stranded = pages
        .map((text, i) => ({
          page: i + 1,
          text: text.replace(footerPattern(i + 1, pages.length), "").replace(/\s+/g, "")
        }))
        .filter((p) => titles.some((title) => p.text.endsWith(title)))
        .map((p) => `p. ${p.page}: …${p.text.slice(-16)}`);
      expect(stranded).toEqual([]);
    });

    it("embeds every font (no Type 3 fonts)", async () => {
      const {stdout} = await promisify(execFile)("pdffonts", [path.join(dir(), "report.pdf")]);
      const rows = stdout.split("\n").slice(2).filter(Boolean);
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.filter((r) => /Type 3/.test(r))).toEqual([]);
      for (const row of rows) expect(row).toMatch(/\syes\s+yes\s+yes\s/);
    });

    it("puts every number of the chapter text inside a provenance element", async () => {
      const page = await browser.browser.newPage();
      let counted = 0;
      for (const chapter of config.chapters) {
        await page.goto(pathToFileURL(path.join(dir(), `${chapter.id}.html`)).href, {waitUntil: "load"});
        const {loose, numbers} = await page.evaluate((terms: readonly string[]) => {
          const article = document.querySelector("article.chapter")!;
          // Figures (axis labels, data tables), formulas, the method blocks the engine generates from the formula
          // table and the data manifest, the provenance elements themselves, and named terms ({% lit "5G" %}) are
          // not numbers of the prose, nor are the note marks and the dates and document numbers of the cited sources
          // and of the statistical releases.
          const skip =
            "a.num, .lit, sup.cite, .chapter-notes, ol.bibliography, ul.data-sources, .case-box-label, figure, .katex, .formula, .estimates-list, table, script, style, code";
          const loose: string[] = [];
          const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            if (node.parentElement?.closest(skip)) continue;
            let text = node.textContent ?? "";
            for (const term of terms) text = text.split(term).join("");
            text = text
              .replace(/(?<!\d)(19|20)\d\d年\d{1,2}月(\d{1,2}日)?/g, "")
              .replace(/(19|20)\d\d\s*(年|—|–|-|～|至|到|E)/g, "")
              .replace(/(19|20)\d\d(?=\s*$)/g, "")
              .replace(/[图表]\s*\d+(\s*[（(]?[a-z][)）]?)?/g, "")
              .replace(/^\s*\d+(\.\d+)*[.、]\s*/, (m) => (node.parentElement?.closest("h2, h3, h4, li") ? "" : m));
            if (/\d/.test(text)) loose.push(text.trim().slice(0, 60));
          }
          return {loose, numbers: article.querySelectorAll("a.num").length};
        }, NAMED_TERMS);
        expect(loose, `${chapter.file}: digits outside provenance elements`).toEqual([]);
        counted += numbers;
      }
      expect(counted).toBeGreaterThan(0);
      await page.close();
    });

    it("reads as an edited paper: no sentence skeleton more than four times, no list printed twice, no talk of its own making", async () => {
      const names = entityNames(figures);
      const problems: string[] = [];
      for (const chapter of config.chapters.filter((c) => c.kind !== "appendix")) {
        const html = await readFile(path.join(dir(), `${chapter.id}.html`), "utf8");
        for (const r of repeatedSkeletons(html, names))
          problems.push(`${chapter.file}: ${r.count}× ${r.skeleton.slice(0, 50)}`);
        for (const l of repeatedLists(html, names)) problems.push(`${chapter.file}: list printed twice: ${l}`);
        for (const w of selfReferences(bodyText(html))) problems.push(`${chapter.file}: …${w}…`);
      }
      // The PDF's body (the chapters after the contents), where the site's pages are not.
      for (const [i, text] of pages.entries())
        for (const w of selfReferences(text)) problems.push(`report.pdf p. ${i + 1}: …${w}…`);
      expect(problems).toEqual([]);
    });

    it("is as long as a printed edition: each chapter ≥ 85 % of the published paper's, or within 15 % of the previous edition's total", async () => {
      const published = JSON.parse(
        await readFile(path.join(root, "data/published/text-lengths.json"), "utf8")
      ) as Record<string, Record<string, number>>;
      const lengths = new Map<string, number>();
      for (const chapter of config.chapters.filter((c) => c.kind !== "appendix"))
        lengths.set(chapter.id, cjkCount(bodyText(await readFile(path.join(dir(), `${chapter.id}.html`), "utf8"))));
      const original = published[String(edition)];
      if (original) {
        for (const [id, theirs] of Object.entries(original))
          expect(lengths.get(id)!, `${id}: ${lengths.get(id)} of ${theirs}`).toBeGreaterThanOrEqual(0.85 * theirs);
        return;
      }
      const previous = EDITIONS.filter((e) => e < edition).at(-1)!;
      const before = await readEditionConfig(root, previous);
      let previousTotal = 0;
      for (const chapter of before.chapters.filter((c) => c.kind !== "appendix"))
        previousTotal += cjkCount(
          bodyText(await readFile(path.join(dist, String(previous), `${chapter.id}.html`), "utf8"))
        );
      const total = [...lengths.values()].reduce((a, b) => a + b, 0);
      expect(total, `${total} against ${previousTotal} in ${previous}`).toBeGreaterThanOrEqual(0.85 * previousTotal);
    });

    it("has a page per province and per sector, with the figures file's numbers and links back to the chapters", async () => {
      const provinces = (await readdir(path.join(dir(), "province"))).filter((f) => f.endsWith(".html"));
      const sectors = (await readdir(path.join(dir(), "sector"))).filter((f) => f.endsWith(".html"));
      expect(provinces).toHaveLength(31);
      expect(sectors).toHaveLength(19);
      const y = config.dataYears[1];
      for (const [scope, entity] of [
        ["province", "hubei"],
        ["province", "guangdong"],
        ["sector", "manufacturing"]
      ] as const) {
        const html = await readFile(path.join(dir(), scope, `${entity}.html`), "utf8");
        const id = `iiot_value_added/${scope}/${entity}/${y}`;
        const record = figures.records.find((r) => `${r.metric}/${r.scope}/${r.entity}/${r.year}` === id)!;
        expect(html).toContain(
          `href="../records/iiot_value_added-${scope}.html#r:${id}">${formatValue(record.value, "亿元")}</a>`
        );
        expect(html).toContain(`<h1>${record.entityZh}</h1>`);
        expect(html).toMatch(/<ul class="entity-mentions"><li><a href="\.\.\/[a-z-]+\.html#/);
        expect(html).toContain('href="../assets/style.css"');
      }
    });

    it("lists what changed since the previous edition (revisions.html and revisions.json)", async () => {
      const report = JSON.parse(await readFile(path.join(dir(), "revisions.json"), "utf8")) as {
        previous?: number;
        computed: {id: string; before: number; after: number; reasons: string[]}[];
      };
      const previous = EDITIONS.filter((e) => e < edition).at(-1);
      expect(report.previous).toBe(previous);
      const html = await readFile(path.join(dir(), "revisions.html"), "utf8");
      if (previous === undefined) {
        expect(report.computed).toEqual([]);
        expect(html).toContain("没有可对照的上一版");
        return;
      }
      expect(report.computed.length).toBeGreaterThan(0);
      for (const r of report.computed) {
        expect(r.after, r.id).not.toBe(r.before);
        expect(r.reasons.length, r.id).toBeGreaterThan(0);
      }
      expect(html).toContain(`${previous}年版`);
    });

    it("shows the reader no identifier and no English word in a chapter, its figures and tables included", async () => {
      const page = await browser.browser.newPage();
      for (const chapter of config.chapters) {
        await page.goto(pathToFileURL(path.join(dir(), `${chapter.id}.html`)).href, {waitUntil: "load"});
        const found = await page.evaluate((names: readonly string[]) => {
          const article = document.querySelector("article.chapter")!;
          // Formulas are TeX and the sources' URLs are addresses, not words; everything else a reader sees is checked
          // (chart labels and data tables too).
          const skip = ".katex, .note-url, script, style, code";
          const hits: string[] = [];
          const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            if (node.parentElement?.closest(skip)) continue;
            let text = node.textContent ?? "";
            // Proper names of the one whitelist (platforms, strategies) are printed as they are.
            for (const name of names) text = text.split(name).join(" ");
            // snake_case ids, and Latin words of four letters or more (GDP, APP, 5G and the like are shorter).
            for (const m of text.matchAll(/\b[a-z]+_[a-z0-9_]+\b|\b[A-Za-z]{4,}\b/g)) hits.push(m[0]);
          }
          // What a screen reader says is in front of the reader too (charts' generated axis descriptions were English).
          for (const element of article.querySelectorAll("[aria-label]")) {
            let label = element.getAttribute("aria-label") ?? "";
            for (const name of names) label = label.split(name).join(" ");
            for (const m of label.matchAll(/\b[a-z]+_[a-z0-9_]+\b|\b[A-Za-z]{4,}\b/g)) hits.push(`aria-label: ${m[0]}`);
          }
          return [...new Set(hits)];
        }, LATIN_NAMES);
        expect(found, `${chapter.file}: identifiers or English words in front of the reader`).toEqual([]);
      }
      await page.close();
    });

    it("shows the chart as a sized SVG in Chromium, without console errors or requests to other hosts", async () => {
      const page = await browser.browser.newPage();
      const errors: string[] = [];
      const foreign: string[] = [];
      page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
      page.on("pageerror", (e) => errors.push(String(e)));
      page.on("request", (r) => {
        if (!/^(file|data):/.test(r.url())) foreign.push(r.url());
      });
      await page.goto(pathToFileURL(path.join(dir(), "overview.html")).href, {waitUntil: "load"});
      const sizes = await page.$$eval("figure.figure svg", (svgs) =>
        svgs.map((s) => s.getBoundingClientRect()).map((r) => [r.width, r.height])
      );
      expect(sizes.length).toBeGreaterThan(0);
      for (const [w, h] of sizes) {
        expect(w).toBeGreaterThan(100);
        expect(h).toBeGreaterThan(100);
      }
      expect(errors).toEqual([]);
      expect(foreign).toEqual([]);
      await page.close();
    });

    it("reads on a 400 px screen: nothing widens the page, chart text stays legible, contents numbered once", async () => {
      const files = [
        ...(await readdir(dir())).filter((f) => f.endsWith(".html") && f !== "print.html"),
        "province/guangdong.html",
        "sector/manufacturing.html"
      ];
      const page = await browser.browser.newPage();
      await page.setViewport({width: 400, height: 800});
      const problems: string[] = [];
      for (const file of files) {
        await page.goto(pathToFileURL(path.join(dir(), file)).href, {waitUntil: "load"});
        const {scrollWidth, smallest} = await page.evaluate(() => ({
          scrollWidth: document.documentElement.scrollWidth,
          // Height on screen of the smallest chart text (a label of 11 px in a chart shrunk to the screen was ~5 px).
          smallest:
            [...document.querySelectorAll("figure svg text")]
              .map((t) => t.getBoundingClientRect().height)
              .filter((h) => h > 0)
              .sort((a, b) => a - b)[0] ?? null
        }));
        if (scrollWidth > 400) problems.push(`${file}: the page is ${scrollWidth} px wide`);
        if (smallest !== null && smallest < 8) problems.push(`${file}: chart text ${smallest.toFixed(1)} px tall`);
      }
      await page.goto(pathToFileURL(path.join(dir(), "index.html")).href, {waitUntil: "load"});
      // The chapter titles carry their own numbers (一、…): the list must not add "2." in front of them.
      const markers = await page.$$eval(".toc-list li", (items) =>
        items.map((li) => getComputedStyle(li).listStyleType)
      );
      expect(markers.length).toBeGreaterThan(5);
      expect(new Set(markers)).toEqual(new Set(["none"]));
      expect(problems).toEqual([]);
      await page.close();
    });
  });
}

describe("a build on broken data", () => {
  it("exits 1 with one located line, no stack, and leaves the previous dist intact", async () => {
    const dataRoot = await copyData();
    const file = path.join(dataRoot, "data/national/accounts.csv");
    const lines = (await readFile(file, "utf8")).split("\n");
    const header = lines[0]!.split(",");
    const gdp = header.indexOf("gdp");
    const cells = lines[3]!.split(",");
    cells[gdp] = "abc";
    lines[3] = cells.join(",");
    await writeFile(file, lines.join("\n"));
    const before = await stat(path.join(dist, "2022", "index.html"));
    const result = await runCli("build.ts", ["--edition", "2022", "--dist", dist, "--data-root", dataRoot]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^error: data\/national\/accounts\.csv:4:gdp: found "abc"; expected /m);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    const after = await stat(path.join(dist, "2022", "index.html"));
    expect(after.mtimeMs).toBe(before.mtimeMs);
    expect((await readdir(dist)).filter((n) => n.startsWith("."))).toEqual([]);
  });
});
