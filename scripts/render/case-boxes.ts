/**
 * @fileoverview 专栏 case boxes: `{% box "标题" %} … {% endbox %}` in a chapter. They are numbered 专栏1, 专栏2, … in
 * the order the chapters print them (taken from the sources before anything renders, like the figures), listed in
 * 图表目录 and in the PDF's list, and printed as boxes that never split across pages.
 */
import {BuildError} from "../lib/errors.ts";
import type {EditionConfig} from "../model/edition-config.ts";
import {escapeHtml} from "./html.ts";

export interface BoxPlacement {
  /** Anchor id, e.g. box-2. */
  id: string;
  /** 专栏2 */
  label: string;
  title: string;
  chapterId: string;
}

const BOX = /\{%-?\s*box\s+"([^"]+)"\s*-?%\}/g;

export function numberBoxes(
  config: EditionConfig,
  sources: ReadonlyMap<string, string>,
  fileOf: (chapterId: string) => string
): BoxPlacement[] {
  const boxes: BoxPlacement[] = [];
  for (const chapter of config.chapters) {
    const source = sources.get(chapter.id) ?? "";
    for (const match of source.matchAll(BOX)) {
      const title = match[1]!;
      const twice = boxes.find((b) => b.title === title);
      if (twice)
        throw new BuildError(
          `${fileOf(chapter.id)}: 专栏 "${title}" appears twice (also in ${fileOf(twice.chapterId)}); give each box its own title`
        );
      const n = boxes.length + 1;
      boxes.push({id: `box-${n}`, label: `专栏${n}`, title, chapterId: chapter.id});
    }
  }
  return boxes;
}

/**
 * The box around `content` (Markdown: the blank lines let markdown-it parse the inside as paragraphs within the
 * HTML block of the aside).
 */
export function boxHtml(box: BoxPlacement, content: string): string {
  return `<aside class="case-box" id="${box.id}" aria-label="${escapeHtml(`${box.label} ${box.title}`)}">\n<p class="case-box-title"><span class="case-box-label">${box.label}</span>${escapeHtml(box.title)}</p>\n\n${content.trim()}\n\n</aside>\n`;
}
