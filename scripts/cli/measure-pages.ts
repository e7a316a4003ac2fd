/**
 * @fileoverview `npm run measure:pages [-- --edition 2022] [--dist DIR]`: how blank each page of the built PDF is
 * (the text area below the last inked row), listing every page over the bar (35 %) that is neither front matter nor
 * a chapter's last page, and every chapter's last page (of a chapter longer than a page) that holds only a few lines.
 * Exits 1 when there is one. Reads dist/<edition>/report.pdf (run npm run build first).
 */
import {existsSync} from "node:fs";
import path from "node:path";
import {parseArgs} from "node:util";
import {BuildError} from "../lib/errors.ts";
import {listEditions} from "../load/edition.ts";
import {isRunt, MAX_BLANK_SHARE, measurePdfPages, MIN_LAST_PAGE_FILL} from "../render/pdf/page-blank.ts";
import {runCommand} from "./main.ts";

const root = path.resolve(import.meta.dirname, "../..");

await runCommand(async () => {
  const {values} = parseArgs({
    options: {
      edition: {type: "string", multiple: true},
      dist: {type: "string"},
      all: {type: "boolean", default: false},
      debug: {type: "boolean", default: false}
    }
  });
  const dist = path.resolve(values.dist ?? path.join(root, "dist"));
  const editions = values.edition ? values.edition.map(Number) : await listEditions(root);
  const over: string[] = [];
  for (const edition of editions) {
    const pdf = path.join(dist, String(edition), "report.pdf");
    if (!existsSync(pdf))
      throw new BuildError(
        `${path.relative(process.cwd(), pdf)}: not built; run npm run build -- --edition ${edition} first`
      );
    const pages = await measurePdfPages(pdf);
    const bad = pages.filter((p) => (!p.exempt && p.blank > MAX_BLANK_SHARE) || isRunt(p));
    const runts = bad.filter(isRunt).length;
    const shown = values.all ? pages : bad;
    process.stdout.write(
      `${edition}: ${pages.length} pages, ${bad.length - runts} over ${MAX_BLANK_SHARE * 100} % blank, ${runts} chapter end(s) under ${MIN_LAST_PAGE_FILL * 100} % full\n`
    );
    for (const p of shown)
      process.stdout.write(
        `  p. ${String(p.page).padStart(2)}  ${(p.blank * 100).toFixed(0).padStart(3)} % blank  ${p.chapter ?? "front matter"}${isRunt(p) ? " (a chapter's last page with only a few lines: a runt)" : p.exempt ? " (ends a part: allowed)" : ""}\n`
      );
    over.push(...bad.map((p) => `${edition} p. ${p.page}`));
  }
  if (over.length > 0)
    throw new BuildError(
      `${over.length} page(s) more than ${MAX_BLANK_SHARE * 100} % blank, or ending a chapter with less than ${MIN_LAST_PAGE_FILL * 100} % of a page: ${over.join(", ")}`
    );
});
