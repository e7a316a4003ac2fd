/**
 * End-to-end, issue 6: change one input value on a copy of the data, rebuild, and check that the prose numbers, the
 * comparison words and the charts all follow — the prose cannot contradict its numbers when the data change.
 * The change: the edition's forecast assumption (data/editions/2022.json, forecast.gdpNominalGrowth) from 7 % to
 * −10 %, so the forecast year's value added and growth move and the words of growth flip.
 */
import {readFile, writeFile} from "node:fs/promises";
import path from "node:path";
import {pathToFileURL} from "node:url";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {recordId, type FiguresFile} from "../../model/records/records.ts";
import {launchBrowser, type LaunchedBrowser} from "../../render/browser.ts";
import {formatValue} from "../../render/format.ts";
import {copyData, runCli, tempDir} from "./helpers.ts";

const EDITION = 2022;
const YEAR = 2022;
let before: string;
let after: string;
let browser: LaunchedBrowser;

async function setForecastGrowth(dataRoot: string, growth: number): Promise<void> {
  const file = path.join(dataRoot, `data/editions/${EDITION}.json`);
  const config = JSON.parse(await readFile(file, "utf8")) as {forecast: {gdpNominalGrowth: number}};
  config.forecast.gdpNominalGrowth = growth;
  await writeFile(file, JSON.stringify(config, null, 2));
}

async function build(dataRoot: string): Promise<string> {
  const dist = await tempDir("whatif");
  const result = await runCli("build.ts", [
    "--edition",
    String(EDITION),
    "--no-pdf",
    "--dist",
    dist,
    "--data-root",
    dataRoot
  ]);
  if (result.code !== 0) throw new Error(`build failed:\n${result.stderr}`);
  return path.join(dist, String(EDITION));
}

interface PageWords {
  numbers: Record<string, string>;
  words: {kind: string; ids: string; word: string}[];
}

async function readPage(dir: string, page: string): Promise<PageWords> {
  const tab = await browser.browser.newPage();
  await tab.goto(pathToFileURL(path.join(dir, page)).href, {waitUntil: "load"});
  const result = await tab.evaluate(() => {
    const numbers: Record<string, string> = {};
    document
      .querySelectorAll<HTMLElement>("article a.num")
      .forEach((a) => (numbers[a.dataset.record!] = a.textContent!));
    const words = [...document.querySelectorAll<HTMLElement>("article .word-cmp, article .word-trend")].map((e) => ({
      kind: e.className,
      ids: e.dataset.compare ?? e.dataset.sign ?? "",
      word: e.textContent ?? ""
    }));
    return {numbers, words};
  });
  await tab.close();
  return result;
}

const figuresOf = async (dir: string) =>
  JSON.parse(await readFile(path.join(dir, "figures.json"), "utf8")) as FiguresFile;
const valueOf = (figures: FiguresFile, id: string) => figures.records.find((r) => recordId(r) === id)!.value;

beforeAll(async () => {
  before = await build(await copyData());
  const changed = await copyData();
  await setForecastGrowth(changed, -10);
  after = await build(changed);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe("a rebuild after changing the forecast assumption", () => {
  it("prints the new forecast growth, as the new figures file formats it", async () => {
    const id = `nominal_growth/national/china/${YEAR}`;
    const [old, now] = [await figuresOf(before), await figuresOf(after)];
    expect(valueOf(now, id)).toBeLessThan(valueOf(old, id));
    const page = await readPage(after, "overview.html");
    expect(page.numbers[id]).toBe(formatValue(valueOf(now, id), "%"));
    expect((await readPage(before, "overview.html")).numbers[id]).toBe(formatValue(valueOf(old, id), "%"));
  });

  it("chooses every comparison word from the data: a word changes exactly when its comparison flips", async () => {
    const [old, now] = [await figuresOf(before), await figuresOf(after)];
    let flipped = 0;
    let checked = 0;
    const chapters = ["preface.html", "overview.html", "regions.html", "industries.html", "outlook.html"];
    for (const page of chapters) {
      const [a, b] = [await readPage(before, page), await readPage(after, page)];
      expect(b.words.length).toBe(a.words.length);
      b.words.forEach((word, i) => {
        const ids = word.ids.split(" ");
        const relation = (f: FiguresFile) =>
          ids.length === 2 ? Math.sign(valueOf(f, ids[0]!) - valueOf(f, ids[1]!)) : Math.sign(valueOf(f, ids[0]!));
        const same = relation(old) === relation(now);
        expect(word.word === a.words[i]!.word, `${page}: ${word.ids}`).toBe(same);
        if (!same) flipped++;
        checked++;
      });
    }
    expect(checked).toBeGreaterThan(0);
    expect(flipped).toBeGreaterThan(0);
  });

  it("redraws the chart from the new figures", async () => {
    const csv = async (dir: string) => readFile(path.join(dir, "data", "national-va-share.csv"), "utf8");
    const [old, now] = [await csv(before), await csv(after)];
    expect(now).not.toBe(old);
    const va = valueOf(await figuresOf(after), `iiot_value_added/national/china/${YEAR}`);
    expect(now).toContain(String(va).slice(0, 6));
  });
});
