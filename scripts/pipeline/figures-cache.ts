/**
 * @fileoverview One cached computation per edition: load + validate inputs → compute figures → consistency checks →
 * reproduction, run once per change of what it reads. The cache key (the fingerprint) hashes
 *   - every file of data/ except the files that belong to another edition (their config, params, observed and
 *     published numbers, policy tables): a superset of what the loaders read, so that a data file added to a loader
 *     later can never be missed;
 *   - the source of scripts/load/, scripts/model/, scripts/lib/ and this module (a code change invalidates), package-lock.json
 *     (dependency versions) and the Node version.
 * An entry, .cache/figures/<edition>-<hash>.json, holds everything the render needs from data/: the figures file,
 * the reproduction, the reference lists and the data manifest, plus the warnings the load printed (replayed on a
 * hit: an estimated series must stay visible to whoever builds). The fingerprint is taken before and after the
 * computation and the entry is written only when both agree, so a file edited during a computation can never
 * leave figures under a hash they were not computed from. An unreadable or mismatching entry is a miss.
 */
import {createHash} from "node:crypto";
import {readFile, readdir, rm, stat, utimes} from "node:fs/promises";
import path from "node:path";
import {performance} from "node:perf_hooks";
import {BuildError, isErrnoException} from "../lib/errors.ts";
import {writeFileAtomic} from "../lib/fs.ts";
import {formatSeconds, info, step, warn} from "../lib/progress.ts";
import {IMPORTED_EDITIONS, observedFile, policiesFile, publishedFile} from "../load/data-files.ts";
import {EDITIONS_DIR, listEditions, readEditionConfig, type EditionConfig} from "../load/edition.ts";
import {loadInputs} from "../load/inputs.ts";
import {loadManifest} from "../load/manifest.ts";
import {loadParams, PARAMS_DIR} from "../load/params.ts";
import {loadCitations} from "../load/citations.ts";
import {staleParamsMessage} from "./calibration-fingerprint.ts";
import {editionPlaceholders} from "../load/placeholders.ts";
import {loadPublished} from "../load/published.ts";
import {checkFigures} from "../model/checks/index.ts";
import {computeFigures} from "../model/records/figures.ts";
import type {DataSource} from "../model/inputs.ts";
import type {FiguresFile} from "../model/records/records.ts";
import {reproduce, type Reproduction} from "../model/reproduction/reproduction.ts";
import type {ReferenceLists} from "../render/context.ts";

/** Bumped when the layout of a cache entry changes. */
const CACHE_FORMAT = 1;
/** Entries kept per edition (the newest by use); older ones are removed after each write. */
const KEEP_PER_EDITION = 3;

/** The repository whose scripts/ computes the figures (not the data root: a what-if build reads other data). */
const CODE_ROOT = path.resolve(import.meta.dirname, "../..");
/** Code whose change invalidates every entry: the loaders, the model and this module. */
// lib/ too: the loaders' error and number helpers shape what the model receives.
const CODE_DIRS = ["scripts/load", "scripts/model", "scripts/lib"];
const CODE_FILES = ["scripts/pipeline/figures-cache.ts", "package-lock.json"];

/** What one edition's computation yields: everything the render reads from data/. */
export interface ComputedEdition {
  figures: FiguresFile;
  reproduction: Reproduction;
  /** The lists of the inputs the charts and tables need besides the numbers. */
  reference: ReferenceLists;
  manifest: DataSource[];
}

export interface FiguresCacheOptions {
  /** Folder of the entries, e.g. <root>/.cache/figures. */
  dir: string;
  /** false: neither read nor write the cache (build --no-cache). */
  enabled: boolean;
}

/** <root>/.cache/figures: where `npm run build` and `npm run serve` keep the entries. */
export function defaultFiguresCacheDir(root: string): string {
  return path.join(root, ".cache", "figures");
}

/** Loads, computes and checks one edition's figures, uncached (shared by the cache, reproduce and tests). */
export async function computeEdition(dataRoot: string, config: EditionConfig): Promise<ComputedEdition> {
  const label = String(config.edition);
  const {inputs, params, published, manifest, citations} = await step(
    `${label} · load + validate inputs`,
    async () => ({
      inputs: await loadInputs(dataRoot, config),
      params: await loadParams(dataRoot, config),
      published: await loadPublished(dataRoot, config.edition),
      manifest: await loadManifest(dataRoot),
      citations: await loadCitations(dataRoot)
    })
  );
  const stale = staleParamsMessage(config, inputs, params);
  if (stale) warn(stale);
  for (const line of await editionPlaceholders(dataRoot, config.edition)) warn(line);
  return step(`${label} · compute figures`, () => {
    const figures = computeFigures(inputs, config, params);
    const violations = checkFigures(figures, config);
    if (violations.length > 0)
      throw new BuildError(
        `the ${config.edition} figures break ${violations.length} consistency check(s):\n${violations.slice(0, 20).join("\n")}`
      );
    const reproduction = reproduce(figures, published, config);
    return {
      figures,
      reproduction,
      reference: {sections: inputs.sections, provinces: inputs.provinces, policies: inputs.policies, citations},
      manifest
    };
  });
}

async function filesUnder(dir: string, base: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(dir, {withFileTypes: true});
  } catch (error) {
    if (isErrnoException(error) && error.code === "ENOENT") return [];
    throw error;
  }
  const files: string[] = [];
  for (const entry of entries) {
    // Dot files are editors' and atomic writes' temporaries: no loader reads them.
    if (entry.name.startsWith(".")) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) files.push(...(await filesUnder(full, base)));
    else if (entry.isFile()) files.push(path.relative(base, full).split(path.sep).join("/"));
  }
  return files;
}

/** The files of data/ that belong to another edition than `edition` (relative to the data root). */
async function otherEditionsFiles(dataRoot: string, edition: number): Promise<Set<string>> {
  const editions = new Set<number>([...IMPORTED_EDITIONS, ...(await listEditions(dataRoot).catch(() => []))]);
  editions.delete(edition);
  const files = new Set<string>();
  for (const other of editions)
    for (const file of [
      `${EDITIONS_DIR}/${other}.json`,
      `${PARAMS_DIR}/${other}.json`,
      observedFile(other),
      publishedFile(other),
      policiesFile(other, "national"),
      policiesFile(other, "provincial")
    ])
      files.add(file);
  return files;
}

/** The files one edition's computation depends on, as [label, absolute path], in a stable order. */
export async function fingerprintFiles(dataRoot: string, edition: number): Promise<[string, string][]> {
  const others = await otherEditionsFiles(dataRoot, edition);
  const data = (await filesUnder(path.join(dataRoot, "data"), dataRoot)).filter((file) => !others.has(file)).sort();
  const code: string[] = [];
  for (const dir of CODE_DIRS) code.push(...(await filesUnder(path.join(CODE_ROOT, dir), CODE_ROOT)));
  code.push(...CODE_FILES);
  return [
    ...data.map((file): [string, string] => [`data:${file}`, path.join(dataRoot, file)]),
    ...code.sort().map((file): [string, string] => [`code:${file}`, path.join(CODE_ROOT, file)])
  ];
}

/**
 * The fingerprint of one edition's computation: a hash of the files it depends on (see the file comment), the
 * edition, the cache format and the Node version. 16 hex digits.
 */
export async function editionFingerprint(dataRoot: string, edition: number): Promise<string> {
  const hash = createHash("sha256");
  hash.update(`baipishu figures cache ${CACHE_FORMAT}\0edition ${edition}\0node ${process.version}\0`);
  for (const [label, file] of await fingerprintFiles(dataRoot, edition)) {
    let content: Buffer | undefined;
    try {
      content = await readFile(file);
    } catch (error) {
      if (!(isErrnoException(error) && error.code === "ENOENT")) throw error;
    }
    hash.update(`${label}\0${content === undefined ? "absent" : content.length}\0`);
    if (content) hash.update(content);
  }
  return hash.digest("hex").slice(0, 16);
}

export function cacheEntryPath(dir: string, edition: number, fingerprint: string): string {
  return path.join(dir, `${edition}-${fingerprint}.json`);
}

interface CacheEntry extends ComputedEdition {
  format: number;
  /** The edition config the figures were computed with (read after the fingerprint was taken). */
  config: EditionConfig;
  edition: number;
  fingerprint: string;
  warnings: string[];
}

// JSON cannot hold -0, NaN or ±Infinity; they are written as {"$number": "-0"} so that a hit returns exactly what the
// computation returned (today's figures have none; the encoding keeps it that way if a model change adds one).
const NUMBER_TAG = "$number";

function encodeNumbers(_key: string, value: unknown): unknown {
  if (typeof value === "number" && (!Number.isFinite(value) || Object.is(value, -0)))
    return {[NUMBER_TAG]: String(value === 0 ? "-0" : value)};
  return value;
}

function decodeNumbers(_key: string, value: unknown): unknown {
  if (value !== null && typeof value === "object" && !Array.isArray(value)) {
    const tagged = (value as Record<string, unknown>)[NUMBER_TAG];
    if (typeof tagged === "string" && Object.keys(value).length === 1) return tagged === "-0" ? -0 : Number(tagged);
  }
  return value;
}

async function readEntry(file: string, edition: number, fingerprint: string): Promise<CacheEntry | undefined> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch {
    return undefined;
  }
  try {
    // The reviver costs; only an entry that holds a tagged number needs it.
    const entry = (text.includes(`"${NUMBER_TAG}"`) ? JSON.parse(text, decodeNumbers) : JSON.parse(text)) as CacheEntry;
    if (entry.format !== CACHE_FORMAT || entry.edition !== edition || entry.fingerprint !== fingerprint)
      return undefined;
    if (
      !entry.config ||
      !entry.figures ||
      !entry.reproduction ||
      !entry.reference ||
      !entry.manifest ||
      !Array.isArray(entry.warnings)
    )
      return undefined;
    return entry;
  } catch {
    return undefined;
  }
}

/** Keeps the newest KEEP_PER_EDITION entries of an edition (by modification time, which a hit refreshes). */
async function prune(dir: string, edition: number): Promise<void> {
  const names = (await readdir(dir).catch(() => [] as string[])).filter(
    (n) => n.startsWith(`${edition}-`) && n.endsWith(".json")
  );
  const dated = await Promise.all(
    names.map(async (name) => ({
      name,
      time: await stat(path.join(dir, name)).then(
        (s) => s.mtimeMs,
        () => 0
      )
    }))
  );
  dated.sort((a, b) => b.time - a.time);
  await Promise.all(dated.slice(KEEP_PER_EDITION).map(({name}) => rm(path.join(dir, name), {force: true})));
}

/**
 * Runs `run` while teeing stderr: returns the warning lines it printed (lib/progress `warn`), which still reach
 * the terminal. Used around the computation so that a cache hit can print the same warnings.
 */
async function collectWarnings<T>(run: () => Promise<T>): Promise<{result: T; warnings: string[]}> {
  const stderr = process.stderr;
  const original = stderr.write;
  const warnings: string[] = [];
  stderr.write = function (this: unknown, chunk: unknown, ...rest: unknown[]) {
    if (typeof chunk === "string")
      for (const line of chunk.split("\n"))
        if (line.startsWith("warning: ")) warnings.push(line.slice("warning: ".length));
    return (original as (...args: unknown[]) => boolean).call(stderr, chunk, ...rest);
  } as typeof stderr.write;
  try {
    return {result: await run(), warnings};
  } finally {
    stderr.write = original;
  }
}

export interface CachedComputation extends ComputedEdition {
  config: EditionConfig;
  /** true when the figures came from the cache (the model did not run). */
  cached: boolean;
  /** The fingerprint the result belongs to ("" when the cache is off). */
  fingerprint: string;
}

/**
 * Reads the edition config and computes the edition's figures, from the cache when its fingerprint has an entry;
 * otherwise computed (printing the load and compute steps) and stored. Prints "<edition> · compute figures
 * (cached)" on a hit. The config is read after the fingerprint is taken (and comes from the entry on a hit), so
 * config and figures always belong together.
 */
export async function computeEditionCached(
  dataRoot: string,
  edition: number,
  cache: FiguresCacheOptions,
  compute: (dataRoot: string, config: EditionConfig) => Promise<ComputedEdition> = computeEdition
): Promise<CachedComputation> {
  if (!cache.enabled) {
    const config = await readEditionConfig(dataRoot, edition);
    return {config, ...(await compute(dataRoot, config)), cached: false, fingerprint: ""};
  }
  const start = performance.now();
  const before = await editionFingerprint(dataRoot, edition);
  const file = cacheEntryPath(cache.dir, edition, before);
  const entry = await readEntry(file, edition, before);
  if (entry) {
    const now = new Date();
    await utimes(file, now, now).catch(() => undefined);
    for (const line of entry.warnings) warn(line);
    info(`✓ ${edition} · compute figures (cached) (${formatSeconds(performance.now() - start)})`);
    const {config, figures, reproduction, reference, manifest} = entry;
    return {config, figures, reproduction, reference, manifest, cached: true, fingerprint: before};
  }
  const config = await readEditionConfig(dataRoot, edition);
  const {result, warnings} = await collectWarnings(() => compute(dataRoot, config));
  const after = await editionFingerprint(dataRoot, edition);
  if (after === before) {
    const stored: CacheEntry = {format: CACHE_FORMAT, edition, fingerprint: before, warnings, config, ...result};
    try {
      await writeFileAtomic(file, JSON.stringify(stored, encodeNumbers));
      await prune(cache.dir, edition);
    } catch (error) {
      // A cache that cannot be written only costs time.
      warn(`figures cache not written (${file}: ${(error as Error).message})`);
    }
  }
  return {config, ...result, cached: false, fingerprint: before};
}
