/**
 * @fileoverview Rendered charts kept between builds. A figure is a function of the render context (the edition's
 * computed figures, config and reference lists: everything the figures cache's fingerprint covers) and of its
 * placement (figure config, number, chapter), drawn by the code of scripts/render/ and the fonts' metrics in it.
 * So an entry, .cache/charts/<edition>-<key>.json, keyed by the figures fingerprint and a hash of that code and of
 * package-lock.json, maps each placement to its rendered figure; prepareSite takes it as its figure memo and draws
 * only what is missing (a renumbered figure, a changed chart). Without a fingerprint (cache off) nothing is kept.
 */
import {createHash} from "node:crypto";
import {mkdir, readFile, readdir, rm, stat, utimes} from "node:fs/promises";
import path from "node:path";
import {isErrnoException} from "../lib/errors.ts";
import {writeFileAtomic} from "../lib/fs.ts";
import type {FigureMemo} from "../render/site.ts";
import type {RenderedFigure} from "../render/figures.ts";

/** Bumped when the layout of an entry changes. */
const CHART_CACHE_FORMAT = 1;
const KEEP_PER_EDITION = 3;
const CODE_ROOT = path.resolve(import.meta.dirname, "../..");
/** The code that draws a chart: the render stage (charts, labels, formats, theme, font metrics) and the records. */
const CODE_DIRS = ["scripts/render", "scripts/model/records", "scripts/lib"];
const CODE_FILES = ["package-lock.json", "scripts/pipeline/chart-cache.ts"];

async function codeFiles(dir: string): Promise<string[]> {
  const files: string[] = [];
  for (const entry of await readdir(dir, {withFileTypes: true})) {
    if (entry.name.startsWith(".")) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) files.push(...(await codeFiles(full)));
    else if (entry.isFile() && /\.(ts|json)$/.test(entry.name)) files.push(full);
  }
  return files;
}

let codeHash: Promise<string> | undefined;

/** A hash of the chart-drawing code (once per process: code does not change under a running build). */
function chartCodeHash(): Promise<string> {
  codeHash ??= (async () => {
    const files = [
      ...(await Promise.all(CODE_DIRS.map((d) => codeFiles(path.join(CODE_ROOT, d))))).flat(),
      ...CODE_FILES.map((f) => path.join(CODE_ROOT, f))
    ].sort();
    const hash = createHash("sha256");
    hash.update(`baipishu chart cache ${CHART_CACHE_FORMAT}\0node ${process.version}\0`);
    for (const file of files) {
      // A copy of the project without package-lock.json (a test's scratch project) hashes its absence.
      const content = await readFile(file).catch((error: unknown) => {
        if (isErrnoException(error) && error.code === "ENOENT") return undefined;
        throw error;
      });
      hash.update(`${path.relative(CODE_ROOT, file)}\0${content === undefined ? "absent" : content.length}\0`);
      if (content) hash.update(content);
    }
    return hash.digest("hex");
  })();
  return codeHash;
}

export interface ChartCache {
  /** Placement key → rendered figure, to hand to prepareSite as its figure memo. */
  memo: FigureMemo;
  /** Writes back the figures of these placement keys (the build's) when the build drew any of them anew. */
  save(used: readonly string[]): Promise<void>;
}

/**
 * The chart cache of one edition's build, for the figures of `fingerprint` ("" when the figures cache is off: then
 * an empty memo that saves nothing).
 */
export async function openChartCache(dir: string, edition: number, fingerprint: string): Promise<ChartCache> {
  if (fingerprint === "") return {memo: new Map(), save: async () => {}};
  const key = createHash("sha256")
    .update(`${fingerprint}\0${await chartCodeHash()}`)
    .digest("hex")
    .slice(0, 16);
  const file = path.join(dir, `${edition}-${key}.json`);
  const memo: FigureMemo = new Map();
  try {
    const entry = JSON.parse(await readFile(file, "utf8")) as {format: number; figures: [string, RenderedFigure][]};
    if (entry.format === CHART_CACHE_FORMAT) for (const [k, figure] of entry.figures) memo.set(k, figure);
    const now = new Date();
    await utimes(file, now, now);
  } catch (error) {
    // A missing or unreadable entry is a miss: the charts are drawn again.
    if (!(isErrnoException(error) && error.code === "ENOENT") && !(error instanceof SyntaxError)) throw error;
  }
  const loaded = new Set(memo.keys());
  return {
    memo,
    async save(used) {
      if (used.every((k) => loaded.has(k))) return;
      const figures = used.flatMap((k) => {
        const figure = memo.get(k);
        return figure ? [[k, figure] as const] : [];
      });
      await mkdir(dir, {recursive: true});
      await writeFileAtomic(file, JSON.stringify({format: CHART_CACHE_FORMAT, figures}));
      await prune(dir, edition);
    }
  };
}

/** Keeps the newest KEEP_PER_EDITION entries of an edition. */
async function prune(dir: string, edition: number): Promise<void> {
  const names = (await readdir(dir)).filter((n) => n.startsWith(`${edition}-`) && n.endsWith(".json"));
  const dated = await Promise.all(
    names.map(async (name) => ({name, time: (await stat(path.join(dir, name))).mtimeMs}))
  );
  dated.sort((a, b) => b.time - a.time);
  await Promise.all(dated.slice(KEEP_PER_EDITION).map(({name}) => rm(path.join(dir, name), {force: true})));
}
