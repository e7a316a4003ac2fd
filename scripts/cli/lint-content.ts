/**
 * @fileoverview `npm run lint:content`: fails with file:line on any number typed by hand into content/ (the build
 * runs the same lint before it renders anything).
 */
import path from "node:path";
import {info} from "../lib/progress.ts";
import {lintContent} from "../render/lint-content.ts";
import {runCommand} from "./main.ts";

const root = path.resolve(import.meta.dirname, "../..");

await runCommand(async () => {
  const files = await lintContent(root);
  info(`✓ content lint: no hand-typed number in ${files} chapter files`);
});
