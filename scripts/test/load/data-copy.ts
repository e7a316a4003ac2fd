/**
 * @fileoverview Test helper: a throw-away copy of the real data/ (and data/editions) in a temporary folder, with
 * one file mutated, so that every bad-input case runs against otherwise valid data and fixtures stay small.
 */
import {cp, mkdtemp, readFile, rm, writeFile} from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import {fileURLToPath} from "node:url";

export const REPO_ROOT = path.resolve(fileURLToPath(new URL("../../..", import.meta.url)));
export const FIXTURES = path.join(REPO_ROOT, "scripts/test/fixtures/data");

const copies: string[] = [];

/** A temporary repository root holding a copy of data/; removed by `removeDataCopies` (call it in afterAll). */
export async function copyData(): Promise<string> {
  const root = await mkdtemp(path.join(os.tmpdir(), "baipishu-data-"));
  await cp(path.join(REPO_ROOT, "data"), path.join(root, "data"), {recursive: true});
  copies.push(root);
  return root;
}

export async function removeDataCopies(): Promise<void> {
  await Promise.all(copies.splice(0).map((root) => rm(root, {recursive: true, force: true})));
}

/** Rewrites one text file of the copy (path relative to the root, e.g. data/national/accounts.csv). */
export async function editFile(root: string, file: string, edit: (text: string) => string): Promise<void> {
  const absolute = path.join(root, file);
  await writeFile(absolute, edit(await readFile(absolute, "utf8")));
}

/** Rewrites one CSV cell: `line` is the 1-based line number, `column` the header name. */
export async function editCell(root: string, file: string, line: number, column: string, value: string): Promise<void> {
  await editFile(root, file, (text) => {
    const lines = text.split("\n");
    const header = lines[0]!.split(",");
    const index = header.indexOf(column);
    if (index < 0) throw new Error(`${file} has no column ${column}`);
    const cells = lines[line - 1]!.split(",");
    cells[index] = value;
    lines[line - 1] = cells.join(",");
    return lines.join("\n");
  });
}

/** Drops the lines for which `drop(line, lineNumber)` is true (the header is line 1). */
export async function dropLines(
  root: string,
  file: string,
  drop: (line: string, lineNumber: number) => boolean
): Promise<void> {
  await editFile(root, file, (text) =>
    text
      .split("\n")
      .filter((line, i) => !drop(line, i + 1))
      .join("\n")
  );
}

/** Replaces a file of the copy by a fixture of scripts/test/fixtures/data (bytes as they are). */
export async function useFixture(root: string, file: string, fixture: string): Promise<void> {
  await writeFile(path.join(root, file), await readFile(path.join(FIXTURES, fixture)));
}
