/**
 * @fileoverview Every number in a chapter must come from the figures file. This lint finds digits typed by hand
 * into content/ and reports each as file:line. Allowed without markup: years (2021年, 2017—2021, 2017-2021),
 * dates (2021年5月25日), the named terms of NAMED_TERMS (5G, 1+N+X), figure/table labels (图5, 表1), ordered-list
 * markers and the numbering of sub-headings (### 1. 网络产业). Everything inside {{ … }}, {% … %} and [[ … ]] is data or
 * markup. Another name with digits is written {% lit "…" %}. It also holds the house style of a range of years (the
 * 一字线, scripts/lib/typography.ts) and keeps the paper from speaking of its own making.
 */
import {readdir, readFile} from "node:fs/promises";
import path from "node:path";
import {DataError, type Problem} from "../lib/errors.ts";
import {HYPHENATED_YEAR_RANGE, yearRangeDash} from "../lib/typography.ts";

/**
 * Named terms that contain digits and are names, not numbers: the one whitelist of the lint and of the e2e check of
 * the built pages. A term not here is written {% lit "…" %}.
 */
export const NAMED_TERMS = [
  "5G",
  "4G",
  "IPv6",
  "1+N+X",
  "工业4.0",
  "工业5.0",
  "社会5.0",
  "中国制造2025",
  "国家工业战略2030",
  "德国2020高技术战略",
  "512工程",
  "“533”"
] as const;

/**
 * Proper names in Latin letters that the paper prints as they are (platforms, strategies, fairs): the one list the
 * check for English words in front of the reader accepts. Any other Latin word of four letters or more is a bug.
 */
export const LATIN_NAMES = [
  "Predix",
  "MindSphere",
  "COSMOPlat",
  "COSMO",
  "FusionPlant",
  "WeMake",
  "CeBIT",
  "ROOTCLOUD",
  "Connected Industries"
] as const;

/** A calendar date written in Arabic numerals: 2021年5月, 2021年5月25日. */
export const DATE_PATTERN = /(?<!\d)(?:19|20)\d\d年\d{1,2}月(?:\d{1,2}日)?/g;

/** Removes what may hold digits legitimately, keeping line breaks so that line numbers stay right. */
function stripAllowed(text: string): string {
  const keepLines = (match: string) => match.replace(/[^\n]/g, " ");
  return (
    text
      // front matter
      .replace(/^---\n[\s\S]*?\n---\n/, keepLines)
      // comments
      .replace(/<!--[\s\S]*?-->/g, keepLines)
      .replace(/\{#[\s\S]*?#\}/g, keepLines)
      // template expressions and tags
      .replace(/\{\{[\s\S]*?\}\}/g, keepLines)
      .replace(/\{%[\s\S]*?%\}/g, keepLines)
      // short references [[ … ]] (years and periods such as @2020 or #f-03-31 are part of the reference)
      .replace(/\[\[[^[\]\n]+\]\]/g, keepLines)
      // ordered-list markers and the numbering of sub-headings (### 1. 网络产业)
      .replace(/^(\s*)\d+\.(?=\s)/gm, (m) => m.replace(/\d/g, " "))
      .replace(/^(#{2,6}\s*)\d+(?:\.\d+)*[.、](?=\s*\S)/gm, (m) => m.replace(/\d/g, " "))
      // named terms (5G, 1+N+X) and dates (2021年5月25日)
      .replace(new RegExp(NAMED_TERMS.map((t) => t.replace(/[.+]/g, "\\$&")).join("|"), "g"), keepLines)
      .replace(DATE_PATTERN, keepLines)
      // years and year ranges
      .replace(/(?<!\d)(19|20)\d\d\s*(?:年|—|–|-|～|~|至|到)\s*(?:(19|20)\d\d)?/g, keepLines)
      .replace(/(?<!\d)(19|20)\d\d(?=\s*年)/g, keepLines)
      // figure and table labels written by hand are still better as {% ref %}, but are not data
      .replace(/[图表]\s*\d+(?:\s*[-—(（]?\s*[a-z]\s*[)）]?)?/g, keepLines)
  );
}

/** Hand-typed numbers in one chapter source: {line, text} for each line that still has a digit. */
export function findTypedNumbers(source: string): {line: number; text: string}[] {
  const stripped = stripAllowed(source).split("\n");
  const hits: {line: number; text: string}[] = [];
  stripped.forEach((line, i) => {
    const match = /[0-9０-９]+(?:[.．][0-9]+)?/.exec(line);
    if (match) hits.push({line: i + 1, text: match[0]!});
  });
  return hits;
}

/** Year ranges of the prose written with a hyphen ("2021-2023年"): {line, text}. */
export function findHyphenatedYearRanges(source: string): {line: number; text: string}[] {
  return source
    .split("\n")
    .flatMap((line, i) => [...line.matchAll(HYPHENATED_YEAR_RANGE)].map((m) => ({line: i + 1, text: `${m[0]}年`})));
}

/**
 * Words by which a paper would speak of its own making: the comparison with the published papers, the site's pages
 * and the project's files live on the site (复现对照, 数据与方法), never in the paper's text.
 */
export const SELF_REFERENCE = /原书|原版|复现|数据页|网站|[\w-]+\.(?:csv|json|jsonl|html|md|ts)\b|data\/|content\//;

/** Lines of a chapter whose prose (markup aside) speaks of the paper's own making: {line, text}. */
export function findSelfReferences(source: string): {line: number; text: string}[] {
  const keepLines = (match: string) => match.replace(/[^\n]/g, " ");
  const prose = source
    .replace(/^---\n[\s\S]*?\n---\n/, keepLines)
    .replace(/<!--[\s\S]*?-->|\{#[\s\S]*?#\}|\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\}|\[\[[^[\]\n]+\]\]/g, keepLines);
  const hits: {line: number; text: string}[] = [];
  prose.split("\n").forEach((line, i) => {
    const match = SELF_REFERENCE.exec(line);
    if (match) hits.push({line: i + 1, text: match[0]});
  });
  return hits;
}

/**
 * Lints the Markdown files under content/ (all editions, or the named ones); throws a DataError listing file:line
 * of each hand-typed number, each hyphenated range of years and each sentence about the paper's own making. Returns how many files it read.
 */
export async function lintContent(root: string, editions?: readonly number[]): Promise<number> {
  const dir = path.join(root, "content");
  const problems: Problem[] = [];
  let files = 0;
  const folders = (await readdir(dir, {withFileTypes: true})).filter(
    (d) => d.isDirectory() && (editions === undefined || editions.includes(Number(d.name)))
  );
  for (const edition of folders) {
    const editionDir = path.join(dir, edition.name);
    for (const name of (await readdir(editionDir)).filter((n) => n.endsWith(".md")).sort()) {
      files++;
      const file = path.relative(root, path.join(editionDir, name));
      const source = await readFile(path.join(editionDir, name), "utf8");
      for (const hit of findTypedNumbers(source))
        problems.push({
          file,
          row: hit.line,
          value: hit.text,
          expected:
            'a number from the figures file ([[增加值@p]], see README "Writing a chapter") — or {% lit "…" %} if it is not data'
        });
      for (const hit of findHyphenatedYearRanges(source))
        problems.push({
          file,
          row: hit.line,
          value: hit.text,
          expected: `a year range with the 一字线 (${yearRangeDash(hit.text)}), as the 参考文献 prints document titles`
        });
      for (const hit of findSelfReferences(source))
        problems.push({
          file,
          row: hit.line,
          value: hit.text,
          expected:
            "prose about the subject, not about this paper's making (the comparison with the published papers and the data sources are pages of the site)"
        });
    }
  }
  if (problems.length > 0) throw new DataError(problems);
  return files;
}
