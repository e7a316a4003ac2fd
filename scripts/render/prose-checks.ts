/**
 * @fileoverview Editorial checks over a built chapter, as an editor would read it: sentence skeletons repeated too
 * often (the same sentence with only numbers and names changed), the same ranked list printed twice, and words by
 * which the paper would speak of its own making (原书, 复现, 网站, file paths …).
 */
import type {FiguresFile} from "../model/records/records.ts";
import {bodyText} from "./text-length.ts";
import {SELF_REFERENCE} from "./lint-content.ts";

/** The Chinese names of the entities an edition's records name (provinces, sectors, regions, segments, …). */
export function entityNames(figures: FiguresFile): string[] {
  return [
    ...new Set(
      figures.records.map((r) => r.entityZh).filter((n): n is string => typeof n === "string" && n.length >= 2)
    )
  ];
}

/**
 * Each sentence of the chapter with numbers, linked words and the given names replaced by placeholders; sentences
 * shorter than `minLength` CJK characters (headings, short transitions) are left out.
 */
export function skeletons(html: string, names: readonly string[], minLength = 12): string[] {
  const marked = html
    .replace(/<a class="num[^"]*"[^>]*>[\s\S]*?<\/a>/g, "#")
    .replace(/<span class="word[^"]*"[^>]*>[\s\S]*?<\/span>/g, "~");
  // Longest names first, so 长江中游 is not taken as 长江 + 中游.
  const sorted = [...names].sort((a, b) => b.length - a.length);
  let text = bodyText(marked).replace(/\d+(\.\d+)?/g, "#");
  for (const name of sorted) text = text.split(name).join("X");
  return text
    .split(/[。；！？\n]/)
    .map((s) => s.replace(/\s+/g, ""))
    .filter((s) => (s.match(/[\u3400-\u9fff]/g)?.length ?? 0) >= minLength);
}

/** Skeletons that occur more than `limit` times, with their count. */
export function repeatedSkeletons(
  html: string,
  names: readonly string[],
  limit = 4
): {skeleton: string; count: number}[] {
  const counts = new Map<string, number>();
  for (const s of skeletons(html, names)) counts.set(s, (counts.get(s) ?? 0) + 1);
  return [...counts].filter(([, n]) => n > limit).map(([skeleton, count]) => ({skeleton, count}));
}

/** Lists of three or more names (joined by 、) printed more than once in the chapter, in the same order. */
export function repeatedLists(html: string, names: readonly string[]): string[] {
  const text = bodyText(html.replace(/<a class="num[^"]*"[^>]*>[\s\S]*?<\/a>/g, "")).replace(/（[^）]*）/g, "");
  const alternatives = [...names]
    .sort((a, b) => b.length - a.length)
    .map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
    .join("|");
  const list = new RegExp(`(?:${alternatives})(?:[、和](?:${alternatives})){2,}`, "g");
  const seen = new Map<string, number>();
  for (const m of text.matchAll(list)) seen.set(m[0], (seen.get(m[0]) ?? 0) + 1);
  return [...seen].filter(([, n]) => n > 1).map(([l]) => l);
}

/**
 * The self-referring words found in a text, each with a little context. The sources' web addresses (and the
 * continuation lines of an address a PDF wraps) are not the paper speaking of itself.
 */
export function selfReferences(raw: string): string[] {
  const text = raw
    .replace(/https?:\/\/\S+/g, "")
    .split("\n")
    .filter((line) => !(/\//.test(line) && !/[\u3400-\u9fff]/.test(line)))
    .join("\n");
  const hits: string[] = [];
  const pattern = new RegExp(SELF_REFERENCE.source, "g");
  for (const m of text.matchAll(pattern)) hits.push(text.slice(Math.max(0, m.index - 12), m.index + m[0].length + 12));
  return hits;
}
