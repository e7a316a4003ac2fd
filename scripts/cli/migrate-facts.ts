/**
 * @fileoverview `npm run migrate:facts [-- --edition 2022] [--check]`: moves the named facts out of the chapters'
 * front matter into the edition's content/<edition>/prose.yaml (scripts/render/prose.ts), so that a fact is defined
 * once per edition and a chapter holds prose and references only; and, now that the default comparison words say
 * 略高于 / 略低于 by themselves when two numbers are close (prose.yaml `close`), turns the branches that chose those
 * words by hand back into one reference:
 *
 *   {% if fact.near_yrd %}[[增速/长三角 ~ 增速 略高于/略低于/持平于]]{% else %}[[增速/长三角 ~ 增速]]{% endif %}
 *     → [[增速/长三角 ~ 增速]]
 *
 * It also unwraps {% lit "…" %} around a name the content lint accepts as it is (NAMED_TERMS of
 * scripts/render/lint-content.ts: 5G, 社会5.0, 《中国制造2025》 …): one whitelist, no escape in the prose.
 *
 * A name two chapters define differently is renamed in the later chapter (RENAMES, chosen by reading the two
 * definitions). Idempotent: a chapter without front-matter facts is left as it is.
 */
import {readFile, writeFile} from "node:fs/promises";
import path from "node:path";
import {parseArgs} from "node:util";
import yaml from "js-yaml";
import {BuildError} from "../lib/errors.ts";
import {info} from "../lib/progress.ts";
import {listEditions, readEditionConfig} from "../load/edition.ts";
import {contentDir} from "../render/site.ts";
import {readProse} from "../render/prose.ts";
import {findTypedNumbers} from "../render/lint-content.ts";
import {runCommand} from "./main.ts";

const root = path.resolve(import.meta.dirname, "../..");

/** Facts defined differently under one name in two chapters of an edition: the later chapter's new name. */
const RENAMES: Record<string, Record<string, string>> = {
  "2022/03-industries.md": {
    ict_direct_larger: "ict_direct_above_penetration",
    penetration_majority: "penetration_share_majority"
  },
  "2023/01-overview.md": {stations_rose: "stations_rose_by_september"},
  "2023/02-regions.md": {only_one_region_over_trillion: "only_one_region_over_trillion_this_year"}
};

/** The edition's default closeness (prose.ts): half a point and a tenth for rates, 2 % for levels. */
const DEFAULT_CLOSE = {points: 0.5, share: 0.1, levels: 0.02};

const NEAR_BRANCH =
  /\{% if fact\.([a-z0-9_]+) %\}\[\[([^\]]+?) ~ ([^\]]+?) 略高于\/略低于\/持平于\]\]\{% else %\}\[\[\2 ~ \3\]\]\{% endif %\}/g;

function proseYaml(close: typeof DEFAULT_CLOSE, groups: {chapter: string; facts: [string, string][]}[]): string {
  const lines = [
    "# 本版的行文设置：比较用语的“接近”幅度，各章共用的具名条件（正文写作[[若 名称]]…[[/若]]）和具名名单（[[名单 指标/范围 名称]]）。",
    "# 两个数值相差在下列幅度以内时，默认比较用语写作“略高于/略低于”（打印结果相同时写作“持平于”）。",
    "close:",
    `  points: ${close.points} # 以%或百分点计的数值：相差不超过的百分点数`,
    `  share: ${close.share} # 且不超过两者中较大者的这一比例`,
    `  levels: ${close.levels} # 金额、人数等水平值：相差不超过两者中较大者的这一比例`,
    "# 具名条件：名称只用小写字母、数字和下划线；表达式用[[ ]]引用数值，结果必须为真或假。",
    "facts:"
  ];
  for (const group of groups) {
    if (group.facts.length === 0) continue;
    lines.push(`  # ${group.chapter}`);
    for (const [name, expression] of group.facts) lines.push(`  ${name}: ${JSON.stringify(expression)}`);
  }
  return `${lines.join("\n")}\n`;
}

await runCommand(async () => {
  const {values} = parseArgs({
    options: {edition: {type: "string", multiple: true}, check: {type: "boolean", default: false}}
  });
  const editions = values.edition ? values.edition.map(Number) : await listEditions(root);
  for (const edition of editions) {
    const config = await readEditionConfig(root, edition);
    const dir = contentDir(root, edition);
    const existing = await readProse(dir, root);
    const facts = new Map<string, string>(Object.entries(existing.facts));
    const groups: {chapter: string; facts: [string, string][]}[] = [];
    const rewritten: {file: string; text: string}[] = [];
    const droppedNames = new Set<string>();
    for (const chapter of config.chapters) {
      const file = path.join(dir, chapter.file);
      const key = `${edition}/${chapter.file}`;
      let text = await readFile(file, "utf8");
      const front = /^---\n([\s\S]*?)\n---\n/.exec(text);
      const data = front ? ((yaml.load(front[1]!) ?? {}) as Record<string, unknown>) : {};
      const own = Object.entries((data.facts ?? {}) as Record<string, string>);
      const renames = RENAMES[key] ?? {};
      const group: [string, string][] = [];
      for (const [oldName, expression] of own) {
        const name = renames[oldName] ?? oldName;
        if (name !== oldName) text = text.replace(new RegExp(`fact\\.${oldName}\\b`, "g"), `fact.${name}`);
        const known = facts.get(name);
        if (known !== undefined && known !== expression)
          throw new BuildError(
            `${key}: fact ${name} is "${expression}" here and "${known}" in an earlier chapter; add a rename to RENAMES in scripts/cli/migrate-facts.ts`
          );
        if (known === undefined) group.push([name, expression]);
        facts.set(name, expression);
      }
      // A lit the lint no longer needs: 上海“{% lit "533" %}”工程 → 上海“533”工程.
      let unwrapped = 0;
      text = text.replace(/(“?)\{% lit "([^"]*)" %\}(”?)/g, (m, open: string, literal: string, close: string) => {
        const bare = `${open}${literal}${close}`;
        if (findTypedNumbers(bare).length > 0) return m;
        unwrapped++;
        return bare;
      });
      // Hand-chosen 略高于 branches become one reference; their closeness facts go if nothing else reads them.
      const dropped = new Set<string>();
      text = text.replace(NEAR_BRANCH, (_m, fact: string, a: string, b: string) => {
        dropped.add(fact);
        return `[[${a} ~ ${b}]]`;
      });
      if (front) {
        const rest: Record<string, unknown> = {...data};
        delete rest.facts;
        const body = text.slice(text.indexOf("\n---\n", 4) + 5);
        text = Object.keys(rest).length === 0 ? body : `---\n${yaml.dump(rest).trimEnd()}\n---\n${body}`;
      }
      groups.push({chapter: `${chapter.file}`, facts: group});
      rewritten.push({file, text});
      for (const name of dropped) droppedNames.add(name);
      if (own.length > 0 || dropped.size > 0 || unwrapped > 0)
        info(
          `${key}: ${own.length} facts moved to prose.yaml, ${dropped.size} 略高于 branches made one reference, ${unwrapped} lit unwrapped`
        );
    }
    // A closeness fact that no chapter reads any more is removed.
    const allText = rewritten.map((r) => r.text).join("\n");
    for (const group of groups)
      group.facts = group.facts.filter(([name]) => !(droppedNames.has(name) && !allText.includes(`fact.${name}`)));
    const existingGroup: [string, string][] = Object.entries(existing.facts);
    const output = proseYaml(existing.close ?? DEFAULT_CLOSE, [
      ...(existingGroup.length > 0 ? [{chapter: "（已有）", facts: existingGroup}] : []),
      ...groups
    ]);
    if (values.check) {
      info(
        `${edition}: would write ${path.relative(root, path.join(dir, "prose.yaml"))} and ${rewritten.length} chapters`
      );
      continue;
    }
    for (const {file, text} of rewritten) await writeFile(file, text);
    // Written only when facts moved, so that a second run keeps the editors' prose.yaml (and its comments) as is.
    if (groups.some((g) => g.facts.length > 0)) await writeFile(path.join(dir, "prose.yaml"), output);
  }
});
