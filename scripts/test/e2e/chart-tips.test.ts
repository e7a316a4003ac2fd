/**
 * End-to-end: the charts of a built chapter in Chromium. Hovering a province bar shows the card of its mark, whose
 * value is the text the figure's data table prints for the same record (with the column's unit) and whose links
 * lead to the record's element on its records page and to the province's page; a tile of the province map is a link
 * that opens an existing province page, also when the click lands on the tile's labels; the print style hides the
 * card. The edition's config names which figures the province bars and the tile map draw.
 */
import {existsSync} from "node:fs";
import {readdir, readFile, rm} from "node:fs/promises";
import path from "node:path";
import {pathToFileURL} from "node:url";
import type {Page} from "puppeteer-core";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {launchBrowser, type LaunchedBrowser} from "../../render/browser.ts";
import {EDITIONS} from "../model/real-data.ts";
import {root, runCli, tempDir} from "./helpers.ts";

const edition = EDITIONS.at(-1)!;

let dist: string;
let site: string;
let browser: LaunchedBrowser;
let page: Page;

/** The first figure of the edition drawn by `chart`, and the chapter page that shows it. */
async function figureOf(chart: string): Promise<{id: string; file: string}> {
  const config = JSON.parse(await readFile(path.join(root, "data/editions", `${edition}.json`), "utf8")) as {
    figures: {id: string; chart: string}[];
  };
  const id = config.figures.find((f) => f.chart === chart)?.id;
  if (!id) throw new Error(`the ${edition} edition has no ${chart} figure`);
  for (const file of (await readdir(site)).filter((f) => f.endsWith(".html") && f !== "print.html"))
    if ((await readFile(path.join(site, file), "utf8")).includes(`id="fig-${id}"`)) return {id, file};
  throw new Error(`no chapter page shows figure ${id}`);
}

async function open(file: string, width = 1280): Promise<void> {
  await page.setViewport({width, height: 900});
  await page.goto(pathToFileURL(path.join(site, file)).href, {waitUntil: "load"});
}

beforeAll(async () => {
  dist = await tempDir("chart-tips");
  const result = await runCli("build.ts", ["--edition", String(edition), "--no-pdf", "--dist", dist]);
  if (result.code !== 0) throw new Error(`build failed:\n${result.stderr}`);
  site = path.join(dist, String(edition));
  browser = await launchBrowser();
  page = await browser.browser.newPage();
});

afterAll(async () => {
  await browser?.close();
  if (dist) await rm(dist, {recursive: true, force: true});
});

describe(`the ${edition} edition's charts on the site`, () => {
  it("show a bar's card with the value its data table prints, a working record link and the province's page", async () => {
    const {id, file} = await figureOf("province-bars");
    await open(file);
    const figure = `#fig-${id}`;
    const bars = await page.$$(`${figure} a.chart-link > [data-tip-record]`);
    expect(bars.length).toBeGreaterThanOrEqual(31);
    // The fifth bar of the first panel: not the first, so that a card stuck on the first mark would not pass.
    const bar = bars[4]!;
    const record = await bar.evaluate((el) => el.getAttribute("data-tip-record")!);
    expect(await page.$(".chart-tip")).toBeNull();
    await bar.hover();
    await page.waitForSelector(".chart-tip", {visible: true, timeout: 5000});
    const card = await page.$eval(".chart-tip", (el) => ({
      title: el.querySelector(".chart-tip-title")?.textContent ?? "",
      value: el.querySelector("strong")?.textContent ?? "",
      links: [...el.querySelectorAll("a")].map((a) => ({text: a.textContent ?? "", href: a.getAttribute("href") ?? ""}))
    }));
    // The data table's cell of the same record, and its column's unit (增加值（亿元） → 亿元).
    const table = await page.$eval(
      figure,
      (el, id) => {
        const link = el.querySelector<HTMLAnchorElement>(`.figure-data a.num[data-record="${id}"]`);
        const cell = link?.closest("td");
        const column = cell ? [...cell.parentElement!.children].indexOf(cell) : -1;
        const header = el.querySelectorAll(".figure-data thead th")[column]?.textContent ?? "";
        const row = cell?.parentElement?.firstElementChild?.textContent ?? "";
        return {text: link?.textContent ?? "", href: link?.getAttribute("href") ?? "", header, row};
      },
      record
    );
    const unit = /（([^）]+)）$/.exec(table.header)?.[1] ?? "";
    expect(table.text).not.toBe("");
    expect(unit).not.toBe("");
    expect(card.value).toBe(`${table.text}${unit}`);
    expect(card.title.startsWith(`${table.row} · `)).toBe(true);
    // The record link is the data table's, and it reaches the record's element.
    const recordLink = card.links.find((l) => l.href.startsWith("records/"));
    expect(recordLink?.href).toBe(table.href);
    const entityLink = card.links.find((l) => l.href.startsWith("province/"));
    expect(entityLink?.href).toBe(await bar.evaluate((el) => el.closest("a")!.getAttribute("href")));
    expect(existsSync(path.join(site, entityLink!.href))).toBe(true);
    await page.goto(new URL(recordLink!.href, pathToFileURL(path.join(site, file))).href, {waitUntil: "load"});
    const target = await page.evaluate(() => {
      const el = document.getElementById(decodeURIComponent(location.hash.slice(1)));
      return el ? (el.textContent ?? "") : null;
    });
    expect(target).not.toBeNull();
    expect(target).toContain(table.text.replace("−", "-").replace(/^-/, "").slice(0, 4));
  });

  it("link a tile of the province map to that province's page, even where the click lands on its labels", async () => {
    const {id, file} = await figureOf("province-tile-map");
    await open(file);
    const tiles = await page.$$eval(`#fig-${id} a.chart-link`, (links) =>
      links.map((a) => ({
        href: a.getAttribute("href") ?? "",
        title: a.querySelector("[data-tip-title]")?.getAttribute("data-tip-title") ?? ""
      }))
    );
    expect(tiles).toHaveLength(31);
    for (const tile of tiles) expect(existsSync(path.join(site, tile.href)), tile.href).toBe(true);
    const tile = (await page.$$(`#fig-${id} a.chart-link`))[0]!;
    const {href, title} = tiles[0]!;
    const province = title.split(" · ")[0]!;
    // Clicking the tile's middle, where its name is printed.
    await tile.evaluate((el) => el.scrollIntoView({block: "center"}));
    const box = (await tile.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.waitForSelector(".chart-tip", {visible: true, timeout: 5000});
    await Promise.all([
      page.waitForNavigation({waitUntil: "load"}),
      page.mouse.click(box.x + box.width / 2, box.y + box.height / 2)
    ]);
    expect(decodeURI(page.url())).toBe(decodeURI(pathToFileURL(path.join(site, href)).href));
    expect(await page.$eval("h1", (h) => h.textContent ?? "")).toContain(province);
  });

  it("keep the card out of print, and the charts the same static SVG without JavaScript", async () => {
    const {id, file} = await figureOf("province-bars");
    await open(file, 400);
    const bar = (await page.$$(`#fig-${id} a.chart-link > [data-tip-record]`))[0]!;
    await bar.hover();
    await page.waitForSelector(".chart-tip", {visible: true, timeout: 5000});
    // The card stays inside a narrow window.
    const card = (await (await page.$(".chart-tip"))!.boundingBox())!;
    expect(card.x).toBeGreaterThanOrEqual(0);
    expect(card.x + card.width).toBeLessThanOrEqual(400);
    await page.emulateMediaType("print");
    expect(await page.$eval(".chart-tip", (el) => getComputedStyle(el).display)).toBe("none");
    await page.emulateMediaType();
    // The print document's style hides it too.
    await page.goto(pathToFileURL(path.join(site, "print.html")).href, {waitUntil: "load"});
    const hidden = await page.evaluate(() => {
      const probe = document.createElement("div");
      probe.className = "chart-tip";
      document.body.appendChild(probe);
      return getComputedStyle(probe).display;
    });
    expect(hidden).toBe("none");
    const off = await browser.browser.newPage();
    await off.setJavaScriptEnabled(false);
    await off.goto(pathToFileURL(path.join(site, file)).href, {waitUntil: "load"});
    const mark = (await off.$$(`#fig-${id} a.chart-link > [data-tip-record]`))[0]!;
    await mark.hover();
    expect(await off.$(".chart-tip")).toBeNull();
    await off.close();
  });
});
