/**
 * @fileoverview How much of each printed page is left empty. A page is rendered to a grey-scale bitmap (poppler's
 * pdftoppm, PGM), and its blank share is the part of the text area below the last inked row: a page whose figure
 * was pushed to the next page ends early and shows it. The running header and footer sit in the page margins and
 * are not counted.
 *
 * Which pages may end early: the front matter (cover, contents, list of figures) and the last page of every chapter.
 * Every other page should be filled; issue 12 sets the bar at 35 % blank.
 */
import {execFile} from "node:child_process";
import {mkdtemp, readdir, readFile, rm} from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import {promisify} from "node:util";
import {BuildError} from "../../lib/errors.ts";
import {readPdfDestinations} from "./pdf-destinations.ts";

/** A page may be at most this blank unless it ends a chapter or belongs to the front matter. */
export const MAX_BLANK_SHARE = 0.35;

/**
 * A chapter's last page, when the chapter runs over more than one page, should hold at least this share of a page
 * (about five lines of text): a page with only the last line or two of a chapter's notes is a runt that no
 * typesetter would print.
 */
export const MIN_LAST_PAGE_FILL = 0.12;

/** The page box of print.css (A4, margins 24 mm top and 22 mm bottom), in millimetres: one home for its geometry. */
export const PRINT_PAGE_MM = {height: 297, marginTop: 24, marginBottom: 22} as const;
const {height: PAGE_HEIGHT_MM, marginTop: MARGIN_TOP_MM, marginBottom: MARGIN_BOTTOM_MM} = PRINT_PAGE_MM;
/** A grey level below this is ink (0 black, 255 white): anti-aliased text and light chart fills count. */
const INK_BELOW = 235;

export interface GreyImage {
  width: number;
  height: number;
  /** Row-major grey levels, one byte per pixel. */
  pixels: Uint8Array;
}

/** Parses a binary PGM (P5, 8 bit) as pdftoppm -gray writes it. */
export function parsePgm(data: Uint8Array): GreyImage {
  const fields: string[] = [];
  let at = 0;
  // Header: magic, width, height, maxval, separated by whitespace, with # comments; one whitespace byte, then pixels.
  while (fields.length < 4 && at < data.length) {
    const byte = data[at]!;
    if (byte === 0x23) {
      while (at < data.length && data[at] !== 0x0a) at++;
    } else if (/\s/.test(String.fromCharCode(byte))) {
      at++;
    } else {
      let field = "";
      while (at < data.length && !/\s/.test(String.fromCharCode(data[at]!))) field += String.fromCharCode(data[at++]!);
      fields.push(field);
    }
  }
  const [magic, width, height, maxval] = [fields[0], Number(fields[1]), Number(fields[2]), Number(fields[3])];
  if (magic !== "P5" || !Number.isInteger(width) || !Number.isInteger(height) || maxval !== 255)
    throw new Error(`not an 8-bit binary PGM (found header "${fields.join(" ")}"; expected "P5 <width> <height> 255")`);
  const pixels = data.subarray(at + 1, at + 1 + width * height);
  if (pixels.length !== width * height)
    throw new Error(`PGM data is short: ${pixels.length} of ${width * height} bytes`);
  return {width, height, pixels};
}

/** Share (0–1) of the page's text area below its last inked row; 1 for a page with nothing in its text area. */
export function blankShare(image: GreyImage): number {
  const top = Math.round((MARGIN_TOP_MM / PAGE_HEIGHT_MM) * image.height);
  const bottom = Math.round(((PAGE_HEIGHT_MM - MARGIN_BOTTOM_MM) / PAGE_HEIGHT_MM) * image.height);
  for (let row = bottom - 1; row >= top; row--) {
    const line = image.pixels.subarray(row * image.width, (row + 1) * image.width);
    if (line.some((grey) => grey < INK_BELOW)) return (bottom - 1 - row) / (bottom - top);
  }
  return 1;
}

export interface PageBlank {
  /** 1-based page number. */
  page: number;
  blank: number;
  /** Front matter or a chapter's last page: allowed to end early. */
  exempt: boolean;
  /** A chapter's last page that is not also its first: it should hold at least MIN_LAST_PAGE_FILL of a page. */
  chapterEnd: boolean;
  /** The chapter the page belongs to (its destination id without "chapter-"), if any. */
  chapter?: string;
}

/**
 * Which pages end a part of the paper: every page before the first chapter, the page before each chapter's first,
 * and the last page. `chapterStarts` maps chapter id → its first page.
 */
export function pageRoles(
  pages: number,
  chapterStarts: Record<string, number>
): Pick<PageBlank, "page" | "exempt" | "chapterEnd" | "chapter">[] {
  const starts = Object.entries(chapterStarts).sort((a, b) => a[1] - b[1]);
  const firstChapter = starts[0]?.[1] ?? pages + 1;
  const lastPages = new Set([...starts.map(([, start]) => start - 1), pages]);
  const firstPages = new Set(starts.map(([, start]) => start));
  return Array.from({length: pages}, (_, index) => {
    const page = index + 1;
    const chapter = starts.filter(([, start]) => start <= page).at(-1)?.[0];
    const exempt = page < firstChapter || lastPages.has(page);
    const chapterEnd = page >= firstChapter && lastPages.has(page) && !firstPages.has(page);
    return {page, exempt, chapterEnd, ...(chapter ? {chapter} : {})};
  });
}

/** A chapter's last page that holds less than MIN_LAST_PAGE_FILL of a page. */
export function isRunt(page: Pick<PageBlank, "chapterEnd" | "blank">): boolean {
  return page.chapterEnd && page.blank > 1 - MIN_LAST_PAGE_FILL;
}

const run = promisify(execFile);

/** Renders every page of `pdfFile` at a low resolution and measures it (needs poppler-utils' pdftoppm). */
export async function measurePdfPages(pdfFile: string): Promise<PageBlank[]> {
  const data = new Uint8Array(await readFile(pdfFile));
  const {pages, destinations} = await readPdfDestinations(data);
  const chapterStarts = Object.fromEntries(
    Object.entries(destinations)
      .filter(([name]) => name.startsWith("chapter-"))
      .map(([name, page]) => [name.slice("chapter-".length), page])
  );
  const dir = await mkdtemp(path.join(os.tmpdir(), "baipishu-pages-"));
  try {
    await run("pdftoppm", ["-gray", "-r", "24", pdfFile, path.join(dir, "p")]).catch((error: NodeJS.ErrnoException) => {
      throw new BuildError(
        error.code === "ENOENT"
          ? "pdftoppm not found: install poppler-utils (npm run setup does)"
          : `pdftoppm could not render ${pdfFile}: ${error.message}`
      );
    });
    const files = (await readdir(dir)).filter((f) => f.endsWith(".pgm")).sort();
    if (files.length !== pages) throw new BuildError(`${pdfFile}: pdftoppm rendered ${files.length} pages of ${pages}`);
    const roles = pageRoles(pages, chapterStarts);
    return Promise.all(
      files.map(async (file, index) => ({
        ...roles[index]!,
        blank: blankShare(parsePgm(new Uint8Array(await readFile(path.join(dir, file)))))
      }))
    );
  } finally {
    await rm(dir, {recursive: true, force: true});
  }
}
