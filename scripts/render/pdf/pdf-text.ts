/**
 * @fileoverview Text of each page of a PDF, via pdf.js (pure JavaScript, no poppler needed). Used by the tests to
 * read what the PDF says; the build itself takes the contents' page numbers from the PDF's named destinations
 * (pdf-destinations.ts), which is much faster than extracting the text of every page.
 */
import {getDocument} from "pdfjs-dist/legacy/build/pdf.mjs";

export interface PdfText {
  /** Text of page i + 1 at index i, items joined without separators (CJK text has no spaces). */
  pages: string[];
}

export async function pdfPageTexts(data: Uint8Array): Promise<PdfText> {
  // pdf.js takes ownership of (detaches) the buffer it is given, so it gets a copy.
  const document = await getDocument({
    data: new Uint8Array(data),
    useSystemFonts: false,
    disableFontFace: true,
    isEvalSupported: false,
    verbosity: 0
  }).promise;
  try {
    const pages: string[] = [];
    for (let i = 1; i <= document.numPages; i++) {
      const page = await document.getPage(i);
      const content = await page.getTextContent();
      pages.push(content.items.map((item) => ("str" in item ? item.str : "")).join(""));
      page.cleanup();
    }
    return {pages};
  } finally {
    await document.destroy();
  }
}
