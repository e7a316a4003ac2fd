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
import {linkMentions} from "./entity-pages.ts";

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

export interface RenderPagesOptions {
  /** Output files of generated pages not to render (e.g. data.html, print.html): the preview renders these two,
   * the slowest, after the chapters. No other page depends on them (only print.html reads a collection). */
  skip?: readonly string[];
  /** Global data not to compute, because only the skipped pages read it. */
  skipGlobalData?: readonly string[];
  /**
   * false in a long-lived process (npm run serve): Eleventy keeps template sources and layouts in process-wide
   * caches keyed by path, which a new Eleventy instance would reuse after the file changed.
   */
  templateCache?: boolean;
}

/** Runs Eleventy: the chapters and the generated pages of `site` into `outDir`. */
export async function renderPages(site: SiteModel, outDir: string, options: RenderPagesOptions = {}): Promise<void> {
  const {default: Eleventy} = (await import("@11ty/eleventy")) as unknown as {default: EleventyConstructor};
  const input = contentDir(site.root, site.context.config.edition);
  const skip = new Set(options.skip ?? []);
  const skipData = new Set(options.skipGlobalData ?? []);
  const eleventy = new Eleventy(input, outDir, {
    quietMode: true,
    configPath: path.join(site.root, ".eleventy.js"),
    config: (eleventyConfig) => {
      const config =
        skip.size === 0 && skipData.size === 0
          ? eleventyConfig
          : withOverrides(eleventyConfig, {
              addTemplate(virtualPath, content, data) {
                if (typeof data?.permalink === "string" && skip.has(data.permalink)) return;
                eleventyConfig.addTemplate(virtualPath, content, data);
              },
              addGlobalData(name, value) {
                if (!skipData.has(name)) eleventyConfig.addGlobalData(name, value);
              }
            });
      editionPlugin(config, site);
      if (options.templateCache === false)
        (eleventyConfig as unknown as {setUseTemplateCache(use: boolean): void}).setUseTemplateCache(false);
    }
  });
  eleventy.logger.overrideLogger(eleventyConsole());
  try {
    await eleventy.write();
  } catch (error) {
    // Eleventy wraps template errors; the user-facing cause is the innermost BuildError when there is one.
    throw innermostBuildError(error) ?? error;
  }
  // The entity pages link to what the chapters just rendered print about each entity.
  await linkMentions(outDir, site.context, site.chapters, [...site.figures.values()]);
}

/** Eleventy's config object with some methods replaced; every other member is Eleventy's own, bound to it. */
function withOverrides(config: EleventyConfig, overrides: Partial<EleventyConfig>): EleventyConfig {
  return new Proxy(config, {
    get(target, property) {
      if (Object.hasOwn(overrides, property)) return (overrides as Record<PropertyKey, unknown>)[property];
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    }
  });
}

/** The figures file and the CSV of each figure, beside the pages. */
export async function writeFigureFiles(site: SiteModel, outDir: string): Promise<void> {
  await writeFileAtomic(path.join(outDir, "figures.json"), stableJson(site.context.figures));
  for (const figure of site.figures.values())
    await writeFileAtomic(path.join(outDir, FIGURE_CSV_DIR, `${figure.id}.csv`), figure.csv);
}

/** Renders the site of `site` into `outDir` (which should be empty): pages, figures file and CSVs, assets. */
export async function writeSite(site: SiteModel, outDir: string): Promise<void> {
  await renderPages(site, outDir);
  await writeFigureFiles(site, outDir);
  await writeAssets(site.root, outDir);
}

export function innermostBuildError(error: unknown): BuildError | undefined {
  let current: unknown = error;
  let found: BuildError | undefined;
  const seen = new Set<unknown>();
  while (current && typeof current === "object" && !seen.has(current)) {
    seen.add(current);
    if (current instanceof BuildError) found = current;
    current =
      (current as {originalError?: unknown; cause?: unknown}).originalError ?? (current as {cause?: unknown}).cause;
  }
  return found;
}
