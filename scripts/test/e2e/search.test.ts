/**
 * End-to-end: the search of a built edition, served over HTTP as Pagefind needs, queried in Chromium through
 * Pagefind's own browser API: Chinese words find the chapter paragraphs (with the heading they sit under) and the
 * numbers' records; no request leaves the local server.
 */
import {createReadStream} from "node:fs";
import {stat} from "node:fs/promises";
import http from "node:http";
import type {AddressInfo} from "node:net";
import path from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {launchBrowser, type LaunchedBrowser} from "../../render/browser.ts";
import {EDITIONS} from "../model/real-data.ts";
import {runCli, tempDir} from "./helpers.ts";

const edition = EDITIONS.at(-1)!;
let dist: string;
let server: http.Server;
let base: string;
let browser: LaunchedBrowser;

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".css": "text/css",
  ".json": "application/json"
};

beforeAll(async () => {
  dist = await tempDir("search");
  const built = await runCli("build.ts", ["--edition", String(edition), "--no-pdf", "--dist", dist]);
  if (built.code !== 0) throw new Error(`build failed:\n${built.stderr}`);
  const root = path.join(dist, String(edition));
  server = http.createServer(async (req, res) => {
    const file = path.join(root, decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname));
    if (
      !file.startsWith(root) ||
      !(await stat(file).then(
        (s) => s.isFile(),
        () => false
      ))
    ) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, {"content-type": TYPES[path.extname(file)] ?? "application/octet-stream"});
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchBrowser();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

interface Hit {
  url: string;
  title: string;
  excerpt: string;
  sub: string[];
}

async function search(term: string, filters: Record<string, string> = {}): Promise<{hits: Hit[]; foreign: string[]}> {
  const page = await browser.browser.newPage();
  const foreign: string[] = [];
  page.on("request", (r) => {
    if (!r.url().startsWith(base) && !r.url().startsWith("data:")) foreign.push(r.url());
  });
  await page.goto(`${base}/search.html`, {waitUntil: "load"});
  // A string, not a function: the test runner would rewrite a dynamic import() inside a function body.
  const hits = (await page.evaluate(`(async () => {
    const pagefind = await import("/pagefind/pagefind.js");
    const result = await pagefind.search(${JSON.stringify(term)}, {filters: ${JSON.stringify(filters)}});
    const data = await Promise.all(result.results.slice(0, 200).map((r) => r.data()));
    return data.map((d) => ({
      url: d.url,
      title: d.meta.title ?? "",
      excerpt: d.excerpt.replace(/<[^>]+>/g, ""),
      sub: (d.sub_results ?? []).map((s) => s.url)
    }));
  })()`)) as Hit[];
  await page.close();
  return {hits, foreign};
}

describe(`search of the ${edition} edition`, () => {
  it("finds a province in the chapters, down to the heading it sits under, and its records", async () => {
    const {hits: chapters} = await search("湖北", {类别: "报告正文"});
    expect(chapters.length).toBeGreaterThan(0);
    expect(chapters.every((h) => !h.url.includes("records/"))).toBe(true);
    const {hits, foreign} = await search("湖北");
    expect(foreign).toEqual([]);
    const chapter = hits.find((h) => h.url.includes("regions.html"));
    expect(chapter, JSON.stringify(hits.map((h) => h.url))).toBeDefined();
    expect(chapter!.sub.some((u) => u.includes("regions.html#"))).toBe(true);
    expect(hits.some((h) => /^\/records\/[a-z0-9_]+-province\.html#r:/.test(h.url) && h.title.includes("湖北"))).toBe(
      true
    );
  });

  it("finds a sector's employment record by two words", async () => {
    const {hits} = await search("制造业 就业");
    expect(
      hits.some(
        (h) =>
          h.url.includes("records/employment_total-sector.html#r:employment_total/sector/") &&
          h.title.includes("制造业")
      )
    ).toBe(true);
  });

  it("finds the topics a reviewer looks for first: 标识解析 in the text, 新增就业 among the numbers", async () => {
    const {hits: text} = await search("标识解析", {类别: "报告正文"});
    expect(text.length).toBeGreaterThan(0);
    expect(text.some((h) => h.excerpt.includes("标识解析"))).toBe(true);
    const {hits: numbers} = await search("新增就业", {类别: "测算数字"});
    expect(numbers.some((h) => /records\/employment_new-[a-z_]+\.html#r:employment_new\//.test(h.url))).toBe(true);
  });

  it("finds nothing for a word the paper does not use", async () => {
    const {hits} = await search("火星殖民");
    expect(hits).toEqual([]);
  });

  it("shows the search page with a field, and says on file:// that it needs a server", async () => {
    const page = await browser.browser.newPage();
    await page.goto(`${base}/search.html`, {waitUntil: "networkidle0"});
    expect(await page.$("#search input")).not.toBeNull();
    await page.goto(`file://${path.join(dist, String(edition), "search.html")}`, {waitUntil: "load"});
    expect(await page.$eval("#search-file-note", (e) => (e as HTMLElement).hidden)).toBe(false);
    await page.close();
  });
});
