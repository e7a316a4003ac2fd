import {readdir, readFile, rm} from "node:fs/promises";
import path from "node:path";
import {afterAll, describe, expect, it} from "vitest";
import {DataError, ProblemList, formatProblem} from "../../lib/errors.ts";
import {decodeUtf8, parseCsvText} from "../../load/csv.ts";
import {DATA_FILES} from "../../load/data-files.ts";
import {loadManifest, parseManifest} from "../../load/manifest.ts";
import {loadPublished, parsePublished} from "../../load/published.ts";
import {copyData, editFile, removeDataCopies, REPO_ROOT} from "./data-copy.ts";

afterAll(removeDataCopies);

async function listFiles(dir: string, prefix = ""): Promise<string[]> {
  const entries = await readdir(dir, {withFileTypes: true});
  const files: string[] = [];
  for (const entry of entries) {
    const relative = path.posix.join(prefix, entry.name);
    if (entry.isDirectory()) files.push(...(await listFiles(path.join(dir, entry.name), relative)));
    else files.push(relative);
  }
  return files;
}

describe("loadPublished(root, edition)", () => {
  it("reads every published record of both editions", async () => {
    const records2020 = await loadPublished(REPO_ROOT, 2020);
    const records2022 = await loadPublished(REPO_ROOT, 2022);
    expect(records2020).toHaveLength(395);
    expect(records2022).toHaveLength(260);
    expect(records2020[1]).toMatchObject({
      metric: "iiot_value_added",
      scope: "national",
      entity: "china",
      year: 2019,
      value: 3.41,
      unit: "万亿元"
    });
    expect(records2020.some((r) => r.when === "2020-03-31")).toBe(true);
  });

  it("gives no published numbers, not an error, for an edition not yet published", async () => {
    const root = await copyData();
    await rm(path.join(root, "data/published/2022.jsonl"));
    expect(await loadPublished(root, 2022)).toEqual([]);
  });

  it("names the line and field of a bad record", async () => {
    const root = await copyData();
    await editFile(root, "data/published/2020.jsonl", (text) => text.replace('"value": 3.41,', '"value": "3.41",'));
    await expect(loadPublished(root, 2020)).rejects.toThrow(
      'data/published/2020.jsonl:2:value: found "3.41"; expected a number (not a string)'
    );
  });

  it("reports lines that are not JSON and records of another edition", () => {
    const problems = new ProblemList();
    parsePublished('{"edition": 2020\n', "x.jsonl", 2020, problems);
    expect(formatProblem(problems.items[0]!)).toMatch(/^x\.jsonl:1: found "\{"edition": 2020"; expected a JSON object/);
  });
});

describe("data/manifest.json and data/README.md", () => {
  it("has an entry for every data file, and every entry's file exists", async () => {
    const sources = await loadManifest(REPO_ROOT);
    const described = new Set(sources.map((s) => s.file));
    const files = (await listFiles(path.join(REPO_ROOT, "data")))
      .map((f) => `data/${f}`)
      .filter(
        (f) =>
          !f.startsWith("data/editions/") &&
          !f.startsWith("data/params/") &&
          f !== DATA_FILES.manifest &&
          f !== DATA_FILES.readme
      );
    for (const file of files) expect(described.has(file), file).toBe(true);
    for (const file of described) expect(files, file).toContain(file);
  });

  it("documents every file and every manifest id in data/README.md", async () => {
    const readme = await readFile(path.join(REPO_ROOT, DATA_FILES.readme), "utf8");
    for (const source of await loadManifest(REPO_ROOT)) {
      expect(readme).toContain(`\`${source.file}\``);
      expect(readme).toContain(`\`${source.id}\``);
      if (source.estimated) expect(readme).toContain(source.estimate ?? "");
    }
  });

  it("reports a manifest entry with a missing field by its JSON path", () => {
    const problems = new ProblemList();
    parseManifest(JSON.stringify({sources: [{id: "x", file: "data/x.csv"}]}), "data/manifest.json", problems);
    expect(problems.items.map(formatProblem)).toContain(
      "data/manifest.json:sources.0.title: expected a non-empty text"
    );
  });

  it("throws a DataError when the manifest is not JSON", async () => {
    const root = await copyData();
    await editFile(root, DATA_FILES.manifest, (text) => text.slice(0, 100));
    await expect(loadManifest(root)).rejects.toBeInstanceOf(DataError);
  });
});

describe("parseCsvText and decodeUtf8", () => {
  const options = {columns: ["a", "b"]};

  it("strips a byte-order mark silently", () => {
    const problems = new ProblemList();
    const text = decodeUtf8(new TextEncoder().encode("\uFEFFa,b\n1,2\n"), "f.csv", problems);
    expect(parseCsvText(text!, "f.csv", options, problems)?.header).toEqual(["a", "b"]);
    expect(problems.size).toBe(0);
  });

  it("reports a row with the wrong number of fields and a repeated column", () => {
    const problems = new ProblemList();
    parseCsvText("a,b\n1,2,3\n", "f.csv", options, problems);
    parseCsvText("a,b,a\n1,2,3\n", "g.csv", options, problems);
    expect(problems.items.map(formatProblem)).toEqual([
      'f.csv:2: found "1,2,3"; expected 2 fields like the header (found 3)',
      'g.csv:1:a: found "a"; expected a column name used once in the header'
    ]);
  });

  it("reports a header-only file unless rows are optional", () => {
    const problems = new ProblemList();
    expect(parseCsvText("a,b\n", "f.csv", options, problems)).toBeUndefined();
    expect(parseCsvText("a,b\n", "f.csv", {...options, allowNoRows: true}, problems)?.rows).toEqual([]);
    expect(problems.items.map(formatProblem)).toEqual(["f.csv:2: expected at least one data row after the header"]);
  });

  it("reports bytes that are not UTF-8 without claiming GBK when they are not GBK either", () => {
    const problems = new ProblemList();
    expect(decodeUtf8(Uint8Array.from([0x61, 0x0a, 0xff, 0xff, 0xff]), "f.csv", problems)).toBeUndefined();
    expect(problems.items[0]).toMatchObject({
      file: "f.csv",
      row: 2,
      expected: "UTF-8 text (the file is not valid UTF-8; re-save it as UTF-8)"
    });
  });
});
