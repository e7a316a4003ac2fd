/**
 * @fileoverview Short conditions in the chapters' prose: a part of a sentence that is printed only when a named
 * fact (content/<edition>/prose.yaml) holds, written with the same brackets as the numbers:
 *
 *     长三角[[若 yrd_largest]]是规模最大的区域，[[否则]]是重要区域，[[/若]]名义增长[[增速/长三角]]。
 *
 *     [[若 a]] … [[否则若 b]] … [[否则]] … [[/若]]     one branch is printed; branches nest
 *     a 且 b, a 或 b, 非 a                                 且 binds before 或; no parentheses (name a fact instead)
 *
 * A short condition opens and closes within one paragraph (a whole paragraph or more is a {% if fact["名称"] %} block).
 * This module is pure: it recognises the marks, parses and evaluates their expressions, and lists the fact names a
 * chapter uses; the Markdown rule that keeps the printed branch is in markdown.ts.
 */
import {BuildError} from "../../lib/errors.ts";
import {similarIds} from "../context.ts";

export type ConditionMark =
  {kind: "if"; expression: string} | {kind: "elif"; expression: string} | {kind: "else"} | {kind: "end"};

/** The condition mark a reference body is, or undefined when it is a number, word or list reference. */
export function conditionMark(body: string): ConditionMark | undefined {
  const text = body.trim();
  if (text === "否则") return {kind: "else"};
  if (text === "/若") return {kind: "end"};
  const elif = /^否则若\s+(.+)$/.exec(text);
  if (elif) return {kind: "elif", expression: elif[1]!.trim()};
  const open = /^若\s+(.+)$/.exec(text);
  if (open) return {kind: "if", expression: open[1]!.trim()};
  return undefined;
}

/**
 * A fact name: an id (lower-case letters, digits, _) or a short Chinese phrase (长三角规模最大, 东北2019年负增长) that
 * neither starts with 非 nor holds 且 or 或, the words that combine names.
 */
export const FACT_NAME = /^(?:[a-z][a-z0-9_]*|(?!非)[\p{Script=Han}][\p{Script=Han}A-Za-z0-9]*)$/u;
const NAME = FACT_NAME;

/** The expression as alternatives (或) of conjunctions (且) of possibly negated (非) fact names. */
function parseExpression(expression: string, where: string): {name: string; negated: boolean}[][] {
  const fail = (what: string) =>
    new BuildError(
      `${where}: [[若 ${expression}]]: ${what}; expected fact names of prose.yaml joined by 且 or 或, each may be preceded by 非`
    );
  return expression.split(/\s+或\s+/).map((alternative) =>
    alternative.split(/\s+且\s+/).map((term) => {
      const match = /^(非\s*)?(\S+)$/.exec(term.trim());
      if (!match || !NAME.test(match[2]!) || /[且或]/.test(match[2]!))
        throw fail(`"${term.trim()}" is not a fact name`);
      return {name: match[2]!, negated: Boolean(match[1])};
    })
  );
}

/** The fact names an expression reads, in order. */
export function conditionFactNames(expression: string, where = "condition"): string[] {
  return parseExpression(expression, where).flatMap((alternative) => alternative.map((term) => term.name));
}

/**
 * Evaluates an expression with `fact` giving each name's value (undefined for a name that is no fact). A name
 * that is no fact fails, naming the known facts closest to it (a list of every fact runs to a few hundred names).
 */
export function evaluateCondition(
  expression: string,
  fact: (name: string) => boolean | undefined,
  where: string,
  known: () => readonly string[] = () => []
): boolean {
  const value = (name: string): boolean => {
    const result = fact(name);
    if (result === undefined) {
      const close = similarIds(name, known());
      throw new BuildError(
        `${where}: [[若 ${expression}]]: "${name}" is no fact of this edition; ${close.length > 0 ? `did you mean ${close.map((c) => `"${c}"`).join(", ")}? If not, define it` : "define it"} under facts: in prose.yaml`
      );
    }
    return result;
  };
  // Every name is looked up (no short-circuit), so an unknown name fails whatever the others say.
  const alternatives = parseExpression(expression, where).map((alternative) =>
    alternative.map((term) => value(term.name) !== term.negated)
  );
  return alternatives.some((alternative) => alternative.every(Boolean));
}

/**
 * Every fact name a chapter's source uses: in {% if fact.name %} / {% if fact["名称"] %} tags and in [[若 …]] /
 * [[否则若 …]] marks.
 */
export function factNamesUsed(source: string): Set<string> {
  const names = new Set<string>();
  for (const match of source.matchAll(/\bfact\.([a-z][a-z0-9_]*)/g)) names.add(match[1]!);
  for (const match of source.matchAll(/\bfact\[\s*"([^"]+)"\s*\]/g)) names.add(match[1]!);
  for (const match of source.matchAll(/\[\[([^[\]\n]+)\]\]/g)) {
    const mark = conditionMark(match[1]!);
    if (mark && (mark.kind === "if" || mark.kind === "elif"))
      for (const word of mark.expression.split(/\s+/)) {
        const name = word.replace(/^非/, "");
        if (word !== "且" && word !== "或" && NAME.test(name)) names.add(name);
      }
  }
  return names;
}
