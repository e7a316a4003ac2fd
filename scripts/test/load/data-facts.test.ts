import {afterEach, beforeEach, describe, expect, it, vi, type MockInstance} from "vitest";
import {readEditionConfig} from "../../load/edition.ts";
import {loadInputs} from "../../load/inputs.ts";
import type {Inputs} from "../../model/inputs.ts";
import {REPO_ROOT} from "./data-copy.ts";

// Known published facts the committed data must reproduce (vintages of data/README.md).
let stderr: MockInstance;
beforeEach(() => {
  stderr = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
});
afterEach(() => stderr.mockRestore());

async function inputs2022(): Promise<Inputs> {
  return loadInputs(REPO_ROOT, await readEditionConfig(REPO_ROOT, 2022));
}

describe("the committed data", () => {
  it("keeps the first-release provincial GDP the editions used", async () => {
    const inputs = await inputs2022();
    const gdp = (province: string, year: number) =>
      inputs.provincialAccounts.find((a) => a.province === province && a.year === year)!.gdp;
    expect(gdp("guangdong", 2019)).toBe(107671.07);
    expect(gdp("guangdong", 2021)).toBe(124369.7);
    const sum2019 = inputs.provincialAccounts.filter((a) => a.year === 2019).reduce((s, a) => s + a.gdp, 0);
    expect(sum2019).toBeCloseTo(985333.1, 1);
    expect(inputs.provincialAccounts.filter((a) => a.year === 2018).every((a) => !a.tiersEstimated)).toBe(true);
  });

  it("keeps the pre-5th-census national accounts and the official employment totals", async () => {
    const inputs = await inputs2022();
    expect(inputs.nationalAccounts.find((a) => a.year === 2017)!.gdp).toBe(832035.9);
    expect(inputs.nationalAccounts.find((a) => a.year === 2021)!.gdp).toBe(1149237);
    expect(inputs.nationalEmployment.find((e) => e.year === 2021)).toMatchObject({
      total: 74652,
      primary: 17072,
      secondary: 21712,
      tertiary: 35868,
      estimated: false
    });
    expect(inputs.macro.find((m) => m.year === 2007)!.labour).toBe(75321);
  });

  it("splits the eleven related products into segments near the 2021 structure of the 2022 edition", async () => {
    const inputs = await inputs2022();
    const valueAdded = new Map(inputs.io.sectors.map((s) => [s.code, s.valueAdded]));
    const bySegment = new Map<string, number>();
    for (const r of inputs.relatedSubsectors)
      for (const {segment, share} of r.segments)
        bySegment.set(segment, (bySegment.get(segment) ?? 0) + share * valueAdded.get(r.ioCode)!);
    const total = [...bySegment.values()].reduce((a, b) => a + b, 0);
    const published = {platform: 38.84, network: 32.8, data: 18.38, security: 9.98};
    for (const [segment, share] of Object.entries(published))
      expect(Math.abs((bySegment.get(segment)! / total) * 100 - share), segment).toBeLessThan(1);
    expect(total / 1e4).toBeCloseTo(45157, -1);
  });

  it("places every province on its own tile-grid cell", async () => {
    const inputs = await inputs2022();
    expect(new Set(inputs.provinces.map((p) => `${p.grid.row},${p.grid.col}`)).size).toBe(31);
  });
});
