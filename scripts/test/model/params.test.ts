import {describe, expect, it} from "vitest";
import {readFile} from "node:fs/promises";
import path from "node:path";
import {parseParams} from "../../load/params.ts";
import {DataError} from "../../lib/errors.ts";
import {readEditionConfig} from "../../load/edition.ts";
import {editionData, EDITIONS, ROOT} from "./real-data.ts";
import {staleParamsMessage} from "../../pipeline/calibration-fingerprint.ts";

describe("loadParams / parseParams", () => {
  it("accepts the committed parameter files", async () => {
    for (const edition of EDITIONS) {
      const config = await readEditionConfig(ROOT, edition);
      const text = await readFile(path.join(ROOT, "data/params", `${edition}.json`), "utf8");
      const params = parseParams(text, `data/params/${edition}.json`, config);
      expect(Object.keys(params.multiplier.values).length).toBeGreaterThan(0);
      expect(Object.keys(params.shares.values)).toHaveLength(11);
    }
  });

  it("reports located problems: share out of [0, 1], missing μ, wrong edition", async () => {
    const config = await readEditionConfig(ROOT, 2020);
    const json = JSON.parse(await readFile(path.join(ROOT, "data/params/2020.json"), "utf8")) as {
      edition: number;
      shares: {values: Record<string, number>};
      multiplier: {values: Record<string, number>};
    };
    json.shares.values["088"] = 1.5;
    expect(() => parseParams(JSON.stringify(json), "data/params/2020.json", config)).toThrow(
      /data\/params\/2020.json:shares.values.088: found "1.5"; expected/
    );
    json.shares.values["088"] = 0.2;
    delete json.multiplier.values["2019"];
    json.edition = 2022;
    try {
      parseParams(JSON.stringify(json), "data/params/2020.json", config);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DataError);
      const text = (error as DataError).message;
      expect(text).toContain('data/params/2020.json:edition: found "2022"; expected 2020');
      expect(text).toContain("multiplier.values.2019");
    }
  });
});

describe("the committed parameters are fitted to the edition as it is now", () => {
  it.each(EDITIONS)(
    "data/params/%i.json matches its targets, rules and inputs (else: npm run calibrate)",
    async (edition) => {
      const {config, inputs, params} = await editionData(edition);
      expect(staleParamsMessage(config, inputs, params)).toBeUndefined();
    }
  );

  it("a changed target makes the parameters stale", async () => {
    const {config, inputs, params} = await editionData(EDITIONS.at(-1)!);
    const moved = {
      ...config,
      calibration: {targets: config.calibration.targets.map((t, i) => (i === 0 ? {...t, value: t.value * 1.01} : t))}
    };
    expect(staleParamsMessage(moved, inputs, params)).toMatch(
      /were fitted to other targets, rules or inputs .* run `npm run calibrate -- --edition \d{4}`/
    );
  });
});
