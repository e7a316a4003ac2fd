/**
 * End-to-end: every page of the site speaks to the reader in zh-CN and stays light. The real build of every edition
 * (no PDF) goes into a temporary dist; every HTML page of every edition (chapters, index, 图表目录, 数据与方法 and its
 * records pages, 复现对照, 修订对照, search, province and sector pages) is opened in Chromium and its text is
 * scanned — what <code>, <script>, <style> and KaTeX math hold aside, but the provenance cards a script shows
 * included — for snake_case identifiers and Latin words of four letters or more (the proper names of LATIN_NAMES and
 * the named terms of NAMED_TERMS aside). Every page is under 1 MB, and every link between pages, to a record in
 * particular, leads somewhere.
 */
import {readdir, readFile, rm, stat} from "node:fs/promises";
import path from "node:path";
import {pathToFileURL} from "node:url";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {launchBrowser, type LaunchedBrowser} from "../../render/browser.ts";
import {LATIN_NAMES, NAMED_TERMS} from "../../render/lint-content.ts";
import {EDITIONS} from "../model/real-data.ts";
import {runCli, tempDir} from "./helpers.ts";

/** The largest page a reader may be sent to (the 数据与方法 page was 7 MB and took 11 s to open). */
const MAX_PAGE_BYTES = 1_000_000;
/** The print document (every chapter on one page) is opened by the PDF printer only, never linked for readers. */
const PRINT_ONLY = new Set(["print.html"]);

let dist: string;
let browser: LaunchedBrowser;

beforeAll(async () => {
  dist = await tempDir("site-text");
  const result = await runCli("build.ts", ["--no-pdf", "--dist", dist]);
  if (result.code !== 0) throw new Error(`build failed:\n${result.stderr}`);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  if (dist) await rm(dist, {recursive: true, force: true});
});

/** Every .html file under `dir`, relative to it (the search index's own files aside). */
async function htmlPages(dir: string): Promise<string[]> {
  const entries = await readdir(dir, {recursive: true, withFileTypes: true});
  return entries
    .filter((e) => e.isFile() && e.name.endsWith(".html"))
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .filter((file) => !file.startsWith("pagefind/"))
    .sort();
}

/**
 * Runs in the page: the words a reader meets that are ids or English, each with a little context. Text nodes and the
 * attributes read aloud or shown on hover (aria-label, title), then the texts of the provenance cards.
 */
function findForeignWords(allowed: readonly string[]): string[] {
  const skip = "code, script, style, .katex, .note-url";
  const hits: string[] = [];
  const scan = (text: string, where: string): void => {
    let rest = text;
    for (const name of allowed) rest = rest.split(name).join(" ");
    for (const m of rest.matchAll(/\b[a-z]+_[a-z0-9_]+\b|\b[A-Za-z]{4,}\b/g))
      hits.push(
        `${m[0]} in ${where} “${rest
          .slice(Math.max(0, m.index - 20), m.index + m[0].length + 20)
          .replace(/\s+/g, " ")
          .trim()}”`
      );
  };
  scan(document.title, "title");
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode())
    if (!node.parentElement?.closest(skip)) scan(node.textContent ?? "", "text");
  for (const element of document.body.querySelectorAll("[aria-label], [title]")) {
    if (element.closest(skip)) continue;
    for (const name of ["aria-label", "title"]) {
      const value = element.getAttribute(name);
      if (value) scan(value, name);
    }
  }
  // The cards the site script shows on a number: every text of the page's provenance data but links and formulas.
  const island = document.getElementById("provenance-data");
  if (island) {
    const data = JSON.parse(island.textContent ?? "{}") as {
      cards?: Record<string, Record<string, unknown>>;
      inputs?: {text: string}[];
      sources?: string[];
      figures?: {label: string; title: string}[];
    };
    for (const card of Object.values(data.cards ?? {}))
      for (const key of ["title", "value", "exact", "note"])
        if (typeof card[key] === "string") scan((card[key] as string).replace(/`[^`]*`/g, " "), `card ${key}`);
    for (const input of data.inputs ?? []) scan(input.text, "card input");
    for (const source of data.sources ?? []) scan(source, "card source");
    for (const figure of data.figures ?? []) scan(`${figure.label} ${figure.title}`, "card figure");
  }
  return [...new Set(hits)];
}

/** Relative links of a page to other pages of the site: [target file, fragment]. */
function pageLinks(html: string, page: string): {file: string; fragment: string}[] {
  const links: {file: string; fragment: string}[] = [];
  for (const m of html.matchAll(/href="([^"#:]+\.html)(?:#([^"]*))?"/g)) {
    const file = path.posix.normalize(path.posix.join(path.posix.dirname(page), decodeURI(m[1]!)));
    links.push({file, fragment: decodeURIComponent(m[2] ?? "").replace(/&amp;/g, "&")});
  }
  return links;
}

for (const edition of EDITIONS) {
  describe(`the ${edition} edition's pages`, () => {
    const dir = () => path.join(dist, String(edition));

    it("show no identifier and no English word, on any page (data, records, reproduction, revisions, entities, chapters …)", async () => {
      const pages = await htmlPages(dir());
      // The pages this test is about exist: the index of the data pages and a page per record group.
      expect(pages).toEqual(
        expect.arrayContaining([
          "data.html",
          "reproduction.html",
          "revisions.html",
          "search.html",
          "figures.html",
          "index.html"
        ])
      );
      expect(pages.filter((p) => p.startsWith("records/")).length).toBeGreaterThan(20);
      const page = await browser.browser.newPage();
      // The text is in the HTML: no script runs, no style, font or image is fetched.
      await page.setJavaScriptEnabled(false);
      await page.setRequestInterception(true);
      page.on("request", (request) => (request.resourceType() === "document" ? request.continue() : request.abort()));
      const found: string[] = [];
      for (const file of pages) {
        await page.goto(pathToFileURL(path.join(dir(), file)).href, {waitUntil: "domcontentloaded"});
        for (const hit of await page.evaluate(findForeignWords, [...LATIN_NAMES, ...NAMED_TERMS]))
          found.push(`${file}: ${hit}`);
      }
      await page.close();
      expect(found.slice(0, 60), `${found.length} identifiers or English words in front of the reader`).toEqual([]);
    });

    it("are each under 1 MB (the print document aside)", async () => {
      const sizes: string[] = [];
      for (const file of await htmlPages(dir())) {
        const {size} = await stat(path.join(dir(), file));
        if (!PRINT_ONLY.has(path.basename(file)) && size >= MAX_PAGE_BYTES)
          sizes.push(`${file}: ${(size / 1e6).toFixed(2)} MB`);
      }
      expect(sizes).toEqual([]);
    });

    it("link to pages that exist, and every link to a record reaches its element", async () => {
      const pages = await htmlPages(dir());
      const ids = new Map<string, Set<string>>();
      const idsOf = async (file: string): Promise<Set<string>> => {
        let set = ids.get(file);
        if (!set) {
          const html = await readFile(path.join(dir(), file), "utf8");
          ids.set(
            file,
            (set = new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!.replace(/&amp;/g, "&"))))
          );
        }
        return set;
      };
      const broken: string[] = [];
      let recordLinks = 0;
      for (const page of pages.filter((p) => !PRINT_ONLY.has(p))) {
        for (const {file, fragment} of pageLinks(await readFile(path.join(dir(), page), "utf8"), page)) {
          if (!pages.includes(file)) broken.push(`${page} → ${file}`);
          else if (fragment.startsWith("r:")) {
            recordLinks++;
            if (!(await idsOf(file)).has(fragment)) broken.push(`${page} → ${file}#${fragment}`);
          }
        }
      }
      expect(recordLinks).toBeGreaterThan(1000);
      expect(broken.slice(0, 40), `${broken.length} broken links`).toEqual([]);
    });
  });
}
