/**
 * @fileoverview Prints an edition's print page (print.html: cover, contents, list of figures, every chapter) to an
 * A4 PDF with Puppeteer and Debian's Chromium (the process's shared browser, a new page per print).
 *
 * Chromium cannot number the contents by itself, but it writes a named destination for every element that an
 * internal link targets, and the contents link every entry (#chapter-…, #fig-…, #print-lof). So the page of every
 * entry is read from the PDF's destinations (pdf-destinations.ts, milliseconds), and printing goes:
 * (1) print with the numbers of the previous build (the TOC cache) or with placeholders, (2) read the destinations;
 * when they agree with the numbers printed, that PDF is the final one; otherwise write the numbers found into the
 * contents and print again, at most MAX_FINAL_PRINTS times. The numbers sit in fixed-width boxes (12mm, print.css)
 * so they cannot move the layout, and every final PDF is checked against its own destinations all the same.
 * With a valid cache that is one print; without, two, the first a cheap draft (see printPdf).
 *
 * Running header (the paper's title) and footer (第 N 页 / 共 M 页) are CSS page-margin boxes (print.css), drawn
 * with the page's own webfonts.
 */
import {createHash} from "node:crypto";
import {mkdir, readdir, readFile} from "node:fs/promises";
import path from "node:path";
import {pathToFileURL} from "node:url";
import type {Page} from "puppeteer-core";
import {BuildError} from "../../lib/errors.ts";
import {writeFileAtomic} from "../../lib/fs.ts";
import {sharedBrowser} from "../browser.ts";
import {floatFiguresExpression, TEXT_AREA_HEIGHT_PX, type FloatChoices, type FloatResult} from "./float-figures.ts";
import {MAX_BLANK_SHARE, MIN_LAST_PAGE_FILL, PRINT_PAGE_MM} from "./page-blank.ts";
import {readPdfDestinations, type PdfDestinations} from "./pdf-destinations.ts";
import {readTocCache, sameNumbers, targetPages, writeTocCache, type TocNumbers} from "./toc-numbers.ts";

export const PRINT_PAGE = "print.html";

export interface PrintResult {
  pages: number;
  /** Element id (chapter-…, fig-…, print-lof) → 1-based page number, as printed in the contents. */
  targets: Record<string, number>;
  /** How many times print.html was printed (1 with a matching TOC cache, 2 without). */
  prints: number;
}

export interface PrintOptions {
  /**
   * A JSON file with the contents' numbers of the previous build. When given, they are filled in before the first
   * print (one print when nothing moved), and the file is rewritten after a successful print. A missing or stale
   * file only costs a second print.
   */
  tocCache?: string;
  /**
   * A JSON file with the float setting each chapter kept in an earlier print (by a hash of the chapter's markup and
   * of the site's style sheets): a chapter found there is floated with it directly instead of trying every setting.
   * A missing or unreadable file only costs the search.
   */
  floatCache?: string;
}

/** Prints whose numbers may still be corrected before the contents are declared unsettled. */
const MAX_FINAL_PRINTS = 3;

/** The ids the contents link to, in contents order, each once. */
async function tocTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => [
    ...new Set([...document.querySelectorAll<HTMLElement>(".toc-page[data-target]")].map((e) => e.dataset.target!))
  ]);
}

async function setPageNumbers(page: Page, numbers: TocNumbers): Promise<void> {
  await page.evaluate((map: Record<string, number>) => {
    document.querySelectorAll<HTMLElement>(".toc-page[data-target]").forEach((e) => {
      e.textContent = String(map[e.dataset.target!] ?? "");
    });
  }, numbers);
}

/**
 * A draft hides every element (visibility, which changes no box and no page break): Chromium then lays out and
 * paginates exactly as for the final PDF and writes the same destinations, but paints and embeds almost nothing.
 * With the outline and the tag tree left out as well, a draft costs a third to a half of a final print.
 */
const DRAFT_STYLE = "* { visibility: hidden !important; }";

/**
 * One print. A draft is a print whose contents' numbers are not known yet, so it cannot be the final PDF: it is
 * read for its destinations only. Should a draft ever paginate differently, the final PDF's own destinations
 * disagree with the numbers and it is printed again: a draft can cost a print, never a wrong number.
 */
async function printPdf(page: Page, draft: boolean): Promise<Uint8Array> {
  const hide = draft ? await page.addStyleTag({content: DRAFT_STYLE}) : undefined;
  try {
    return await page.pdf({
      format: "A4",
      printBackground: true,
      preferCSSPageSize: true,
      // Header and footer are CSS page-margin boxes (print.css), drawn with the embedded webfonts.
      displayHeaderFooter: false,
      outline: !draft,
      tagged: !draft,
      timeout: 120_000
    });
  } finally {
    await hide?.evaluate((style) => style.remove());
    await hide?.dispose();
  }
}

/**
 * Lays the print page out as it will print (print media, the text area's width) and lets figures and boxes float
 * past the text that fills the gap they would leave (float-figures.ts). The page's own scripts stay off: this runs
 * from Puppeteer.
 */
async function placeFloats(
  page: Page,
  siteDir: string,
  cacheFile: string | undefined,
  extra: FloatChoices = {}
): Promise<FloatResult> {
  const geometry = {pageHeight: TEXT_AREA_HEIGHT_PX, maxBlank: MAX_BLANK_SHARE};
  // The layout a choice was made for: the site's style sheets and the page geometry.
  const salt = createHash("sha256");
  salt.update(JSON.stringify(geometry));
  for (const name of (await readdir(path.join(siteDir, "assets")).catch(() => [] as string[])).sort())
    if (name.endsWith(".css")) salt.update(await readFile(path.join(siteDir, "assets", name)));
  const known = {...(cacheFile ? await readFloatCache(cacheFile) : {}), ...extra};
  await page.emulateMediaType("print");
  const width = await page.addStyleTag({content: "html { width: 170mm; }"});
  try {
    const result = (await page.evaluate(
      floatFiguresExpression(geometry, known, salt.digest("hex").slice(0, 16))
    )) as FloatResult;
    if (cacheFile)
      await mkdir(path.dirname(cacheFile), {recursive: true})
        .then(() => writeFileAtomic(cacheFile, JSON.stringify(result.chosen)))
        .catch(() => {});
    return result;
  } finally {
    await width.evaluate((style) => style.remove());
    await width.dispose();
    await page.emulateMediaType();
  }
}

async function readFloatCache(file: string): Promise<FloatChoices> {
  try {
    const parsed: unknown = JSON.parse(await readFile(file, "utf8"));
    if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) return {};
    return Object.fromEntries(Object.entries(parsed).filter((e): e is [string, number] => Number.isInteger(e[1])));
  } catch {
    return {};
  }
}

/** The text area of print.css's page in PDF points, measured from the page's bottom edge. */
const POINTS_PER_MM = 72 / 25.4;
const TEXT_TOP_PT = (PRINT_PAGE_MM.height - PRINT_PAGE_MM.marginTop) * POINTS_PER_MM;
const TEXT_HEIGHT_PT = (PRINT_PAGE_MM.height - PRINT_PAGE_MM.marginTop - PRINT_PAGE_MM.marginBottom) * POINTS_PER_MM;

/** The destination of a chapter's end mark (print.njk: chapter-overview ends at end-overview). */
function endMark(chapterId: string): string {
  return `end-${chapterId.replace(/^chapter-/, "")}`;
}

/**
 * The chapters (element ids) that end on a runt page: a page after their first that their end mark
 * (print.njk's .chapter-end) leaves less than MIN_LAST_PAGE_FILL full, and that are not set tight already.
 */
export function runtChapters(
  found: Pick<PdfDestinations, "destinations" | "tops">,
  floats: Pick<FloatResult, "keys" | "chosen">
): string[] {
  return Object.keys(floats.keys).filter((id) => {
    const [start, end, top] = [found.destinations[id], found.destinations[endMark(id)], found.tops[endMark(id)]];
    if (start === undefined || end === undefined || top === undefined || end <= start) return false;
    const fill = (TEXT_TOP_PT - top) / TEXT_HEIGHT_PT;
    return fill < MIN_LAST_PAGE_FILL && floats.chosen[`${floats.keys[id]}:tight`] !== 1;
  });
}

/**
 * The contents' numbers once the runt pages are gone: every entry after a runt chapter's end moves up a page per
 * runt before it. An entry inside a runt chapter, after its first page (a figure), may move up with the tighter
 * lines or stay: then the numbers cannot be told before the new layout prints, and the answer is undefined (the
 * next print is a draft). The print that follows checks them like any other.
 */
export function withoutRuntPages(
  placed: TocNumbers,
  found: Pick<PdfDestinations, "destinations">,
  runts: readonly string[]
): TocNumbers | undefined {
  const spans = runts.map((id) => ({start: found.destinations[id]!, end: found.destinations[endMark(id)]!}));
  if (Object.values(placed).some((number) => spans.some(({start, end}) => number > start && number <= end)))
    return undefined;
  return Object.fromEntries(
    Object.entries(placed).map(([target, number]) => [target, number - spans.filter((s) => s.end < number).length])
  );
}

/**
 * The float step and the contents' numbers change the page's body only (print.njk's head is style sheets and
 * webfonts), so a second layout starts from a copy of the body as loaded instead of loading the page again: the
 * style sheets and the loaded webfonts stay, and a load of the page (about a second) is saved.
 */
const PRISTINE_BODY = "__baipishuPristineBody";

async function keepPristineBody(page: Page): Promise<void> {
  await page.evaluate((key) => {
    (window as unknown as Record<string, Node>)[key] = document.body.cloneNode(true);
  }, PRISTINE_BODY);
}

async function restorePristineBody(page: Page): Promise<void> {
  await page.evaluate(async (key) => {
    const pristine = (window as unknown as Record<string, Node>)[key]!;
    document.body.replaceWith(pristine.cloneNode(true));
    await document.fonts.ready;
  }, PRISTINE_BODY);
}

/** file:, data: and about: URLs stay on this machine; everything else is a request to the network. */
export function isLocalUrl(url: string): boolean {
  return /^(?:file|data|about|blob):/i.test(url);
}

/**
 * Prints siteDir/print.html to `outFile` (atomically) and returns the page count and the contents' numbers.
 * `title` is unused: the running header is the print page's own @page rule.
 */
export async function printReport(
  siteDir: string,
  outFile: string,
  title: string,
  options: PrintOptions = {}
): Promise<PrintResult> {
  const page = await (await sharedBrowser()).newPage();
  try {
    const problems: string[] = [];
    const offline: string[] = [];
    // The print page needs no script of its own: with scripts off, nothing a chapter or a data file slipped in can
    // run while the PDF is made (the site's own script is progressive enhancement only).
    await page.setJavaScriptEnabled(false);
    // Only local files: any request to another scheme or host is refused and fails the build (the README promises
    // that the site and the PDF reach no other host; the browser's flags keep Chromium itself quiet, but they leave
    // this machine's own addresses reachable).
    await page.setRequestInterception(true);
    page.on("request", (request) => {
      if (isLocalUrl(request.url())) void request.continue();
      else {
        offline.push(request.url());
        void request.abort("blockedbyclient");
      }
    });
    page.on("dialog", (dialog) => {
      problems.push(`a dialog ("${dialog.message()}")`);
      void dialog.dismiss();
    });
    page.on("requestfailed", (request) => {
      if (isLocalUrl(request.url())) problems.push(`${request.url()} (${request.failure()?.errorText ?? "failed"})`);
    });
    // A chapter that prints with a runt last page is set tight and the paper laid out again, once: `tighten` holds
    // the choices for that second layout, `carried` the contents' numbers it is expected to print with (undefined:
    // a draft tells them).
    let tighten: FloatChoices = {};
    let carried: TocNumbers | undefined;
    let printed = 0;
    for (let layout = 1; layout <= 2; layout++) {
      if (layout === 1) {
        // file:// so that relative style sheets and webfonts load exactly as on the site.
        await page.goto(pathToFileURL(path.join(siteDir, PRINT_PAGE)).href, {waitUntil: "load", timeout: 120_000});
        await page.evaluate(async () => {
          await document.fonts.ready;
        });
        if (offline.length > 0)
          throw new BuildError(
            `${PRINT_PAGE}: refers to ${offline.length} resource(s) outside the site (${offline.slice(0, 5).join(", ")}); the PDF uses local files only`
          );
        if (problems.length > 0)
          throw new BuildError(`${PRINT_PAGE}: resources failed to load: ${problems.join(", ")}`);
        await keepPristineBody(page);
      } else await restorePristineBody(page);

      const floats = await placeFloats(page, siteDir, options.floatCache, tighten);
      const targets = await tocTargets(page);
      // `numbers`: what the contents show in the next print; undefined while they show placeholders.
      let numbers =
        layout === 1 ? (options.tocCache ? await readTocCache(options.tocCache, targets) : undefined) : carried;
      if (numbers) await setPageNumbers(page, numbers);
      for (let finals = 0; ;) {
        const draft = numbers === undefined;
        if (!draft) finals++;
        const pdf = await printPdf(page, draft);
        printed++;
        const found = await readPdfDestinations(pdf);
        const placed = targetPages(found.destinations, targets, PRINT_PAGE);
        // Drafts carry the chapters' end marks as well, so a runt shows in the first print of either kind.
        const runts = layout === 1 ? runtChapters(found, floats) : [];
        if (runts.length > 0) {
          tighten = Object.fromEntries(runts.map((id) => [`${floats.keys[id]}:tight`, 1]));
          carried = withoutRuntPages(placed, found, runts);
          break;
        }
        if (numbers && sameNumbers(placed, numbers)) {
          await writeFileAtomic(outFile, pdf);
          if (options.tocCache) await writeTocCache(options.tocCache, numbers);
          return {pages: found.pages, targets: numbers, prints: printed};
        }
        if (finals >= MAX_FINAL_PRINTS)
          throw new BuildError(`${PRINT_PAGE}: the contents' page numbers do not settle (layout changes with them)`);
        numbers = placed;
        await setPageNumbers(page, numbers);
      }
    }
    // The second layout never breaks out of its print loop (it looks for no runt): it returns or throws.
    throw new BuildError(`${PRINT_PAGE}: no PDF after setting the runt chapters tight`);
  } finally {
    // A page of a crashed browser cannot be closed; the error that matters is the one being thrown, if any.
    await page.close().catch(() => {});
  }
}

/** For tests: the PDF bytes of a built edition. */
export async function readPdf(file: string): Promise<Uint8Array> {
  return new Uint8Array(await readFile(file));
}
