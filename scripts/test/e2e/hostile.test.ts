/**
 * End-to-end, issue 15: a data file and the edition config carry HTML that would run as script if any path printed
 * it unescaped (a province's name, a figure's title). The edition is built with its PDF, every page is opened in
 * Chromium, and no dialog may open; the names must show as text. (Live HTML typed into a chapter is refused by
 * the build itself: scripts/test/render/markdown.test.ts.)
 */
import {readdir, readFile, writeFile} from "node:fs/promises";
import path from "node:path";
import {pathToFileURL} from "node:url";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {launchBrowser, type LaunchedBrowser} from "../../render/browser.ts";
import {copyData, runCli, tempDir} from "./helpers.ts";

const EDITION = 2022;
const NAME = `海南<img src=x onerror="alert('name')">`;
const TITLE = `<script>alert('title')</script>`;
let site: string;
let buildStderr: string;
let browser: LaunchedBrowser;

beforeAll(async () => {
  const dataRoot = await copyData();
  const provinces = path.join(dataRoot, "data/concordance/provinces.csv");
  const csv = await readFile(provinces, "utf8");
  // The CSV quotes a name with a comma or a quote in it.
  await writeFile(provinces, csv.replace("hainan,460000,海南,", `hainan,460000,"${NAME.replace(/"/g, '""')}",`));
  const configFile = path.join(dataRoot, `data/editions/${EDITION}.json`);
  const config = JSON.parse(await readFile(configFile, "utf8")) as {figures: {title: string}[]};
  config.figures.forEach((f) => (f.title = `${f.title}${TITLE}`));
  await writeFile(configFile, JSON.stringify(config, null, 2));
  const dist = await tempDir("hostile");
  const result = await runCli("build.ts", [
    "--edition",
    String(EDITION),
    "--no-cache",
    "--dist",
    dist,
    "--data-root",
    dataRoot
  ]);
  buildStderr = result.stderr;
  if (result.code !== 0) throw new Error(`build failed:\n${result.stderr}`);
  site = path.join(dist, String(EDITION));
  browser = await launchBrowser();
}, 600_000);

afterAll(async () => {
  await browser?.close();
});

describe("names and titles from data and config that carry HTML", () => {
  it("build the site and the PDF (no dialog stalls or fails the print)", async () => {
    expect(buildStderr).not.toMatch(/dialog/);
    expect((await readFile(path.join(site, "report.pdf"))).subarray(0, 5).toString()).toBe("%PDF-");
  });

  it("never run in any page, and read as the text they are", async () => {
    const pages = (await readdir(site)).filter((f) => f.endsWith(".html"));
    expect(pages.length).toBeGreaterThan(8);
    const dialogs: string[] = [];
    let shownName = false;
    let shownTitle = false;
    for (const page of pages) {
      const tab = await browser.browser.newPage();
      tab.on("dialog", (dialog) => {
        dialogs.push(`${page}: ${dialog.message()}`);
        void dialog.dismiss();
      });
      await tab.goto(pathToFileURL(path.join(site, page)).href, {waitUntil: "load"});
      const text = await tab.evaluate(() => document.body.innerText);
      shownName ||= text.includes(NAME);
      shownTitle ||= text.includes(TITLE);
      await tab.close();
    }
    expect(dialogs).toEqual([]);
    expect(shownName).toBe(true);
    expect(shownTitle).toBe(true);
  }, 300_000);
});
