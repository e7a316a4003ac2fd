/**
 * printReport on a small print page in real Chromium (the shared browser): the contents get the pages where their
 * targets landed, two prints without a TOC cache and one with a matching cache, a stale cache still gives the right
 * numbers, a target without a destination is a BuildError; Chromium's PDF takes the fast destination reader.
 * And the shared browser: a process that never calls closeSharedBrowser() still exits, without Chromium or its
 * profile folder left behind.
 */
import {execFile} from "node:child_process";
import {existsSync} from "node:fs";
import {createServer} from "node:http";
import type {AddressInfo} from "node:net";
import {mkdtemp, readFile, rm, writeFile} from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import {promisify} from "node:util";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {BuildError} from "../../lib/errors.ts";
import {closeSharedBrowser, sharedBrowser, warmUpSharedBrowser} from "../../render/browser.ts";
import {readPdfDestinations} from "../../render/pdf/pdf-destinations.ts";
import {pdfPageTexts} from "../../render/pdf/pdf-text.ts";
import {printReport, runtChapters, withoutRuntPages} from "../../render/pdf/print.ts";

const root = path.resolve(import.meta.dirname, "../../..");

/**
 * Page 1 the contents, chapter A on page 2 (taller than a page, so it runs on to page 3), chapter B on page 4 and
 * its figure, after a forced break, on page 5.
 */
function printPage(extraToc = ""): string {
  const entry = (id: string, text: string) =>
    `<li><a href="#${id}"><span class="toc-text">${text}</span><span class="toc-page" data-target="${id}">000</span></a></li>`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><style>
@page { size: A4; margin: 20mm; }
body { font: 12pt sans-serif; }
.toc-page { display: inline-block; width: 12mm; text-align: right; }
section { break-before: page; }
</style></head><body>
<nav><ol>${entry("chapter-a", "Alpha")}${entry("chapter-b", "Beta")}${entry("fig-x", "Figure")}${extraToc}</ol></nav>
<section id="chapter-a"><h1>Alpha</h1><div style="height: 300mm"></div></section>
<section id="chapter-b"><h1>Beta</h1><p>text</p><figure id="fig-x" style="break-before: page">Figure</figure></section>
</body></html>`;
}

const EXPECTED = {"chapter-a": 2, "chapter-b": 4, "fig-x": 5};

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "baipishu-print-"));
  await writeFile(path.join(dir, "print.html"), printPage());
});

afterAll(async () => {
  await closeSharedBrowser();
  await rm(dir, {recursive: true, force: true});
});

describe("printReport", () => {
  it("numbers the contents with the pages where their targets landed, in two prints without a cache", async () => {
    const out = path.join(dir, "report.pdf");
    const result = await printReport(dir, out, "title");
    expect(result).toEqual({pages: 5, targets: EXPECTED, prints: 2});
    const pdf = new Uint8Array(await readFile(out));
    const contents = (await pdfPageTexts(pdf)).pages[0]!.replace(/\s+/g, "");
    expect(contents).toContain("Alpha2");
    expect(contents).toContain("Beta4");
    expect(contents).toContain("Figure5");
    // Chromium's own PDF is read by the fast reader, not by the pdf.js fallback.
    expect((await readPdfDestinations(pdf)).reader).toBe("structure");
  });

  it("prints once with a matching TOC cache, and writes the cache after success", async () => {
    const cache = path.join(dir, "cache", "toc.json");
    const first = await printReport(dir, path.join(dir, "first.pdf"), "title", {tocCache: cache});
    expect(first.prints).toBe(2);
    expect(JSON.parse(await readFile(cache, "utf8"))).toEqual({version: 1, targets: EXPECTED});
    const second = await printReport(dir, path.join(dir, "second.pdf"), "title", {tocCache: cache});
    expect(second).toEqual({pages: 5, targets: EXPECTED, prints: 1});
  });

  it("gives the right numbers from a stale or broken cache, and replaces it", async () => {
    const cache = path.join(dir, "stale.json");
    await writeFile(cache, JSON.stringify({version: 1, targets: {"chapter-a": 2, "chapter-b": 3, "fig-x": 9}}));
    const stale = await printReport(dir, path.join(dir, "stale.pdf"), "title", {tocCache: cache});
    expect(stale).toEqual({pages: 5, targets: EXPECTED, prints: 2});
    expect(JSON.parse(await readFile(cache, "utf8")).targets).toEqual(EXPECTED);
    const contents = (
      await pdfPageTexts(new Uint8Array(await readFile(path.join(dir, "stale.pdf"))))
    ).pages[0]!.replace(/\s+/g, "");
    expect(contents).toContain("Beta4");
    expect(contents).toContain("Figure5");

    await writeFile(cache, "garbage");
    expect((await printReport(dir, path.join(dir, "broken.pdf"), "title", {tocCache: cache})).targets).toEqual(
      EXPECTED
    );
  });

  it("fails with a BuildError naming a contents target that has no destination", async () => {
    const other = await mkdtemp(path.join(os.tmpdir(), "baipishu-print-missing-"));
    try {
      const missing = `<li><a href="#nowhere"><span class="toc-page" data-target="nowhere">000</span></a></li>`;
      await writeFile(path.join(other, "print.html"), printPage(missing));
      const run = printReport(other, path.join(other, "report.pdf"), "title");
      await expect(run).rejects.toThrow(BuildError);
      await expect(run).rejects.toThrow(/no destination for nowhere/);
      expect(existsSync(path.join(other, "report.pdf"))).toBe(false);
    } finally {
      await rm(other, {recursive: true, force: true});
    }
  });
});

describe("runtChapters and withoutRuntPages", () => {
  // print.css's text area in PDF points: its top 273 mm above the page's bottom edge, 251 mm high.
  const mm = 72 / 25.4;
  const at = (fill: number) => 273 * mm - fill * 251 * mm;
  const floats = {
    keys: {"chapter-a": "ka", "chapter-b": "kb", "chapter-c": "kc"},
    chosen: {} as Record<string, number>
  };
  // A runs 2–4 and ends 5 % down page 4; B is one page (5); C runs 6–7 and ends half-way down page 7.
  const found = {
    destinations: {"chapter-a": 2, "end-a": 4, "chapter-b": 5, "end-b": 5, "chapter-c": 6, "end-c": 7, "fig-x": 7},
    tops: {"end-a": at(0.05), "end-b": at(0.02), "end-c": at(0.5)}
  };

  it("finds the chapters whose last page, after their first, is less than 12 % full and not set tight yet", () => {
    expect(runtChapters(found, floats)).toEqual(["chapter-a"]);
    expect(runtChapters(found, {...floats, chosen: {"ka:tight": 1}})).toEqual([]);
    expect(runtChapters({...found, tops: {...found.tops, "end-a": at(0.2)}}, floats)).toEqual([]);
  });

  it("moves every contents entry after a runt page up by one page", () => {
    expect(
      withoutRuntPages({"chapter-a": 2, "chapter-b": 5, "chapter-c": 6, "fig-x": 7}, found, ["chapter-a"])
    ).toEqual({"chapter-a": 2, "chapter-b": 4, "chapter-c": 5, "fig-x": 6});
  });

  it("cannot tell the numbers when an entry lies inside a runt chapter after its first page", () => {
    const figureInA = {...found, destinations: {...found.destinations, "fig-a": 3}};
    expect(withoutRuntPages({"chapter-a": 2, "fig-a": 3, "chapter-b": 5}, figureInA, ["chapter-a"])).toBeUndefined();
    // On the chapter's first page it stays where it is.
    expect(withoutRuntPages({"chapter-a": 2, "fig-a": 2, "chapter-b": 5}, found, ["chapter-a"])).toEqual({
      "chapter-a": 2,
      "fig-a": 2,
      "chapter-b": 4
    });
  });
});

describe("printReport and a chapter that ends on a runt page", () => {
  /**
   * print.css's page (A4, 24 mm and 22 mm margins: a 251 mm text area). Chapter A's heading and 245 mm of text run
   * a few millimetres onto its second page; set tight (230 mm) it fits on one. Chapter B follows.
   */
  const runtPage = `<!doctype html><html lang="en"><head><meta charset="utf-8"><style>
@page { size: A4; margin: 24mm 20mm 22mm 20mm; }
body { margin: 0; font: 12pt/1.5 sans-serif; }
h1 { margin: 0; font-size: 12pt; }
.toc-page { display: inline-block; width: 12mm; text-align: right; }
.toc-end { position: absolute; visibility: hidden; }
.print-chapter { break-before: page; }
.filler { height: 245mm; }
.print-tight .filler { height: 230mm; }
</style></head><body>
<nav><ol>
<li><a href="#chapter-a"><span class="toc-page" data-target="chapter-a">000</span></a><a class="toc-end" href="#end-a">&#8203;</a></li>
<li><a href="#chapter-b"><span class="toc-page" data-target="chapter-b">000</span></a><a class="toc-end" href="#end-b">&#8203;</a></li>
</ol></nav>
<section class="print-chapter" id="chapter-a"><h1>Alpha</h1><div class="filler"></div><div id="end-a"></div></section>
<section class="print-chapter" id="chapter-b"><h1>Beta</h1><p>text</p><div id="end-b"></div></section>
</body></html>`;

  it("sets it tight and prints again, with the contents numbered for the shorter paper", async () => {
    const other = await mkdtemp(path.join(os.tmpdir(), "baipishu-print-runt-"));
    try {
      await writeFile(path.join(other, "print.html"), runtPage);
      // Untouched, the paper is four pages: the contents, A on 2–3 (a runt), B on 4.
      const plain = await printReport(other, path.join(other, "plain.pdf"), "title");
      expect(plain.targets).toEqual({"chapter-a": 2, "chapter-b": 3});
      expect(plain.pages).toBe(3);
      // A draft found the runt, the second layout set A tight and printed once with the numbers it predicted.
      expect(plain.prints).toBe(2);
      // The choice is kept with the float settings: the next print sets A tight from the start, in one print.
      const floatCache = path.join(other, "floats.json");
      const tocCache = path.join(other, "toc.json");
      await printReport(other, path.join(other, "first.pdf"), "title", {floatCache, tocCache});
      expect(Object.values(JSON.parse(await readFile(floatCache, "utf8")))).toContain(1);
      const again = await printReport(other, path.join(other, "again.pdf"), "title", {floatCache, tocCache});
      expect(again).toEqual({pages: 3, targets: {"chapter-a": 2, "chapter-b": 3}, prints: 1});
    } finally {
      await rm(other, {recursive: true, force: true});
    }
  });
});

describe("printReport off the network", () => {
  it("refuses any request outside file:// and never runs a script slipped into the page", async () => {
    const other = await mkdtemp(path.join(os.tmpdir(), "baipishu-print-net-"));
    // A server on this machine, which the browser's host rules do not cover: it must hear nothing.
    const heard: string[] = [];
    const server = createServer((request, response) => {
      heard.push(request.url ?? "");
      response.end("x");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const port = (server.address() as AddressInfo).port;
    try {
      const hostile = printPage()
        .replace(
          "<h1>Alpha</h1>",
          '<h1>Alpha</h1><img src="http://example.com/track.png"><link rel="stylesheet" href="https://fonts.example.org/x.css">' +
            `<img src="http://127.0.0.1:${port}/beacon.png">`
        )
        .replace("<p>text</p>", '<p>text</p><script>document.body.prepend("INJECTED"); alert(1)</script>');
      await writeFile(path.join(other, "print.html"), hostile);
      const run = printReport(other, path.join(other, "report.pdf"), "title");
      await expect(run).rejects.toThrow(
        /print\.html: refers to 3 resource\(s\) outside the site \(.*http:\/\/example\.com\/track\.png/
      );
      await expect(run).rejects.toThrow(/https:\/\/fonts\.example\.org\/x\.css/);
      await expect(run).rejects.toThrow(new RegExp(`http://127\\.0\\.0\\.1:${port}/beacon\\.png`));
      expect(heard).toEqual([]);
      // Without the outside resources the page prints, and the script did not run.
      await writeFile(path.join(other, "print.html"), hostile.replace(/<img[^>]*>|<link[^>]*>/g, ""));
      await printReport(other, path.join(other, "report.pdf"), "title");
      const text = (await pdfPageTexts(new Uint8Array(await readFile(path.join(other, "report.pdf"))))).pages.join("");
      expect(text).not.toContain("INJECTED");
      expect(text).toContain("Beta");
    } finally {
      server.close();
      await rm(other, {recursive: true, force: true});
    }
  });
});

describe("the shared browser", () => {
  it("is one browser per process, relaunched after closeSharedBrowser()", async () => {
    const a = await sharedBrowser();
    expect(await sharedBrowser()).toBe(a);
    await closeSharedBrowser();
    expect(a.connected).toBe(false);
    const b = await sharedBrowser();
    expect(b).not.toBe(a);
    expect(b.connected).toBe(true);
  });

  it("can be launched ahead of use, leaving no page of its own open", async () => {
    await closeSharedBrowser();
    const warm = warmUpSharedBrowser();
    const browser = await sharedBrowser();
    await warm;
    expect(await sharedBrowser()).toBe(browser);
    // Only the blank page every launch starts with.
    expect((await browser.pages()).map((p) => p.url())).toEqual(["about:blank"]);
  });

  it("lets a process that never closes it exit, and takes Chromium and the profile folder along", async () => {
    const script = path.join(dir, "forget.mts");
    const browserModule = path.join(root, "scripts/render/browser.ts");
    await writeFile(
      script,
      `import {sharedBrowser} from ${JSON.stringify(browserModule)};
const browser = await sharedBrowser();
const page = await browser.newPage();
await page.setContent("<p>hello</p>");
await page.pdf();
await page.close();
const dataDir = browser.process()!.spawnargs.find((a) => a.startsWith("--user-data-dir="))!.slice("--user-data-dir=".length);
console.log(JSON.stringify({pid: browser.process()!.pid, dataDir}));
`
    );
    // The timeout only turns a hang into a failure (execFile kills the child and rejects).
    const {stdout} = await promisify(execFile)(path.join(root, "node_modules/.bin/tsx"), [script], {
      cwd: root,
      timeout: 50_000
    });
    const {pid, dataDir} = JSON.parse(stdout.trim().split("\n").pop()!) as {pid: number; dataDir: string};
    expect(dataDir).toMatch(/baipishu-chromium-/);
    expect(existsSync(dataDir)).toBe(false);
    // Chromium is gone (a zombie waiting for its reaper counts as gone).
    const status = existsSync(`/proc/${pid}/status`)
      ? await readFile(`/proc/${pid}/status`, "utf8").catch(() => "")
      : "";
    expect(status === "" || /^State:\s+Z/m.test(status)).toBe(true);
  });
});
