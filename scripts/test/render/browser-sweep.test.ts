import {existsSync} from "node:fs";
import {mkdir, mkdtemp, rm, symlink, utimes, writeFile} from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import {afterAll, describe, expect, it} from "vitest";
import {sweepStaleProfiles} from "../../render/browser.ts";

const tmp = await mkdtemp(path.join(os.tmpdir(), "baipishu-sweep-"));
afterAll(() => rm(tmp, {recursive: true, force: true}));

async function profile(name: string, lock?: string, ageMs = 0, owner?: number): Promise<string> {
  const dir = path.join(tmp, `baipishu-chromium-${name}`);
  await mkdir(dir);
  if (lock) await symlink(lock, path.join(dir, "SingletonLock"));
  if (owner !== undefined) await writeFile(path.join(dir, "baipishu-owner.pid"), String(owner));
  if (ageMs > 0) {
    const then = new Date(Date.now() - ageMs);
    await utimes(dir, then, then);
  }
  return dir;
}

describe("sweepStaleProfiles(tmp)", () => {
  it("removes the profiles of runs and Chromiums that are gone and old unowned ones, keeps live and starting ones", async () => {
    const dead = await profile("dead", "host-2147483646");
    const live = await profile("live", `host-${process.pid}`);
    const starting = await profile("starting");
    const abandoned = await profile("abandoned", undefined, 2 * 60 * 1000);
    // A build killed with SIGKILL: Chromium quit with its pipe (no lock left), the owner file names a dead pid.
    const killed = await profile("killed", undefined, 0, 2147483646);
    const owned = await profile("owned", undefined, 0, process.pid);
    const other = path.join(tmp, "someone-else");
    await mkdir(other);
    expect((await sweepStaleProfiles(tmp)).sort()).toEqual([abandoned, dead, killed].sort());
    expect([dead, live, starting, abandoned, killed, owned, other].map((d) => existsSync(d))).toEqual([
      false,
      true,
      true,
      false,
      false,
      true,
      true
    ]);
  });
});
