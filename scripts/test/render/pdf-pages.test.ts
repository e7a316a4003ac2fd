/**
 * The page of each contents target, read from a PDF's named destinations: the small structure reader and pdf.js
 * agree on hand-made PDFs (destinations dictionary, name tree, nested page tree, escaped names), a file the small
 * reader does not understand goes to pdf.js, and the TOC numbers' helpers and cache reject what they must.
 */
import {Buffer} from "node:buffer";
import {mkdtemp, readFile, rm, writeFile} from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {BuildError} from "../../lib/errors.ts";
import {parsePdfDestinations, pdfJsDestinations, readPdfDestinations} from "../../render/pdf/pdf-destinations.ts";
import {readTocCache, sameNumbers, targetPages, validTocCache, writeTocCache} from "../../render/pdf/toc-numbers.ts";

/** A PDF with a classic cross-reference table; objects[i] is object i + 1. */
function buildPdf(objects: string[], options: {startxrefShift?: number} = {}): Uint8Array {
  let out = "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n";
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) out += `${String(offset).padStart(10, "0")} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref + (options.startxrefShift ?? 0)}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, "latin1"));
}

const page = (parent: number) => `<< /Type /Page /Parent ${parent} 0 R /MediaBox [0 0 595 842] >>`;

/** Pages in order: 3, 5, 6 (5 and 6 under a nested /Pages node). */
const PAGE_TREE = [
  "<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 3 >>",
  page(2),
  "<< /Type /Pages /Parent 2 0 R /Kids [5 0 R 6 0 R] /Count 2 >>",
  page(4),
  page(4)
];

const WITH_DESTS_DICT = buildPdf([
  "<< /Type /Catalog /Pages 2 0 R /Dests 7 0 R >>",
  ...PAGE_TREE,
  // As Chromium writes it: name → [page /XYZ left top zoom]; plus the other forms the standard allows.
  "<< /chapter-a [6 0 R /XYZ 0 841.92 0] /fig#2Db [5 0 R /Fit] /print-lof << /D [3 0 R /XYZ 0 0 0] >> /indirect 8 0 R >>",
  "[5 0 R /FitH 100]"
]);

const WITH_NAME_TREE = buildPdf([
  "<< /Type /Catalog /Pages 2 0 R /Names << /Dests 7 0 R >> >>",
  ...PAGE_TREE,
  "<< /Kids [8 0 R 9 0 R] >>",
  "<< /Names [(chapter-a) [6 0 R /Fit] (fig\\055b) [5 0 R /Fit]] /Limits [(chapter-a) (fig-b)] >>",
  // A UTF-16BE key ("é") and a hex-string key ("print-lof").
  "<< /Names [<FEFF00E9> [3 0 R /Fit] <7072696E742D6C6F66> [3 0 R /Fit]] >>"
]);

describe("parsePdfDestinations (the small structure reader)", () => {
  it("reads the catalog's /Dests dictionary through a nested page tree", () => {
    expect(parsePdfDestinations(WITH_DESTS_DICT)).toEqual({
      pages: 3,
      destinations: {"chapter-a": 3, "fig-b": 2, "print-lof": 1, indirect: 2},
      // The height on the page of the /XYZ destinations (the others give none).
      tops: {"chapter-a": 841.92, "print-lof": 0}
    });
  });

  it("reads a /Names /Dests name tree with text-string keys", () => {
    expect(parsePdfDestinations(WITH_NAME_TREE)).toEqual({
      pages: 3,
      destinations: {"chapter-a": 3, "fig-b": 2, é: 1, "print-lof": 1},
      tops: {}
    });
  });

  it("agrees with pdf.js", async () => {
    for (const pdf of [WITH_DESTS_DICT, WITH_NAME_TREE])
      expect(await pdfJsDestinations(pdf)).toEqual(parsePdfDestinations(pdf));
  });

  it("refuses a file whose cross-reference table is not where startxref says", () => {
    expect(() =>
      parsePdfDestinations(buildPdf(["<< /Type /Catalog /Pages 2 0 R >>", ...PAGE_TREE], {startxrefShift: 7}))
    ).toThrow();
  });
});

describe("readPdfDestinations", () => {
  it("answers with the structure reader when it can", async () => {
    expect((await readPdfDestinations(WITH_DESTS_DICT)).reader).toBe("structure");
  });

  it("falls back to pdf.js (which repairs the cross-reference table) when the structure reader cannot", async () => {
    const broken = buildPdf(
      ["<< /Type /Catalog /Pages 2 0 R /Dests 7 0 R >>", ...PAGE_TREE, "<< /chapter-a [6 0 R /Fit] >>"],
      {startxrefShift: 7}
    );
    expect(await readPdfDestinations(broken)).toEqual({
      pages: 3,
      destinations: {"chapter-a": 3},
      tops: {},
      reader: "pdf.js"
    });
  });
});

describe("TOC numbers", () => {
  it("takes the page of each target and names the targets without a destination", () => {
    expect(targetPages({a: 3, b: 5, other: 9}, ["a", "b"], "print.html")).toEqual({a: 3, b: 5});
    expect(() => targetPages({a: 3}, ["a", "b", "c"], "print.html")).toThrow(BuildError);
    expect(() => targetPages({a: 3}, ["a", "b", "c"], "print.html")).toThrow(/no destination for b, c/);
  });

  it("compares two sets of numbers key by key", () => {
    expect(sameNumbers({a: 1, b: 2}, {b: 2, a: 1})).toBe(true);
    expect(sameNumbers({a: 1, b: 2}, {a: 1, b: 3})).toBe(false);
    expect(sameNumbers({a: 1}, {a: 1, b: 2})).toBe(false);
  });

  it("accepts a cache only for exactly the same targets, with page numbers", () => {
    const targets = ["a", "b"];
    expect(validTocCache({version: 1, targets: {a: 3, b: 4}}, targets)).toEqual({a: 3, b: 4});
    expect(validTocCache({version: 1, targets: {a: 3}}, targets)).toBeUndefined();
    expect(validTocCache({version: 1, targets: {a: 3, b: 4, c: 5}}, targets)).toBeUndefined();
    expect(validTocCache({version: 1, targets: {a: 3, c: 4}}, targets)).toBeUndefined();
    expect(validTocCache({version: 1, targets: {a: 3, b: "4"}}, targets)).toBeUndefined();
    expect(validTocCache({version: 1, targets: {a: 0, b: 4}}, targets)).toBeUndefined();
    expect(validTocCache({version: 1, targets: {a: 3.5, b: 4}}, targets)).toBeUndefined();
    expect(validTocCache({version: 2, targets: {a: 3, b: 4}}, targets)).toBeUndefined();
    expect(validTocCache([3, 4], targets)).toBeUndefined();
    expect(validTocCache(null, targets)).toBeUndefined();
  });

  describe("cache file", () => {
    let dir: string;
    beforeAll(async () => {
      dir = await mkdtemp(path.join(os.tmpdir(), "baipishu-toc-cache-"));
    });
    afterAll(async () => {
      await rm(dir, {recursive: true, force: true});
    });

    it("round-trips, and reads a missing or broken file as no cache", async () => {
      const file = path.join(dir, "nested", "toc-2022.json");
      expect(await readTocCache(file, ["a"])).toBeUndefined();
      await writeTocCache(file, {a: 3, b: 7});
      expect(await readTocCache(file, ["a", "b"])).toEqual({a: 3, b: 7});
      expect(await readTocCache(file, ["a"])).toBeUndefined();
      await writeFile(file, "{not json");
      expect(await readTocCache(file, ["a", "b"])).toBeUndefined();
    });

    it("never fails the build when the cache cannot be written", async () => {
      const blocker = path.join(dir, "a-file");
      await writeFile(blocker, "x");
      await expect(writeTocCache(path.join(blocker, "toc.json"), {a: 1})).resolves.toBeUndefined();
      expect(await readFile(blocker, "utf8")).toBe("x");
    });
  });
});
