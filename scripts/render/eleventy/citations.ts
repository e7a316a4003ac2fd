/**
 * @fileoverview Citations of sourced facts in the chapters, numbered once for the whole edition: `[[注 P024]]`
 * (or several ids: `[[注 P024 C031]]`; the template form `{% cite "P024" %}` prints the same) prints the note mark
 * [n] where n is the source's number in the edition's 参考文献 (numbered in order of first citation through the
 * chapters), `[[注释]]` at a chapter's end prints the 注释 — the sources that
 * chapter cites, under the same numbers — and `{% bibliography %}` prints the 参考文献. An entry is the bibliographic
 * line the import built (issuer, title, document number, date; short title, publisher, date); its URL is printed only
 * when the host is official or mainstream media (trust of data/context/cited-*.csv). Citing a row PROVENANCE.md warns
 * about prints a warning with the chapter, id and URL. Anchors carry the chapter's file slug, so the print page, which
 * holds every chapter, keeps them apart. The preflight checks every cited id and that a citing chapter has its notes.
 */
import {BuildError, type Problem} from "../../lib/errors.ts";
import {warn} from "../../lib/progress.ts";
import type {Citation} from "../../model/inputs.ts";
import type {FigureRecord} from "../../model/records/records.ts";
import {releaseOfNote} from "../../model/records/record-notes.ts";
import {metricLabel} from "../labels.ts";
import {escapeHtml} from "../html.ts";

/** `{% cite "P024" %}` / `{% cite "P024", "C031" %}` in a chapter source: the ids and where. */
const CITE = /\{%-?\s*cite\s+((?:"[^"]*"\s*,?\s*)+)-?%\}/g;
/** The short form of the prose, `[[注 P024]]` / `[[注 P024 C031]]`. */
const SHORT_CITE = /\[\[注\s+([A-Za-z0-9_ ]+?)\s*\]\]/g;
const NOTES = /\{%-?\s*notes\s*-?%\}|\[\[注释\]\]/;

/** The ids a note mark of either form cites, in order, with the offset of the mark. */
function citeMarks(source: string): {index: number; ids: string[]}[] {
  const found = [
    ...[...source.matchAll(CITE)].map((m) => ({
      index: m.index,
      ids: [...m[1]!.matchAll(/"([^"]*)"/g)].map((i) => i[1]!)
    })),
    ...[...source.matchAll(SHORT_CITE)].map((m) => ({index: m.index, ids: m[1]!.trim().split(/\s+/)}))
  ];
  return found.sort((a, b) => a.index - b.index);
}

/** The ids of a short note mark's body (`注 P024 C031`), or undefined when the body is no note mark. */
export function shortCiteIds(body: string): string[] | undefined {
  const match = /^\s*注\s+([A-Za-z0-9_ ]+?)\s*$/.exec(body);
  return match ? match[1]!.split(/\s+/) : undefined;
}

/** The URL is printed for official and mainstream-media hosts only. */
export function printsUrl(c: Citation): boolean {
  return c.trust === "official" || c.trust === "media";
}

/**
 * One numbered entry: "[n] entry。" and, on the next line, its URL for an official or media host, or when another
 * source of the edition prints the same entry (two pages on one platform, say): the URL then tells them apart.
 */
function entryHtml(n: number, c: Citation, shared: boolean): string {
  const url = printsUrl(c) || shared ? `<span class="note-url">${escapeHtml(c.url)}</span>` : "";
  return `<span class="note-n">[${n}]</span>${escapeHtml(c.text.replace(/。$/, ""))}。${url}`;
}

export class ChapterNotes {
  private readonly byId: ReadonlyMap<string, Citation>;
  /**
   * Source id → its number in the edition (the 参考文献's order). Rows that are one source (the same entry and URL:
   * several figures from one report) share a number, so the paper lists that source once.
   */
  private readonly numbers = new Map<string, number>();
  /** Entry + URL → its number; entry → the URLs cited under it. */
  private readonly sources = new Map<string, number>();
  private readonly urlsOfEntry = new Map<string, Set<string>>();
  /** Page slug → cited ids. */
  private readonly cited = new Map<string, Set<string>>();
  private readonly warned = new Set<string>();

  /**
   * @param order every cited id in order of first citation through the edition (citedIds of the chapters' sources)
   * @param onCaveat where the warning about a cited row PROVENANCE.md warns about goes (the build's warnings)
   */
  constructor(
    citations: readonly Citation[],
    order: readonly string[],
    private readonly onCaveat: (line: string) => void = warn
  ) {
    this.byId = new Map(citations.map((c) => [c.id, c]));
    for (const id of order) if (this.byId.has(id)) this.number(id);
  }

  /** The source's number: that of an earlier row with the same entry and URL, or the next one. */
  private number(id: string): number {
    let n = this.numbers.get(id);
    if (n !== undefined) return n;
    // Not in the order (a template outside the chapters cites it): numbered after the others.
    const c = this.byId.get(id)!;
    const source = `${c.text}\n${c.url}`;
    n = this.sources.get(source) ?? this.sources.size + 1;
    this.sources.set(source, n);
    this.numbers.set(id, n);
    let urls = this.urlsOfEntry.get(c.text);
    if (!urls) this.urlsOfEntry.set(c.text, (urls = new Set()));
    urls.add(c.url);
    return n;
  }

  /** The entry of source `id` with its number; its URL shown when another source prints the same entry. */
  private entry(id: string): string {
    const c = this.byId.get(id)!;
    return entryHtml(this.number(id), c, (this.urlsOfEntry.get(c.text)?.size ?? 0) > 1);
  }

  /** The note mark for `ids` cited on page `slug`, joined to the text before it (no line starts with a mark). */
  cite(slug: string, ids: readonly unknown[], where: string): string {
    if (ids.length === 0) throw new BuildError(`${where}: cite needs at least one id, e.g. {% cite "P024" %}`);
    let list = this.cited.get(slug);
    if (!list) this.cited.set(slug, (list = new Set()));
    const marks = ids.map((id) => {
      if (typeof id !== "string" || !this.byId.has(id))
        throw new BuildError(
          `${where}: cite: unknown id ${JSON.stringify(id)}; expected an id of data/context/cited-*.csv`
        );
      list.add(id);
      const c = this.byId.get(id)!;
      if (c.caveat && !this.warned.has(`${where} ${id}`)) {
        this.warned.add(`${where} ${id}`);
        this.onCaveat(`${where} cites ${id} (${c.url}): ${c.caveat}`);
      }
      const n = this.number(id);
      return `<a href="#note-${slug}-${n}">${n}</a>`;
    });
    // U+2060 WORD JOINER: no line break between the text and its mark. Rows of one source show its number once.
    return `&#x2060;<sup class="cite">[${[...new Set(marks)].join("，")}]</sup>`;
  }

  /** 注释: the sources page `slug` cites, under their edition numbers, in that order (empty when it cited nothing). */
  notes(slug: string): string {
    const ids = [...(this.cited.get(slug) ?? [])].sort((a, b) => this.number(a) - this.number(b));
    if (ids.length === 0) return "";
    // One line per source: rows of one source share a number.
    const items = ids
      .filter((id, i) => i === 0 || this.number(id) !== this.number(ids[i - 1]!))
      .map((id) => `<li id="note-${slug}-${this.number(id)}">${this.entry(id)}</li>`)
      .join("");
    return `<section class="chapter-notes" aria-label="注释"><p class="chapter-notes-title">注释</p><ol>${items}</ol></section>`;
  }

  /** 参考文献: every source of the edition, under the same numbers as the chapters' marks and notes. */
  bibliography(): string {
    const first = new Map<number, string>();
    for (const [id, n] of this.numbers) if (!first.has(n)) first.set(n, id);
    const items = [...first.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([n, id]) => `<li id="ref-${n}">${this.entry(id)}</li>`)
      .join("");
    return `<ol class="bibliography">${items}</ol>`;
  }
}

/** Unknown cited ids (file:line) and a citing chapter without `[[注释]]` (or `{% notes %}`). */
export function citationProblems(inputPath: string, source: string, citations: readonly Citation[]): Problem[] {
  const known = new Set(citations.map((c) => c.id));
  const problems: Problem[] = [];
  let any = false;
  for (const mark of citeMarks(source)) {
    any = true;
    const row = source.slice(0, mark.index).split("\n").length;
    for (const id of mark.ids)
      if (!known.has(id))
        problems.push({
          file: inputPath,
          row,
          value: id,
          expected: "an id of data/context/cited-policies.csv, cited-events.csv or cited-cases.csv"
        });
  }
  if (any && !NOTES.test(source))
    problems.push({
      file: inputPath,
      expected: "[[注释]] at the end of a chapter that cites (it prints the numbered sources)"
    });
  return problems;
}

/** Every id the chapters cite, in order of first citation through the edition (the numbering of 参考文献). */
export function citedIds(sources: readonly string[]): string[] {
  const ids: string[] = [];
  for (const source of sources)
    for (const mark of citeMarks(source)) for (const id of mark.ids) if (!ids.includes(id)) ids.push(id);
  return ids;
}

/** 2023-01-17 → 2023年1月17日 (2023-01 → 2023年1月). */
function dateZh(date: string): string {
  const [y, m, d] = date.split("-");
  return `${y}年${m ? `${Number(m)}月` : ""}${d ? `${Number(d)}日` : ""}`;
}

/**
 * The published statistics behind the observed indicators the edition prints (5G base stations, software revenue,
 * …), one line per publisher and release date with the indicators taken from it: the numbers of the chapters that are
 * not the model's and not a cited policy or case still name where they come from in the printed paper (the site links
 * each number to its record, which carries the page's address). Empty when no record names its release.
 */
export function dataSourcesHtml(records: readonly FigureRecord[]): string {
  const groups = new Map<string, {issuer: string; date: string; labels: string[]}>();
  for (const r of records) {
    if (r.kind !== "observed" || r.note === undefined) continue;
    const source = releaseOfNote(r.note);
    if (!source) continue;
    const key = `${source.issuer}|${source.date}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = {issuer: source.issuer, date: source.date, labels: []}));
    const label = metricLabel(r.metric);
    if (!group.labels.includes(label)) group.labels.push(label);
  }
  if (groups.size === 0) return "";
  const items = [...groups.values()]
    .sort((a, b) => a.date.localeCompare(b.date) || a.issuer.localeCompare(b.issuer))
    .map((g) => `<li>${escapeHtml(g.issuer)}，${escapeHtml(dateZh(g.date))}：${escapeHtml(g.labels.join("、"))}。</li>`)
    .join("");
  return `<ul class="data-sources">${items}</ul>`;
}
