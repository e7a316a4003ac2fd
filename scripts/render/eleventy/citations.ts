/**
 * @fileoverview Citations of sourced facts in the chapters: `{% cite "P024" %}` (or several ids) prints a note mark
 * [1], numbered per chapter in order of first citation, and `{% notes %}` at the chapter's end prints the numbered
 * reference lines with their URLs. Ids are prefixed with the chapter's file slug, so the print page, which holds
 * every chapter, keeps them apart. The preflight checks every cited id and that a citing chapter has its notes.
 */
import {BuildError, type Problem} from "../../lib/errors.ts";
import type {Citation} from "../../model/inputs.ts";
import {escapeHtml} from "../html.ts";

/** `{% cite "P024" %}` / `{% cite "P024", "C031" %}` in a chapter source: the ids and where. */
const CITE = /\{%-?\s*cite\s+((?:"[^"]*"\s*,?\s*)+)-?%\}/g;
const NOTES = /\{%-?\s*notes\s*-?%\}/;

export class ChapterNotes {
  private readonly byId: ReadonlyMap<string, Citation>;
  /** Page slug → cited ids in order of first citation. */
  private readonly cited = new Map<string, string[]>();

  constructor(citations: readonly Citation[]) {
    this.byId = new Map(citations.map((c) => [c.id, c]));
  }

  /** The note mark(s) for `ids` cited on page `slug`. */
  cite(slug: string, ids: readonly unknown[], where: string): string {
    if (ids.length === 0) throw new BuildError(`${where}: cite needs at least one id, e.g. {% cite "P024" %}`);
    let list = this.cited.get(slug);
    if (!list) this.cited.set(slug, (list = []));
    const marks = ids.map((id) => {
      if (typeof id !== "string" || !this.byId.has(id))
        throw new BuildError(
          `${where}: cite: unknown id ${JSON.stringify(id)}; expected an id of data/context/cited-*.csv`
        );
      if (!list.includes(id)) list.push(id);
      const n = list.indexOf(id) + 1;
      return `<a href="#note-${slug}-${n}">${n}</a>`;
    });
    return `<sup class="cite">[${marks.join("，")}]</sup>`;
  }

  /** The numbered reference lines of page `slug` (empty when it cited nothing). */
  notes(slug: string): string {
    const list = this.cited.get(slug) ?? [];
    if (list.length === 0) return "";
    const items = list
      .map((id, i) => {
        const c = this.byId.get(id)!;
        return `<li id="note-${slug}-${i + 1}">${escapeHtml(c.text.replace(/。$/, ""))}。<span class="note-url">${escapeHtml(c.url)}</span></li>`;
      })
      .join("");
    return `<section class="chapter-notes" aria-label="注释"><p class="chapter-notes-title">注释</p><ol>${items}</ol></section>`;
  }
}

/** Unknown cited ids (file:line) and a citing chapter without `{% notes %}`. */
export function citationProblems(inputPath: string, source: string, citations: readonly Citation[]): Problem[] {
  const known = new Set(citations.map((c) => c.id));
  const problems: Problem[] = [];
  let any = false;
  for (const match of source.matchAll(CITE)) {
    any = true;
    const row = source.slice(0, match.index).split("\n").length;
    for (const [, id] of match[1]!.matchAll(/"([^"]*)"/g))
      if (!known.has(id!))
        problems.push({
          file: inputPath,
          row,
          value: `{% cite "${id}" %}`,
          expected: "an id of data/context/cited-policies.csv, cited-events.csv or cited-cases.csv"
        });
  }
  if (any && !NOTES.test(source))
    problems.push({
      file: inputPath,
      expected: "{% notes %} at the end of a chapter that cites (it prints the numbered sources)"
    });
  return problems;
}

/** Every id the chapters cite, in order of first citation through the edition (for the 参考文献 list). */
export function citedIds(sources: readonly string[]): string[] {
  const ids: string[] = [];
  for (const source of sources)
    for (const match of source.matchAll(CITE))
      for (const [, id] of match[1]!.matchAll(/"([^"]*)"/g)) if (!ids.includes(id!)) ids.push(id!);
  return ids;
}

/** 参考文献: every source the edition cites, numbered, with its URL. */
export function bibliographyHtml(ids: readonly string[], citations: readonly Citation[]): string {
  const byId = new Map(citations.map((c) => [c.id, c]));
  const items = ids
    .filter((id) => byId.has(id))
    .map((id) => {
      const c = byId.get(id)!;
      return `<li>${escapeHtml(c.text.replace(/。$/, ""))}。<span class="note-url">${escapeHtml(c.url)}</span></li>`;
    })
    .join("");
  return `<ol class="bibliography">${items}</ol>`;
}
