/**
 * End-to-end: `npm run new-edition` in a copy of the project. The newest committed edition is taken away, so the
 * copy is the project as it stood the year before; new-edition then starts that year again from the edition before
 * it, and the new edition builds with no other edit, its placeholders listed as warnings (and refused by --strict).
 * One year further, where the statistics do not reach yet, it stops with every missing series named and leaves
 * nothing behind.
 */
import {cp, readFile, readdir, rm, symlink, writeFile} from "node:fs/promises";
import path from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {EDITIONS} from "../model/real-data.ts";
import {root, runCli, tempDir, type CommandResult} from "./helpers.ts";

const newest = EDITIONS.at(-1)!;
let project: string;

/** Runs a CLI of the copied project (its own scripts, so its content/ and data/ are the ones read). */
const cli = (script: string, args: string[]): Promise<CommandResult> => runCli(script, args, {}, project);

beforeAll(async () => {
  project = await tempDir("new-edition");
  for (const entry of ["data", "content", "templates", "scripts", ".eleventy.js", "package.json", "tsconfig.json"])
    await cp(path.join(root, entry), path.join(project, entry), {recursive: true});
  await symlink(path.join(root, "node_modules"), path.join(project, "node_modules"));
  // The year before: no trace of the newest edition, its observed file and its manifest entry included.
  for (const file of [
    `data/editions/${newest}.json`,
    `data/params/${newest}.json`,
    `data/observed/${newest}.csv`,
    `content/${newest}`
  ])
    await rm(path.join(project, file), {recursive: true, force: true});
  const manifestFile = path.join(project, "data/manifest.json");
  const manifest = JSON.parse(await readFile(manifestFile, "utf8")) as {sources: {file: string}[]};
  manifest.sources = manifest.sources.filter((s) => s.file !== `data/observed/${newest}.csv`);
  await writeFile(manifestFile, JSON.stringify(manifest, null, 2));
}, 120_000);

afterAll(async () => {
  if (project) await rm(project, {recursive: true, force: true});
});

describe("npm run new-edition", () => {
  it("starts the year after the newest edition, and that edition builds with its placeholders listed", async () => {
    const started = await cli("new-edition.ts", [String(newest)]);
    expect(started.code, started.stderr).toBe(0);
    expect(started.stdout).toContain(`Edition ${newest} started from ${EDITIONS.at(-2)}`);
    expect(started.stdout).toMatch(/multiplier rules \(.*trend/);
    const config = JSON.parse(await readFile(path.join(project, `data/editions/${newest}.json`), "utf8")) as {
      forecastYear: number;
      calibration: {targets: {record: string}[]};
    };
    expect(config.forecastYear).toBe(newest);
    // A published forecast never becomes a target of the new edition.
    for (const t of config.calibration.targets) expect(Number(t.record.split("/")[3])).toBeLessThan(newest - 1);
    expect((await readdir(path.join(project, "content", String(newest)))).length).toBeGreaterThan(0);

    const dist = path.join(project, "dist");
    const built = await cli("build.ts", ["--edition", String(newest), "--no-pdf", "--dist", dist]);
    expect(built.code, built.stderr).toBe(0);
    expect(built.stderr).toMatch(new RegExp(`data/editions/${newest}\\.json:date: still marked 待更新`));
    expect(built.stderr).toMatch(
      new RegExp(`data/observed/${newest}\\.csv:\\d+: .* carried from the previous edition`)
    );
    expect(built.stderr).toContain(`no published numbers (data/published/${newest}.jsonl)`);
    expect(await readFile(path.join(dist, String(newest), "index.html"), "utf8")).toContain(`（${newest}年）`);

    const strict = await cli("build.ts", ["--edition", String(newest), "--no-pdf", "--strict", "--dist", dist]);
    expect(strict.code).not.toBe(0);
    expect(strict.stderr).toMatch(/--strict: \d+ placeholder\(s\) left by npm run new-edition/);
  }, 600_000);

  it("one year further, stops with every missing series named and leaves nothing behind", async () => {
    const next = newest + 1;
    const result = await cli("new-edition.ts", [String(next)]);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(new RegExp(`data/provincial/accounts\\.csv:year: expected rows for ${newest}`));
    expect(result.stderr).toMatch(new RegExp(`data/national/employment\\.csv:year: expected a row for ${newest}`));
    expect((await readdir(path.join(project, "data/editions"))).includes(`${next}.json`)).toBe(false);
    expect((await readdir(path.join(project, "content"))).includes(String(next))).toBe(false);
    expect((await readdir(path.join(project, "data/params"))).includes(`${next}.json`)).toBe(false);
  }, 600_000);
});
