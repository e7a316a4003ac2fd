/**
 * @fileoverview Writes one edition's site into a folder: Eleventy renders the chapters and generated pages with the
 * edition plugin, then the figures file, the figures' CSVs and the local assets are added next to them.
 */
import path from "node:path";
import {BuildError} from "../lib/errors.ts";
import {stableJson, writeFileAtomic} from "../lib/fs.ts";
import {writeAssets} from "./assets.ts";
import {editionPlugin, type EleventyConfig} from "./eleventy/plugin.ts";
import {FIGURE_CSV_DIR} from "./figures.ts";
import {contentDir, type SiteModel} from "./site.ts";

interface EleventyInstance {
  write(): Promise<unknown>;
  logger: {overrideLogger(logger: Pick<Console, "log" | "info" | "warn" | "error">): void};
}

/**
 * Eleventy's console: its "Wrote N files" summary is forced even in quiet mode, and on a template error it prints
 * the whole error chain with stacks. The build prints its own step lines and turns errors into one located line,
 * so Eleventy's messages are kept for --debug only.
 */
function eleventyConsole(): Pick<Console, "log" | "info" | "warn" | "error"> {
  const debug = process.argv.includes("--debug");
  const write = (message: unknown) => {
    if (debug) process.stderr.write(`[11ty] ${String(message)}\n`);
  };
  return {log: write, info: write, warn: write, error: write};
}
type EleventyConstructor = new (
  input: string,
  output: string,
  options: {quietMode?: boolean; configPath?: string; config?: (c: EleventyConfig) => void}
) => EleventyInstance;

/** Renders the site of `site` into `outDir` (which should be empty). */
export async function writeSite(site: SiteModel, outDir: string): Promise<void> {
  const {default: Eleventy} = (await import("@11ty/eleventy")) as unknown as {default: EleventyConstructor};
  const input = contentDir(site.root, site.context.config.edition);
  const eleventy = new Eleventy(input, outDir, {
    quietMode: true,
    configPath: path.join(site.root, ".eleventy.js"),
    config: (eleventyConfig) => editionPlugin(eleventyConfig, site)
  });
  eleventy.logger.overrideLogger(eleventyConsole());
  try {
    await eleventy.write();
  } catch (error) {
    // Eleventy wraps template errors; the user-facing cause is the innermost BuildError when there is one.
    throw innermostBuildError(error) ?? error;
  }
  await writeFileAtomic(path.join(outDir, "figures.json"), stableJson(site.context.figures));
  for (const figure of site.figures.values())
    await writeFileAtomic(path.join(outDir, FIGURE_CSV_DIR, `${figure.id}.csv`), figure.csv);
  await writeAssets(site.root, outDir);
}

export function innermostBuildError(error: unknown): BuildError | undefined {
  let current: unknown = error;
  let found: BuildError | undefined;
  const seen = new Set<unknown>();
  while (current && typeof current === "object" && !seen.has(current)) {
    seen.add(current);
    if (current instanceof BuildError) found = current;
    current = (current as {originalError?: unknown; cause?: unknown}).originalError ?? (current as {cause?: unknown}).cause;
  }
  return found;
}
