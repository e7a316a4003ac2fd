/**
 * The reading of the direct part after the base year (methodology §1.2 gap: does the technology multiplier scale
 * the direct contribution rates?), tested on the real data against every published national direct and
 * penetration level of the 2020 and 2022 editions. These numbers are not calibration targets (the 2017 split and
 * the totals are): they test the model. The multiplier scaling both parts (params multiplier.appliesToDirect)
 * must fit them better than the multiplier scaling penetration only, refitted to the same targets; the test fails
 * if the rule is switched off.
 */
import {describe, expect, it} from "vitest";
import {editionData} from "./real-data.ts";
import {calibrate, DEFAULT_CALIBRATION} from "../../model/calibration/calibrate.ts";
import {computeModel} from "../../model/method/edition-model.ts";

const PART = {iiot_value_added_direct: "direct", iiot_value_added_penetration: "penetration"} as const;
const TO_YI: Record<string, number> = {万亿元: 1e4, 亿元: 1};

for (const edition of [2020, 2022]) {
  describe(`the ${edition} direct / penetration split`, () => {
    it("fits the published national levels better when the multiplier scales the direct rates too", async () => {
      const {config, inputs, params, published} = await editionData(edition);
      expect(params.multiplier.appliesToDirect).toBe(true);
      const both = computeModel(inputs, config, params).projection.national;
      const penOnly = computeModel(
        inputs,
        config,
        calibrate(inputs, config, {...DEFAULT_CALIBRATION, appliesToDirect: false}).params
      ).projection.national;
      const levels = published.filter((p) => p.scope === "national" && p.metric in PART && p.unit in TO_YI);
      expect(levels.length).toBeGreaterThanOrEqual(2);
      const error = (national: typeof both): number =>
        Math.sqrt(
          levels.reduce((acc, p) => {
            const part = PART[p.metric as keyof typeof PART];
            const value = national.get(p.year)![part];
            return acc + Math.log(value / (p.value * TO_YI[p.unit]!)) ** 2;
          }, 0) / levels.length
        );
      expect(error(both)).toBeLessThan(error(penOnly));
    }, 60_000);
  });
}
