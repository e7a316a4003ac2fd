/**
 * @fileoverview `npm run lint:content`: fails with file:line on any number typed by hand into content/ (the build
 * runs the same lint before it renders anything), and prints how much of each chapter is markup rather than prose
 * (the short reference syntax exists to keep that share low; see README "Writing a chapter").
 */
import {readFile, readdir} from "node:fs/promises";
import path from "node:path";
import {info} from "../lib/progress.ts";
import {lintContent} from "../render/lint-content.ts";
import {MARKUP_TARGET, markupShare} from "../render/markup-share.ts";
import {runCommand} from "./main.ts";

const root = path.resolve(import.meta.dirname, "../..");

await runCommand(async () => {
  const files = await lintContent(root);
  info(`✓ content lint: no hand-typed number in ${files} chapter files`);
  info(
    "markup share per chapter (all markup / all characters; of it, references that print a number, word or name, and the rest: conditions and tags):"
  );
  const content = path.join(root, "content");
  const over: string[] = [];
  for (const edition of (await readdir(content, {withFileTypes: true}))
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort())
    for (const name of (await readdir(path.join(content, edition))).filter((n) => n.endsWith(".md")).sort()) {
      const share = markupShare(await readFile(path.join(content, edition, name), "utf8"));
      const percent = (part: number) => `${((100 * part) / Math.max(1, share.total)).toFixed(1).padStart(5)} %`;
      const isOver = share.share > MARKUP_TARGET;
      if (isOver) over.push(`${edition}/${name}`);
      info(
        `  ${`${edition}/${name}`.padEnd(26)} ${percent(share.markup)}  (${share.markup} of ${share.total}; numbers ${percent(share.printing)}, logic ${percent(share.markup - share.printing)})${isOver ? `  ← over ${100 * MARKUP_TARGET} %: ${Math.ceil(share.markup / MARKUP_TARGET - share.total)} more characters of prose, or less markup` : ""}`
      );
    }
  info(
    over.length === 0
      ? `✓ every chapter is within ${100 * MARKUP_TARGET} % markup`
      : `⚠ ${over.length} chapter(s) over ${100 * MARKUP_TARGET} % markup: ${over.join(", ")}`
  );
});
