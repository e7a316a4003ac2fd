import {readFileSync} from "node:fs";
import path from "node:path";
import {describe, expect, it} from "vitest";
import {DataError} from "../../lib/errors.ts";
import {parseEditionConfig} from "../../load/edition.ts";
import {REPO_ROOT} from "./data-copy.ts";

const FILE = "data/editions/2022.json";
const real = (): Record<string, unknown> & {
  figures: Record<string, unknown>[];
  forecast: Record<string, unknown>;
  regions: Record<string, unknown>[];
} => JSON.parse(readFileSync(path.join(REPO_ROOT, FILE), "utf8"));

function problems(config: unknown): string[] {
  try {
    parseEditionConfig(JSON.stringify(config), FILE);
  } catch (error) {
    expect(error).toBeInstanceOf(DataError);
    return (error as DataError).message.split("\n");
  }
  return [];
}

describe("parseEditionConfig(text, file)", () => {
  it("reads the committed configs", () => {
    expect(problems(real())).toEqual([]);
  });

  it("reads a config saved with a byte-order mark, as the CSV reader does", () => {
    expect(parseEditionConfig(`\uFEFF${JSON.stringify(real())}`, FILE).edition).toBe(2022);
  });

  it("names a misspelt key with the keys it could have been, instead of dropping it", () => {
    const config = real();
    config.figurse = config.figures;
    config.figures[0]!.titel = "标题";
    expect(problems(config)).toEqual([
      `${FILE}:figures.0.titel: found "titel"; expected a known key here (id, chart, title, kind, params, note); remove it or fix its spelling`,
      `${FILE}:figurse: found "figurse"; expected a known key here (edition, title, shortTitle, institute, date, baseYear, dataYears, forecastYear, forecast, methods, chapters, figures, regions, multiplier, calibration); remove it or fix its spelling`
    ]);
  });

  it("shows the value it found next to what it expected", () => {
    const config = real();
    config.forecast.gdpNominalGrowth = "seven";
    expect(problems(config)).toEqual([
      `${FILE}:forecast.gdpNominalGrowth: found "seven"; expected Invalid input: expected number, received string`
    ]);
  });

  it("refuses wage-proportional section productivity under the provincial-share employment method", () => {
    const config = real() as ReturnType<typeof real> & {methods: Record<string, unknown>};
    config.methods.employment = "provincial-share";
    expect(problems(config)).toEqual([
      `${FILE}:methods.sectionProductivity: found "wage"; expected "tier" under provincial-share employment ("wage" needs provincial-tier employment): set "employment": "provincial-tier" or remove sectionProductivity`
    ]);
  });

  it("keeps the evidence from the published paper out of a region's definition, which readers see", () => {
    const config = real();
    config.regions[1]!.definition = "广东全省（已公布的5177.36亿元与广东省数值一致；推断）";
    expect(problems(config)).toEqual([
      `${FILE}:regions.1.definition: found "广东全省（已公布的5177.36亿元与广东省数值一致；推断）"; expected the members as a reader reads them, without evidence from the published paper (已公布/推断/原书/复现): move that to the region's \`inference\`, which only the 复现对照 page shows`
    ]);
  });
});
