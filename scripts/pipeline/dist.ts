/**
 * @fileoverview dist/<edition>/ is replaced whole or not at all: an edition is built into a staging folder next to
 * it and swapped in by renames only when every step succeeded. A failed build removes its staging folder and
 * leaves the previous dist/<edition>/ untouched.
 */
import {mkdir, readdir, rename, rm, stat} from "node:fs/promises";
import path from "node:path";
import {isRunning} from "../lib/process.ts";
import {rmSync} from "node:fs";
import {onInterrupt} from "../lib/interrupt.ts";
import {BuildError, isErrnoException} from "../lib/errors.ts";

const STAGING_PREFIX = ".staging-";

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}

/**
 * Removes staging folders left behind by an interrupted build (never the editions themselves, and never the
 * staging folder of a build that is still running in another process).
 */
export async function removeStaleStaging(distRoot: string): Promise<void> {
  if (!(await exists(distRoot))) return;
  for (const name of await readdir(distRoot)) {
    if (!name.startsWith(STAGING_PREFIX)) continue;
    const pid = Number(/^\.staging-\d+-(\d+)/.exec(name)?.[1]);
    if (Number.isInteger(pid) && pid !== process.pid && isRunning(pid)) continue;
    await rm(path.join(distRoot, name), {recursive: true, force: true});
  }
}

/**
 * Runs `build` with an empty staging folder; on success the folder becomes dist/<edition>, on failure it is
 * deleted and the error is rethrown.
 */
export async function buildIntoDist<T>(
  distRoot: string,
  edition: number,
  build: (stagingDir: string) => Promise<T>
): Promise<T> {
  const staging = path.join(distRoot, `${STAGING_PREFIX}${edition}-${process.pid}`);
  try {
    await rm(staging, {recursive: true, force: true});
    await mkdir(staging, {recursive: true});
  } catch (error) {
    // A read-only, missing or blocked output folder is the user's to fix, not an internal error.
    if (!isErrnoException(error)) throw error;
    throw new BuildError(
      `${distRoot}: cannot create the build folder there (${error.message.split(",")[0]}); make it writable or choose another folder with --dist`
    );
  }
  // Ctrl-C while building: the half-built staging folder goes; dist/<edition> was never touched.
  const forget = onInterrupt(() => rmSync(staging, {recursive: true, force: true}));
  let result: T;
  try {
    result = await build(staging);
  } catch (error) {
    await rm(staging, {recursive: true, force: true});
    throw error;
  } finally {
    forget();
  }
  const target = path.join(distRoot, String(edition));
  const previous = path.join(distRoot, `${STAGING_PREFIX}${edition}-${process.pid}-previous`);
  if (await exists(target)) await rename(target, previous);
  try {
    await rename(staging, target);
  } catch (error) {
    if (await exists(previous)) await rename(previous, target);
    throw error;
  }
  await rm(previous, {recursive: true, force: true});
  return result;
}
