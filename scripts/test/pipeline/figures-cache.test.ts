/**
 * The figures cache must never serve stale figures: every input an edition reads changes its fingerprint (a data
 * file, its config, its params, its observed and published numbers, the manifest), another edition's own files do
 * not, and a hit returns exactly what the computation returned (warnings included). Runs on copies of data/.
 */
import {mkdtemp, readdir, readFile, rm, writeFile} from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import {afterAll, afterEach, beforeEach, describe, expect, it, vi, type MockInstance} from "vitest";
import type {EditionConfig} from "../../load/edition.ts";
import {
  cacheEntryPath,
  computeEdition,
  computeEditionCached,
  editionFingerprint,
  type ComputedEdition,
  type FiguresCacheOptions
} from "../../pipeline/figures-cache.ts";
import {copyData, editCell, editFile, removeDataCopies} from "../load/data-copy.ts";

let stderr: MockInstance;
beforeEach(() => {
  stderr = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
});
afterEach(() => stderr.mockRestore());
const cacheDirs: string[] = [];
afterAll(async () => {
  await removeDataCopies();
  await Promise.all(cacheDirs.map((dir) => rm(dir, {recursive: true, force: true})));
});

async function cacheOptions(): Promise<FiguresCacheOptions> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "baipishu-figures-cache-"));
  cacheDirs.push(dir);
  return {dir, enabled: true};
}

const editJson = (root: string, file: string, edit: (json: Record<string, unknown>) => void) =>
  editFile(root, file, (text) => {
    const json = JSON.parse(text) as Record<string, unknown>;
    edit(json);
    return `${JSON.stringify(json, null, 2)}\n`;
  });

/** The fingerprints of both editions before and after `change` is applied to a fresh copy of data/. */
async function fingerprintsAround(
  change: (root: string) => Promise<void>
): Promise<{before: Record<number, string>; after: Record<number, string>}> {
  const root = await copyData();
  const before = {2020: await editionFingerprint(root, 2020), 2022: await editionFingerprint(root, 2022)};
  await change(root);
  const after = {2020: await editionFingerprint(root, 2020), 2022: await editionFingerprint(root, 2022)};
  return {before, after};
}

describe("editionFingerprint(dataRoot, edition)", () => {
  it("is the same for the same files, and differs between editions", async () => {
    const [a, b] = [await copyData(), await copyData()];
    expect(await editionFingerprint(a, 2022)).toBe(await editionFingerprint(b, 2022));
    expect(await editionFingerprint(a, 2022)).toMatch(/^[0-9a-f]{16}$/);
    expect(await editionFingerprint(a, 2020)).not.toBe(await editionFingerprint(a, 2022));
  });

  it("changes for every edition when one cell of a shared data file changes", async () => {
    const {before, after} = await fingerprintsAround((root) =>
      editCell(root, "data/national/accounts.csv", 2, "gdp", "137423")
    );
    expect(after[2020]).not.toBe(before[2020]);
    expect(after[2022]).not.toBe(before[2022]);
  });

  it("changes for an edition when its config changes, and only for it", async () => {
    const {before, after} = await fingerprintsAround((root) =>
      editJson(root, "data/editions/2022.json", (config) => {
        (config.forecast as {gdpNominalGrowth: number}).gdpNominalGrowth = -10;
      })
    );
    expect(after[2022]).not.toBe(before[2022]);
    expect(after[2020]).toBe(before[2020]);
  });

  it("changes for an edition when its params change, and only for it", async () => {
    const {before, after} = await fingerprintsAround((root) =>
      editJson(root, "data/params/2020.json", (params) => {
        const values = (params.multiplier as {values: Record<string, number>}).values;
        const year = Object.keys(values)[0]!;
        values[year] = values[year]! * 1.01;
      })
    );
    expect(after[2020]).not.toBe(before[2020]);
    expect(after[2022]).toBe(before[2022]);
  });

  it("changes when the edition's observed or published numbers change, or the manifest", async () => {
    for (const file of ["data/observed/2022.csv", "data/published/2022.jsonl"]) {
      const {before, after} = await fingerprintsAround((root) => editFile(root, file, (text) => `${text}\n`));
      expect(after[2022], file).not.toBe(before[2022]);
      expect(after[2020], file).toBe(before[2020]);
    }
    const {before, after} = await fingerprintsAround((root) =>
      editJson(root, "data/manifest.json", (manifest) => {
        const [first] = manifest.sources as {caveats?: string}[];
        first!.caveats = `${first!.caveats ?? ""} (edited)`;
      })
    );
    expect(after[2020]).not.toBe(before[2020]);
    expect(after[2022]).not.toBe(before[2022]);
  });

  it("changes when a data file is added or removed (a loader may read any file of data/)", async () => {
    const added = await fingerprintsAround((root) =>
      writeFile(path.join(root, "data/national/new-series.csv"), "year,value\n")
    );
    expect(added.after[2022]).not.toBe(added.before[2022]);
    const removed = await fingerprintsAround((root) => rm(path.join(root, "data/national/macro.csv")));
    expect(removed.after[2022]).not.toBe(removed.before[2022]);
  });

  it("ignores dot files (editors' and atomic writes' temporaries)", async () => {
    const {before, after} = await fingerprintsAround((root) =>
      writeFile(path.join(root, "data/national/.accounts.csv.123.tmp"), "x")
    );
    expect(after[2022]).toBe(before[2022]);
  });
});

describe("computeEditionCached(dataRoot, edition, cache)", () => {
  it("computes once, then returns the same result from the cache without running the model", async () => {
    const root = await copyData();
    const cache = await cacheOptions();
    let runs = 0;
    const counted = async (dataRoot: string, config: EditionConfig) => {
      runs++;
      return computeEdition(dataRoot, config);
    };
    const first = await computeEditionCached(root, 2022, cache, counted);
    expect(first.cached).toBe(false);
    const warningsOfRun = printedWarnings();
    expect(warningsOfRun.length).toBeGreaterThan(0);
    stderr.mockClear();

    vi.stubEnv("BAIPISHU_QUIET", "0");
    const second = await computeEditionCached(root, 2022, cache, counted);
    vi.unstubAllEnvs();
    expect(runs).toBe(1);
    expect(second.cached).toBe(true);
    expect(second.fingerprint).toBe(first.fingerprint);
    for (const key of ["config", "figures", "reproduction", "reference", "manifest"] as const)
      expect(second[key], key).toStrictEqual(first[key]);
    // The load's warnings about estimated series are printed on a hit too.
    expect(printedWarnings()).toEqual(warningsOfRun);
    expect(printed()).toContain("2022 · compute figures (cached)");
  });

  it("recomputes after a params change, with figures that differ", async () => {
    const root = await copyData();
    const cache = await cacheOptions();
    const before = await computeEditionCached(root, 2022, cache);
    await editJson(root, "data/params/2022.json", (params) => {
      const values = (params.multiplier as {values: Record<string, number>}).values;
      for (const year of Object.keys(values)) values[year] = values[year]! * 1.05;
    });
    const after = await computeEditionCached(root, 2022, cache);
    expect(after.cached).toBe(false);
    expect(after.fingerprint).not.toBe(before.fingerprint);
    const value = (c: ComputedEdition) =>
      c.figures.records.find((r) => r.metric === "iiot_value_added" && r.scope === "national" && r.year === 2021)!
        .value;
    expect(value(after)).not.toBe(value(before));
    // Both entries are kept: undoing the change is a hit, with the first figures.
    await editJson(root, "data/params/2022.json", (params) => {
      const values = (params.multiplier as {values: Record<string, number>}).values;
      for (const year of Object.keys(values)) values[year] = values[year]! / 1.05;
    });
    const undone = await computeEditionCached(root, 2022, cache);
    if (undone.fingerprint === before.fingerprint) {
      expect(undone.cached).toBe(true);
      expect(value(undone)).toBe(value(before));
    }
  });

  it("never stores figures under a fingerprint that changed while they were computed", async () => {
    const root = await copyData();
    const cache = await cacheOptions();
    const fingerprint = await editionFingerprint(root, 2022);
    const editingCompute = async (dataRoot: string, config: EditionConfig) => {
      const result = await fakeCompute(dataRoot, config);
      await editCell(dataRoot, "data/national/accounts.csv", 2, "gdp", "1");
      return result;
    };
    const result = await computeEditionCached(root, 2022, cache, editingCompute);
    expect(result.cached).toBe(false);
    expect(await readdir(cache.dir)).toEqual([]);
    expect(await editionFingerprint(root, 2022)).not.toBe(fingerprint);
  });

  it("treats an unreadable or foreign entry as a miss", async () => {
    const root = await copyData();
    const cache = await cacheOptions();
    let runs = 0;
    const counted = async (dataRoot: string, config: EditionConfig) => {
      runs++;
      return fakeCompute(dataRoot, config);
    };
    const first = await computeEditionCached(root, 2022, cache, counted);
    const file = cacheEntryPath(cache.dir, 2022, first.fingerprint);
    await writeFile(file, "{not json");
    expect((await computeEditionCached(root, 2022, cache, counted)).cached).toBe(false);
    const entry = JSON.parse(await readFile(file, "utf8")) as {fingerprint: string};
    await writeFile(file, JSON.stringify({...entry, fingerprint: "0000000000000000"}));
    expect((await computeEditionCached(root, 2022, cache, counted)).cached).toBe(false);
    expect(runs).toBe(3);
    expect((await computeEditionCached(root, 2022, cache, counted)).cached).toBe(true);
  });

  it("keeps -0, NaN and ±Infinity exact through the cache", async () => {
    const root = await copyData();
    const cache = await cacheOptions();
    const odd = [-0, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 0, 1.5];
    const compute = async (dataRoot: string, config: EditionConfig): Promise<ComputedEdition> => {
      const base = await fakeCompute(dataRoot, config);
      return {...base, reproduction: {odd} as unknown as ComputedEdition["reproduction"]};
    };
    await computeEditionCached(root, 2022, cache, compute);
    const hit = await computeEditionCached(root, 2022, cache, compute);
    expect(hit.cached).toBe(true);
    const back = (hit.reproduction as unknown as {odd: number[]}).odd;
    odd.forEach((value, i) => expect(Object.is(back[i], value), `${value}`).toBe(true));
  });

  it("with the cache off, computes every time and writes nothing", async () => {
    const root = await copyData();
    const cache = {...(await cacheOptions()), enabled: false};
    let runs = 0;
    const counted = async (dataRoot: string, config: EditionConfig) => {
      runs++;
      return fakeCompute(dataRoot, config);
    };
    await computeEditionCached(root, 2022, cache, counted);
    await computeEditionCached(root, 2022, cache, counted);
    expect(runs).toBe(2);
    expect(await readdir(cache.dir)).toEqual([]);
  });
});

/** A stand-in for the model: fast, deterministic, JSON-able. */
async function fakeCompute(_dataRoot: string, config: EditionConfig): Promise<ComputedEdition> {
  return {
    figures: {edition: config.edition, records: []} as unknown as ComputedEdition["figures"],
    reproduction: {rows: []} as unknown as ComputedEdition["reproduction"],
    reference: {sections: [], provinces: [], policies: {national: [], provincial: []}, citations: []},
    manifest: []
  };
}

function printed(): string {
  return stderr.mock.calls.map((call) => String(call[0])).join("");
}

function printedWarnings(): string[] {
  return printed()
    .split("\n")
    .filter((line) => line.startsWith("warning: "));
}
