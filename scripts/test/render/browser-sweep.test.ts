import {existsSync} from "node:fs";
import {mkdir, mkdtemp, rm, symlink, utimes} from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import {afterAll, describe, expect, it} from "vitest";
import {sweepStaleProfiles} from "../../render/browser.ts";

const tmp = await mkdtemp(path.join(os.tmpdir(), "baipishu-sweep-"));
afterAll(() => rm(tmp, {recursive: true, force: true}));

async function profile(name: string, lock?: string, ageMs = 0): Promise<string> {
  const dir = path.join(tmp, `baipishu-chromium-${name}`);
  await mkdir(dir);
  if (lock) await symlink(lock, path.join(dir, "SingletonLock"));
  if (ageMs > 0) {
    const then = new Date(Date.now() - ageMs);
    await utimes(dir, then, then);
  }
  return dir;
}

describe("sweepStaleProfiles(tmp)", () => {
  it("removes the profiles of Chromiums that are gone and old unlocked ones, keeps live and starting ones", async () => {
    const dead = await profile("dead", "host-2147483646");
    const live = await profile("live", `host-${process.pid}`);
    const starting = await profile("starting");
    const abandoned = await profile("abandoned", undefined, 2 * 60 * 60 * 1000);
    const other = path.join(tmp, "someone-else");
    await mkdir(other);
    expect((await sweepStaleProfiles(tmp)).sort()).toEqual([abandoned, dead].sort());
    expect([dead, live, starting, abandoned, other].map((d) => existsSync(d))).toEqual([false, true, true, false, true]);
  });
});
