/**
 * Employment adds up in every edition and year: the tiers (and the sections) sum to the national total, and their
 * changes to the national change. Without the reconciliation factor of the "provincial-tier" method the 2023
 * edition printed tier changes of −21 万人 beside a national −43 万人 (sections divided by national tier
 * productivity, the total summed over provinces).
 */
import {describe, expect, it} from "vitest";
import {EDITIONS, editionData} from "./real-data.ts";

for (const edition of EDITIONS) {
  describe(`employment of the ${edition} edition`, () => {
    it("adds up: tiers and sections to the national total, tier changes to the national change", async () => {
      const {figures, config} = await editionData(edition);
      const value = (metric: string, scope: string, entity: string, year: number) =>
        figures.records.find((r) => r.metric === metric && r.scope === scope && r.entity === entity && r.year === year)
          ?.value;
      let checked = 0;
      for (let year = config.baseYear; year <= config.forecastYear; year++) {
        const national = value("employment_total", "national", "china", year);
        if (national === undefined) continue;
        const tiers = ["primary", "secondary", "tertiary"].map((t) => value("employment_total", "tier", t, year));
        const sections = figures.records.filter(
          (r) => r.metric === "employment_total" && r.scope === "sector" && r.year === year && !/^all_/.test(r.entity)
        );
        expect(tiers.every((t) => t !== undefined)).toBe(true);
        expect(tiers.reduce((s, t) => s! + t!, 0)).toBeCloseTo(national, 6);
        expect(sections.reduce((s, r) => s + r.value, 0)).toBeCloseTo(national, 6);
        const change = value("employment_new", "national", "china", year);
        const tierChanges = ["primary", "secondary", "tertiary"].map((t) => value("employment_new", "tier", t, year));
        if (change !== undefined && tierChanges.every((t) => t !== undefined))
          expect(tierChanges.reduce((s, t) => s! + t!, 0)).toBeCloseTo(change, 6);
        checked++;
      }
      expect(checked).toBeGreaterThan(3);
    }, 60_000);
  });
}
