/**
 * @fileoverview How much of a chapter is template markup rather than prose: front matter, {% … %} tags, {{ … }}
 * expressions, {# … #} comments and [[ … ]] references, as a share of all characters (line breaks aside). The
 * short syntax exists to keep chapters readable for editors; `npm run lint:content` prints this share per chapter.
 */
import {conditionMark} from "./eleventy/conditions.ts";

export interface MarkupShare {
  /** Characters of the chapter, line breaks excluded. */
  total: number;
  /** Characters of markup among them. */
  markup: number;
  /** markup / total (0 for an empty file). */
  share: number;
  /**
   * Characters of the references that print a number, a word or a name ([[增加值/广东]], [[a ~ b]], [[名单 …]]):
   * the part of the markup that stands for the paper's own numbers, as opposed to logic (conditions, tags).
   */
  printing: number;
}

/**
 * The most markup a chapter should carry (issue 10: "template markup ≤ 40 % of the characters of a chapter"): above
 * it, a chapter reads as a template rather than as prose. `npm run lint:content` marks a chapter over it, and a unit
 * test holds every chapter of content/ to it.
 */
export const MARKUP_TARGET = 0.4;

const MARKUP = [
  /^---\n[\s\S]*?\n---\n/,
  /\{%[\s\S]*?%\}/g,
  /\{\{[\s\S]*?\}\}/g,
  /\{#[\s\S]*?#\}/g,
  /\[\[[^[\]\n]+\]\]/g,
  /<!--[\s\S]*?-->/g
];

export function markupShare(source: string): MarkupShare {
  const count = (text: string) => text.replace(/\n/g, "").length;
  const total = count(source);
  // Blank each markup span out in turn so that nested forms ({{ }} inside [[ ]]) are counted once.
  let rest = source;
  let markup = 0;
  let printing = 0;
  for (const pattern of MARKUP)
    rest = rest.replace(pattern, (span) => {
      markup += count(span);
      const body = span.slice(2, -2).trim();
      if (span.startsWith("[[") && !conditionMark(body) && !/^(注释$|(注|图|见|公式)\s)/.test(body))
        printing += count(span);
      // Keep only the line breaks, so that later patterns cannot match across what was removed.
      return span.replace(/[^\n]/g, "");
    });
  return {total, markup, share: total === 0 ? 0 : markup / total, printing};
}
