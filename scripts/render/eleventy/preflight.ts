/**
 * @fileoverview Before Eleventy renders anything, every short reference and named fact of every chapter is resolved
 * against the figures file (what they name must exist; what depends on the values, such as an empty list in a
 * branch the data do not take, is left to rendering), and all the problems are reported at once as file:line (a new edition's chapters may
 * name dozens of records that do not exist yet; one build must list them all, not stop at the first). References
 * that depend on a template variable ({{ … }} inside the brackets) are checked when the page renders.
 */
import {load as parseYaml} from "js-yaml";
import {BuildError, DataError, type Problem} from "../../lib/errors.ts";
import type {RenderContext} from "../context.ts";
import {evaluateFacts} from "./facts.ts";
import {namedList} from "./lists.ts";
import {checkReference} from "./reference-html.ts";
import {findReferences} from "./refs.ts";
import {conditionMark, evaluateCondition, factNamesUsed} from "./conditions.ts";
import {citationProblems, shortCiteIds} from "./citations.ts";
import {formulaBlock} from "./method.ts";
import type {ProseSettings} from "../prose.ts";

export interface ChapterSource {
  /** content/<edition>/<file>, for messages. */
  inputPath: string;
  source: string;
}

/** The names of the facts a chapter's front matter defines (none when it has none or does not parse). */
function frontMatterFactNames(front: string | undefined): string[] {
  if (!front) return [];
  try {
    const facts = (parseYaml(front) as {facts?: Record<string, unknown>} | null)?.facts;
    return facts && typeof facts === "object" ? Object.keys(facts) : [];
  } catch {
    return [];
  }
}

function lineOf(text: string, index: number): number {
  return text.slice(0, index).split("\n").length;
}

/** Strips the `where: [[…]]: ` prefix that the resolvers put in front of their messages. */
function problemText(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/^[^\n]*?\]\]: /, "").replace(/^[^:\n]*\.md: /, "");
}

/** Every unresolvable reference and fact of the chapters; throws a DataError listing them all. */
export function preflightReferences(
  context: RenderContext,
  chapters: readonly ChapterSource[],
  prose?: ProseSettings,
  figureIds?: readonly string[]
): void {
  const problems: Problem[] = [];
  const lists = prose?.lists;
  for (const [name, expression] of Object.entries(lists ?? {}))
    try {
      namedList(context, name, lists, prose!.inputPath);
    } catch (error) {
      if (!(error instanceof BuildError)) throw error;
      problems.push({
        file: prose!.inputPath,
        row: prose!.listLines[name] ?? 1,
        column: `lists.${name}`,
        value: String(expression),
        expected: problemText(error)
      });
    }
  for (const [name, expression] of Object.entries(prose?.facts ?? {}))
    try {
      evaluateFacts(context, {[name]: expression}, prose!.inputPath, lists);
    } catch (error) {
      if (!(error instanceof BuildError)) throw error;
      problems.push({
        file: prose!.inputPath,
        row: prose!.factLines[name] ?? 1,
        column: `facts.${name}`,
        value: expression,
        expected: problemText(error)
      });
    }
  for (const chapter of chapters) {
    problems.push(...citationProblems(chapter.inputPath, chapter.source, context.reference.citations));
    const front = /^---\n([\s\S]*?)\n---\n/.exec(chapter.source);
    const body = chapter.source;
    const ownFacts = frontMatterFactNames(front?.[1]);
    for (const ref of findReferences(body)) {
      if (ref.body.includes("{{") || ref.body.includes("{%")) continue;
      if (front && ref.start < front[0].length) continue;
      try {
        // Note marks are checked by citationProblems above.
        if (shortCiteIds(ref.body) || ref.body.trim() === "注释") continue;
        const [head, id, ...rest] = ref.body.trim().split(/\s+/);
        if ((head === "图" || head === "见" || head === "公式") && id !== undefined && rest.length === 0) {
          if (head === "公式") formulaBlock(id, chapter.inputPath);
          else if (figureIds && !figureIds.includes(id))
            throw new BuildError(
              `${chapter.inputPath}: [[${ref.body}]]: no figure "${id}"; known: ${figureIds.join(", ")}`
            );
          continue;
        }
        const mark = conditionMark(ref.body);
        if (mark) {
          // Names only: the values are decided when the page renders.
          const known = new Set([...Object.keys(prose?.facts ?? {}), ...ownFacts]);
          if (mark.kind === "if" || mark.kind === "elif")
            evaluateCondition(
              mark.expression,
              (name) => (known.has(name) ? true : undefined),
              chapter.inputPath,
              () => [...known]
            );
          continue;
        }
        checkReference(context, ref.body, chapter.inputPath, lists);
      } catch (error) {
        if (!(error instanceof BuildError)) throw error;
        problems.push({
          file: chapter.inputPath,
          row: lineOf(body, ref.start),
          value: `[[${ref.body}]]`,
          expected: problemText(error)
        });
      }
    }
    if (front) {
      let data: unknown;
      try {
        data = parseYaml(front[1]!);
      } catch (error) {
        problems.push({
          file: chapter.inputPath,
          row: 2,
          expected: `valid front matter (${(error as Error).message.split("\n")[0]})`
        });
        continue;
      }
      const facts = (data as {facts?: Record<string, unknown>} | null)?.facts;
      for (const [name, expression] of Object.entries(facts ?? {}))
        if (prose && name in prose.facts)
          problems.push({
            file: chapter.inputPath,
            row: chapter.source.split("\n").findIndex((l) => l.trimStart().startsWith(`${name}:`)) + 1 || 2,
            column: `facts.${name}`,
            value: name,
            expected: `a name not defined in ${prose.inputPath} already (a fact is defined once: rename it or remove one)`
          });
        else
          try {
            evaluateFacts(context, {[name]: expression}, chapter.inputPath, lists);
          } catch (error) {
            if (!(error instanceof BuildError)) throw error;
            const line = chapter.source.split("\n").findIndex((l) => l.trimStart().startsWith(`${name}:`)) + 1;
            problems.push({
              file: chapter.inputPath,
              row: line || 2,
              column: `facts.${name}`,
              value: String(expression),
              expected: problemText(error)
            });
          }
    }
  }
  if (problems.length > 0) throw new DataError(problems);
}

/**
 * Facts of the edition's prose.yaml that no chapter names ({% if fact.name %} or [[若 name]]): left over from an edit, they are
 * evaluated on every build and mislead whoever reads the file. The build warns with their names.
 */
export function unusedFacts(prose: ProseSettings, chapters: readonly ChapterSource[]): string[] {
  const used = new Set(chapters.flatMap((c) => [...factNamesUsed(c.source)]));
  return Object.keys(prose.facts).filter((name) => !used.has(name));
}

/** Lists of prose.yaml that no list reference of a chapter and no fact of prose.yaml names. */
export function unusedLists(prose: ProseSettings, chapters: readonly ChapterSource[]): string[] {
  // Every word of every reference (a list is named in [[名单 …]], [[排名 …]] and ranks such as 增速/name:1) and of
  // the facts' count(…).
  const words = new Set<string>();
  for (const chapter of chapters)
    for (const ref of findReferences(chapter.source)) for (const word of ref.body.split(/[\s/:@#]+/)) words.add(word);
  for (const expression of Object.values(prose.facts))
    for (const match of expression.matchAll(/\bcount\(\s*([^\s()]+)\s*\)/g)) words.add(match[1]!);
  return Object.keys(prose.lists).filter((name) => !words.has(name));
}
