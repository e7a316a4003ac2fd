import {describe, expect, it} from "vitest";
import {checkOneVintage} from "../../load/provincial.ts";
import {ProblemList} from "../../lib/errors.ts";
import type {ProvincialAccounts} from "../../model/inputs.ts";

const row = (year: number, vintage: string): ProvincialAccounts => ({
  province: "hubei",
  year,
  gdp: 100,
  primary: 10,
  secondary: 40,
  tertiary: 50,
  tiersEstimated: true,
  vintage
});

describe("one census vintage per edition's provincial levels", () => {
  it("accepts levels of one vintage", () => {
    const problems = new ProblemList();
    checkOneVintage([row(2017, "4th-census"), row(2018, "4th-census"), row(2019, "4th-census")], problems);
    expect(problems.items).toEqual([]);
  });

  it("refuses a year of another vintage, naming it and the fix", () => {
    const problems = new ProblemList();
    checkOneVintage([row(2017, "pre-4th-census"), row(2018, "pre-4th-census"), row(2019, "4th-census")], problems);
    expect(problems.items).toEqual([
      {
        file: "data/provincial/accounts.csv",
        column: "vintage",
        value: "hubei 2019: 4th-census",
        expected:
          "pre-4th-census like 2017 (a growth rate must compare two levels of one vintage; carry the earlier years to the later vintage, as npm run import-data does)"
      }
    ]);
  });
});
