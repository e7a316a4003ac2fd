/**
 * @fileoverview What a consistency rule sees and what it reports. The same rules run over the computed figures
 * (points, a tiny floating-point tolerance) and over the published numbers (intervals of printed precision); the
 * statistical inputs (GDP, employment) always come from the computed figures file, with a vintage tolerance when
 * they are used to judge published numbers.
 */
import type {EditionConfig} from "../edition-config.ts";
import type {Tier} from "../inputs.ts";
import type {FactStore, Fact} from "./facts.ts";
import {fmt, meets, widen, type Interval} from "./interval.ts";

export interface RuleContext {
  edition: number;
  /** The numbers checked. */
  store: FactStore;
  /** Statistical inputs (gdp/…, employed_persons/…): the computed figures file. */
  inputs: FactStore;
  /** Relative tolerance of the numbers checked (floating point for computed figures, 0 for printed intervals). */
  tolerance: number;
  /** Relative tolerance of right-hand sides built from `inputs` (their vintage may differ from the paper's). */
  inputTolerance: number;
  baseYear: number;
  methods: EditionConfig["methods"];
  regions: readonly {id: string; provinces: readonly string[]}[];
  /** Section entities by tier. */
  tierSections: ReadonlyMap<Tier, readonly string[]>;
  provinces: readonly string[];
}

export interface Finding {
  rule: string;
  /** Refs of the numbers the rule tested and found wrong (marked inconsistent in the reproduction). */
  flagged: string[];
  /** Refs of every number the finding rests on. */
  involved: string[];
  message: string;
}

export type Rule = (ctx: RuleContext) => Finding[];

/** One comparison: the tested fact against the interval the rule derives for it. */
export function compare(
  ctx: RuleContext,
  rule: string,
  fact: Fact,
  expected: Interval,
  involved: readonly string[],
  what: string,
  usesInputs = false
): Finding | undefined {
  const lhs = widen(fact.interval, ctx.tolerance, 1e-9);
  const rhs = widen(expected, ctx.tolerance + (usesInputs ? ctx.inputTolerance : 0), 1e-9);
  if (meets(lhs, rhs)) return undefined;
  return {
    rule,
    flagged: [fact.ref],
    involved: [...new Set([fact.ref, ...involved])],
    message: `${fact.id} = ${fmt(fact.interval)} but ${what} gives ${fmt(expected)}`
  };
}

export function compact<T>(items: readonly (T | undefined)[]): T[] {
  return items.filter((x): x is T => x !== undefined);
}
