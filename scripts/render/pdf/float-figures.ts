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
 * The search does not move elements in the page while it tries: each move would cost a layout of the whole paper
 * (about 3 s an edition). It paginates a model instead: the blocks as measured once, stacked in the order tried, with
 * their margins collapsing as in CSS. The order kept is then laid out once and compared with the model; a chapter
 * where any block lands elsewhere (a style that depends on a block's neighbours) is searched again on the page.
 *
 * `floatFigures` runs in the page (page.evaluate) and must stay self-contained: no imports, no outer names.
 */

import {PRINT_PAGE_MM} from "./page-blank.ts";

export interface FloatGeometry {
  /** Height of the page's text area in CSS px (A4 minus the @page margins of print.css). */
  pageHeight: number;
  /** A page other than a chapter's last should be at most this blank (the bar of npm run measure:pages). */
  maxBlank: number;
}

/** The height of print.css's text area (A4 minus its top and bottom margins), at 96 CSS px per inch. */
export const TEXT_AREA_HEIGHT_PX =
  ((PRINT_PAGE_MM.height - PRINT_PAGE_MM.marginTop - PRINT_PAGE_MM.marginBottom) * 96) / 25.4;

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
  /** Per chapter (its element id, chapter-…): the key of its choices in `chosen`. */
  keys: Record<string, string>;
}

/**
 * In the page: moves figures after the text that fills the gap they would leave; returns what moved and the setting
 * each chapter kept. A chapter whose hash is in `known` (the choices of an earlier print of the same content and
 * style) takes that setting without trying the others: one pagination instead of a dozen.
 */
export function floatFigures(geometry: FloatGeometry, known: FloatChoices = {}, salt = ""): FloatResult {
  const H = geometry.pageHeight;
  const isFloat = (e: Element) => e.matches(".figure, .case-box");
  const isFiller = (e: Element) => e.matches("p, ul, ol") && !e.matches(".figure *");
  const isHeading = (e: Element) => /^H[1-6]$/.test(e.tagName);

  interface Box {
    top: number;
    bottom: number;
  }
  /** Where each block of a chapter sits (document coordinates) when its blocks come in a given order. */
  type Place = (order: readonly Element[]) => Map<Element, Box>;

  /**
   * Each text block's lines relative to its own top: moving floats past a block reorders siblings and never changes
   * its width, so its lines stay as they were measured once.
   */
  const measuredLines = new WeakMap<Element, Box[]>();
  /** The line boxes of a text block placed at `box`, grouped by line. */
  const linesOf = (block: Element, box: Box): Box[] => {
    let relative = measuredLines.get(block);
    if (!relative) {
      const top = block.getBoundingClientRect().top;
      const range = document.createRange();
      range.selectNodeContents(block);
      relative = [];
      for (const rect of [...range.getClientRects()].sort((a, b) => a.top - b.top)) {
        if (rect.height === 0) continue;
        const last = relative.at(-1);
        // A rect belongs to the current line when it starts before that line's middle.
        if (last && rect.top - top < (last.top + last.bottom) / 2)
          last.bottom = Math.max(last.bottom, rect.bottom - top);
        else relative.push({top: rect.top - top, bottom: rect.bottom - top});
      }
      measuredLines.set(block, relative);
    }
    return relative.map((line) => ({top: line.top + box.top, bottom: line.bottom + box.top}));
  };

  /** The chapter's children in `order` (moving only those out of place), then each one's box as laid out. */
  const arrange = (chapter: Element, order: readonly Element[]): void => {
    order.forEach((block, index) => {
      const here = chapter.children[index];
      if (here !== block) chapter.insertBefore(block, here ?? null);
    });
  };
  const measure = (chapter: Element): Map<Element, Box> =>
    new Map(
      [...chapter.children].map((block) => {
        const rect = block.getBoundingClientRect();
        return [block, {top: rect.top + window.scrollY, bottom: rect.bottom + window.scrollY}];
      })
    );
  /** Places by laying the chapter out in the browser: exact, and a full layout per call. */
  const placeInPage =
    (chapter: Element): Place =>
    (order) => {
      arrange(chapter, order);
      return measure(chapter);
    };

  /**
   * Places by stacking the blocks as measured once, with their vertical margins collapsing as in CSS block flow:
   * no layout per call. Reordering siblings changes nothing else in this layout (no style of the print depends on a
   * block's neighbours), and the final order is checked against the browser's layout (see floatFigures).
   */
  const placeByModel = (chapter: Element): Place => {
    const blocks = new Map(
      [...chapter.children].map((block) => {
        const style = getComputedStyle(block);
        const rect = block.getBoundingClientRect();
        return [
          block,
          {
            height: rect.height,
            marginTop: parseFloat(style.marginTop) || 0,
            marginBottom: parseFloat(style.marginBottom) || 0
          }
        ];
      })
    );
    const collapse = (margins: number[]) => Math.max(0, ...margins) + Math.min(0, ...margins);
    const stack = (order: readonly Element[]): Map<Element, Box> => {
      const boxes = new Map<Element, Box>();
      let cursor = 0;
      let margins: number[] = [];
      for (const block of order) {
        const {height, marginTop, marginBottom} = blocks.get(block)!;
        margins.push(marginTop);
        if (height === 0) {
          // An empty block's margins collapse through it with its neighbours'.
          margins.push(marginBottom);
          boxes.set(block, {top: cursor, bottom: cursor});
          continue;
        }
        const top = cursor + collapse(margins);
        boxes.set(block, {top, bottom: top + height});
        cursor = top + height;
        margins = [marginBottom];
      }
      return boxes;
    };
    // The stack's origin: where the chapter's first block is now.
    const original = [...chapter.children];
    const first = original.find((block) => blocks.get(block)!.height > 0);
    const offset = first ? first.getBoundingClientRect().top + window.scrollY - stack(original).get(first)!.top : 0;
    return (order) => {
      const boxes = stack(order);
      for (const box of boxes.values()) {
        box.top += offset;
        box.bottom += offset;
      }
      return boxes;
    };
  };

  interface Pagination {
    /** The first float (not accepted as it is) that would leave more than the allowed gap, and the gap in px. */
    gap?: {block: Element; gap: number};
    /** Blank share of every page the chapter fills before its last, up to the first gap when there is one. */
    blanks: number[];
  }

  /** Paginates a chapter as Chromium will: blocks that do not fit move to the next page, text breaks between lines. */
  const paginate = (
    chapterTop: number,
    order: readonly Element[],
    boxes: Map<Element, Box>,
    accepted: Set<Element>,
    floatWhenGap: number
  ): Pagination => {
    const blanks: number[] = [];
    let pageStart = chapterTop;
    // Bottom of the last thing drawn on the current page: what a page that breaks here leaves blank starts there.
    let lastInk = pageStart;
    for (const block of order) {
      const box = boxes.get(block)!;
      if (box.bottom - box.top === 0) continue;
      const {top, bottom} = box;
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
      const lines = linesOf(block, box);
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

  interface Floated {
    order: Element[];
    moves: FloatMove[];
  }

  /** Floats one chapter (blocks in `original` order) with the given rules (see floatFigures). */
  const floatChapter = (
    chapterTop: number,
    original: readonly Element[],
    place: Place,
    floatWhenGap: number,
    crossSections: boolean
  ): Floated => {
    const moves: FloatMove[] = [];
    const accepted = new Set<Element>();
    let order = [...original];
    // Each move pushes floats later past text, and a float never passes one of its own kind, so this ends.
    for (let guard = 0; guard < 200; guard++) {
      const boxes = place(order);
      const found = paginate(chapterTop, order, boxes, accepted, floatWhenGap).gap;
      if (!found) break;
      // Floats that follow each other move together, in their order (a queue of floats, as in a typeset book).
      const at = order.indexOf(found.block);
      let end = at + 1;
      while (end < order.length && isFloat(order[end]!)) end++;
      const group = order.slice(at, end);
      // A group of figures may pass a box (each kind keeps its own order, so numbers stay in order); a box never
      // passes a figure, or the two would leapfrog each other for ever.
      const figuresOnly = group.every((e) => e.matches(".figure"));
      const passes = (e: Element) =>
        isFiller(e) ||
        (isHeading(e) && (crossSections || e.tagName !== "H2")) ||
        (figuresOnly && e.matches(".case-box"));
      const fillers: Element[] = [];
      let filled = 0;
      for (let next = end; next < order.length && passes(order[next]!) && filled < found.gap; next++) {
        const box = boxes.get(order[next]!)!;
        fillers.push(order[next]!);
        filled += box.bottom - box.top;
      }
      // A heading stays with the text under it: a figure never lands between a heading and its first paragraph.
      while (fillers.length > 0 && isHeading(fillers.at(-1)!)) fillers.pop();
      if (fillers.length === 0) {
        // Nothing to bring forward (the chapter ends, or a table follows): the gap stays, paginate on past it.
        accepted.add(found.block);
        continue;
      }
      order = [...order.slice(0, at), ...fillers, ...group, ...order.slice(end + fillers.length)];
      moves.push({id: found.block.id, passed: fillers.length});
    }
    return {order, moves};
  };

  /** How bad a chapter's pagination is: pages over the bar first, then the blank they add up to. */
  const cost = (chapterTop: number, order: readonly Element[], place: Place): number => {
    const {blanks} = paginate(chapterTop, order, place(order), new Set(), Infinity);
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
  /** The setting a chapter keeps (an index of `rules`, -1 for none) and its floated order, placed by `place`. */
  const choose = (chapterTop: number, original: readonly Element[], place: Place, known?: number) => {
    const floated = (index: number): Floated =>
      index < 0
        ? {order: [...original], moves: []}
        : floatChapter(chapterTop, original, place, rules[index]!.floatWhenGap, rules[index]!.crossSections);
    if (known !== undefined && known >= -1 && known < rules.length) return {best: known, ...floated(known)};
    let best = {best: -1, ...floated(-1)};
    let bestCost = cost(chapterTop, original, place);
    rules.forEach((_, index) => {
      const tried = floated(index);
      const c = cost(chapterTop, tried.order, place);
      if (c < bestCost - 1e-9) {
        bestCost = c;
        best = {best: index, ...tried};
      }
    });
    return best;
  };
  const moves: FloatMove[] = [];
  const chosen: FloatChoices = {};
  const keys: FloatResult["keys"] = {};
  for (const chapter of document.querySelectorAll(".print-chapter")) {
    const key = hashOf(`${salt}\n${chapter.innerHTML}`);
    const chapterTop = chapter.getBoundingClientRect().top + window.scrollY;
    const original = [...chapter.children];
    // A chapter whose print ended on a runt page is set tight (print.css .print-tight, a little closer throughout)
    // before it is measured: print.ts finds such a chapter in the PDF and records it as "<key>:tight", 1.
    if (known[`${key}:tight`] === 1) {
      chapter.classList.add("print-tight");
      chosen[`${key}:tight`] = 1;
    }
    // The search runs on the model of the chapter's layout (a dozen paginations at no layout cost). Its result is
    // laid out once in the page; should the page place any block elsewhere than the model did, the model does not
    // hold for this chapter and the search runs again on the page's own layout.
    const model = placeByModel(chapter);
    let result = choose(chapterTop, original, model, known[key]);
    arrange(chapter, result.order);
    const laidOut = measure(chapter);
    const modelled = model(result.order);
    const holds = result.order.every((block) => {
      const [a, b] = [laidOut.get(block)!, modelled.get(block)!];
      return Math.abs(a.top - b.top) < 0.5 && Math.abs(a.bottom - b.bottom) < 0.5;
    });
    if (!holds) {
      arrange(chapter, original);
      result = choose(chapterTop, original, placeInPage(chapter), known[key]);
      arrange(chapter, result.order);
    }
    chosen[key] = result.best;
    keys[chapter.id] = key;
    moves.push(...result.moves);
  }
  return {moves, chosen, keys};
}

/**
 * The page-side call as an expression for page.evaluate. tsx (esbuild, keepNames) wraps named inner functions in
 * __name(…), a helper that does not exist in the page, so the source goes in with a stand-in for it.
 */
export function floatFiguresExpression(geometry: FloatGeometry, known: FloatChoices = {}, salt = ""): string {
  return `((__name) => (${floatFigures.toString()})(${JSON.stringify(geometry)}, ${JSON.stringify(known)}, ${JSON.stringify(salt)}))((f) => f)`;
}
