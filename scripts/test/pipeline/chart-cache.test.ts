import {mkdtemp, readdir, rm} from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import {afterAll, describe, expect, it} from "vitest";
import {openChartCache} from "../../pipeline/chart-cache.ts";
import type {RenderedFigure} from "../../render/figures.ts";

const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((d) => rm(d, {recursive: true, force: true}))));

function figure(id: string): RenderedFigure {
  return {
    id,
    label: "图1",
    title: "标题",
    kind: "figure",
    chapterId: "overview",
    html: `<figure>${id}</figure>`,
    csv: "",
    summary: "",
    sources: [],
    records: []
  };
}

describe("openChartCache(dir, edition, fingerprint)", () => {
  it("keeps the figures of the build's placements for the same figures and code, and only those", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "baipishu-charts-"));
    dirs.push(dir);
    const first = await openChartCache(dir, 2030, "f1");
    expect(first.memo.size).toBe(0);
    first.memo.set("a", figure("a"));
    first.memo.set("stale", figure("stale"));
    await first.save(["a"]);
    const second = await openChartCache(dir, 2030, "f1");
    expect([...second.memo.keys()]).toEqual(["a"]);
    expect(second.memo.get("a")?.html).toBe("<figure>a</figure>");
    // Other figures (another fingerprint) start empty.
    expect((await openChartCache(dir, 2030, "f2")).memo.size).toBe(0);
  });
  it("keeps nothing when the figures cache is off (no fingerprint)", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "baipishu-charts-"));
    dirs.push(dir);
    const off = await openChartCache(dir, 2030, "");
    off.memo.set("a", figure("a"));
    await off.save(["a"]);
    expect(await readdir(dir)).toEqual([]);
  });
});
