/**
 * @fileoverview `npm run migrate:references [-- --edition 2022] [--check]`: rewrites the chapters from the long
 * shortcodes to the short reference syntax (scripts/render/eleventy/refs.ts) — once, by script, so that no number
 * is retyped by hand:
 *
 *   {% num "share_of_gdp" + nat + p %}                          → [[share_of_gdp@p]]
 *   {% cmp "a" + nat + y, "a" + nat + p, "升至", "降至", "保持在" %} → [[a ~ a@p 升至]]
 *   {% change "employment_new" + nat + y, "增加", "减少", "万人" %} → [[± employment_new 万人]]
 *   {% if rec("x" + nat + y).value > rec("z" + nat + y).value %} → {% if fact.x_above_z %} + a front-matter fact
 *
 * and drops the `{% set %}` aliases nothing uses any more (y, p, b, f are global). Record ids are resolved
 * symbolically (y, p, b, f stay names), checked against the edition's figures file (the short form must name the
 * same record), and anything the script cannot translate is left as it was. --check reports without writing.
 */
import {readFile, readdir, writeFile} from "node:fs/promises";
import path from "node:path";
import {parseArgs} from "node:util";
import {info} from "../lib/progress.ts";
import {readEditionConfig, listEditions} from "../load/edition.ts";
import {computeEdition} from "../pipeline/build-edition.ts";
import {recordId} from "../model/records/records.ts";
import {
  defaultSignWords,
  DEFAULT_COMPARE_WORDS,
  entityIndex,
  WORD_SETS,
  resolveRecordId,
  type RecordLookup,
  type RecordRef,
  type Words
} from "../render/eleventy/refs.ts";
import {METRIC_TERMS, metricTerm, SECTION_SHORT_NAMES} from "../render/labels.ts";
import {markupShare} from "../render/markup-share.ts";
import {defaultDisplayUnit} from "../render/format.ts";
import {runCommand} from "./main.ts";

const root = path.resolve(import.meta.dirname, "../..");

/** A piece of a symbolically evaluated expression. */
type Piece = {text: string} | {year: "y" | "p" | "b" | "f"} | {raw: string};
type Value = Piece[] | undefined;

interface Edition {
  years: {y: number; p: number; b: number; f: number};
  has: (id: string) => boolean;
  lookup: RecordLookup;
  /** Chinese names of an entity (for the shortest reference). */
  namesOf: (scope: string, entity: string) => string[];
  unitOf: (id: string) => string | undefined;
  unitOfMetric: (metric: string, scope: string) => string | undefined;
}

/** Splits at a top-level separator (outside strings, brackets and parentheses); trims the parts. */
function splitTopLevel(text: string, separator: "," | "+"): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote = "";
  let current = "";
  for (const ch of text) {
    if (quote) {
      current += ch;
      if (ch === quote) quote = "";
      continue;
    }
    if (ch === '"' || ch === "'") quote = ch;
    else if ("([{".includes(ch)) depth++;
    else if (")]}".includes(ch)) depth--;
    else if (ch === separator && depth === 0) {
      parts.push(current.trim());
      current = "";
      continue;
    }
    current += ch;
  }
  parts.push(current.trim());
  return parts;
}

/** Shortcode arguments: "a", "b", k=v (a trailing empty argument dropped). */
const splitArgs = (text: string): string[] =>
  splitTopLevel(text, ",").filter((part, i, all) => part !== "" || i < all.length - 1);
/** A concatenation a + b + c. */
const splitConcat = (text: string): string[] => splitTopLevel(text, "+");

const EDITION_YEARS: Record<string, "y" | "b" | "f"> = {
  "edition.dataYears[1]": "y",
  "edition.dataYears[0]": "b",
  "edition.baseYear": "b",
  "edition.forecastYear": "f"
};

/** Evaluates a string/number expression symbolically; undefined when it is not a plain concatenation. */
function evaluate(expr: string, scope: ReadonlyMap<string, Piece[]>): Value {
  const text = expr.trim();
  const year = EDITION_YEARS[text];
  if (year) return [{year}];
  const minusOne = /^([A-Za-z_]\w*)\s*-\s*1$/.exec(text);
  if (minusOne) {
    const v = scope.get(minusOne[1]!);
    if (v?.length === 1 && "year" in v[0]! && v[0].year === "y") return [{year: "p"}];
    return undefined;
  }
  const parts = splitConcat(text);
  const out: Piece[] = [];
  for (const part of parts) {
    const literal = /^"([^"]*)"$|^'([^']*)'$/.exec(part);
    if (literal) out.push({text: literal[1] ?? literal[2]!});
    else if (/^\d+$/.test(part)) out.push({text: part});
    else if (/^[A-Za-z_][\w.]*(\[\d+\])?(\.\w+)*$/.test(part)) {
      const known = EDITION_YEARS[part] ? [{year: EDITION_YEARS[part]!} as Piece] : scope.get(part);
      out.push(...(known ?? [{raw: part}]));
    } else return undefined;
  }
  return out;
}

/** Pieces → the text of a short reference, checked against the edition; undefined when not expressible. */
function shortRef(pieces: Piece[], edition: Edition): {ref: string; id?: string} | undefined {
  // Join into a template string where year pieces are markers and raw pieces are {{ raw }}.
  let s = "";
  for (const p of pieces) s += "text" in p ? p.text : "year" in p ? `‹${p.year}›` : `{{ ${p.raw} }}`;
  const match =
    /^([a-z0-9_]+|\{\{ [^}]+ \}\})\/([a-z0-9_]+|\{\{ [^}]+ \}\})\/([a-z0-9_]+|\{\{ [^}]+ \}\})\/(‹[ypbf]›|\d{4}|\{\{ [^}]+ \}\})(?:@(.+))?$/.exec(
      s
    );
  if (!match) return undefined;
  const [, metric, scope, entity, yearText, period] = match;
  const yearToken = yearText!.startsWith("‹") ? yearText!.slice(1, 2) : yearText!;
  const yearPart = yearToken === "y" ? "" : `@${yearToken}`;
  let periodPart = "";
  if (period !== undefined) {
    const p = period.replace(/^‹([ypbf])›/, "$1");
    if (/[‹›]/.test(p)) return undefined;
    periodPart = `#${p}`;
  }
  // The resolved id for checking (only when everything is concrete).
  const concrete = !/\{\{/.test(s);
  const resolve = (text: string) =>
    text.replace(/‹([ypbf])›/g, (_, t: "y" | "p" | "b" | "f") => String(edition.years[t]));
  const id = concrete ? resolve(s) : undefined;
  const term = metricTerm(metric!) ?? metric!;
  const periodResolved = period !== undefined ? resolve(period) : undefined;
  const yearNum = /^\d{4}$/.test(yearToken) ? Number(yearToken) : edition.years[yearToken as "y"];
  const base = {metric: term, year: yearNum, ...(periodResolved !== undefined ? {period: periodResolved} : {})};
  const resolvesTo = (candidate: Partial<RecordRef>): boolean => {
    try {
      return resolveRecordId({...base, ...candidate}, edition.lookup) === id;
    } catch {
      return false;
    }
  };
  let where = `/${scope}/${entity}`;
  if (concrete) {
    const names = [entity!, ...edition.namesOf(scope!, entity!)].sort((x, y) => x.length - y.length);
    if (resolvesTo({})) where = "";
    else {
      const short = names.find((name) => resolvesTo({entity: name}));
      if (short !== undefined) where = `/${short}`;
    }
  } else if (scope === "national" && entity === "china") where = "";
  const ref = `${term}${where}${yearPart}${periodPart}`;
  return id !== undefined ? {ref, id} : {ref};
}

function wordsText(words: string[], fallback: Words): string | undefined {
  const [more, less, same] = words;
  if (!more || !less) return undefined;
  if (more === fallback.more && less === fallback.less && (same === undefined || same === fallback.same)) return "";
  const set = WORD_SETS.find((w) => w.more === more && w.less === less && (same === undefined || same === w.same));
  if (set) return ` ${set.more}`;
  if ([more, less, same].some((w) => w !== undefined && /[\s/\]]/.test(w))) return undefined;
  return ` ${same === undefined ? `${more}/${less}` : `${more}/${less}/${same}`}`;
}

function stringArg(arg: string | undefined): string | undefined {
  const m = arg === undefined ? null : /^"([^"]*)"$|^'([^']*)'$/.exec(arg.trim());
  return m ? (m[1] ?? m[2]) : undefined;
}

/** Format arguments of num/change: "万亿元", 3, unit="…", decimals=3, abs=true → " 万亿元 .3 abs". */
function formatText(args: string[], defaultUnit?: string): string | undefined {
  const tokens: string[] = [];
  let positional = 0;
  for (const arg of args) {
    const kw = /^(\w+)\s*=\s*(.+)$/.exec(arg);
    const [key, value] = kw ? [kw[1]!, kw[2]!.trim()] : [positional++ === 0 ? "unit" : "decimals", arg];
    if (key === "unit") {
      const unit = stringArg(value);
      if (unit === undefined) return undefined;
      // The record's own display unit is the default: writing it again is noise.
      if (unit !== defaultUnit || unit === "plain") tokens.push(unit);
    } else if (key === "decimals") {
      if (!/^\d$/.test(value)) return undefined;
      tokens.push(`.${value}`);
    } else if ((key === "abs" || key === "bare") && value === "true") tokens.push(key);
    else return undefined;
  }
  return tokens.map((t) => ` ${t}`).join("");
}

/** A ranking bound to an alias: ranked(metric, scope, year, {order, limit}), optionally one element of it. */
interface Ranking {
  metric: string;
  scope: string;
  year: string;
  order: "asc" | "desc";
  limit?: number;
  index?: number;
}

const SCOPE_ZH: Record<string, string> = {
  province: "省份",
  region: "区域",
  sector: "门类",
  tier: "产业",
  direct_segment: "领域"
};

interface Migration {
  text: string;
  converted: number;
  kept: number;
  facts: Map<string, string>;
}

/** Migrates one chapter source (pure: the edition answers which records exist). */
export function migrateChapter(source: string, edition: Edition): Migration {
  const frontMatter = /^---\n([\s\S]*?)\n---\n/.exec(source);
  let body = frontMatter ? source.slice(frontMatter[0].length) : source;
  // Aliases are read in document order: {% set name = "…" + … %} binds a plain concatenation from there on; a loop
  // variable or any other value unbinds the name (its uses stay as they are).
  const scope = new Map<string, Piece[]>();
  const everSet = new Map<string, Piece[][]>();
  const removable = new Set<string>();
  let converted = 0;
  let kept = 0;
  const facts = new Map<string, string>();
  const ref = (expr: string) => {
    const pieces = evaluate(expr, scope);
    if (!pieces) return undefined;
    const result = shortRef(pieces, edition);
    if (!result) return undefined;
    if (result.id !== undefined && !edition.has(result.id)) return undefined;
    return result;
  };

  // Aliases of rankings: {% set top = ranked("m", "province", y, {limit: 1})[0] %} is the entity ranked first.
  const rankings = new Map<string, Ranking>();
  const rankingOf = (expr: string): Ranking | undefined => {
    const m = /^ranked\(\s*([^,]+),\s*([^,]+),\s*([^,{}]+?)\s*(?:,\s*\{([^{}]*)\})?\s*\)(?:\[(\d+)\])?$/.exec(
      expr.trim()
    );
    if (!m) return undefined;
    const [metric, scopeName] = [evaluate(m[1]!, scope), evaluate(m[2]!, scope)];
    const year = evaluate(m[3]!, scope);
    if (!metric || !scopeName || !year || [metric, scopeName].some((v) => v.length !== 1 || !("text" in v[0]!)))
      return undefined;
    if (year.length !== 1 || "raw" in year[0]!) return undefined;
    const options = (m[4] ?? "").trim();
    let order: "asc" | "desc" = "desc";
    let limit: number | undefined;
    for (const option of options === "" ? [] : options.split(",")) {
      const kv = /^\s*(\w+)\s*:\s*(.+?)\s*$/.exec(option);
      if (kv?.[1] === "order" && /^["']asc["']$/.test(kv[2]!)) order = "asc";
      else if (kv?.[1] === "limit" && /^\d+$/.test(kv[2]!)) limit = Number(kv[2]);
      else return undefined;
    }
    const yearToken = "year" in year[0]! ? year[0].year : (year[0] as {text: string}).text;
    const ranking: Ranking = {
      metric: (metric[0] as {text: string}).text,
      scope: (scopeName[0] as {text: string}).text,
      year: yearToken,
      order,
      ...(limit !== undefined ? {limit} : {})
    };
    if (m[5] !== undefined) return {...ranking, index: Number(m[5])};
    return ranking;
  };
  /** `top`, `regs[1]`, `regs[regs.length - 1]`, `ranked(…)[0]` → the selector reference text, if expressible. */
  const selector = (expr: string): string | undefined => {
    const text = expr.trim();
    let ranking: Ranking | undefined;
    let index: number | undefined;
    const indexed = /^([A-Za-z_]\w*)\[(\d+|\1\.length\s*-\s*1)\]$/.exec(text);
    if (indexed) {
      ranking = rankings.get(indexed[1]!);
      if (!ranking || ranking.index !== undefined) return undefined;
      index = /^\d+$/.test(indexed[2]!) ? Number(indexed[2]) : ranking.limit === undefined ? -1 : undefined;
      if (index === undefined || (ranking.limit !== undefined && index >= ranking.limit)) return undefined;
    } else if (/^[A-Za-z_]\w*$/.test(text)) {
      ranking = rankings.get(text);
      index = ranking?.index;
    } else {
      ranking = rankingOf(text);
      index = ranking?.index;
    }
    if (!ranking || index === undefined) return undefined;
    const scopeZh = SCOPE_ZH[ranking.scope];
    if (!scopeZh) return undefined;
    const position = index < 0 ? -1 : ranking.order === "desc" ? index + 1 : -(index + 1);
    const yearPart = ranking.year === "y" ? "" : `@${ranking.year}`;
    return `${metricTerm(ranking.metric) ?? ranking.metric}/${scopeZh}:${position}${yearPart}`;
  };

  body = body.replace(
    /\{%-?\s*(set|for|num|cmp|change|trend|if|elif|ranking|names)\s+([\s\S]*?)\s*-?%\}|\{\{\s*([\s\S]*?)\s*\}\}/g,
    (whole, name: string | undefined, argText: string, expr: string | undefined) => {
      if (name === undefined) {
        const m = /^([\s\S]+)\.entityZh$/.exec(expr!);
        const sel = m ? selector(m[1]!) : undefined;
        if (!sel) return whole;
        converted++;
        return `[[名 ${sel}]]`;
      }
      if (name === "set") {
        const m = /^([A-Za-z_]\w*)\s*=\s*([\s\S]*)$/.exec(argText);
        if (!m) return whole;
        rankings.delete(m[1]!);
        const value = evaluate(m[2]!, scope);
        if (value && value.every((p) => !("raw" in p))) {
          scope.set(m[1]!, value);
          everSet.set(m[1]!, [...(everSet.get(m[1]!) ?? []), value]);
          return whole;
        }
        scope.delete(m[1]!);
        const ranking = rankingOf(m[2]!);
        if (ranking) {
          rankings.set(m[1]!, ranking);
          removable.add(m[1]!);
        }
        return whole;
      }
      if (name === "for") {
        for (const v of (/^([\w\s,]+?)\s+in\s/.exec(argText)?.[1] ?? "").split(",")) {
          scope.delete(v.trim());
          rankings.delete(v.trim());
        }
        return whole;
      }
      if (name === "ranking" || name === "names") return listShortcode(whole, name, argText);
      if (name === "if" || name === "elif") return conditionToFact(whole, name, argText);
      return shortcode(whole, name, argText);
    }
  );

  function conditionToFact(whole: string, tag: string, cond: string): string {
    let ok = true;
    const ids: string[] = [];
    let expression = cond.replace(/rec\(([^()]*)\)\.value/g, (_: string, expr: string) => {
      const r = ref(expr);
      if (!r || r.id === undefined) ok = false;
      else ids.push(r.id);
      return r ? `[[${r.ref}]]` : "";
    });
    expression = expression.replace(/([A-Za-z_]\w*(?:\[[^\]]+\])?)\.value/g, (whole2: string, expr: string) => {
      const sel = selector(expr);
      if (!sel) {
        ok = false;
        return whole2;
      }
      ids.push(sel);
      return `[[${sel}]]`;
    });
    if (ids.length === 0) return whole;
    const rest = expression.replace(/\[\[[^\]]*\]\]/g, "").replace(/\b(and|or|not)\b/g, "");
    if (!ok || !/^[\s\d.<>=!()+\-*/]*$/.test(rest)) return whole;
    const factId = factName(expression, ids, edition.years.y, facts);
    facts.set(factId, expression);
    converted++;
    return `{% ${tag} fact.${factId} %}`;
  }

  function listShortcode(whole: string, name: string, argText: string): string {
    const args = splitArgs(argText);
    const [metric, scopeName, year] = [evaluate(args[0]!, scope), evaluate(args[1]!, scope), evaluate(args[2]!, scope)];
    if (!metric || !scopeName || !year || metric.length !== 1 || scopeName.length !== 1 || year.length !== 1)
      return whole;
    if (!("text" in metric[0]!) || !("text" in scopeName[0]!) || "raw" in year[0]!) return whole;
    const scopeZh = SCOPE_ZH[scopeName[0].text];
    if (!scopeZh) return whole;
    const tokens: string[] = [];
    for (const arg of args.slice(3)) {
      const kv = /^(\w+)\s*=\s*(.+)$/.exec(arg);
      if (!kv) return whole;
      const [key, value] = [kv[1]!, kv[2]!.trim()];
      if (key === "limit" && /^\d+$/.test(value)) tokens.push(`前${value}`);
      else if ((key === "above" || key === "below") && /^-?\d+(\.\d+)?$/.test(value))
        tokens.push(`${key === "above" ? ">" : "<"}${value}`);
      else if (key === "order" && /^["']asc["']$/.test(value)) tokens.push("升序");
      else if (key === "order" && /^["']desc["']$/.test(value)) continue;
      else if (name === "ranking" && (key === "unit" || key === "decimals")) {
        const unit = edition.unitOfMetric(metric[0].text, scopeName[0].text);
        const format = formatText([arg], unit !== undefined ? defaultDisplayUnit(unit) : undefined);
        if (format === undefined) return whole;
        if (format.trim() !== "") tokens.push(format.trim());
      } else return whole;
    }
    const yearPiece = year[0]!;
    const yearToken = "year" in yearPiece ? yearPiece.year : "text" in yearPiece ? yearPiece.text : "";
    const yearPart = yearToken === "y" ? "" : `@${yearToken}`;
    converted++;
    return `[[${name === "ranking" ? "排名" : "名单"} ${metricTerm(metric[0].text) ?? metric[0].text}/${scopeZh}${yearPart}${tokens.map((t) => ` ${t}`).join("")}]]`;
  }

  function shortcode(whole: string, name: string, argText: string): string {
    const args = splitArgs(argText);
    let out: string | undefined;
    if (name === "num") {
      const idOf = /^([\s\S]+)\.id$/.exec(args[0]!.trim());
      const sel = idOf ? selector(idOf[1]!) : undefined;
      const a = sel !== undefined ? {ref: sel} : ref(args[0]!);
      const unit = a && "id" in a && a.id !== undefined ? edition.unitOf(a.id) : undefined;
      const format = formatText(args.slice(1), unit !== undefined ? defaultDisplayUnit(unit) : undefined);
      if (a && format !== undefined) out = `[[${a.ref}${format}]]`;
    } else if (name === "cmp") {
      const [a, b] = [ref(args[0]!), ref(args[1]!)];
      const words = args.slice(2).map(stringArg);
      if (a && b && words.every((w) => w !== undefined)) {
        const w = wordsText(words as string[], DEFAULT_COMPARE_WORDS);
        const path = (r: string) => r.replace(/[@#].*$/, "");
        const bText =
          path(a.ref) === path(b.ref) && !b.ref.includes("#") ? `@${/@([^#]+)/.exec(b.ref)?.[1] ?? "y"}` : b.ref;
        if (w !== undefined) out = `[[${a.ref} ~ ${bText}${w}]]`;
      }
    } else {
      const a = ref(args[0]!);
      const words = [stringArg(args[1]), stringArg(args[2])];
      const flat = name === "trend" ? stringArg(args[3]) : undefined;
      const unit = a?.id !== undefined ? edition.unitOf(a.id) : undefined;
      if (a && unit !== undefined && words[0] && words[1]) {
        const w = wordsText(
          flat !== undefined ? [words[0], words[1], flat] : [words[0], words[1]],
          defaultSignWords(unit)
        );
        if (name === "trend" && w !== undefined) out = `[[~ ${a.ref}${w}]]`;
        if (name === "change") {
          const format = formatText(args.slice(3), defaultDisplayUnit(unit));
          if (w !== undefined && format !== undefined) out = `[[± ${a.ref}${format}${w}]]`;
        }
      }
    }
    if (out === undefined) {
      kept++;
      return whole;
    }
    converted++;
    return out;
  }

  // Drop aliases nothing uses any more, and the year names that are global now.
  let changed = true;
  while (changed) {
    changed = false;
    body = body.replace(/\{%-?\s*set\s+([A-Za-z_]\w*)\s*=\s*([\s\S]*?)\s*-?%\}/g, (whole, name: string) => {
      const values = everSet.get(name);
      const value = values?.[values.length - 1];
      const isGlobalYear =
        ["y", "p", "b", "f"].includes(name) && value?.length === 1 && "year" in value[0]! && value[0].year === name;
      const others = body.replace(whole, "");
      const used = new RegExp(`(?<![\\w.])${name}(?![\\w])`).test(others);
      if (isGlobalYear || ((value !== undefined || removable.has(name)) && !used)) {
        changed = true;
        return "";
      }
      return whole;
    });
  }
  // Lines left empty by removed aliases at the top of the chapter.
  body = body.replace(/^(?:[ \t]*\n)+/, "");

  let front = frontMatter ? frontMatter[1]! : "";
  if (facts.size > 0) {
    const lines = [...facts].map(([name, expr]) => `  ${name}: "${expr.replace(/"/g, '\\"')}"`);
    front = `${front}${front ? "\n" : ""}facts:\n${lines.join("\n")}`;
  }
  const text = front ? `---\n${front}\n---\n${body}` : body;
  return {text, converted, kept, facts};
}

const OPERATOR_WORDS: Record<string, string> = {
  ">": "above",
  "<": "below",
  ">=": "at_least",
  "<=": "at_most",
  "==": "equals",
  "!=": "differs"
};

/** A readable name from the first comparison of a fact, built from record ids: "nominal_growth_2020_above_
 * gdp_nominal_growth_2020", "labour_productivity_secondary_above_labour_productivity_secondary_p". */
function factName(
  expression: string,
  ids: readonly string[],
  lastYear: number,
  taken: ReadonlyMap<string, string>
): string {
  const m = /\]\]\s*(>=|<=|==|!=|>|<)\s*(\[\[|[\d.]+)/.exec(expression);
  const part = (id: string | undefined) => {
    if (id === undefined) return "threshold";
    const sel = /^([^/]+)\/([^:]+):(-?\d+)(?:@(\w+))?$/.exec(id);
    if (sel) {
      const metric = METRIC_TERMS[sel[1]!] ?? sel[1]!;
      const scopeId = Object.entries(SCOPE_ZH).find(([, zh]) => zh === sel[2])?.[0] ?? "scope";
      const rank = Number(sel[3]);
      return `${metric}_${rank > 0 ? "top" : "bottom"}${Math.abs(rank)}_${scopeId}${sel[4] ? `_${sel[4]}` : ""}`;
    }
    const [metric, scope, entity, year] = id.split("/") as [string, string, string, string];
    const y = Number(year.split("@")[0]);
    const when = y === lastYear ? "" : y === lastYear - 1 ? "_p" : y === lastYear + 1 ? "_f" : `_${y}`;
    return `${metric}${scope === "national" || scope === "other" ? "" : `_${entity}`}${when}`;
  };
  const base = m
    ? `${part(ids[0])}_${OPERATOR_WORDS[m[1]!]}_${m[2] === "[[" ? part(ids[1]) : "threshold"}`
    : "condition";
  let name = base.replace(/[^a-z0-9_]/g, "_").replace(/_+/g, "_");
  for (let i = 2; taken.has(name) && taken.get(name) !== expression; i++) name = `${base}_${i}`;
  return name;
}

await runCommand(async () => {
  const {values} = parseArgs({
    options: {edition: {type: "string", multiple: true}, check: {type: "boolean", default: false}}
  });
  const editions = values.edition ? values.edition.map(Number) : await listEditions(root);
  for (const year of editions) {
    const config = await readEditionConfig(root, year);
    const {figures} = await computeEdition(root, config);
    const ids = new Map(figures.records.map((r) => [recordId(r), r]));
    const y = config.dataYears[1];
    const zh = new Map<string, string>();
    for (const r of figures.records) if (r.entityZh) zh.set(`${r.scope}/${r.entity}`, r.entityZh);
    const edition: Edition = {
      years: {y, p: y - 1, b: config.baseYear, f: config.forecastYear},
      has: (id) => ids.has(id),
      lookup: {has: (id) => ids.has(id), entities: entityIndex(figures.records)},
      namesOf: (scope, entity) =>
        [zh.get(`${scope}/${entity}`), scope === "sector" ? SECTION_SHORT_NAMES[entity] : undefined].filter(
          (n): n is string => n !== undefined
        ),
      unitOf: (id) => ids.get(id)?.unit,
      unitOfMetric: (metric, scope) => figures.records.find((r) => r.metric === metric && r.scope === scope)?.unit
    };
    const dir = path.join(root, "content", String(year));
    for (const file of (await readdir(dir)).filter((f) => f.endsWith(".md")).sort()) {
      const source = await readFile(path.join(dir, file), "utf8");
      const result = migrateChapter(source, edition);
      if (!values.check && result.text !== source) await writeFile(path.join(dir, file), result.text);
      if (values.check && process.env.MIGRATE_PREVIEW)
        await writeFile(path.join(process.env.MIGRATE_PREVIEW, `${year}-${file}`), result.text);
      const share = markupShare(result.text);
      info(
        `${year}/${file}: ${result.converted} converted, ${result.kept} kept as shortcodes, ${result.facts.size} facts; markup ${(share.share * 100).toFixed(1)} %`
      );
    }
  }
});
