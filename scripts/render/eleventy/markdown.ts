/**
 * @fileoverview The Markdown library of the chapters: markdown-it with inline HTML allowed (shortcodes emit HTML)
 * and heading ids from markdown-it-anchor with a slug that keeps Chinese characters.
 */
import MarkdownIt from "markdown-it";
import anchor from "markdown-it-anchor";

/** "（一）创新发展 提档升级" → "一创新发展-提档升级": letters and digits of any script, spaces to hyphens. */
export function slugify(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/\s+/g, "-")
    .replace(/[^\p{L}\p{N}-]/gu, "")
    .replace(/-+/g, "-")
    .replace(/^-|-$/g, "");
}

export function createMarkdown(): MarkdownIt {
  const md = new MarkdownIt({html: true, linkify: false, typographer: false});
  md.use(anchor, {level: [2, 3, 4], slugify, tabIndex: false});
  return md;
}
