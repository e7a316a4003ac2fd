/**
 * @fileoverview Figures and case boxes that float, as in a typeset book. A figure never splits (print.css), so when
 * one does not fit in what is left of a page Chromium pushes it whole to the next page and leaves the rest of the
 * page empty. Chromium has no page floats, so before printing this step paginates each chapter itself from the
 * print layout (block boxes measured at the page's width, paragraphs broken at their line boxes with the print
 * style's orphans and widows) and, where a figure would leave more than FLOAT_WHEN_GAP of a page empty, moves the
 * paragraphs that follow it (headings included, as a book's floats drift into the next section; never past a table
 * or another figure (a figure may pass a box), and never to just after a heading) in front of it, as many as fill the gap. The figure then tops the next page, and the text reads on around it; figures keep their
 * order and numbers. The measured pagination is an estimate; `npm run measure:pages` checks the printed result.
 *
 * `floatFigures` runs in the page (page.evaluate) and must stay self-contained: no imports, no outer names.
 */

export interface FloatGeometry {
  /** Height of the page's text area in CSS px (A4 minus the @page margins of print.css). */
  pageHeight: number;
  /** Float a figure when it would leave more than this share of a page empty. */
  floatWhenGap: number;
}

/** A4 (297 mm) minus the margins of print.css (24 mm top, 22 mm bottom), at 96 CSS px per inch. */
export const TEXT_AREA_HEIGHT_PX = ((297 - 24 - 22) * 96) / 25.4;
export const FLOAT_WHEN_GAP = 0.12;

export interface FloatMove {
  /** The figure's or box's id. */
  id: string;
  /** How many blocks (paragraphs, headings, boxes) it moved past. */
  passed: number;
}

/** In the page: moves figures after the text that fills the gap they would leave; returns what moved. */
export function floatFigures(geometry: FloatGeometry): FloatMove[] {
  const H = geometry.pageHeight;
  const isFloat = (e: Element) => e.matches(".figure, .case-box");
  const isFiller = (e: Element) => e.matches("p, ul, ol") && !e.matches(".figure *");
  const isHeading = (e: Element) => /^H[1-6]$/.test(e.tagName);

  /** Tops of the line boxes of a text block, in document coordinates, grouped by line. */
  const lineTops = (block: Element): {top: number; bottom: number}[] => {
    const range = document.createRange();
    range.selectNodeContents(block);
    const lines: {top: number; bottom: number}[] = [];
    for (const rect of [...range.getClientRects()].sort((a, b) => a.top - b.top)) {
      if (rect.height === 0) continue;
      const top = rect.top + window.scrollY;
      const last = lines.at(-1);
      // A rect belongs to the current line when it starts before that line's middle.
      if (last && top < (last.top + last.bottom) / 2) last.bottom = Math.max(last.bottom, rect.bottom + window.scrollY);
      else lines.push({top, bottom: rect.bottom + window.scrollY});
    }
    return lines;
  };

  /**
   * Paginates a chapter; returns the first float (not yet accepted as it is) that would leave more than the allowed
   * gap, with the gap, or undefined when none does.
   */
  const firstGap = (chapter: Element, accepted: Set<Element>): {block: Element; gap: number} | undefined => {
    const blocks = [...chapter.children];
    let pageStart = chapter.getBoundingClientRect().top + window.scrollY; (window as any).__trace = (window as any).__trace || []; (window as any).__trace.push('chapter ' + chapter.id);
    for (let i = 0; i < blocks.length; i++) {
      const block = blocks[i]!;
      const box = block.getBoundingClientRect();
      if (box.height === 0) continue;
      const top = box.top + window.scrollY;
      const bottom = box.bottom + window.scrollY;
      const pageEnd = pageStart + H; (window as any).__trace = (window as any).__trace || []; 
      if (isFloat(block)) (window as any).__trace.push('at ' + block.id); if (bottom <= pageEnd) continue;
      if (isFloat(block)) {
        const gap = pageEnd - top;
        if (gap > geometry.floatWhenGap * H && !accepted.has(block)) return {block, gap};
        (window as any).__trace.push('float-break ' + block.id + ' at ' + Math.round(top)); pageStart = top;
      } else if (isHeading(block)) {
        pageStart = top; (window as any).__trace.push('head-break');
      } else {
        // A text block breaks between lines, keeping two lines on each side (print.css orphans and widows).
        const lines = lineTops(block);
        let start = pageStart;
        while (lines.length > 0 && lines.at(-1)!.bottom > start + H) {
          let next = lines.findIndex((line) => line.bottom > start + H);
          if (next === -1) break;
          if (next < 2) next = 0;
          else if (lines.length - next < 2) next = Math.max(0, lines.length - 2);
          const nextTop = next === 0 ? top : lines[next]!.top;
          // No progress possible (a block taller than a page at its start): cut at the page boundary.
          start = nextTop > start ? nextTop : start + H;
        }
        pageStart = lines.length > 0 ? start : top; if (pageStart !== top || true) (window as any).__trace.push('text-break ' + block.tagName);
      }
    }
    return undefined;
  };

  const moves: FloatMove[] = [];
  for (const chapter of document.querySelectorAll(".print-chapter")) {
    // Each move pushes one figure later; a figure can only move forward past text, so this ends.
    const accepted = new Set<Element>();
    for (let guard = 0; guard < 200; guard++) {
      const found = firstGap(chapter, accepted);
      if (!found) break;
      const fillers: Element[] = [];
      let filled = 0;
      // A figure may pass a box (each keeps its order among its own kind, so numbers stay in order); a box never
      // passes a figure, or the two would leapfrog each other for ever.
      const passes = (e: Element) => isFiller(e) || isHeading(e) || (found.block.matches(".figure") && e.matches(".case-box"));
      for (let next = found.block.nextElementSibling; next && passes(next) && filled < found.gap; next = next.nextElementSibling) {
        fillers.push(next);
        filled += next.getBoundingClientRect().height;
      }
      // A heading stays with the text under it: the figure never lands between a heading and its first paragraph.
      while (fillers.length > 0 && isHeading(fillers.at(-1)!)) fillers.pop();
      if (fillers.length === 0) {
        // Nothing to bring forward (a heading or another figure follows): the gap stays, paginate on past it.
        accepted.add(found.block);
        continue;
      }
      fillers.at(-1)!.after(found.block);
      moves.push({id: found.block.id, passed: fillers.length});
    }
  }
  return moves;
}
