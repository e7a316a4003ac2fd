/**
 * End-to-end, issue 15: a build stopped during the PDF step. After Ctrl-C (SIGINT) the build says so, exits 130 and
 * leaves dist/<edition> as it was, with no staging folder and no Chromium; after SIGKILL nothing can clean up at
 * once. Either way, after the next build no staging folder, Chromium profile or Chromium of the stopped one is left.
 */
import {spawn, type ChildProcess} from "node:child_process";
import {existsSync} from "node:fs";
import {readdir, readFile, stat} from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import {describe, expect, it} from "vitest";
import {root, runCli, tempDir} from "./helpers.ts";

const EDITION = "2022";

/** Starts a build and resolves once it has entered the PDF step. */
async function buildUntilPdf(
  dist: string
): Promise<{child: ChildProcess; stderr: () => string; exit: Promise<number | null>}> {
  const child = spawn(
    path.join(root, "node_modules/.bin/tsx"),
    [path.join(root, "scripts/cli/build.ts"), "--edition", EDITION, "--no-cache", "--dist", dist],
    {
      cwd: root,
      // The step lines tell when the PDF step starts: not silenced here.
      env: {...process.env, BAIPISHU_QUIET: "0"},
      stdio: ["ignore", "pipe", "pipe"]
    }
  );
  let err = "";
  child.stderr!.on("data", (chunk: Buffer) => (err += chunk.toString()));
  child.stdout!.on("data", (chunk: Buffer) => (err += chunk.toString()));
  const exit = new Promise<number | null>((resolve) =>
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 128 : null)))
  );
  for (let i = 0; i < 600 && !/· PDF …/.test(err); i++) await new Promise((r) => setTimeout(r, 100));
  if (!/· PDF …/.test(err)) throw new Error(`the build never reached the PDF step:\n${err}`);
  await new Promise((r) => setTimeout(r, 500));
  return {child, stderr: () => err, exit};
}

/** The node process of a tsx child (tsx runs the script in a child of its own). */
async function nodeOf(tsxPid: number): Promise<number> {
  for (const entry of await readdir("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const status = await readFile(`/proc/${entry}/status`, "utf8").catch(() => "");
    if (new RegExp(`^PPid:\\s+${tsxPid}$`, "m").test(status)) return Number(entry);
  }
  return tsxPid;
}

/** Profile folders and Chromium processes that belong to the build process `pid`. */
async function leftovers(pid: number): Promise<{profiles: string[]; chromiums: number}> {
  const profiles: string[] = [];
  for (const name of (await readdir(os.tmpdir())).filter((n) => n.startsWith("baipishu-chromium-"))) {
    const owner = await readFile(path.join(os.tmpdir(), name, "baipishu-owner.pid"), "utf8").catch(() => "");
    if (owner === String(pid)) profiles.push(name);
  }
  let chromiums = 0;
  for (const entry of await readdir("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const cmd = await readFile(`/proc/${entry}/cmdline`, "utf8").catch(() => "");
    if (cmd.includes("chromium") && profiles.some((p) => cmd.includes(p))) chromiums++;
  }
  return {profiles, chromiums};
}

describe("a build stopped during the PDF step", () => {
  it("on SIGINT says so, exits 130, keeps the previous dist/ and leaves no staging folder", async () => {
    const dist = await tempDir("sigint");
    expect((await runCli("build.ts", ["--edition", EDITION, "--no-pdf", "--dist", dist])).code).toBe(0);
    const before = (await stat(path.join(dist, EDITION, "index.html"))).mtimeMs;
    const run = await buildUntilPdf(dist);
    const node = await nodeOf(run.child.pid!);
    process.kill(node, "SIGINT");
    expect(await run.exit).toBe(130);
    expect(run.stderr()).toContain("interrupted (SIGINT): stopping");
    expect((await readdir(dist)).sort()).toEqual([EDITION]);
    expect((await stat(path.join(dist, EDITION, "index.html"))).mtimeMs).toBe(before);
    expect(existsSync(path.join(dist, EDITION, "report.pdf"))).toBe(false);
    expect((await leftovers(node)).chromiums).toBe(0);
    // Whatever the interrupted launch could not remove, the next build sweeps.
    expect((await runCli("build.ts", ["--edition", EDITION, "--dist", dist])).code).toBe(0);
    expect(await leftovers(node)).toEqual({profiles: [], chromiums: 0});
  }, 300_000);

  it("after SIGKILL, the next build leaves no staging folder, profile or Chromium of the killed one", async () => {
    const dist = await tempDir("sigkill");
    const run = await buildUntilPdf(dist);
    const node = await nodeOf(run.child.pid!);
    process.kill(node, "SIGKILL");
    await run.exit;
    expect((await readdir(dist)).some((n) => n.startsWith(".staging-"))).toBe(true);
    const next = await runCli("build.ts", ["--edition", EDITION, "--dist", dist]);
    expect(next.code).toBe(0);
    expect((await readdir(dist)).sort()).toEqual([EDITION]);
    expect(await leftovers(node)).toEqual({profiles: [], chromiums: 0});
  }, 300_000);
});
