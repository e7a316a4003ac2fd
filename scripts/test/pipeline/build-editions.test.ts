/**
 * buildEditions with a stand-in for buildEdition that records what happens when: the next edition starts only once
 * the one before has written its site, editions under way finish when one fails, none starts after a failure, and
 * the first failure is the one thrown.
 */
import {describe, expect, it} from "vitest";
import {buildEditions, type BuildOptions, type EditionBuildResult} from "../../pipeline/build-edition.ts";

const options = {root: "/r", dataRoot: "/r", distRoot: "/d", pdf: false};
const tick = () => new Promise((resolve) => setImmediate(resolve));

/** A build that logs "start", "site" and "end"/"fail" per edition, failing at the given stage. */
function fakeBuild(log: string[], fail: Record<number, "before site" | "after site"> = {}) {
  return async (edition: number, buildOptions: BuildOptions): Promise<EditionBuildResult> => {
    log.push(`${edition} start`);
    await tick();
    if (fail[edition] === "before site") {
      log.push(`${edition} fail`);
      throw new Error(`${edition} broke`);
    }
    log.push(`${edition} site`);
    buildOptions.onSiteWritten?.();
    // The print: long enough for the next edition to start and write its own site.
    for (let i = 0; i < 5; i++) await tick();
    if (fail[edition] === "after site") {
      log.push(`${edition} fail`);
      throw new Error(`${edition} broke`);
    }
    log.push(`${edition} end`);
    return {edition, records: 1, figures: 1};
  };
}

describe("buildEditions", () => {
  it("starts each edition once the one before has written its site, and prints while the next renders", async () => {
    const log: string[] = [];
    const built: number[] = [];
    const results = await buildEditions([2020, 2022, 2023], options, (r) => built.push(r.edition), fakeBuild(log));
    expect(results.map((r) => r.edition)).toEqual([2020, 2022, 2023]);
    expect(built).toEqual([2020, 2022, 2023]);
    expect(log.indexOf("2022 start")).toBe(log.indexOf("2020 site") + 1);
    expect(log.indexOf("2023 start")).toBe(log.indexOf("2022 site") + 1);
    // 2020 was still printing when 2022 started.
    expect(log.indexOf("2020 end")).toBeGreaterThan(log.indexOf("2022 start"));
  });

  it("starts no edition after a failure before the site, and throws it", async () => {
    const log: string[] = [];
    await expect(
      buildEditions([2020, 2022, 2023], options, () => {}, fakeBuild(log, {2022: "before site"}))
    ).rejects.toThrow("2022 broke");
    expect(log).toContain("2020 end");
    expect(log.some((line) => line.startsWith("2023"))).toBe(false);
  });

  it("lets an edition under way finish when the one before fails while printing, then throws the failure", async () => {
    const log: string[] = [];
    const built: number[] = [];
    await expect(
      buildEditions([2020, 2022, 2023], options, (r) => built.push(r.edition), fakeBuild(log, {2020: "after site"}))
    ).rejects.toThrow("2020 broke");
    expect(built).toContain(2022);
    expect(log.indexOf("2022 end")).toBeGreaterThan(log.indexOf("2020 fail"));
  });
});
