/**
 * @fileoverview File writes that cannot half-exist: write a temporary file next to the target, then rename it
 * into place (rename is atomic on one file system). A crash leaves the old file, never a truncated one.
 */
import {mkdir, rename, rm, writeFile} from "node:fs/promises";
import path from "node:path";

export async function writeFileAtomic(file: string, content: string | Uint8Array): Promise<void> {
  await mkdir(path.dirname(file), {recursive: true});
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    await writeFile(temporary, content);
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, {force: true});
    throw error;
  }
}

/** JSON with sorted-as-given keys, 2-space indentation and a final newline (stable diffs). */
export function stableJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
