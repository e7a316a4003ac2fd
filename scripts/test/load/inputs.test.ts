import {rm, writeFile, readFile} from "node:fs/promises";
import path from "node:path";
import {afterAll, afterEach, beforeEach, describe, expect, it, vi, type MockInstance} from "vitest";
import {DataError} from "../../lib/errors.ts";
import {DATA_FILES} from "../../load/data-files.ts";
import {readEditionConfig, type EditionConfig} from "../../load/edition.ts";
import {loadInputs} from "../../load/inputs.ts";
import {SECTION_CODES} from "../../model/inputs.ts";
import {copyData, dropLines, editCell, editFile, removeDataCopies, REPO_ROOT, useFixture} from "./data-copy.ts";

let stderr: MockInstance;
beforeEach(() => {
  stderr = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
});
afterEach(() => stderr.mockRestore());
afterAll(removeDataCopies);

const config2020 = () => readEditionConfig(REPO_ROOT, 2020);
const config2022 = () => readEditionConfig(REPO_ROOT, 2022);

/** The DataError message of loading `root` (fails the test when the load succeeds). */
async function loadError(root: string, config?: EditionConfig): Promise<string> {
  try {
    await loadInputs(root, config ?? (await config2020()));
  } catch (error) {
    expect(error).toBeInstanceOf(DataError);
    return (error as DataError).message;
  }
  throw new Error("expected the load to fail");
}

function warnings(): string[] {
  return stderr.mock.calls.map((call) => String(call[0])).filter((line) => line.startsWith("warning: "));
}

describe("loadInputs(root, config) on the committed data", () => {
  it("returns the typed inputs of the 2020 edition, with no year after 2019", async () => {
    const config = await config2020();
    const inputs = await loadInputs(REPO_ROOT, config);

    expect(inputs.sections.map((s) => s.code)).toEqual([...SECTION_CODES]);
    expect(inputs.io.sectors).toHaveLength(149);
    expect(inputs.io.intermediate).toBeInstanceOf(Float64Array);
    expect(inputs.io.intermediate).toHaveLength(149 * 149);
    expect(inputs.relatedSubsectors.map((r) => r.ioCode)).toEqual([
      "088",
      "089",
      "090",
      "091",
      "092",
      "093",
      "121",
      "122",
      "123",
      "124",
      "125"
    ]);
    expect(inputs.provinces).toHaveLength(31);
    expect(inputs.observed.find((o) => o.metric === "gdp_growth_assumption")?.value).toBe(3.5);
    expect(inputs.policies.national).toHaveLength(10);
    expect(inputs.policies.provincial).toHaveLength(21);

    const yearly = [
      inputs.sectionValueAdded,
      inputs.nationalAccounts,
      inputs.nationalEmployment,
      inputs.provincialAccounts,
      inputs.provincialEmployment,
      inputs.provincialMainEmployment,
      inputs.macro
    ];
    for (const series of yearly) expect(Math.max(...series.map((r) => r.year))).toBe(2019);
    expect(Math.min(...inputs.macro.map((r) => r.year))).toBe(2007);
    expect(Math.min(...inputs.provincialAccounts.map((r) => r.year))).toBe(2016);
    expect(inputs.nationalEmployment.map((r) => r.total)).toEqual([77640, 77586, 77471]);
  });

  it("names manifest ids for every series, and every id exists", async () => {
    const inputs = await loadInputs(REPO_ROOT, await config2022());
    const ids = new Set(inputs.sources.map((s) => s.id));
    for (const [series, sourceIds] of Object.entries(inputs.seriesSources)) {
      if (series !== "policies") expect(sourceIds.length, series).toBeGreaterThan(0);
      for (const id of sourceIds) expect(ids.has(id), id).toBe(true);
    }
    for (const o of inputs.observed) expect(ids.has(o.source), o.source).toBe(true);
    expect(inputs.policies).toEqual({national: [], provincial: []});
  });

  it("splits the related products across segments with shares summing to 1", async () => {
    const inputs = await loadInputs(REPO_ROOT, await config2022());
    for (const r of inputs.relatedSubsectors) {
      expect(r.segments.reduce((sum, s) => sum + s.share, 0)).toBeCloseTo(1, 12);
      expect(r.segments.map((s) => s.segment)).toContain(r.segment);
    }
    expect(inputs.relatedSubsectors.find((r) => r.ioCode === "124")?.segment).toBe("platform");
  });

  it("prints one warning per estimated series it uses, and the segment warning only when segments are published", async () => {
    await loadInputs(REPO_ROOT, await config2020());
    const first = warnings();
    expect(new Set(first).size).toBe(first.length);
    expect(
      first.some((line) => line.includes("provincial tier value added is estimated (data/provincial/accounts.csv:"))
    ).toBe(true);
    expect(first.some((line) => line.includes("see data/README.md"))).toBe(true);
    expect(first.some((line) => line.includes("related-subsectors"))).toBe(false);
    stderr.mockClear();
    await loadInputs(REPO_ROOT, await config2022());
    expect(warnings().some((line) => line.includes("data/concordance/related-subsectors.csv"))).toBe(true);
  });

  it("accepts and strips a UTF-8 byte-order mark", async () => {
    const root = await copyData();
    await editFile(root, DATA_FILES.nationalAccounts, (text) => `\uFEFF${text}`);
    const inputs = await loadInputs(root, await config2020());
    const reference = await loadInputs(REPO_ROOT, await config2020());
    expect(inputs.nationalAccounts).toEqual(reference.nationalAccounts);
  });
});

describe("loadInputs(root, config) on bad data", () => {
  it("reports a missing file", async () => {
    const root = await copyData();
    await rm(path.join(root, DATA_FILES.macro));
    expect(await loadError(root)).toContain(
      "data/national/macro.csv: expected a file here, but it is missing (regenerate data/ with npm run import-data)"
    );
  });

  it("reports a missing column on the header line", async () => {
    const root = await copyData();
    await editFile(root, DATA_FILES.nationalAccounts, (text) => text.replace("year,gdp,", "year,gdb,"));
    expect(await loadError(root)).toContain(
      'data/national/accounts.csv:1:gdp: expected a column named "gdp" in the header'
    );
  });

  it("reports a non-numeric cell as file:line:column with the value found", async () => {
    const root = await copyData();
    await editCell(root, DATA_FILES.nationalAccounts, 5, "gdp", "abc");
    expect((await loadError(root)).split("\n")).toContain(
      'data/national/accounts.csv:5:gdp: found "abc"; expected a number'
    );
  });

  it("refuses a number too large for a double where it is written, not later in the model", async () => {
    const root = await copyData();
    await editCell(root, DATA_FILES.nationalAccounts, 5, "gdp", "1e400");
    expect((await loadError(root)).split("\n")).toContain(
      'data/national/accounts.csv:5:gdp: found "1e400"; expected a finite number (at most about 1.8e308)'
    );
  });

  it("reports a negative output of the IO table", async () => {
    const root = await copyData();
    await editCell(root, DATA_FILES.ioSectors, 2, "output", "-1");
    expect(await loadError(root)).toContain(
      'data/io/io2017_149_sectors.csv:2:output: found "-1"; expected a non-negative number'
    );
  });

  it("reports an IO column (and row) that does not balance", async () => {
    const root = await copyData();
    // Line 2 is supplier 001; column 003 of it gains 1e9 万元.
    await editCell(root, DATA_FILES.ioIntermediate, 2, "003", "1000000000");
    const message = await loadError(root);
    expect(message).toMatch(
      /data\/io\/io2017_149_sectors\.csv:4:intermediate_input: found "[\d.]+"; expected the sum of column 003 of data\/io\/io2017_149_intermediate\.csv/
    );
    expect(message).toMatch(
      /data\/io\/io2017_149_sectors\.csv:2:intermediate_use: found "[\d.]+"; expected the sum of row 001/
    );
  });

  it("reports a sector whose output is not intermediate input + value added", async () => {
    const root = await copyData();
    await editCell(root, DATA_FILES.ioSectors, 10, "value_added", "1");
    expect(await loadError(root)).toMatch(
      /io2017_149_sectors\.csv:10:output: found "[\d.]+"; expected intermediate_input \+ value_added/
    );
  });

  /** Raises the diagonal flow of sector 001 (line 2 of both files) until its technical coefficients sum to `target`. */
  async function setCoefficientSum(root: string, target: number): Promise<void> {
    const sectors = (await readFile(path.join(root, DATA_FILES.ioSectors), "utf8")).split("\n");
    const header = sectors[0]!.split(",");
    const row = sectors[1]!.split(",");
    const output = Number(row[header.indexOf("output")]);
    const input = Number(row[header.indexOf("intermediate_input")]);
    const matrix = (await readFile(path.join(root, DATA_FILES.ioIntermediate), "utf8")).split("\n");
    const diagonal = Number(matrix[1]!.split(",")[matrix[0]!.split(",").indexOf("001")]);
    const needed = target * output - input;
    await editCell(root, DATA_FILES.ioIntermediate, 2, "001", String(diagonal + needed));
    // Keep the accounting identities, so that only the economic check speaks.
    await editCell(root, DATA_FILES.ioSectors, 2, "intermediate_input", String(input + needed));
    await editCell(root, DATA_FILES.ioSectors, 2, "value_added", String(output - (input + needed)));
    await editCell(
      root,
      DATA_FILES.ioSectors,
      2,
      "intermediate_use",
      String(Number(row[header.indexOf("intermediate_use")]) + needed)
    );
  }

  it("refuses a sector that uses more inputs than it produces (column sum ≥ 1, value added < 0)", async () => {
    const root = await copyData();
    await setCoefficientSum(root, 1.3);
    const message = await loadError(root);
    expect(message).toMatch(
      /data\/io\/io2017_149_intermediate\.csv:1:001: found "1\.3(0*\d?)?"; expected technical coefficients of sector 001 农产品/
    );
    expect(message).toMatch(
      /io2017_149_sectors\.csv:2:value_added: found "-[\d.e+]+"; expected value added ≥ 0 for sector 001 农产品/
    );
  });

  it("refuses an exactly singular and a nearly singular Leontief system, naming the product code", async () => {
    for (const target of [1, 1 - 1e-12]) {
      const root = await copyData();
      await setCoefficientSum(root, target);
      expect(await loadError(root)).toMatch(
        /io2017_149_intermediate\.csv:1:001: found "(1|0\.9+\d*)"; expected technical coefficients of sector 001 农产品 .* summing below 0\.99/
      );
    }
  });

  it("refuses a negative intermediate flow", async () => {
    const root = await copyData();
    await editCell(root, DATA_FILES.ioIntermediate, 3, "005", "-5");
    expect(await loadError(root)).toContain(
      'data/io/io2017_149_intermediate.csv:3:005: found "-5"; expected a flow ≥ 0'
    );
  });

  it("reports a duplicate sector code", async () => {
    const root = await copyData();
    await editCell(root, DATA_FILES.ioSectors, 3, "code", "001");
    expect(await loadError(root)).toContain(
      'data/io/io2017_149_sectors.csv:3:code: found "001"; expected a sector code used once (already on line 2)'
    );
  });

  it("reports an unknown sector code", async () => {
    const root = await copyData();
    await editCell(root, DATA_FILES.relatedSubsectors, 2, "io_code", "999");
    expect(await loadError(root)).toContain(
      'data/concordance/related-subsectors.csv:2:io_code: found "999"; expected a product code of data/io/io2017_149_sectors.csv'
    );
  });

  it("reports an unknown province id", async () => {
    const root = await copyData();
    await editCell(root, DATA_FILES.provincialAccounts, 2, "province", "peking");
    expect(await loadError(root)).toContain(
      'data/provincial/accounts.csv:2:province: found "peking"; expected a province id of data/concordance/provinces.csv'
    );
  });

  it("reports a duplicated province", async () => {
    const root = await copyData();
    await editCell(root, DATA_FILES.provinces, 3, "id", "beijing");
    expect(await loadError(root)).toContain(
      'data/concordance/provinces.csv:3:id: found "beijing"; expected a province id used once (already on line 2)'
    );
  });

  it("reports a year the edition needs but the file lacks", async () => {
    const root = await copyData();
    await dropLines(root, DATA_FILES.nationalAccounts, (line) => line.startsWith("2019,"));
    expect(await loadError(root)).toContain(
      "data/national/accounts.csv:year: expected a row for 2019 (the 2020 edition needs 2007–2019)"
    );
  });

  it("reports a section missing from a year of wages, and a wage that is not positive", async () => {
    const missing = await copyData();
    await dropLines(missing, DATA_FILES.sectionWages, (line) => line.startsWith("2021,C,"));
    expect(await loadError(missing, await config2022())).toContain(
      'data/national/section-wages.csv:section: found "C"; expected a row for section C in 2021'
    );
    const zero = await copyData();
    await editCell(zero, DATA_FILES.sectionWages, 2, "value", "0");
    expect(await loadError(zero, await config2022())).toContain(
      'data/national/section-wages.csv:2:value: found "0"; expected a positive number'
    );
  });

  it("asks for a year of wages when the edition divides by wages and the file has none up to its last data year", async () => {
    const root = await copyData();
    await dropLines(root, DATA_FILES.sectionWages, (line) => line.startsWith("2021,"));
    expect(await loadError(root, await config2022())).toContain(
      'data/national/section-wages.csv:year: expected the 19 sections\' wages of a year up to 2021 (the 2022 edition sets methods.sectionProductivity "wage")'
    );
    // The 2020 edition does not divide by wages: the same file is no problem for it.
    await expect(loadInputs(root, await config2020())).resolves.toBeDefined();
  });

  it("warns when the last data year has no wage table, naming the table that is used and where to add the new one", async () => {
    await loadInputs(REPO_ROOT, await config2022());
    expect(warnings().some((line) => line.includes("section-wages"))).toBe(false);
    const root = await copyData();
    await dropLines(root, DATA_FILES.sectionWages, (line) => line.startsWith("2022,"));
    const config = await config2022();
    await loadInputs(root, {...config, dataYears: [2017, 2022], forecastYear: 2023});
    expect(warnings()).toContain(
      "warning: data/national/section-wages.csv: no wage table for 2022; the 2022 edition uses 2021's (add NBS's 城镇单位就业人员平均工资 表2 to scripts/import/supplements/section-wages.csv and run npm run import-data)\n"
    );
  });

  it("reports an empty file", async () => {
    const root = await copyData();
    await writeFile(path.join(root, DATA_FILES.nationalEmployment), "");
    expect(await loadError(root)).toContain(
      "data/national/employment.csv: expected a header row and data rows, but the file is empty"
    );
  });

  it("reports a GBK file with its first bad line", async () => {
    const root = await copyData();
    await useFixture(root, DATA_FILES.provinces, "gbk/provinces.csv");
    expect(await loadError(root)).toMatch(
      /^data\/concordance\/provinces\.csv:2: found "beijing,110000,北京,北京市,京[^"]*"; expected UTF-8 text \(the file looks like GBK\/GB18030; re-save it as UTF-8\)$/m
    );
  });

  it("reports tiers that do not add up, and sections that do not add up to GDP", async () => {
    const root = await copyData();
    await editCell(root, DATA_FILES.provincialAccounts, 2, "primary", "99999");
    await editCell(root, DATA_FILES.sectionValueAdded, 3, "value", "1");
    const message = await loadError(root);
    expect(message).toMatch(
      /data\/provincial\/accounts\.csv:2:gdp: found "[\d.]+"; expected primary \+ secondary \+ tertiary/
    );
    expect(message).toContain(
      "expected the 19 sections of 2017 to add up to GDP 832035.9 of data/national/accounts.csv within 0.01 %"
    );
  });

  it("reports region members that are not provinces", async () => {
    const config = await config2020();
    const broken = {...config, regions: [{...config.regions[0]!, provinces: ["beijing", "hongkong"]}]};
    expect(await loadError(REPO_ROOT, broken)).toContain(
      'data/editions/2020.json:regions.0.provinces.1: found "hongkong"; expected a province id'
    );
  });

  it("collects the problems of every file into one error, in file order, showing the first 20", async () => {
    const root = await copyData();
    await editCell(root, DATA_FILES.macro, 2, "capital", "x");
    await editCell(root, DATA_FILES.sections, 2, "tier", "quaternary");
    await editFile(root, DATA_FILES.provincialEmployment, (text) => text.replaceAll(",true,", ",yes,"));
    const message = await loadError(root);
    const lines = message.split("\n");
    expect(lines[0]).toBe(
      'data/concordance/sections.csv:2:tier: found "quaternary"; expected one of primary, secondary, tertiary'
    );
    expect(lines).toContain('data/national/macro.csv:2:capital: found "x"; expected a number');
    expect(lines).toHaveLength(21);
    expect(lines[20]).toMatch(/^…and \d+ more$/);
  });
});

describe("the 2022 edition needs its later years", () => {
  it("reports missing 2021 provincial rows", async () => {
    const root = await copyData();
    await dropLines(root, DATA_FILES.provincialAccounts, (line) => line.includes(",2021,") || line.includes(",2022,"));
    expect(await loadError(root, await config2022())).toContain(
      "data/provincial/accounts.csv:year: expected rows for 2021 (the 2022 edition needs 2016–2021)"
    );
  });

  it("keeps the committed file readable as UTF-8 without a byte-order mark", async () => {
    const bytes = await readFile(path.join(REPO_ROOT, DATA_FILES.nationalAccounts));
    expect(bytes[0]).not.toBe(0xef);
  });
});
