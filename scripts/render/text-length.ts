/**
 * @fileoverview How long a built chapter is, as an editor counts it: CJK characters of the body text — headings, prose
 * and 专栏 boxes included; figures (captions, charts, data tables), tables, formulas, note marks and the chapter's
 * source notes left out. `npm run measure:text` and the tests compare the counts with the published papers'.
 */

/** The text of the chapter article of a built page, without the parts that are not body text. */
export function bodyText(html: string): string {
  const start = html.indexOf("<article");
  const end = html.indexOf("</article>");
  const article = start >= 0 && end > start ? html.slice(start, end) : html;
  return article
    .replace(/<(script|style|figure|table|sup)\b[\s\S]*?<\/\1>/g, "")
    .replace(/<section class="chapter-notes"[\s\S]*?<\/section>/g, "")
    .replace(/<div class="formula[\s\S]*?<\/div>\s*<\/div>/g, "")
    .replace(/<h1 class="chapter-title">[\s\S]*?<\/h1>/, "")
    .replace(/<[^>]+>/g, "");
}

/** CJK characters (unified ideographs) of a text. */
export function cjkCount(text: string): number {
  return text.match(/[\u3400-\u9fff]/g)?.length ?? 0;
}
