/**
 * @fileoverview The build of one edition, step by step, each step printed with its duration:
 * load + validate inputs → compute figures (+ consistency checks) → render charts → Eleventy site → PDF.
 * Everything is written into a staging folder that replaces dist/<edition> only when every step succeeded.
 */
import path from "node:path";
import {BuildError} from "../lib/errors.ts";
import {step, warn} from "../lib/progress.ts";
import {readEditionConfig, type EditionConfig} from "../load/edition.ts";
import {loadInputs} from "../load/inputs.ts";
import {loadManifest} from "../load/manifest.ts";
import {loadParams} from "../load/params.ts";
import {loadPublished} from "../load/published.ts";
import {checkFigures} from "../model/checks.ts";
import {computeFigures} from "../model/figures.ts";
import type {FiguresFile} from "../model/records.ts";
import {reproduce, type Reproduction} from "../model/reproduction.ts";
import {writeSite} from "../render/build-site.ts";
import {createRenderContext} from "../render/context.ts";
import {printReport} from "../render/pdf/print.ts";
import {prepareSite} from "../render/site.ts";
import {stableJson, writeFileAtomic} from "../lib/fs.ts";
import {buildIntoDist} from "./dist.ts";

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
}

export interface EditionBuildResult {
  edition: number;
  pages?: number;
  records: number;
  figures: number;
}

/** Loads, computes and checks one edition's figures (shared by build, reproduce and tests). */
export async function computeEdition(
  dataRoot: string,
  config: EditionConfig
): Promise<{figures: FiguresFile; reproduction: Reproduction; inputs: Awaited<ReturnType<typeof loadInputs>>}> {
  const label = String(config.edition);
  const {inputs, params, published} = await step(`${label} · load + validate inputs`, async () => ({
    inputs: await loadInputs(dataRoot, config),
    params: await loadParams(dataRoot, config),
    published: await loadPublished(dataRoot, config.edition)
  }));
  return step(`${label} · compute figures`, () => {
    const figures = computeFigures(inputs, config, params);
    const violations = checkFigures(figures, config);
    if (violations.length > 0)
      throw new BuildError(
        `the ${config.edition} figures break ${violations.length} consistency check(s):\n${violations.slice(0, 20).join("\n")}`
      );
    const reproduction = reproduce(figures, published, config);
    return {figures, reproduction, inputs};
  });
}

export async function buildEdition(edition: number, options: BuildOptions): Promise<EditionBuildResult> {
  const config = await readEditionConfig(options.dataRoot, edition);
  const label = String(edition);
  const {figures, reproduction, inputs} = await computeEdition(options.dataRoot, config);
  const manifest = await loadManifest(options.dataRoot);

  return buildIntoDist(options.distRoot, edition, async (staging) => {
    const site = await step(`${label} · render charts`, () => {
      const context = createRenderContext(config, figures, {sections: inputs.sections, provinces: inputs.provinces, policies: inputs.policies}, manifest);
      return prepareSite(options.root, context, reproduction);
    });
    await step(`${label} · Eleventy site`, async () => {
      await writeSite(site, staging);
      await writeFileAtomic(path.join(staging, "reproduction.json"), stableJson(reproduction));
    });
    let pages: number | undefined;
    if (options.pdf)
      pages = await step(`${label} · PDF`, async () => {
        const result = await printReport(staging, path.join(staging, "report.pdf"), config.shortTitle);
        return result.pages;
      });
    else warn(`${label}: PDF skipped (--no-pdf); dist/${label}/report.pdf is absent`);
    return {edition, ...(pages !== undefined ? {pages} : {}), records: figures.records.length, figures: site.figures.size};
  });
}
