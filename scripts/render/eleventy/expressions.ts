/**
 * @fileoverview The conditions of prose.yaml (facts.ts, lists.ts) are arithmetic over references:
 * `[[增速]] > [[GDP增速]] and count(新进千亿省份) > 0`. This module turns the references into variables and decides
 * the expression with mathjs, compiled once per expression text: a list decides the same expression for every member
 * of a scope.
 */
import {compile, type EvalFunction} from "mathjs";
import {BuildError} from "../../lib/errors.ts";
import {findReferences} from "./refs.ts";

export interface BoundExpression {
  /** The expression with each reference replaced by v0, v1 …, for mathjs. */
  math: string;
  /** The references, in order: the value of reference i goes in variable `v${i}`. */
  refs: {body: string; start: number; end: number}[];
}

/** Replaces the references of `expression` by variables; `where` names the file and entry for errors. */
export function bindReferences(expression: string, where: string): BoundExpression {
  const refs = findReferences(expression);
  let math = "";
  let last = 0;
  refs.forEach((ref, i) => {
    math += `${expression.slice(last, ref.start)} v${i} `;
    last = ref.end;
  });
  math += expression.slice(last);
  if (/\[\[|\]\]/.test(math)) throw new BuildError(`${where}: "${expression}": unbalanced [[ ]]`);
  return {math, refs};
}

const compiled = new Map<string, EvalFunction>();

/**
 * Decides a bound expression with the values of its references (`values[i]` for reference i); it must come out true
 * or false. `source` is the expression as written; `otherwise` says what to write instead of an expression that gives
 * a number.
 */
export function decide(
  bound: BoundExpression,
  values: readonly (number | number[])[],
  source: string,
  where: string,
  otherwise: string
): boolean {
  let result: unknown;
  try {
    let code = compiled.get(bound.math);
    if (!code) compiled.set(bound.math, (code = compile(bound.math)));
    result = code.evaluate(Object.fromEntries(values.map((v, i) => [`v${i}`, v])));
  } catch (error) {
    throw new BuildError(`${where}: "${source}": ${(error as Error).message}`);
  }
  if (typeof result !== "boolean") throw new BuildError(`${where}: "${source}" gives ${String(result)}; ${otherwise}`);
  return result;
}
