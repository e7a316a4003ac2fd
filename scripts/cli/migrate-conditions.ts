/**
 * @fileoverview `npm run migrate:conditions [-- --edition 2022] [--check]`: rewrites the branches of the chapters
 * that depend on named facts only, inside one paragraph, from template tags to the short conditions of the prose
 * (scripts/render/eleventy/conditions.ts):
 *
 *   {% if fact.yrd_largest %}是规模最大的区域{% elif fact.a and not fact.b %}…{% else %}…{% endif %}
 *     → [[若 yrd_largest]]是规模最大的区域[[否则若 a 且 非 b]]…[[否则]]…[[/若]]
 *
 * It also writes note marks and the chapter's notes in the same brackets:
 *
 *   {% cite "P006", "P013" %} → [[注 P006 P013]]      {% notes %} → [[注释]]
 *   {% figure "id" %} → [[图 id]]   {% ref "id" %} → [[见 id]]   {% formula "id" %} → [[公式 id]]
 *   (figures and formulas only where they stand alone on their line)
 *
 * A branch stays a template tag when it spans paragraphs, when a condition reads anything but facts, or when its
 * text holds a tag whose effect does not depend on being printed ({% set %}, {% cite %}, {% figure %}, {% box %},
 * {% notes %}, and {% names %} / {% ranking %}, which fail on an empty list): a short condition only decides what
 * is printed, after the template has run. Idempotent.
 */
import {readdir, readFile, writeFile} from "node:fs/promises";
import path from "node:path";
import {parseArgs} from "node:util";
import {info} from "../lib/progress.ts";
import {listEditions} from "../load/edition.ts";
import {contentDir} from "../render/site.ts";
import {markupShare} from "../render/markup-share.ts";
import {runCommand} from "./main.ts";

const root = path.resolve(import.meta.dirname, "../..");

interface Tag {
  kind: "if" | "elif" | "else" | "endif";
  condition: string;
  start: number;
  end: number;
}

interface Block {
  tags: Tag[];
  children: Block[];
}

const FACT = String.raw`(?:not\s+)?fact(?:\.[a-z][a-z0-9_]*|\["[^"]+"\])`;
const FACT_ONLY = new RegExp(`^${FACT}(?:\\s+(?:and|or)\\s+${FACT})*$`);
/**
 * Tags that act when the template runs, printed or not, and must stay inside a template branch: they set
 * variables, number notes and figures, or fail on an empty list in the branch the data do not take.
 */
const EFFECTFUL = /\{%-?\s*(set|cite|figure|box|endbox|notes|names|ranking)\b/;

function shortCondition(condition: string): string {
  return condition
    .trim()
    .replace(/\bfact\./g, "")
    .replace(/\bfact\["([^"]+)"\]/g, "$1")
    .replace(/\s+and\s+/g, " 且 ")
    .replace(/\s+or\s+/g, " 或 ")
    .replace(/\bnot\s+/g, "非 ");
}

/** The if-blocks of a template, nested as written. */
function ifBlocks(source: string): Block[] {
  const roots: Block[] = [];
  const stack: Block[] = [];
  for (const match of source.matchAll(/\{%-?\s*(if|elif|else|endif)\b([\s\S]*?)-?%\}/g)) {
    const tag: Tag = {
      kind: match[1] as Tag["kind"],
      condition: match[2]!.trim(),
      start: match.index,
      end: match.index + match[0].length
    };
    if (tag.kind === "if") {
      const block: Block = {tags: [tag], children: []};
      (stack.at(-1)?.children ?? roots).push(block);
      stack.push(block);
    } else {
      const block = stack.at(-1);
      if (!block) throw new Error(`{% ${tag.kind} %} at ${tag.start} without {% if %}`);
      block.tags.push(tag);
      if (tag.kind === "endif") stack.pop();
    }
  }
  return roots;
}

function convertible(source: string, block: Block): boolean {
  const first = block.tags[0]!;
  const last = block.tags.at(-1)!;
  const span = source.slice(first.start, last.end);
  return (
    block.tags.every((t) => (t.kind === "if" || t.kind === "elif" ? FACT_ONLY.test(t.condition) : true)) &&
    !/\n\s*\n/.test(span) &&
    !EFFECTFUL.test(span)
  );
}

/** `{% cite "a", "b" %}` → `[[注 a b]]`, `{% notes %}` → `[[注释]]`, figures, cross-references and formulas. */
function migrateNotes(source: string): string {
  return source
    .replace(/\{%-?\s*cite\s+((?:"[^"]*"\s*,?\s*)+)-?%\}/g, (_, ids: string) => {
      return `[[注 ${[...ids.matchAll(/"([^"]*)"/g)].map((m) => m[1]).join(" ")}]]`;
    })
    .replace(/\{%-?\s*notes\s*-?%\}/g, "[[注释]]")
    .replace(/^\{%-?\s*figure\s+"([a-z0-9_-]+)"\s*-?%\}$/gm, "[[图 $1]]")
    .replace(/^\{%-?\s*formula\s+"([a-z0-9_-]+)"\s*-?%\}$/gm, "[[公式 $1]]")
    .replace(/\{%-?\s*ref\s+"([a-z0-9_-]+)"\s*-?%\}/g, "[[见 $1]]");
}

/** The chapter with every convertible branch written as a short condition, and its note marks in brackets. */
export function migrateConditions(source: string): string {
  source = migrateNotes(source);
  const edits: {start: number; end: number; text: string}[] = [];
  const visit = (block: Block) => {
    if (convertible(source, block))
      for (const tag of block.tags)
        edits.push({
          start: tag.start,
          end: tag.end,
          text:
            tag.kind === "if"
              ? `[[若 ${shortCondition(tag.condition)}]]`
              : tag.kind === "elif"
                ? `[[否则若 ${shortCondition(tag.condition)}]]`
                : tag.kind === "else"
                  ? "[[否则]]"
                  : "[[/若]]"
        });
    block.children.forEach(visit);
  };
  ifBlocks(source).forEach(visit);
  let out = source;
  for (const edit of edits.sort((a, b) => b.start - a.start))
    out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  return out;
}

await runCommand(async () => {
  const {values} = parseArgs({options: {edition: {type: "string"}, check: {type: "boolean"}}});
  const editions = values.edition ? [Number(values.edition)] : await listEditions(root);
  let changed = 0;
  for (const edition of editions) {
    const dir = contentDir(root, edition);
    for (const name of (await readdir(dir)).filter((f) => f.endsWith(".md")).sort()) {
      const file = path.join(dir, name);
      const before = await readFile(file, "utf8");
      const after = migrateConditions(before);
      if (after === before) continue;
      changed++;
      const [a, b] = [markupShare(before).share, markupShare(after).share];
      info(`${edition}/${name}: markup ${(a * 100).toFixed(1)} % → ${(b * 100).toFixed(1)} %`);
      if (!values.check) await writeFile(file, after);
    }
  }
  info(changed === 0 ? "nothing to migrate" : `${changed} chapter(s) ${values.check ? "would change" : "migrated"}`);
  if (values.check && changed > 0) process.exitCode = 1;
});
