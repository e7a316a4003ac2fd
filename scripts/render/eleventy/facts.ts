/**
 * @fileoverview Named facts: the conditions a chapter branches on, defined once per edition in prose.yaml (or in a
 * chapter's front matter) with the short reference syntax and evaluated against the figures file, so that no
 * template carries an inline expression:
 *
 *     facts:
 *       增速快于GDP: "[[增速]] > [[GDP增速]]"
 *
 *     …名义增长[[增速]][[若 增速快于GDP]]，快于名义GDP[[/若]]。
 *
 * An expression may compare and combine values (> < >= <= == !=, and, or, not, + - * /, parentheses); mathjs
 * evaluates it with only the referenced values in scope. A fact must come out true or false. `count(list)` counts
 * a named list (lists.ts); `[[逐年 增速]]` is the series of every year from b+1 to y, for max() or min().
 */
import {BuildError} from "../../lib/errors.ts";
import {getRecord, type RenderContext} from "../context.ts";
import {resolveReferenceId} from "./reference-html.ts";
import {parseRecordRef, parseReference, yearNames} from "./refs.ts";
import {bindReferences, decide} from "./expressions.ts";
import {namedList, type ListDefinitions} from "./lists.ts";
import {FACT_NAME} from "./conditions.ts";

export interface FactValue {
  value: boolean;
  /** The records the fact was decided from (for the page's provenance). */
  records: string[];
}

/**
 * Evaluates one fact expression; `where` names the chapter and fact for errors. `count(name)` is the number of
 * members of a named list of the edition (lists.ts).
 */
export function evaluateFact(
  context: RenderContext,
  expression: string,
  where: string,
  lists?: ListDefinitions
): FactValue {
  if (typeof expression !== "string")
    throw new BuildError(`${where}: a fact must be a string expression, found ${String(expression)}`);
  const years = yearNames(context.config);
  const records: string[] = [];
  const source = expression;
  expression = expression.replace(/\bcount\(\s*([^\s()]+)\s*\)/g, (_, name: string) => {
    const list = namedList(context, name, lists, `${where}: count(${name})`);
    records.push(...list.records);
    return `(${list.entities.length})`;
  });
  const bound = bindReferences(expression, where);
  const values = bound.refs.map((ref): number | number[] => {
    const at = `${where}: [[${ref.body}]]`;
    // [[逐年 增速/信息服务]]: the values of every year from b+1 to y, for max(), min() and the like.
    const series = /^\s*逐年\s/.test(ref.body) ? parseReference(ref.body, years, where) : undefined;
    if (series?.kind === "series") {
      const ids = series.years.map((year) => resolveReferenceId(context, {...series.ref, year}, at, lists));
      records.push(...ids);
      return ids.map((id) => getRecord(context, id, at).value);
    }
    const id = resolveReferenceId(context, parseRecordRef(ref.body.trim(), years, ref.body, where), at, lists);
    records.push(id);
    return getRecord(context, id, at).value;
  });
  const result = decide(bound, values, source, where, "a fact must be true or false (compare with > < ==)");
  return {value: result, records};
}

/** Evaluates a chapter's `facts:` front matter into {name: boolean}. */
export function evaluateFacts(
  context: RenderContext,
  definitions: unknown,
  where: string,
  lists?: ListDefinitions
): {values: Record<string, boolean>; records: string[]} {
  const values: Record<string, boolean> = {};
  const records: string[] = [];
  if (definitions === undefined || definitions === null) return {values, records};
  if (typeof definitions !== "object" || Array.isArray(definitions))
    throw new BuildError(`${where}: facts must be a map of name: "expression"`);
  for (const [name, expression] of Object.entries(definitions)) {
    if (!FACT_NAME.test(name) || /[且或]/.test(name))
      throw new BuildError(
        `${where}: fact name "${name}"; expected lower-case letters, digits and _, or a Chinese phrase that neither starts with 非 nor holds 且 or 或`
      );
    const fact = evaluateFact(context, expression as string, `${where}: fact ${name}`, lists);
    values[name] = fact.value;
    records.push(...fact.records);
  }
  return {values, records};
}
