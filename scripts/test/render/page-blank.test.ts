/**
 * The blank-share measure on hand-made bitmaps (a 297-row page, so one row is one millimetre: the text area is the
 * 251 rows 24–274) and the page roles on a small contents.
 */
import {describe, expect, it} from "vitest";
import {blankShare, isRunt, MIN_LAST_PAGE_FILL, pageRoles, parsePgm} from "../../render/pdf/page-blank.ts";

/** A 10 × 297 white page with black rows at the given indices, as pdftoppm -gray writes it. */
function page(inkRows: number[]): Uint8Array {
  const header = new TextEncoder().encode("P5\n# pdftoppm\n10 297\n255\n");
  const pixels = new Uint8Array(10 * 297).fill(255);
  for (const row of inkRows) pixels.fill(0, row * 10, row * 10 + 10);
  return new Uint8Array([...header, ...pixels]);
}

describe("blankShare", () => {
  it("is the share of the text area below the last inked row", () => {
    // Ink down to row 149 leaves rows 150..274 of the text area empty: 125 of 251.
    expect(blankShare(parsePgm(page([30, 149])))).toBeCloseTo(125 / 251, 6);
    expect(blankShare(parsePgm(page([30, 274])))).toBe(0);
  });

  it("ignores the running header and footer in the margins, and calls an empty text area 1", () => {
    expect(blankShare(parsePgm(page([10, 290])))).toBe(1);
    expect(blankShare(parsePgm(page([10, 100, 290])))).toBeCloseTo(174 / 251, 6);
  });

  it("refuses what is not an 8-bit binary PGM, saying what it found", () => {
    expect(() => parsePgm(new TextEncoder().encode("P2\n1 1\n255\n0"))).toThrow(/found header "P2 1 1 255"/);
  });
});

describe("pageRoles", () => {
  it("exempts the front matter, each chapter's last page and the last page", () => {
    const roles = pageRoles(9, {preface: 3, overview: 4, outlook: 8});
    expect(roles.filter((r) => r.exempt).map((r) => r.page)).toEqual([1, 2, 3, 7, 9]);
    expect(roles.map((r) => r.chapter ?? "")).toEqual([
      "",
      "",
      "preface",
      "overview",
      "overview",
      "overview",
      "overview",
      "outlook",
      "outlook"
    ]);
  });
  it("marks the last page of a chapter longer than a page as a chapter end, and a short one as a runt", () => {
    const roles = pageRoles(9, {preface: 3, overview: 4, outlook: 8});
    // The preface is one page (its last page is its first); the overview ends on 7, the outlook on 9.
    expect(roles.filter((r) => r.chapterEnd).map((r) => r.page)).toEqual([7, 9]);
    const end = roles[6]!;
    expect(isRunt({...end, blank: 1 - MIN_LAST_PAGE_FILL / 2})).toBe(true);
    expect(isRunt({...end, blank: 1 - 2 * MIN_LAST_PAGE_FILL})).toBe(false);
    expect(isRunt({...roles[2]!, blank: 0.95})).toBe(false);
  });
});
