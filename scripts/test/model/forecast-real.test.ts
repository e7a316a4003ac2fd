/**
 * The forecast year of every edition on the real data: sectors and provinces grow at rates of their own (the
 * relative-trend rule), and the parts still add up to the nation.
 */
import {describe, expect, it} from "vitest";
import {EDITIONS, editionData} from "./real-data.ts";

for (const edition of EDITIONS) {
  describe(`the ${edition} forecast`, () => {
    it("gives sectors and provinces growth rates of their own, and the parts add up to the nation", async () => {
      const {config, figures} = await editionData(edition);
      const f = config.forecastYear;
      const at = (metric: string, scope: string, year: number) =>
        figures.records.filter((r) => r.metric === metric && r.scope === scope && r.year === year);
      const national = at("iiot_value_added", "national", f)[0]!.value;
      for (const scope of ["sector", "province"]) {
        const parts = at("iiot_value_added", scope, f);
        expect(parts.length, scope).toBeGreaterThan(15);
        const sum = parts.reduce((a, r) => a + r.value, 0);
        expect(Math.abs(sum / national - 1), `${scope}s sum to the nation`).toBeLessThan(1e-9);
        const growth = at("nominal_growth", scope, f).map((r) => Number(r.value.toFixed(2)));
        // More than a handful of distinct rates: not one assumed rate for every part.
        expect(new Set(growth).size, `${scope} growth rates`).toBeGreaterThan(parts.length / 2);
      }
    });
  });
}
