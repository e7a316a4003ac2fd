/**
 * @fileoverview `npm run build [-- --edition 2022] [--no-pdf] [--no-cache] [--strict] [--debug]`: builds the site, figures
 * file and PDF of every edition (or the named ones) into dist/<edition>/. A failed edition leaves its previous dist
 * folder intact. The figures come from .cache/figures when their inputs did not change ("compute figures (cached)");
 * --no-cache recomputes them without reading or writing the cache. --strict refuses to build an edition that still has
 * placeholders of npm run new-edition (config texts marked 待更新, observed rows with status "carried").
 */
import path from "node:path";
import {parseArgs} from "node:util";
import {performance} from "node:perf_hooks";
import {BuildError} from "../lib/errors.ts";
import {formatSeconds, info} from "../lib/progress.ts";
import {listEditions} from "../load/edition.ts";
import {editionPlaceholders} from "../load/placeholders.ts";
import {buildEditions} from "../pipeline/build-edition.ts";
import {removeStaleStaging} from "../pipeline/dist.ts";
import {closeSharedBrowser} from "../render/browser.ts";
import {lintContent} from "../render/lint-content.ts";
import {runCommand} from "./main.ts";

const root = path.resolve(import.meta.dirname, "../..");

await runCommand(async () => {
  const {values} = parseArgs({
    options: {
      edition: {type: "string", multiple: true},
      "no-pdf": {type: "boolean", default: false},
      "no-cache": {type: "boolean", default: false},
      dist: {type: "string"},
      "data-root": {type: "string"},
      strict: {type: "boolean", default: false},
      debug: {type: "boolean", default: false}
    },
    allowPositionals: false
  });
  const dataRoot = path.resolve(values["data-root"] ?? root);
  const known = await listEditions(dataRoot);
  const editions = values.edition
    ? values.edition
        .flatMap((e) => e.split(","))
        .map((e) => {
          const year = Number(e);
          if (!known.includes(year))
            throw new BuildError(`--edition ${e}: no such edition; known editions: ${known.join(", ")}`);
          return year;
        })
    : known;
  const distRoot = path.resolve(values.dist ?? path.join(root, "dist"));
  const start = performance.now();

  if (values.strict) {
    const left = (await Promise.all(editions.map((e) => editionPlaceholders(dataRoot, e)))).flat();
    if (left.length > 0)
      throw new BuildError(`--strict: ${left.length} placeholder(s) left by npm run new-edition:\n${left.join("\n")}`);
  }
  const files = await lintContent(root, editions);
  info(`✓ content lint: no hand-typed number in ${files} chapter files`);
  await removeStaleStaging(distRoot);
  try {
    // Each edition's site is rendered while the one before prints (buildEditions).
    await buildEditions(
      editions,
      {root, dataRoot, distRoot, pdf: !values["no-pdf"], cache: !values["no-cache"]},
      (result) => {
        const pdf = result.pages !== undefined ? `, report.pdf (${result.pages} pages)` : "";
        info(
          `✓ ${result.edition} → ${path.relative(process.cwd(), path.join(distRoot, String(result.edition))) || "."}: ${result.records} records, ${result.figures} figures${pdf}`
        );
      }
    );
  } finally {
    // Every edition's PDF is printed by the one shared Chromium.
    await closeSharedBrowser();
  }
  info(`done in ${formatSeconds(performance.now() - start)}`);
});
