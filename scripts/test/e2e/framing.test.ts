/**
 * End-to-end: framing that follows the numbers. Each edition is built on inputs perturbed so that the story turns —
 * (a) the industrial internet grows more slowly than GDP, even shrinks (the multiplier of the last data year set to
 * 0.9, the forecast year to 1, no target from that year on); (b) employment falls everywhere (national and provincial
 * employment of the last data year cut by a fifth). A heading or framing sentence that still claims the old story
 * ("促进经济平稳增长", "就业带动作用持续显现", "就业增速居前五位" over falling numbers) fails the test.
 */
import {cp, readFile, rm, writeFile} from "node:fs/promises";
import path from "node:path";
import {afterAll, describe, expect, it} from "vitest";
import {readEditionConfig} from "../../load/edition.ts";
import {loadInputs} from "../../load/inputs.ts";
import {calibrate, DEFAULT_CALIBRATION} from "../../model/calibration/calibrate.ts";
import type {FiguresFile} from "../../model/records/records.ts";
import {calibrationFingerprint, formatParams} from "../../pipeline/calibration-fingerprint.ts";
import {EDITIONS} from "../model/real-data.ts";
import {root, runCli, tempDir} from "./helpers.ts";

const folders: string[] = [];
afterAll(async () => {
  await Promise.all(folders.map((f) => rm(f, {recursive: true, force: true})));
});

type Perturbation = "growth" | "jobs";

/** Multiplies the given columns of the rows of `year` in a CSV of data/. */
async function scaleRows(
  dataRoot: string,
  file: string,
  year: number,
  columns: string[],
  factor: number
): Promise<void> {
  const full = path.join(dataRoot, file);
  const [head, ...rows] = (await readFile(full, "utf8")).trimEnd().split("\n");
  const header = head!.split(",");
  const scaled = rows.map((line) => {
    const cells = line.split(",");
    if (Number(cells[header.indexOf("year")]) !== year) return line;
    for (const column of columns) {
      const i = header.indexOf(column);
      cells[i] = String(Number(cells[i]) * factor);
    }
    return cells.join(",");
  });
  await writeFile(full, `${[head, ...scaled].join("\n")}\n`);
}

/** A copy of data/ with the perturbation applied and the parameters refitted; returns the folder holding data/. */
async function perturbedData(edition: number, kind: Perturbation): Promise<string> {
  const dir = await tempDir(`framing-${kind}-${edition}`);
  folders.push(dir);
  await cp(path.join(root, "data"), path.join(dir, "data"), {recursive: true});
  const configFile = path.join(dir, `data/editions/${edition}.json`);
  const raw = JSON.parse(await readFile(configFile, "utf8")) as {
    dataYears: [number, number];
    forecastYear: number;
    multiplier?: {rules: Record<string, unknown>};
    calibration: {targets: {record: string}[]};
  };
  const y = raw.dataYears[1];
  if (kind === "jobs") {
    const columns = ["total", "primary", "secondary", "tertiary"];
    await scaleRows(dir, "data/provincial/employment.csv", y, columns, 0.8);
    await scaleRows(dir, "data/national/employment.csv", y, columns, 0.8);
  } else {
    const yearOf = (t: {record: string}) => Number(t.record.split("/")[3]);
    const isLevel = (t: {record: string}) => !t.record.startsWith("new_infrastructure");
    raw.calibration.targets = raw.calibration.targets.filter((t) => !isLevel(t) || yearOf(t) < y);
    const lastTarget = Math.max(...raw.calibration.targets.filter(isLevel).map(yearOf));
    const rules: Record<string, unknown> = {};
    for (let year = lastTarget + 1; year < y; year++) rules[String(year)] = {rule: "unity"};
    rules[String(y)] = {rule: "given", value: 0.9, source: "test"};
    rules[String(raw.forecastYear)] = {rule: "unity"};
    raw.multiplier = {rules};
    await writeFile(configFile, JSON.stringify(raw, null, 2));
  }
  const config = await readEditionConfig(dir, edition);
  const inputs = await loadInputs(dir, config);
  const {params} = calibrate(inputs, config, DEFAULT_CALIBRATION);
  params.fingerprint = calibrationFingerprint(config, inputs);
  await writeFile(path.join(dir, `data/params/${edition}.json`), formatParams(params));
  return dir;
}

interface Page {
  headings: string[];
  sentences: string[];
}

/** Headings and sentences of the body chapters (figures left out), as the reader sees them. */
async function readChapters(dist: string, edition: number, chapters: {id: string; kind?: string}[]): Promise<Page> {
  const page: Page = {headings: [], sentences: []};
  for (const chapter of chapters.filter((c) => c.kind !== "appendix")) {
    const html = await readFile(path.join(dist, String(edition), `${chapter.id}.html`), "utf8");
    const article = html
      .slice(html.indexOf("<article"), html.indexOf("</article>"))
      .replace(/<figure[\s\S]*?<\/figure>/g, "");
    const text = (s: string) =>
      s
        .replace(/<[^>]+>/g, "")
        .replace(/&[a-z#0-9]+;/g, " ")
        .replace(/\s+/g, "");
    for (const [, h] of article.matchAll(/<h[1-4][^>]*>([\s\S]*?)<\/h[1-4]>/g)) page.headings.push(text(h!));
    for (const [, p] of article.matchAll(/<(?:p|li)[^>]*>([\s\S]*?)<\/(?:p|li)>/g))
      page.sentences.push(
        ...text(p!)
          .split(/(?<=。)/)
          .filter(Boolean)
      );
  }
  return page;
}

const value = (figures: FiguresFile, id: string): number => {
  const hit = figures.records.find((r) => `${r.metric}/${r.scope}/${r.entity}/${r.year}` === id);
  if (!hit) throw new Error(`no record ${id}`);
  return hit.value;
};

describe.each(EDITIONS)("framing of the %i edition on perturbed inputs", (edition) => {
  it.each(["growth", "jobs"] as const)(
    "%s: no heading or framing sentence claims what the numbers deny",
    async (kind) => {
      const dataRoot = await perturbedData(edition, kind);
      const dist = path.join(dataRoot, "dist");
      const built = await runCli("build.ts", [
        "--edition",
        String(edition),
        "--no-pdf",
        "--no-cache",
        "--data-root",
        dataRoot,
        "--dist",
        dist
      ]);
      expect(built.code, built.stderr).toBe(0);
      const figures = JSON.parse(
        await readFile(path.join(dist, String(edition), "figures.json"), "utf8")
      ) as FiguresFile;
      const config = await readEditionConfig(dataRoot, edition);
      const y = config.dataYears[1];
      const {headings, sentences} = await readChapters(dist, edition, config.chapters);
      const growth = value(figures, `nominal_growth/national/china/${y}`);
      const gdpGrowth = value(figures, `gdp_nominal_growth/national/china/${y}`);
      const newJobs = value(figures, `employment_new/national/china/${y}`);
      const provinceJobGrowth = figures.records
        .filter((r) => r.metric === "employment_growth" && r.scope === "province" && r.year === y)
        .map((r) => r.value);

      // The perturbation did turn the story (else the test would check nothing).
      if (kind === "growth") expect(growth).toBeLessThan(gdpGrowth);
      else {
        expect(newJobs).toBeLessThan(0);
        expect(provinceJobGrowth.length).toBeGreaterThan(0);
        expect(Math.max(...provinceJobGrowth)).toBeLessThan(0);
      }

      const contradictions: string[] = [];
      const forbid = (applies: boolean, pattern: RegExp, where: "heading" | "sentence", why: string) => {
        if (!applies) return;
        for (const line of where === "heading" ? headings : sentences)
          if (pattern.test(line)) contradictions.push(`${why}: ${line.slice(0, 120)}`);
      };
      const belowGdp = growth < gdpGrowth;
      forbid(belowGdp, /平稳增长|稳增长|拉动经济/, "heading", "growth below GDP's under a heading of support");
      forbid(belowGdp, /但(慢于|低于)[^。]{0,10}GDP/, "sentence", "a contrast word before a slower growth");
      forbid(
        belowGdp,
        new RegExp(`工业互联网[^。]{0,30}(快于|高于)[^。，]{0,6}名义GDP[^。]{0,12}${y}`),
        "sentence",
        "growth said above GDP's"
      );
      forbid(growth < 0, /规模(稳步|持续)(扩大|增长)/, "sentence", "a shrinking industry said to grow");
      forbid(
        newJobs < 0,
        /就业带动作用(持续|进一步)?(显现|增强)|带动就业(持续|稳步)(增加|增长|扩大)/,
        "sentence",
        "falling employment framed as growing"
      );
      forbid(
        Math.max(...provinceJobGrowth) < 0,
        /就业(增速|增长)(居前|最快|较快)|就业增长最快/,
        "sentence",
        "a ranking of growth where every province falls"
      );
      expect(contradictions).toEqual([]);
    },
    300_000
  );
});
