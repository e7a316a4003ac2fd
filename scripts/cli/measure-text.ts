/**
 * @fileoverview `npm run measure:text [-- --edition 2022] [--dist DIR]`: the CJK length of each built chapter, beside
 * the published paper's (data/published/text-lengths.json) where there is one, and the edition's total; under each
 * chapter, what the editorial checks find (sentence skeletons repeated more than four times, ranked lists printed
 * twice, self-referring words). Reads dist/<edition>/ (run npm run build first).
 */
import {readFile} from "node:fs/promises";
import path from "node:path";
import {parseArgs} from "node:util";
import {BuildError} from "../lib/errors.ts";
import {listEditions, readEditionConfig} from "../load/edition.ts";
import {bodyText, cjkCount} from "../render/text-length.ts";
import {entityNames, repeatedLists, repeatedSkeletons, selfReferences} from "../render/prose-checks.ts";
import type {FiguresFile} from "../model/records/records.ts";
import {runCommand} from "./main.ts";

const root = path.resolve(import.meta.dirname, "../..");

await runCommand(async () => {
  const {values} = parseArgs({
    options: {
      edition: {type: "string", multiple: true},
      dist: {type: "string"},
      debug: {type: "boolean", default: false}
    }
  });
  const dist = path.resolve(values.dist ?? path.join(root, "dist"));
  const editions = values.edition ? values.edition.map(Number) : await listEditions(root);
  const published = JSON.parse(await readFile(path.join(root, "data/published/text-lengths.json"), "utf8")) as Record<
    string,
    Record<string, number>
  >;
  const lines: string[] = [];
  for (const edition of editions) {
    const config = await readEditionConfig(root, edition);
    const original = published[String(edition)];
    const figures = JSON.parse(await readFile(path.join(dist, String(edition), "figures.json"), "utf8")) as FiguresFile;
    const names = entityNames(figures);
    let total = 0;
    let originalTotal = 0;
    lines.push(`${edition}`);
    for (const chapter of config.chapters.filter((c) => c.kind !== "appendix")) {
      const file = path.join(dist, String(edition), `${chapter.id}.html`);
      const html = await readFile(file, "utf8").catch(() => {
        throw new BuildError(
          `${path.relative(process.cwd(), file)}: not built; run npm run build -- --edition ${edition} --no-pdf first`
        );
      });
      const count = cjkCount(bodyText(html));
      total += count;
      const theirs = original?.[chapter.id];
      if (theirs) originalTotal += theirs;
      const ratio = theirs ? `  ${((count / theirs) * 100).toFixed(0).padStart(3)} % of ${theirs}` : "";
      lines.push(`  ${chapter.title.padEnd(18, "　")} ${String(count).padStart(6)}${ratio}`);
      for (const r of repeatedSkeletons(html, names))
        lines.push(`      repeated ${r.count}×: ${r.skeleton.slice(0, 60)}`);
      for (const l of repeatedLists(html, names)) lines.push(`      list printed twice: ${l}`);
      for (const w of selfReferences(bodyText(html))) lines.push(`      speaks of its making: …${w}…`);
    }
    lines.push(
      `  ${"合计".padEnd(18, "　")} ${String(total).padStart(6)}${originalTotal ? `  ${((total / originalTotal) * 100).toFixed(0).padStart(3)} % of ${originalTotal}` : ""}`
    );
  }
  process.stdout.write(`${lines.join("\n")}\n`);
});
