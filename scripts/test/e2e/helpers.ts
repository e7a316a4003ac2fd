/**
 * @fileoverview Helpers of the end-to-end tests: run the real build CLI as a child process, read its artefacts.
 */
import {execFile} from "node:child_process";
import {cp, mkdtemp} from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import {promisify} from "node:util";

export const root = path.resolve(import.meta.dirname, "../../..");
const run = promisify(execFile);

export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs `tsx scripts/cli/<script>` with arguments; never throws on a non-zero exit. `project` is the folder whose
 * scripts run (and so whose content/ and data/ they read): the repository, or a copy of it.
 */
export async function runCli(
  script: string,
  args: string[],
  env: Record<string, string> = {},
  project = root
): Promise<CommandResult> {
  try {
    const {stdout, stderr} = await run(
      path.join(project, "node_modules/.bin/tsx"),
      [path.join(project, "scripts/cli", script), ...args],
      {
        cwd: project,
        env: {...process.env, BAIPISHU_QUIET: "1", ...env},
        maxBuffer: 64 * 1024 * 1024,
        timeout: 600_000
      }
    );
    return {code: 0, stdout, stderr};
  } catch (error) {
    const e = error as {code?: number; stdout?: string; stderr?: string};
    return {code: typeof e.code === "number" ? e.code : 1, stdout: e.stdout ?? "", stderr: e.stderr ?? ""};
  }
}

export async function tempDir(prefix: string): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), `baipishu-${prefix}-`));
}

/** A copy of data/ in a fresh folder, for builds on altered inputs; returns the folder that holds data/. */
export async function copyData(): Promise<string> {
  const dir = await tempDir("data");
  await cp(path.join(root, "data"), path.join(dir, "data"), {recursive: true});
  return dir;
}

/** "第 5 页 / 共 9 页" with any spacing pdf.js puts between the pieces. */
export function footerPattern(page: number, total: number): RegExp {
  return new RegExp(`第\\s*${page}\\s*页\\s*/\\s*共\\s*${total}\\s*页`);
}
