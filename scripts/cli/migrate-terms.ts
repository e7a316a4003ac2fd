/**
 * @fileoverview `npm run migrate:terms [-- --check]`: rewrites the references of every chapter and of every
 * prose.yaml from metric ids to the paper's terms (METRIC_TERMS in labels.ts), and drops what a reference repeats:
 *
 *   [[base_stations_5g@y#y-12-31 plain .1]]                    → [[5G基站#12-31 plain .1]]
 *   [[platforms_with_influence_lower_bound@f#f-06-30]]         → [[影响力平台下限@f#06-30]]
 *   [[section_value_added/信息服务@b 万亿元]]                  → [[门类增加值/信息服务@b 万亿元]]
 *   [[identifier_enterprises_served_lower_bound@f#f-06-30 plain .0]]万家 → [[标识服务企业下限@f#06-30 .0]]
 *
 * (@y is the default year; a period within the reference's own year needs no year of its own; a unit typed after
 * a bare number is the record's own unit, which the reference prints when not told `plain`.) The rewrite is by
 * tokens of the grammar (refs.ts), never inside conditions, notes, figures or formulas; a metric without a term is
 * left as it is. Run the build before and after and compare the sites: the references name the same records, so
 * the HTML does not change, except that such a unit now sits inside the number's link. --check reports what would
 * change without writing.
 */
import {readFile, readdir, writeFile} from "node:fs/promises";
import path from "node:path";
import {parseArgs} from "node:util";
import {info} from "../lib/progress.ts";
import {readEditionConfig} from "../load/edition.ts";
import {computeEdition} from "../pipeline/build-edition.ts";
import {findReferences, metricId, PERIOD_IN_YEAR} from "../render/eleventy/refs.ts";
import {defaultDisplayUnit} from "../render/format.ts";
import {metricTerm} from "../render/labels.ts";
import {markupShare} from "../render/markup-share.ts";
import {runCommand} from "./main.ts";

const root = path.resolve(import.meta.dirname, "../..");

/** References whose words are not record references: conditions, notes, figures, formulas. */
const NOT_RECORDS = /^(?:若|否则若|否则|\/若|注|注释|图|见|公式)(?:\s|$)/;

/** One token of a reference, rewritten: metric term, default year dropped, the year of a period dropped. */
function shortenToken(token: string): string {
  const match = /^([a-z][a-z0-9_]*)((?:\/[^@#\s]+)?)(?:@([^#\s]+))?(?:#(\S+))?$/.exec(token);
  if (!match) return token;
  const [, metric, rest, year, period] = match;
  const term = metricTerm(metric!);
  if (term === undefined) return token;
  const yearToken = year ?? "y";
  let shortPeriod = period;
  if (
    period !== undefined &&
    period.startsWith(`${yearToken}-`) &&
    PERIOD_IN_YEAR.test(period.slice(yearToken.length + 1))
  )
    shortPeriod = period.slice(yearToken.length + 1);
  // A period that still names its own year must keep the reference's year beside it only when that is not y.
  const yearPart = yearToken === "y" ? "" : `@${yearToken}`;
  return `${term}${rest}${yearPart}${shortPeriod !== undefined ? `#${shortPeriod}` : ""}`;
}

/**
 * Every reference of a text with its tokens shortened, and `plain` dropped where the text goes on with the
 * record's own unit (`unitOf`: the one unit of a metric's records, if it has one).
 */
function shortenReferences(text: string, unitOf: (metric: string) => string | undefined): string {
  let out = "";
  let at = 0;
  for (const ref of findReferences(text)) {
    if (ref.start < at) continue;
    out += text.slice(at, ref.start);
    at = ref.end;
    const body = ref.body;
    if (NOT_RECORDS.test(body.trim())) {
      out += text.slice(ref.start, ref.end);
      continue;
    }
    const parts = body.split(/(\s+)/).map((part) => (/^\s+$/.test(part) ? part : shortenToken(part)));
    const tokens = parts.filter((part) => !/^\s+$/.test(part));
    const unit = tokens.length >= 2 && /^[^~±名排数逐分]/.test(tokens[0]!) ? unitOf(tokens[0]!) : undefined;
    if (unit && tokens.includes("plain") && text.startsWith(unit, ref.end)) {
      out += `[[${tokens.filter((t) => t !== "plain").join(" ")}]]`;
      at = ref.end + unit.length;
    } else out += `[[${parts.join("")}]]`;
  }
  return out + text.slice(at);
}

await runCommand(async () => {
  const {values} = parseArgs({options: {check: {type: "boolean", default: false}}});
  const content = path.join(root, "content");
  for (const edition of (await readdir(content, {withFileTypes: true}))
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()) {
    const {figures} = await computeEdition(root, await readEditionConfig(root, Number(edition)));
    const units = new Map<string, Set<string>>();
    for (const r of figures.records) units.set(r.metric, (units.get(r.metric) ?? new Set()).add(r.unit));
    // Only the units a number prints as they stand (万个, 万家 …), not the canonical ones the display converts; and
    // not 亿, which the text goes on as 亿元.
    const unitOf = (token: string) => {
      const found = units.get(metricId(token.split(/[/@#]/)[0]!));
      const unit = found?.size === 1 ? [...found][0]! : undefined;
      return unit && unit !== "亿" && defaultDisplayUnit(unit) === "plain" ? unit : undefined;
    };
    for (const name of (await readdir(path.join(content, edition)))
      .filter((n) => n.endsWith(".md") || n === "prose.yaml")
      .sort()) {
      const file = path.join(content, edition, name);
      const before = await readFile(file, "utf8");
      const after = shortenReferences(before, unitOf);
      if (after === before) continue;
      const changed = findReferences(before).filter((r, i) => r.body !== findReferences(after)[i]?.body).length;
      const share = name.endsWith(".md")
        ? `; markup ${(100 * markupShare(before).share).toFixed(1)} % → ${(100 * markupShare(after).share).toFixed(1)} %`
        : "";
      info(`${edition}/${name}: ${changed} reference(s) shortened${share}`);
      if (!values.check) await writeFile(file, after);
    }
  }
});
