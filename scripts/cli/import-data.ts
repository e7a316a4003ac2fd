/**
 * @fileoverview `npm run import-data`: rebuilds the tidy input files of data/ from ../shared (or BAIPISHU_SHARED).
 * Usage: tsx scripts/cli/import-data.ts [--out <dir>] [--debug]. --out writes data/… under another folder.
 */
import path from "node:path";
import {fileURLToPath} from "node:url";
import {BuildError} from "../lib/errors.ts";
import {step} from "../lib/progress.ts";
import {importData} from "../import/run.ts";

const root = path.resolve(fileURLToPath(new URL("../..", import.meta.url)));

async function main(argv: string[]): Promise<number> {
  const debug = argv.includes("--debug");
  const outIndex = argv.indexOf("--out");
  const outRoot = outIndex >= 0 ? argv[outIndex + 1] : undefined;
  if (outIndex >= 0 && !outRoot) {
    process.stderr.write("error: --out needs a folder\n");
    return 2;
  }
  try {
    const written = await step("import data", () =>
      importData({root, outRoot: outRoot ? path.resolve(outRoot) : undefined})
    );
    process.stderr.write(
      `${written.length} files written under ${path.join(outRoot ? path.resolve(outRoot) : root, "data")}\n`
    );
    return 0;
  } catch (error) {
    if (error instanceof BuildError && !debug) {
      process.stderr.write(`error: ${error.message}\n`);
      return error.exitCode;
    }
    throw error;
  }
}

process.exitCode = await main(process.argv.slice(2));
