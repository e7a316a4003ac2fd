/**
 * @fileoverview The edition's prose settings, content/<edition>/prose.yaml, written by the editors beside the
 * chapters:
 *
 *     close:            # when two numbers differ this little, the default comparison says 略高于 / 略低于
 *       points: 0.5     #   rates and shares (%) and changes (pp): at most this many percentage points apart …
 *       share: 0.1      #   … and at most this share of the larger of the two
 *       levels: 0.02    #   money, people and other levels: at most this share of the larger of the two
 *     facts:            # the named conditions every chapter of the edition may branch on ([[若 name]])
 *       steadied_growth: "[[增速]] > [[GDP增速]]"
 *       some_new_thousand: "count(new_thousand) > 0"
 *     lists:            # named lists of provinces, regions or sections ([[名单 增加值/省份 new_thousand]])
 *       new_thousand: "[[增加值/省份]] > 1000 and [[增加值/省份@p]] <= 1000"
 *
 * Facts are defined once per edition here (a chapter's front matter may add its own, never redefine one), so a
 * chapter holds prose and references, not logic. The file is optional; without it nothing is "close" and only the
 * chapters' own facts exist.
 */
import {readFile} from "node:fs/promises";
import path from "node:path";
import yaml from "js-yaml";
import {DataError, isErrnoException, type Problem} from "../lib/errors.ts";
import {FACT_NAME} from "./eleventy/conditions.ts";

/** How close two numbers must be for the default comparison words to say 略高于 / 略低于 (see words.ts). */
export interface CloseWithin {
  /** Percentage points, for records in % or pp. */
  points: number;
  /** Share of the larger absolute value, for records in % or pp (both bounds must hold). */
  share: number;
  /** Share of the larger absolute value, for every other unit (levels). */
  levels: number;
}

export interface ProseSettings {
  /** content/<edition>/prose.yaml relative to the repository root (for messages). */
  inputPath: string;
  /** Undefined: no comparison is ever "close". */
  close?: CloseWithin;
  /** name → expression in the short reference syntax (facts.ts). */
  facts: Record<string, string>;
  /** 1-based line of each fact's definition (for located errors). */
  factLines: Record<string, number>;
  /** Named lists: name → expression in the short reference syntax, or the members' names (lists.ts). */
  lists: Record<string, string | string[]>;
  listLines: Record<string, number>;
}

const CLOSE_KEYS: readonly (keyof CloseWithin)[] = ["points", "share", "levels"];

/** Parses the text of prose.yaml; every problem at once, located by line. */
export function parseProse(source: string, inputPath: string): ProseSettings {
  const problems: Problem[] = [];
  let data: unknown;
  try {
    data = yaml.load(source, {filename: inputPath});
  } catch (error) {
    const mark = (error as {mark?: {line: number}}).mark;
    throw new DataError([
      {
        file: inputPath,
        row: (mark?.line ?? 0) + 1,
        expected: `valid YAML (${(error as Error).message.split("\n")[0]})`
      }
    ]);
  }
  const lines = source.split("\n");
  const lineOf = (key: string, after = 0) => {
    const index = lines.findIndex((l, i) => i >= after && new RegExp(`^\\s*"?${key}"?\\s*:`).test(l));
    return index < 0 ? 1 : index + 1;
  };
  const settings: ProseSettings = {inputPath, facts: {}, factLines: {}, lists: {}, listLines: {}};
  if (data === undefined || data === null) return settings;
  if (typeof data !== "object" || Array.isArray(data))
    throw new DataError([{file: inputPath, row: 1, expected: "a map with the keys close, facts and lists"}]);
  for (const key of Object.keys(data))
    if (key !== "close" && key !== "facts" && key !== "lists")
      problems.push({file: inputPath, row: lineOf(key), value: key, expected: "one of the keys close, facts, lists"});
  const {close, facts, lists} = data as {close?: unknown; facts?: unknown; lists?: unknown};
  if (close !== undefined) {
    if (typeof close !== "object" || close === null || Array.isArray(close))
      problems.push({file: inputPath, row: lineOf("close"), expected: "close: a map of points, share and levels"});
    else {
      const values: Partial<CloseWithin> = {};
      const closeLine = lineOf("close") - 1;
      for (const key of CLOSE_KEYS) {
        const value = (close as Record<string, unknown>)[key];
        if (value === undefined)
          problems.push({
            file: inputPath,
            row: closeLine + 1,
            column: `close.${key}`,
            expected: `a number ≥ 0 (close needs all of ${CLOSE_KEYS.join(", ")})`
          });
        else if (typeof value !== "number" || !Number.isFinite(value) || value < 0)
          problems.push({
            file: inputPath,
            row: lineOf(key, closeLine),
            column: `close.${key}`,
            value: String(value),
            expected: "a number ≥ 0"
          });
        else values[key] = value;
      }
      for (const key of Object.keys(close))
        if (!(CLOSE_KEYS as readonly string[]).includes(key))
          problems.push({
            file: inputPath,
            row: lineOf(key, closeLine),
            column: `close.${key}`,
            value: key,
            expected: `one of ${CLOSE_KEYS.join(", ")}`
          });
      if (CLOSE_KEYS.every((k) => values[k] !== undefined)) settings.close = values as CloseWithin;
    }
  }
  const named = (
    key: "facts" | "lists",
    map: unknown,
    into: Record<string, string | string[]>,
    lines: Record<string, number>
  ) => {
    if (map === undefined) return;
    if (typeof map !== "object" || map === null || Array.isArray(map)) {
      problems.push({file: inputPath, row: lineOf(key), expected: `${key}: a map of name: "expression"`});
      return;
    }
    const start = lineOf(key) - 1;
    for (const [name, expression] of Object.entries(map)) {
      const row = lineOf(name, start);
      if (!FACT_NAME.test(name) || /[且或]/.test(name))
        problems.push({
          file: inputPath,
          row,
          value: name,
          expected: `a ${key === "facts" ? "fact" : "list"} name of lower-case letters, digits and _, or a Chinese phrase that neither starts with 非 nor holds 且 or 或`
        });
      else if (
        typeof expression !== "string" &&
        !(key === "lists" && Array.isArray(expression) && expression.every((e) => typeof e === "string"))
      )
        problems.push({
          file: inputPath,
          row,
          column: `${key}.${name}`,
          value: String(expression),
          expected:
            key === "facts"
              ? 'an expression in double quotes, e.g. "[[增速]] > [[GDP增速]]"'
              : 'an expression in double quotes, e.g. "[[增速/省份]] > [[GDP增速/省份]]", or the members\' names, e.g. [广东, 江苏]'
        });
      else {
        into[name] = expression as string | string[];
        lines[name] = row;
      }
    }
  };
  named("facts", facts, settings.facts as Record<string, string | string[]>, settings.factLines);
  named("lists", lists, settings.lists, settings.listLines);
  for (const name of Object.keys(settings.lists))
    if (name in settings.facts)
      problems.push({
        file: inputPath,
        row: settings.listLines[name]!,
        column: `lists.${name}`,
        value: name,
        expected: "a name that is not also a fact's"
      });
  if (problems.length > 0) throw new DataError(problems);
  return settings;
}

/** Reads content/<edition>/prose.yaml (absent: no settings). */
export async function readProse(contentDir: string, root: string): Promise<ProseSettings> {
  const file = path.join(contentDir, "prose.yaml");
  const inputPath = path.relative(root, file);
  try {
    return parseProse(await readFile(file, "utf8"), inputPath);
  } catch (error) {
    if (isErrnoException(error) && error.code === "ENOENT")
      return {inputPath, facts: {}, factLines: {}, lists: {}, listLines: {}};
    throw error;
  }
}

/** Whether a and b (in `unit`) are close by the edition's settings; never when there are none. */
export function isClose(a: number, b: number, unit: string, close: CloseWithin | undefined): boolean {
  if (!close) return false;
  const gap = Math.abs(a - b);
  const larger = Math.max(Math.abs(a), Math.abs(b));
  if (unit === "%" || unit === "pp") return gap <= close.points && gap <= close.share * larger;
  return gap <= close.levels * larger;
}
