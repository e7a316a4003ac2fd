/**
 * @fileoverview Renders a parsed short reference ([[ … ]], see refs.ts) to HTML with the same elements as the
 * shortcodes: a number is a link to its record, a word is marked with the records it was chosen from.
 */
import {getRecord, similarIds, type RenderContext} from "../context.ts";
import {METRIC_TERMS} from "../labels.ts";
import {escapeHtml} from "../html.ts";
import type {FormatOptions} from "../format.ts";
import {numberElement, recordText} from "./numbers.ts";
import {
  DEFAULT_COMPARE_WORDS,
  defaultSignWords,
  entityIndex,
  metricId,
  parseReference,
  resolveRecordId,
  yearNames,
  type RecordLookup,
  type RecordRef,
  type Reference,
  type Words
} from "./refs.ts";

const lookups = new WeakMap<RenderContext, RecordLookup>();

/** The record look-up of a render context (its entity index is built once per context). */
export function recordLookup(context: RenderContext): RecordLookup {
  let lookup = lookups.get(context);
  if (!lookup) {
    const entities = entityIndex(context.figures.records);
    lookup = {has: (id) => context.records.has(id), entities};
    lookups.set(context, lookup);
  }
  return lookup;
}
import {compareWord, joinZh, rankEntities, signWord, type RankOptions} from "./words.ts";
import {namedList, type ListDefinitions} from "./lists.ts";
import {BuildError} from "../../lib/errors.ts";
import type {CloseWithin} from "../prose.ts";
import {entityRefs} from "../entity-pages.ts";

/** A word chosen from the data, marked with the records it depends on (a reader and a test can check it). */
export function wordElement(word: string, kind: "cmp" | "trend", ids: readonly string[]): string {
  if (word === "") return "";
  const attribute = kind === "cmp" ? "data-compare" : "data-sign";
  return `<span class="word-${kind}" ${attribute}="${escapeHtml(ids.join(" "))}">${escapeHtml(word)}</span>`;
}

/** The number element of a record printed with `format`. */
export function numberHtml(context: RenderContext, id: string, format: FormatOptions, where: string): string {
  const record = getRecord(context, id, where);
  return numberElement(id, recordText(record, format, where), record);
}

function signWords(words: Words): {up: string; down: string; flat?: string} {
  return words.same === undefined
    ? {up: words.more, down: words.less}
    : {up: words.more, down: words.less, flat: words.same};
}

/**
 * The record id of a reference: by name (refs.ts resolveRecordId) or, for scope:N, the entity ranked N-th by the
 * metric (aggregates such as 全部省份 left out). Throws the located error when the record does not exist.
 */
const metricSets = new WeakMap<RenderContext, Set<string>>();

/** A metric written neither as a term nor as an id of these figures: say so, with the closest terms and ids. */
function checkMetric(context: RenderContext, name: string, at: string): void {
  let metrics = metricSets.get(context);
  if (!metrics) metricSets.set(context, (metrics = new Set(context.figures.records.map((r) => r.metric))));
  if (metrics.has(metricId(name))) return;
  // Only what this edition can print: the terms of its metrics, and the ids.
  const known = [...Object.keys(METRIC_TERMS).filter((term) => metrics.has(METRIC_TERMS[term]!)), ...metrics];
  const hint = similarIds(name, known);
  throw new BuildError(
    `${at}: "${name}" is neither a metric term nor a metric id of the ${context.config.edition} figures${hint.length > 0 ? `; did you mean ${hint.map((h) => `"${h}"`).join(", ")}?` : ""}`
  );
}

export function resolveReferenceId(
  context: RenderContext,
  ref: RecordRef,
  at: string,
  lists?: ListDefinitions
): string {
  checkMetric(context, ref.metric, at);
  if (ref.rank !== undefined) {
    if (ref.rankBy !== undefined) checkMetric(context, ref.rankBy, at);
    const by = metricId(ref.rankBy ?? ref.metric);
    const list = ref.list !== undefined ? namedList(context, ref.list, lists, at) : undefined;
    const scope = list?.scope ?? ref.scope!;
    const order = ref.rank > 0 ? "desc" : "asc";
    const ranked = rankEntities(context, by, scope, ref.year, {order, ...(list ? {among: list.entities} : {})}, at);
    const chosen = ranked[Math.abs(ref.rank) - 1];
    if (!chosen) throw new BuildError(`${at}: rank ${ref.rank} of ${ranked.length} ${scope} entities`);
    if (ref.rankBy === undefined) return chosen.id;
    const id = `${metricId(ref.metric)}/${scope}/${chosen.entity}/${ref.year}${ref.period !== undefined ? `@${ref.period}` : ""}`;
    getRecord(context, id, at);
    return id;
  }
  const id = resolveRecordId(ref, recordLookup(context), at);
  getRecord(context, id, at);
  return id;
}

const entityPages = new WeakMap<RenderContext, Set<string>>();

/**
 * A province's or a section's name as a link to its page (province/<id>.html, sector/<id>.html: entity-pages.ts),
 * so that a reader goes from any generated name in the text to everything the edition computes for it; other
 * names (regions, tiers, groups) print as text. Chapters and the print page sit at the edition's root.
 */
export function entityNameHtml(context: RenderContext, scope: string, entity: string, nameZh: string): string {
  let pages = entityPages.get(context);
  if (!pages) entityPages.set(context, (pages = new Set(entityRefs(context).map((r) => r.url))));
  const url = `${scope}/${entity}.html`;
  return pages.has(url)
    ? `<a class="entity-name" href="${escapeHtml(url)}">${escapeHtml(nameZh)}</a>`
    : escapeHtml(nameZh);
}

/** The ranking options of a list reference, with the members of its named list (lists.ts) when it names one. */
function listOptions(
  context: RenderContext,
  reference: Extract<Reference, {kind: "list"}>,
  at: string,
  used?: Set<string>,
  lists?: ListDefinitions
): RankOptions {
  const {list: name, last: _last, byCode: _byCode, ...options} = reference.options;
  if (name === undefined) return options;
  const list = namedList(context, name, lists, at);
  if (list.scope !== reference.scope)
    throw new BuildError(`${at}: the list "${name}" holds ${list.scope} entities, not ${reference.scope}`);
  for (const id of list.records) used?.add(id);
  return {...options, among: list.entities};
}

/**
 * Each member of a scope against one record, in five groups joined by ，: 甲和乙高于全国，丙略高于全国，丁与全国基本持平，
 * 戊略低于全国，己低于全国 (empty groups left out). The names are marked with their records, the words with theirs.
 */
function groupsHtml(
  context: RenderContext,
  reference: Extract<Reference, {kind: "groups"}>,
  at: string,
  idOf: (ref: RecordRef) => string
): string {
  const bId = idOf(reference.b);
  const b = getRecord(context, bId, at);
  const bName = escapeHtml(b.entityZh ?? b.entity);
  const members = rankEntities(context, metricId(reference.metric), reference.scope, reference.year, {}, at);
  const {words, level, clear} = reference;
  const groups: {test: (d: number) => boolean; phrase: (word: (w: string) => string) => string}[] = [
    {test: (d) => d > clear, phrase: (w) => `${w(words.more)}${bName}`},
    {test: (d) => d > level && d <= clear, phrase: (w) => `${w(words.closeMore!)}${bName}`},
    {test: (d) => Math.abs(d) <= level, phrase: (w) => w(`与${bName}基本持平`)},
    {test: (d) => d < -level && d >= -clear, phrase: (w) => `${w(words.closeLess!)}${bName}`},
    {test: (d) => d < -clear, phrase: (w) => `${w(words.less)}${bName}`}
  ];
  const parts = groups.flatMap((group) => {
    const chosen = members.filter((m) => group.test(m.value - b.value));
    if (chosen.length === 0) return [];
    for (const m of chosen)
      idOf({metric: reference.metric, scope: reference.scope, entity: m.entity, year: reference.year});
    const ids = chosen.map((m) => m.id);
    const names = `<span class="word-list" data-records="${escapeHtml(ids.join(" "))}">${joinZh(chosen.map((m) => entityNameHtml(context, reference.scope, m.entity, m.entityZh)))}</span>`;
    return [`${names}${group.phrase((w) => wordElement(w, "cmp", [...ids, bId]))}`];
  });
  if (parts.length === 0) throw new BuildError(`${at}: no member of ${reference.scope} to compare`);
  return parts.join("，");
}

/** A list of entity names (or names with values) ranked by a metric, marked with the records it was chosen from. */
function listHtml(
  context: RenderContext,
  reference: Extract<Reference, {kind: "list"}>,
  at: string,
  used?: Set<string>,
  lists?: ListDefinitions
): string {
  const ranked = rankEntities(
    context,
    metricId(reference.metric),
    reference.scope,
    reference.year,
    listOptions(context, reference, at, used, lists),
    at
  );
  if (reference.options.byCode) ranked.sort((a, b) => a.entity.localeCompare(b.entity));
  if (ranked.length === 0) throw new BuildError(`${at}: no entity matches; loosen the filter or branch on a fact`);
  if (reference.valuesOnly)
    return joinZh(
      ranked.map((r) => {
        used?.add(r.id);
        return numberHtml(context, r.id, reference.format, at);
      }),
      reference.options.last ?? "、"
    );
  if (reference.values)
    return joinZh(
      ranked.map((r) => {
        used?.add(r.id);
        return `${entityNameHtml(context, reference.scope, r.entity, r.entityZh)}（${numberHtml(context, r.id, reference.format, at)}）`;
      }),
      "、"
    );
  const last = reference.options.last ?? "和";
  return `<span class="word-list" data-records="${escapeHtml(ranked.map((r) => r.id).join(" "))}">${joinZh(
    ranked.map((r) => entityNameHtml(context, reference.scope, r.entity, r.entityZh)),
    last,
    last === "以及" ? "，" : "、"
  )}</span>`;
}

/**
 * Checks that a reference names what exists (syntax, metric, entity, record, a ranking's records) without
 * computing what depends on the values: an empty list or two values that print alike can be legitimate in a branch
 * that the data do not take, so only rendering decides those.
 */
export function checkReference(context: RenderContext, source: string, where: string, lists?: ListDefinitions): void {
  const reference = parseReference(source, yearNames(context.config), where);
  const at = `${where}: [[${source.trim()}]]`;
  const refs =
    reference.kind === "compare"
      ? [reference.a, reference.b]
      : reference.kind === "list"
        ? []
        : reference.kind === "series"
          ? reference.years.map((year) => ({...reference.ref, year}))
          : reference.kind === "groups"
            ? [reference.b]
            : [reference.ref];
  for (const ref of refs) {
    if (ref.rank !== undefined && ref.list === undefined) {
      checkMetric(context, ref.metric, at);
      if (ref.rankBy !== undefined) checkMetric(context, ref.rankBy, at);
      rankEntities(context, metricId(ref.rankBy ?? ref.metric), ref.scope!, ref.year, {}, at);
    } else resolveReferenceId(context, ref, at, lists);
  }
  if (reference.kind === "list") {
    checkMetric(context, reference.metric, at);
    rankEntities(context, metricId(reference.metric), reference.scope, reference.year, {}, at);
    listOptions(context, reference, at, undefined, lists);
  }
}

/**
 * The HTML of the reference `[[source]]` in the chapter `where`; every record it reads is added to `used` (the
 * page's provenance cards).
 */
export function renderReference(
  context: RenderContext,
  source: string,
  where: string,
  used?: Set<string>,
  close?: CloseWithin,
  lists?: ListDefinitions
): string {
  const years = yearNames(context.config);
  const reference = parseReference(source, years, where);
  const at = `${where}: [[${source.trim()}]]`;
  const idOf = (ref: RecordRef): string => {
    const id = resolveReferenceId(context, ref, at, lists);
    used?.add(id);
    return id;
  };
  switch (reference.kind) {
    case "number":
      return numberHtml(context, idOf(reference.ref), reference.format, at);
    case "compare": {
      const [a, b] = [idOf(reference.a), idOf(reference.b)];
      return wordElement(compareWord(context, a, b, reference.words ?? DEFAULT_COMPARE_WORDS, at, close), "cmp", [
        a,
        b
      ]);
    }
    case "sign": {
      const id = idOf(reference.ref);
      const words = reference.words ?? defaultSignWords(getRecord(context, id, at).unit);
      return wordElement(signWord(context, id, signWords(words), at), "trend", [id]);
    }
    case "change": {
      const id = idOf(reference.ref);
      const words = reference.words ?? defaultSignWords(getRecord(context, id, at).unit);
      // The word carries the sign, so it never reads "持平" before a number: a zero change prints its word "" and 0.
      const word = signWord(context, id, {up: words.more, down: words.less, flat: ""}, at);
      return `${wordElement(word, "trend", [id])}${numberHtml(context, id, {...reference.format, abs: true}, at)}`;
    }
    case "name": {
      const id = idOf(reference.ref);
      const record = getRecord(context, id, at);
      return `<span class="word-list" data-records="${escapeHtml(id)}">${entityNameHtml(context, record.scope, record.entity, record.entityZh ?? record.entity)}</span>`;
    }
    case "list":
      return listHtml(context, reference, at, used, lists);
    case "groups":
      return groupsHtml(context, reference, at, idOf);
    case "series":
      return joinZh(
        reference.years.map(
          (year) =>
            `${reference.labels ? `${year}年` : ""}${numberHtml(context, idOf({...reference.ref, year}), reference.format, at)}`
        )
      );
  }
}
