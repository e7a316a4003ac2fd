/**
 * @fileoverview The headings of a rendered chapter (h2/h3 with ids), for the chapter's own table of contents, as
 * plain text (the layout escapes it once: "研发&创新" must not show as "研发&amp;创新").
 */
export interface TocEntry {
  level: 2 | 3;
  id: string;
  text: string;
}

const HEADING = /<h([23])\s[^>]*id="([^"]+)"[^>]*>([\s\S]*?)<\/h\1>/g;

/** The heading's HTML is escaped already; the template escapes the text again, so it gets plain text. */
function unescapeHtml(text: string): string {
  return text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#0?39;/g, "'")
    .replace(/&amp;/g, "&");
}

export function headingsOf(html: string): TocEntry[] {
  return [...html.matchAll(HEADING)].map((m) => ({
    level: Number(m[1]) as 2 | 3,
    id: m[2]!,
    text: unescapeHtml(m[3]!.replace(/<[^>]+>/g, "").trim())
  }));
}
