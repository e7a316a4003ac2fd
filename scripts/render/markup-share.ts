/**
 * @fileoverview How much of a chapter is template markup rather than prose: front matter, {% … %} tags, {{ … }}
 * expressions, {# … #} comments and [[ … ]] references, as a share of all characters (line breaks aside). The
 * short syntax exists to keep chapters readable for editors; `npm run lint:content` prints this share per chapter.
 */

export interface MarkupShare {
  /** Characters of the chapter, line breaks excluded. */
  total: number;
  /** Characters of markup among them. */
  markup: number;
  /** markup / total (0 for an empty file). */
  share: number;
}

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
  for (const pattern of MARKUP)
    rest = rest.replace(pattern, (span) => {
      markup += count(span);
      // Keep only the line breaks, so that later patterns cannot match across what was removed.
      return span.replace(/[^\n]/g, "");
    });
  return {total, markup, share: total === 0 ? 0 : markup / total};
}
