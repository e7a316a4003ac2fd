import {existsSync} from "node:fs";
import {copyFile, mkdir, mkdtemp, readFile, rm, writeFile} from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import {afterAll, describe, expect, it} from "vitest";
import {buildDataFiles, importData, SUPPLEMENTS_DIR} from "../../import/run.ts";
import {resolveSharedDir} from "../../import/sources.ts";
import {REPO_ROOT} from "../load/data-copy.ts";

const sharedDir = resolveSharedDir(REPO_ROOT);
const hasShared = existsSync(path.join(sharedDir, "data-sources"));
// A developer's checkout may lack ../shared (the import is then skipped, loudly); CI always has it, so there a missing
// ../shared is a failure rather than a silently thinner test run.
const inCi = Boolean(process.env.CI) && process.env.CI !== "false";
if (!hasShared && !inCi) console.warn(`skipping the import tests: ${sharedDir} (../shared) is not there`);

describe.runIf(!hasShared && inCi)("the import in CI", () => {
  it("has ../shared to import from", () => {
    expect.fail(
      `${sharedDir} has no data-sources/: CI must check out ../shared beside the project (or set BAIPISHU_SHARED)`
    );
  });
});

const temporary: string[] = [];
afterAll(() => Promise.all(temporary.map((dir) => rm(dir, {recursive: true, force: true}))));

describe.skipIf(!hasShared)("the import (npm run import-data)", () => {
  it("is deterministic: two runs give the same bytes", async () => {
    const context = {sharedDir, supplementsDir: SUPPLEMENTS_DIR};
    const first = await buildDataFiles(context);
    const second = await buildDataFiles(context);
    expect([...second.keys()]).toEqual([...first.keys()]);
    for (const [file, content] of first) expect(second.get(file), file).toBe(content);
  });

  it("writes exactly the committed data/ files (run npm run import-data after changing the import)", async () => {
    const outRoot = await mkdtemp(path.join(os.tmpdir(), "baipishu-import-"));
    temporary.push(outRoot);
    // As npm run import-data does in place: the committed manifest is there, so its hand-maintained entries stay.
    await mkdir(path.join(outRoot, "data"), {recursive: true});
    await copyFile(path.join(REPO_ROOT, "data/manifest.json"), path.join(outRoot, "data/manifest.json"));
    const written = await importData({root: REPO_ROOT, outRoot, sharedDir});
    expect(written.length).toBeGreaterThanOrEqual(20);
    for (const {file} of written) {
      const fresh = await readFile(path.join(outRoot, file));
      const committed = await readFile(path.join(REPO_ROOT, file));
      expect(fresh.equals(committed), `${file} differs from the committed copy`).toBe(true);
    }
  });

  it("keeps the manifest entries of files it does not produce (maintained by hand) on a re-import", async () => {
    const outRoot = await mkdtemp(path.join(os.tmpdir(), "baipishu-import-"));
    temporary.push(outRoot);
    await importData({root: REPO_ROOT, outRoot, sharedDir});
    const manifestFile = path.join(outRoot, "data/manifest.json");
    const manifest = JSON.parse(await readFile(manifestFile, "utf8")) as {sources: Record<string, unknown>[]};
    const handMade = {
      ...manifest.sources[0],
      id: "team-observed-2024",
      file: "data/observed/2024.csv",
      title: "2024 observed indicators (by hand)"
    };
    manifest.sources.push(handMade);
    await writeFile(manifestFile, JSON.stringify(manifest));
    await importData({root: REPO_ROOT, outRoot, sharedDir});
    const after = JSON.parse(await readFile(manifestFile, "utf8")) as {sources: {id: string}[]};
    expect(after.sources.map((s) => s.id)).toContain("team-observed-2024");
    expect(after.sources).toHaveLength(manifest.sources.length);
    expect(await readFile(path.join(outRoot, "data/README.md"), "utf8")).toContain("data/observed/2024.csv");
  });

  it("writes UTF-8 CSV with LF line ends and a final newline", async () => {
    const files = await buildDataFiles({sharedDir, supplementsDir: SUPPLEMENTS_DIR});
    for (const [file, content] of files) {
      expect(content.includes("\r"), file).toBe(false);
      expect(content.endsWith("\n"), file).toBe(true);
      expect(content.startsWith("\uFEFF"), file).toBe(false);
    }
  });
});
