import {mkdtemp, readFile, readdir, writeFile} from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import {describe, expect, it} from "vitest";
import {buildIntoDist} from "../../pipeline/dist.ts";
import {BuildError} from "../../lib/errors.ts";

async function distWithPrevious(): Promise<string> {
  const dist = await mkdtemp(path.join(os.tmpdir(), "baipishu-dist-"));
  await buildIntoDist(dist, 2022, async (dir) => writeFile(path.join(dir, "index.html"), "previous"));
  return dist;
}

describe("buildIntoDist(distRoot, edition, build)", () => {
  it("says which output folder it cannot create, as a user error, without running the build", async () => {
    const parent = await mkdtemp(path.join(os.tmpdir(), "baipishu-dist-"));
    const file = path.join(parent, "not-a-folder");
    await writeFile(file, "");
    let ran = false;
    const run = buildIntoDist(path.join(file, "dist"), 2022, async () => {
      ran = true;
    });
    await expect(run).rejects.toThrow(BuildError);
    await expect(run).rejects.toThrow(
      `${path.join(file, "dist")}: cannot create the build folder there (ENOTDIR: not a directory); make it writable or choose another folder with --dist`
    );
    expect(ran).toBe(false);
  });

  it("replaces the edition folder when the build succeeds", async () => {
    const dist = await distWithPrevious();
    await buildIntoDist(dist, 2022, async (dir) => writeFile(path.join(dir, "index.html"), "new"));
    expect(await readFile(path.join(dist, "2022", "index.html"), "utf8")).toBe("new");
    expect(await readdir(dist)).toEqual(["2022"]);
  });

  it("leaves the previous edition folder intact when the build fails, and removes its staging folder", async () => {
    const dist = await distWithPrevious();
    await expect(
      buildIntoDist(dist, 2022, async (dir) => {
        await writeFile(path.join(dir, "index.html"), "half-written");
        throw new Error("PDF step failed");
      })
    ).rejects.toThrow("PDF step failed");
    expect(await readFile(path.join(dist, "2022", "index.html"), "utf8")).toBe("previous");
    expect(await readdir(dist)).toEqual(["2022"]);
  });
});

describe("removeStaleStaging(distRoot)", () => {
  it("removes the staging folders of dead builds and keeps those of running ones", async () => {
    const {mkdir} = await import("node:fs/promises");
    const {removeStaleStaging} = await import("../../pipeline/dist.ts");
    const dist = await distWithPrevious();
    // pid 2³¹−2 is never running; this test's own process is.
    await mkdir(path.join(dist, ".staging-2020-2147483646"));
    await mkdir(path.join(dist, `.staging-2022-${process.ppid}`));
    await removeStaleStaging(dist);
    expect((await readdir(dist)).sort()).toEqual([`.staging-2022-${process.ppid}`, "2022"]);
  });
});
