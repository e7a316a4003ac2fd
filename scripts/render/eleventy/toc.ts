/**
 * @fileoverview The headings of a rendered chapter (h2/h3 with ids), for the chapter's own table of contents.
 */
export interface TocEntry {
  level: 2 | 3;
  id: string;
  text: string;
}

const HEADING = /<h([23])\s[^>]*id="([^"]+)"[^>]*>([\s\S]*?)<\/h\1>/g;

export function headingsOf(html: string): TocEntry[] {
  return [...html.matchAll(HEADING)].map((m) => ({
    level: Number(m[1]) as 2 | 3,
    id: m[2]!,
    text: m[3]!.replace(/<[^>]+>/g, "").trim()
  }));
}
