/**
 * @fileoverview Prints an edition's print page (print.html: cover, contents, list of figures, every chapter) to an
 * A4 PDF with Puppeteer and Debian's Chromium. Chromium cannot number the contents by itself, so printing takes
 * passes: (1) print with an invisible marker at each chapter and figure, read on which page each marker landed
 * (pdf.js), write those page numbers into the contents; (2) print again with markers to verify the numbers did not
 * move the layout; (3) print the final PDF without markers. Running header (the paper's title) and footer
 * (第 N 页 / 共 M 页) are Chromium's header/footer templates in a system TrueType font (WenQuanYi Micro Hei):
 * header templates cannot use webfonts, and Noto CJK from the system would be embedded as Type 3.
 */
import {readFile} from "node:fs/promises";
import path from "node:path";
import {pathToFileURL} from "node:url";
import type {Page} from "puppeteer-core";
import {BuildError} from "../../lib/errors.ts";
import {writeFileAtomic} from "../../lib/fs.ts";
import {launchBrowser} from "../browser.ts";
import {escapeHtml} from "../html.ts";
import {pdfPageTexts} from "./pdf-text.ts";

export const PRINT_PAGE = "print.html";
export const HEADER_FONT = "WenQuanYi Micro Hei";

export interface PrintResult {
  pages: number;
  /** Element id (chapter-…, fig-…, print-lof) → 1-based page number, as printed in the contents. */
  targets: Record<string, number>;
}

const MARKER_PREFIX = "PDFMARK";

export function headerTemplate(title: string): string {
  return `<div style="width:100%;margin:0 20mm;padding-bottom:2mm;border-bottom:0.5px solid #999;font-family:'${HEADER_FONT}';font-size:8px;color:#555;text-align:center;">${escapeHtml(title)}</div>`;
}

export function footerTemplate(): string {
  return `<div style="width:100%;font-family:'${HEADER_FONT}';font-size:8px;color:#555;text-align:center;">第 <span class="pageNumber"></span> 页 / 共 <span class="totalPages"></span> 页</div>`;
}

async function setMarkers(page: Page, on: boolean): Promise<string[]> {
  return page.evaluate(
    (enable: boolean, prefix: string) => {
      document.querySelectorAll(".pdf-marker").forEach((m) => m.remove());
      const targets = [...new Set([...document.querySelectorAll<HTMLElement>(".toc-page[data-target]")].map((e) => e.dataset.target!))];
      if (enable)
        for (const id of targets) {
          const target = document.getElementById(id);
          if (!target) continue;
          const marker = document.createElement("span");
          marker.className = "pdf-marker";
          marker.textContent = `${prefix}[${id}]`;
          target.prepend(marker);
        }
      return targets;
    },
    on,
    MARKER_PREFIX
  );
}

async function setPageNumbers(page: Page, numbers: Record<string, number>): Promise<void> {
  await page.evaluate((map: Record<string, number>) => {
    document.querySelectorAll<HTMLElement>(".toc-page[data-target]").forEach((e) => {
      e.textContent = String(map[e.dataset.target!] ?? "");
    });
  }, numbers);
}

/** Page number of each marker found in the PDF's text. */
export function findMarkers(pages: readonly string[]): Record<string, number> {
  const found: Record<string, number> = {};
  const pattern = new RegExp(`${MARKER_PREFIX}\\[([^\\]]+)\\]`, "g");
  pages.forEach((text, i) => {
    for (const match of text.matchAll(pattern)) if (found[match[1]!] === undefined) found[match[1]!] = i + 1;
  });
  return found;
}

async function printOnce(page: Page, title: string): Promise<Uint8Array> {
  return page.pdf({
    format: "A4",
    printBackground: true,
    preferCSSPageSize: true,
    // Header and footer are CSS page-margin boxes (print.css), drawn with the embedded webfonts.
    displayHeaderFooter: false,
    outline: true,
    tagged: true,
    timeout: 120_000
  });
}

function sameNumbers(a: Record<string, number>, b: Record<string, number>): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((k) => a[k] === b[k]);
}

/** Prints siteDir/print.html to `outFile` (atomically) and returns the page count and the contents' numbers. */
export async function printReport(siteDir: string, outFile: string, title: string): Promise<PrintResult> {
  const {browser, close} = await launchBrowser();
  try {
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on("requestfailed", (request) => problems.push(`${request.url()} (${request.failure()?.errorText ?? "failed"})`));
    // file:// so that relative style sheets and webfonts load exactly as on the site.
    await page.goto(pathToFileURL(path.join(siteDir, PRINT_PAGE)).href, {waitUntil: "load", timeout: 120_000});
    await page.evaluate(async () => {
      await document.fonts.ready;
    });
    if (problems.length > 0) throw new BuildError(`${PRINT_PAGE}: resources failed to load: ${problems.join(", ")}`);

    const targets = await setMarkers(page, true);
    let numbers = findMarkers((await pdfPageTexts(await printOnce(page, title))).pages);
    for (let attempt = 0; ; attempt++) {
      const missing = targets.filter((t) => numbers[t] === undefined);
      if (missing.length > 0) throw new BuildError(`${PRINT_PAGE}: could not find the page of ${missing.join(", ")} in the PDF`);
      await setPageNumbers(page, numbers);
      const check = findMarkers((await pdfPageTexts(await printOnce(page, title))).pages);
      if (sameNumbers(check, numbers)) break;
      if (attempt >= 2) throw new BuildError(`${PRINT_PAGE}: the contents' page numbers do not settle (layout changes with them)`);
      numbers = check;
    }
    await setMarkers(page, false);
    const pdf = await printOnce(page, title);
    await writeFileAtomic(outFile, pdf);
    const {pages} = await pdfPageTexts(pdf);
    return {pages: pages.length, targets: numbers};
  } finally {
    await close();
  }
}

/** For tests: the PDF bytes of a built edition. */
export async function readPdf(file: string): Promise<Uint8Array> {
  return new Uint8Array(await readFile(file));
}
