/**
 * @fileoverview Figures and case boxes that float, as in a typeset book. A figure never splits (print.css), so when
 * one does not fit in what is left of a page Chromium pushes it whole to the next page and leaves the rest of the
 * page empty. Chromium has no page floats, so before printing this step paginates each chapter itself from the
 * print layout (block boxes measured at the page's width, paragraphs broken between their lines with the print
 * style's orphans and widows) and, where a figure would leave a gap, moves it, with any floats right behind it,
 * after the text that follows, as much text as fills the gap: the figure then tops the next page and the text reads
 * on around it. Rules: a float passes paragraphs, lists and headings (a book's floats drift into the next section),
 * a figure may pass a box, nothing passes a table or a float of its own kind (numbers stay in order), and a float
 * never lands just after a heading. Each chapter is tried under a few settings (how large a gap calls for a move,
 * whether a float may leave its section) and keeps the one with the fewest pages over the blank bar. The
 * pagination here is an estimate; `npm run measure:pages` checks the printed PDF.
 *
 * `floatFigures` runs in the page (page.evaluate) and must stay self-contained: no imports, no outer names.
 */

export interface FloatGeometry {
  /** Height of the page's text area in CSS px (A4 minus the @page margins of print.css). */
  pageHeight: number;
  /** A page other than a chapter's last should be at most this blank (the bar of npm run measure:pages). */
  maxBlank: number;
}

/** A4 (297 mm) minus the margins of print.css (24 mm top, 22 mm bottom), at 96 CSS px per inch. */
export const TEXT_AREA_HEIGHT_PX = ((297 - 24 - 22) * 96) / 25.4;

export interface FloatMove {
  /** The figure's or box's id. */
  id: string;
  /** How many blocks (paragraphs, headings, boxes) it moved past. */
  passed: number;
}

/** The settings each chapter is tried under, by index (-1: no float moves); see the end of floatFigures. */
export type FloatChoices = Record<string, number>;

export interface FloatResult {
  moves: FloatMove[];
  /** Per chapter (a hash of its content and `salt`): the index of the setting it kept. */
  chosen: FloatChoices;
}

/**
 * In the page: moves figures after the text that fills the gap they would leave; returns what moved and the setting
 * each chapter kept. A chapter whose hash is in `known` (the choices of an earlier print of the same content and
 * style) takes that setting without trying the others: one layout pass instead of a dozen.
 */
export function floatFigures(geometry: FloatGeometry, known: FloatChoices = {}, salt = ""): FloatResult {
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

  interface Pagination {
    /** The first float (not accepted as it is) that would leave more than the allowed gap, and the gap in px. */
    gap?: {block: Element; gap: number};
    /** Blank share of every page the chapter fills before its last, up to the first gap when there is one. */
    blanks: number[];
  }

  /** Paginates a chapter as Chromium will: blocks that do not fit move to the next page, text breaks between lines. */
  const paginate = (chapter: Element, accepted: Set<Element>, floatWhenGap: number): Pagination => {
    const blanks: number[] = [];
    let pageStart = chapter.getBoundingClientRect().top + window.scrollY;
    // Bottom of the last thing drawn on the current page: what a page that breaks here leaves blank starts there.
    let lastInk = pageStart;
    for (const block of chapter.children) {
      const box = block.getBoundingClientRect();
      if (box.height === 0) continue;
      const top = box.top + window.scrollY;
      const bottom = box.bottom + window.scrollY;
      const pageEnd = pageStart + H;
      if (bottom <= pageEnd) {
        lastInk = bottom;
        continue;
      }
      if (isFloat(block) || isHeading(block)) {
        const gap = pageEnd - top;
        if (isFloat(block) && gap > floatWhenGap * H && !accepted.has(block)) return {gap: {block, gap}, blanks};
        blanks.push((pageEnd - lastInk) / H);
        pageStart = top;
        lastInk = bottom;
        continue;
      }
      // A text block breaks between lines, keeping two lines on each side (print.css orphans and widows).
      const lines = lineTops(block);
      if (lines.length === 0) {
        blanks.push((pageEnd - lastInk) / H);
        pageStart = top;
        lastInk = bottom;
        continue;
      }
      let start = pageStart;
      while (lines.at(-1)!.bottom > start + H) {
        let next = lines.findIndex((line) => line.bottom > start + H);
        if (next < 2) next = 0;
        else if (lines.length - next < 2) next = Math.max(0, lines.length - 2);
        const nextTop = next === 0 ? top : lines[next]!.top;
        // No progress possible (a block taller than a page at its start): cut at the page boundary.
        if (nextTop > start) {
          blanks.push(Math.max(0, start + H - (next === 0 ? lastInk : lines[next - 1]!.bottom)) / H);
          start = nextTop;
        } else start += H;
      }
      pageStart = start;
      lastInk = bottom;
    }
    return {blanks};
  };

  /** Floats one chapter with the given rules (see floatFigures); returns the moves. */
  const floatChapter = (chapter: Element, floatWhenGap: number, crossSections: boolean): FloatMove[] => {
    const moves: FloatMove[] = [];
    const accepted = new Set<Element>();
    // Each move pushes floats later past text, and a float never passes one of its own kind, so this ends.
    for (let guard = 0; guard < 200; guard++) {
      const found = paginate(chapter, accepted, floatWhenGap).gap;
      if (!found) break;
      // Floats that follow each other move together, in their order (a queue of floats, as in a typeset book).
      const group: Element[] = [found.block];
      for (let next = found.block.nextElementSibling; next && isFloat(next); next = next.nextElementSibling)
        group.push(next);
      // A group of figures may pass a box (each kind keeps its own order, so numbers stay in order); a box never
      // passes a figure, or the two would leapfrog each other for ever.
      const figuresOnly = group.every((e) => e.matches(".figure"));
      const passes = (e: Element) =>
        isFiller(e) ||
        (isHeading(e) && (crossSections || e.tagName !== "H2")) ||
        (figuresOnly && e.matches(".case-box"));
      const fillers: Element[] = [];
      let filled = 0;
      for (
        let next = group.at(-1)!.nextElementSibling;
        next && passes(next) && filled < found.gap;
        next = next.nextElementSibling
      ) {
        fillers.push(next);
        filled += next.getBoundingClientRect().height;
      }
      // A heading stays with the text under it: a figure never lands between a heading and its first paragraph.
      while (fillers.length > 0 && isHeading(fillers.at(-1)!)) fillers.pop();
      if (fillers.length === 0) {
        // Nothing to bring forward (the chapter ends, or a table follows): the gap stays, paginate on past it.
        accepted.add(found.block);
        continue;
      }
      fillers.at(-1)!.after(...group);
      moves.push({id: found.block.id, passed: fillers.length});
    }
    return moves;
  };

  /** How bad a chapter's pagination is: pages over the bar first, then the blank they add up to. */
  const cost = (chapter: Element): number => {
    const {blanks} = paginate(chapter, new Set(), Infinity);
    // The estimate runs a little short of the printed page (a figure's own white space below its last line): a
    // margin of 3 points of the page keeps pages close to the bar on the right side of it.
    return blanks.filter((b) => b > geometry.maxBlank - 0.03).length * 100 + blanks.reduce((sum, b) => sum + b, 0);
  };

  // Each chapter is floated under a few rules (how large a gap calls for a float; whether a float may drift into
  // the next section) and keeps the pagination with the fewest pages over the bar, then the least blank overall.
  const rules = [0.12, 0.2, 0.3].flatMap((floatWhenGap) =>
    [true, false].map((crossSections) => ({floatWhenGap, crossSections}))
  );
  /** FNV-1a of the chapter's markup and the salt (the style's hash): the key of its choice. */
  const hashOf = (text: string): string => {
    let h = 0x811c9dc5;
    for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
    return `${h.toString(16)}-${text.length}`;
  };
  const moves: FloatMove[] = [];
  const chosen: FloatChoices = {};
  for (const chapter of document.querySelectorAll(".print-chapter")) {
    const key = hashOf(`${salt}\n${chapter.innerHTML}`);
    const original = [...chapter.children];
    let best = known[key];
    if (best === undefined || best < -1 || best >= rules.length) {
      best = -1;
      let bestCost = cost(chapter);
      rules.forEach((rule, index) => {
        chapter.append(...original);
        floatChapter(chapter, rule.floatWhenGap, rule.crossSections);
        const c = cost(chapter);
        if (c < bestCost - 1e-9) {
          bestCost = c;
          best = index;
        }
      });
      chapter.append(...original);
    }
    chosen[key] = best;
    if (best >= 0) moves.push(...floatChapter(chapter, rules[best]!.floatWhenGap, rules[best]!.crossSections));
  }
  return {moves, chosen};
}

/**
 * The page-side call as an expression for page.evaluate. tsx (esbuild, keepNames) wraps named inner functions in
 * __name(…), a helper that does not exist in the page, so the source goes in with a stand-in for it.
 */
export function floatFiguresExpression(geometry: FloatGeometry, known: FloatChoices = {}, salt = ""): string {
  return `((__name) => (${floatFigures.toString()})(${JSON.stringify(geometry)}, ${JSON.stringify(known)}, ${JSON.stringify(salt)}))((f) => f)`;
}
