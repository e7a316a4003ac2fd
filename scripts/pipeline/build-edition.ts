/**
 * @fileoverview The build of one edition, step by step, each step printed with its duration:
 * load + validate inputs → compute figures (+ consistency checks) → render charts → Eleventy site → PDF.
 * The first two run once per change of their inputs: scripts/pipeline/figures-cache.ts keeps their result.
 * Everything is written into a staging folder that replaces dist/<edition> only when every step succeeded.
 */
import path from "node:path";
import {step, warn} from "../lib/progress.ts";
import {writeSite} from "../render/build-site.ts";
import {warmUpSharedBrowser} from "../render/browser.ts";
import {createRenderContext} from "../render/context.ts";
import {printReport} from "../render/pdf/print.ts";
import {openChartCache} from "./chart-cache.ts";
import {prepareSite} from "../render/site.ts";
import {stableJson, writeFileAtomic} from "../lib/fs.ts";
import {buildIntoDist} from "./dist.ts";
import {computeEditionCached} from "./figures-cache.ts";
import {writeSearchIndex} from "../render/search-index.ts";
import {editionRevisions} from "./revisions.ts";

export {computeEdition} from "./figures-cache.ts";

export interface BuildOptions {
  /** Repository root: content/, templates/, .eleventy.js. */
  root: string;
  /** Folder that holds data/ — inputs, edition configs, parameters (the repository root unless a test or a
   * what-if build points elsewhere). */
  dataRoot: string;
  /** Where dist/<edition> goes. */
  distRoot: string;
  /** Skip the PDF (quick previews); `npm run build` always prints it. */
  pdf: boolean;
  /** The figures cache (scripts/pipeline/figures-cache.ts): false bypasses it (--no-cache). Default on. */
  cache?: boolean;
  /** The caches' folder (default <root>/.cache): figures/ (the figures cache) and pdf/ (the contents' page
   * numbers of the previous print). */
  cacheRoot?: string;
  /** Called once the site is written, when only the search index and the PDF are left (see buildEditions). */
  onSiteWritten?: () => void;
}

export interface EditionBuildResult {
  edition: number;
  pages?: number;
  records: number;
  figures: number;
}

export async function buildEdition(edition: number, options: BuildOptions): Promise<EditionBuildResult> {
  const label = String(edition);
  const cacheRoot = options.cacheRoot ?? path.join(options.root, ".cache");
  const cache = {enabled: options.cache !== false, dir: path.join(cacheRoot, "figures")};
  const {config, figures, reproduction, reference, manifest, fingerprint} = await computeEditionCached(
    options.dataRoot,
    edition,
    cache
  );
  const revisions = await step(`${label} · revisions since the previous edition`, () =>
    editionRevisions(options.dataRoot, config, figures, cache)
  );

  return buildIntoDist(options.distRoot, edition, async (staging) => {
    // Charts drawn by an earlier build of the same figures and code are reused (chart-cache.ts).
    const charts = await openChartCache(path.join(cacheRoot, "charts"), edition, cache.enabled ? fingerprint : "");
    const site = await step(`${label} · render charts`, async () => {
      const context = createRenderContext(config, figures, reference, manifest);
      const prepared = await prepareSite(options.root, context, reproduction, {revisions, figureMemo: charts.memo});
      await charts.save(prepared.placements.map((p) => JSON.stringify(p)));
      return prepared;
    });
    await step(`${label} · Eleventy site`, async () => {
      await writeSite(site, staging);
      await writeFileAtomic(path.join(staging, "reproduction.json"), stableJson(reproduction));
      await writeFileAtomic(path.join(staging, "revisions.json"), stableJson(revisions));
    });
    options.onSiteWritten?.();
    // The search index (Pagefind's own process) and the PDF (Chromium) read the same finished site and write apart
    // (pagefind/, report.pdf): they run side by side. Both settle before the staging folder is swapped or removed.
    const search = step(`${label} · search index`, () => writeSearchIndex(staging, site.context));
    const pdf = options.pdf
      ? step(`${label} · PDF`, async () => {
          // The contents' page numbers of the previous build: one print instead of two when nothing moved.
          const tocCache = path.join(cacheRoot, "pdf", `${edition}-toc.json`);
          const floatCache = path.join(cacheRoot, "pdf", `${edition}-floats.json`);
          const result = await printReport(staging, path.join(staging, "report.pdf"), config.shortTitle, {
            tocCache,
            floatCache
          });
          return result.pages;
        })
      : Promise.resolve(undefined);
    const [searched, printed] = await Promise.allSettled([search, pdf]);
    if (searched.status === "rejected") throw searched.reason;
    if (printed.status === "rejected") throw printed.reason;
    const pages = printed.value;
    if (!options.pdf) warn(`${label}: PDF skipped (--no-pdf); dist/${label}/report.pdf is absent`);
    return {
      edition,
      ...(pages !== undefined ? {pages} : {}),
      records: figures.records.length,
      figures: site.figures.size
    };
  });
}

/**
 * Builds several editions, each as buildEdition does, overlapped in pairs: the next edition computes its figures and
 * renders its site while the one before prints its PDF and its search index. Those two run in processes of their own
 * (Chromium, Pagefind) while Node mostly waits, so on two cores the overlap saves most of the time of the one edition's
 * Node work. No edition starts once one has failed; the editions already under way finish (each dist/<edition> is
 * replaced whole or not at all) and the first failure is rethrown. `onBuilt` hears of each edition that succeeded;
 * `build` is buildEdition but in tests.
 */
export async function buildEditions(
  editions: readonly number[],
  options: Omit<BuildOptions, "onSiteWritten">,
  onBuilt: (result: EditionBuildResult) => void = () => {},
  build: typeof buildEdition = buildEdition
): Promise<EditionBuildResult[]> {
  // Chromium starts while the first edition computes, instead of when its PDF is due.
  if (options.pdf) void warmUpSharedBrowser();
  const runs: Promise<EditionBuildResult>[] = [];
  let failed = false;
  for (const edition of editions) {
    if (failed) break;
    let siteWritten!: () => void;
    const written = new Promise<void>((resolve) => (siteWritten = resolve));
    const run = build(edition, {...options, onSiteWritten: siteWritten}).then((result) => {
      onBuilt(result);
      return result;
    });
    runs.push(run);
    // The next edition starts when this one's site is written, or when this one ends (a failure before that).
    await Promise.race([
      written,
      run.then(
        () => {},
        () => {
          failed = true;
        }
      )
    ]);
  }
  const settled = await Promise.allSettled(runs);
  const failure = settled.find((s): s is PromiseRejectedResult => s.status === "rejected");
  if (failure) throw failure.reason;
  return settled.map((s) => (s as PromiseFulfilledResult<EditionBuildResult>).value);
}
