/**
 * @fileoverview Named lists: the provinces, regions or sections that meet a condition, defined once per edition in
 * content/<edition>/prose.yaml with the short reference syntax, so that no chapter builds a list in a loop:
 *
 *     lists:
 *       new_thousand: "[[增加值/省份]] > 1000 and [[增加值/省份@p]] <= 1000"
 *       slower_than_gdp: "[[增速/省份]] <= [[GDP增速/省份]]"
 *
 * A reference that names a scope where an entity would go (增加值/省份, 增速/区域, 增加值/门类) stands for each
 * member of that scope in turn (aggregates such as 全部省份 left out); every other reference is the same for all.
 * One scope per list. The list holds the members for which the expression is true.
 *
 * A list may also be written out, by the members' names, when no condition chooses them:
 *
 *       other_services: [住宿餐饮, 居民服务, 文体娱乐, 卫生社会]
 *
 * Chapters use a list as a filter of a generated list, `[[名单 增加值/省份 new_thousand]]`, and facts count it,
 * `count(new_thousand) > 0`.
 */
import {BuildError} from "../../lib/errors.ts";
import {getRecord, type RenderContext} from "../context.ts";
import {recordLookup, resolveReferenceId} from "./reference-html.ts";
import {metricId, parseRecordRef, SCOPE_NAMES, yearNames, type RecordRef} from "./refs.ts";
import {bindReferences, decide} from "./expressions.ts";
import {rankEntities} from "./words.ts";

/** name → expression, or the members written out by name, as prose.yaml gives them. */
export type ListDefinitions = Readonly<Record<string, string | readonly string[]>>;

export interface NamedList {
  scope: string;
  /** Entity ids of the members, ranked by the first reference that stands for each member. */
  entities: string[];
  /** Every record the list was decided from (for the page's provenance). */
  records: string[];
}

const SCOPE_IDS = new Set(Object.values(SCOPE_NAMES));

function memberScope(ref: RecordRef): string | undefined {
  if (ref.scope !== undefined || ref.rank !== undefined || ref.entity === undefined) return undefined;
  return SCOPE_NAMES[ref.entity] ?? (SCOPE_IDS.has(ref.entity) ? ref.entity : undefined);
}

const cache = new WeakMap<RenderContext, Map<string, NamedList>>();

/** Evaluates the expression of a list; `where` names prose.yaml and the list for errors. */
export function evaluateListExpression(context: RenderContext, expression: string, where: string): NamedList {
  let byExpression = cache.get(context);
  if (!byExpression) cache.set(context, (byExpression = new Map()));
  const cached = byExpression.get(expression);
  if (cached) return cached;
  if (typeof expression !== "string")
    throw new BuildError(`${where}: a list must be a string expression, found ${String(expression)}`);
  const years = yearNames(context.config);
  const bound = bindReferences(expression, where);
  const refs = bound.refs.map((r) => ({...r, parsed: parseRecordRef(r.body.trim(), years, r.body, where)}));
  const scopes = new Set(refs.map((r) => memberScope(r.parsed)).filter((s) => s !== undefined));
  if (scopes.size !== 1)
    throw new BuildError(
      `${where}: "${expression}": ${scopes.size === 0 ? "no reference stands for the members" : `the members are of ${scopes.size} scopes (${[...scopes].join(", ")})`}; name one scope where an entity goes, e.g. [[增速/省份]] > [[GDP增速/省份]]`
    );
  const scope = [...scopes][0]!;
  const first = refs.find((r) => memberScope(r.parsed))!.parsed;
  const members = rankEntities(context, metricId(first.metric), scope, first.year, {}, where);
  const records = new Set<string>();
  const entities: string[] = [];
  for (const member of members) {
    const values = refs.map((r) => {
      const ref = memberScope(r.parsed) ? {...r.parsed, scope, entity: member.entity} : r.parsed;
      const at = `${where}: [[${r.body}]]`;
      const id = resolveReferenceId(context, ref, at);
      records.add(id);
      return getRecord(context, id, at).value;
    });
    if (decide(bound, values, expression, where, "a list needs a condition (> < ==)")) entities.push(member.entity);
  }
  const list = {scope, entities, records: [...records]};
  byExpression.set(expression, list);
  return list;
}

/** A list written out by the names (or ids) of its members; they must be of one scope. */
export function listOfNames(context: RenderContext, names: readonly string[], where: string): NamedList {
  const lookup = recordLookup(context);
  const found = names.map((name) => {
    const candidates = lookup.entities(name).filter((c) => SCOPE_IDS.has(c.scope));
    if (candidates.length !== 1)
      throw new BuildError(
        `${where}: "${name}" ${candidates.length === 0 ? "names no province, region, section, tier or segment" : `is ambiguous (${candidates.map((c) => `${c.scope}/${c.entity}`).join(", ")}); write its id`}`
      );
    return candidates[0]!;
  });
  const scopes = new Set(found.map((c) => c.scope));
  if (scopes.size !== 1)
    throw new BuildError(`${where}: the members are of ${scopes.size} scopes (${[...scopes].join(", ")})`);
  return {scope: found[0]!.scope, entities: found.map((c) => c.entity), records: []};
}

/** The list named `name` of the edition; a name that is no list fails, listing the names that are. */
export function namedList(
  context: RenderContext,
  name: string,
  lists: ListDefinitions | undefined,
  where: string
): NamedList {
  const expression = lists?.[name];
  if (expression === undefined) {
    const known = Object.keys(lists ?? {});
    throw new BuildError(
      `${where}: "${name}" is no list of this edition${known.length ? ` (lists: ${known.join(", ")})` : ""}; define it under lists: in prose.yaml`
    );
  }
  return typeof expression === "string"
    ? evaluateListExpression(context, expression, `${where}: list ${name}`)
    : listOfNames(context, expression, `${where}: list ${name}`);
}
