/**
 * @fileoverview `npm run preview-figures -- --edition 2022 [--figure id] [--png]`: renders every figure of an edition
 * (placed in a chapter or not) into dist/preview/<edition>/index.html with the site's fonts and styles, and with
 * --png screenshots each figure to dist/preview/<edition>/<id>.png in Chromium — the quick way to look at charts
 * (overlapping labels, clipped legends, empty panels) without building the whole site and PDF.
 */
import {mkdir, rm, writeFile} from "node:fs/promises";
import path from "node:path";
import {pathToFileURL} from "node:url";
import {parseArgs} from "node:util";
import {BuildError} from "../lib/errors.ts";
import {info} from "../lib/progress.ts";
import {readEditionConfig} from "../load/edition.ts";
import {loadInputs} from "../load/inputs.ts";
import {loadManifest} from "../load/manifest.ts";
import {loadParams} from "../load/params.ts";
import {computeFigures} from "../model/records/figures.ts";
import {writeAssets} from "../render/assets.ts";
import {launchBrowser} from "../render/browser.ts";
import {createRenderContext} from "../render/context.ts";
import {renderFigure} from "../render/figures.ts";
import {runCommand} from "./main.ts";

const root = path.resolve(import.meta.dirname, "../..");

await runCommand(async () => {
  const {values} = parseArgs({
    options: {
      edition: {type: "string"},
      figure: {type: "string", multiple: true},
      png: {type: "boolean", default: false},
      debug: {type: "boolean", default: false}
    }
  });
  if (!values.edition) throw new BuildError("--edition is required (e.g. --edition 2022)");
  const config = await readEditionConfig(root, values.edition);
  const inputs = await loadInputs(root, config);
  const figures = computeFigures(inputs, config, await loadParams(root, config));
  const context = createRenderContext(
    config,
    figures,
    {sections: inputs.sections, provinces: inputs.provinces, policies: inputs.policies, citations: []},
    await loadManifest(root)
  );
  const out = path.join(root, "dist", "preview", String(config.edition));
  await rm(out, {recursive: true, force: true});
  await mkdir(out, {recursive: true});
  await writeAssets(root, out);
  const selected = config.figures.filter((f) => !values.figure || values.figure.includes(f.id));
  if (selected.length === 0) throw new BuildError(`no figure matches ${values.figure?.join(", ")}`);
  const parts: string[] = [];
  for (const [i, figure] of selected.entries()) {
    const rendered = await renderFigure(context, {
      figure,
      label: `${figure.kind === "table" ? "表" : "图"}${i + 1}`,
      chapterId: "preview"
    });
    parts.push(
      `<section class="preview" data-id="${figure.id}"><h2><code>${figure.id}</code> (${figure.chart})</h2>${rendered.html}<p class="summary">${rendered.summary}</p></section>`
    );
  }
  const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${config.edition} figures</title>
<link rel="stylesheet" href="assets/fonts.css"><link rel="stylesheet" href="assets/katex/katex.min.css"><link rel="stylesheet" href="assets/style.css">
<style>.preview{max-width:900px;margin:1rem auto;padding:1rem;border-bottom:4px solid #eee}.preview h2{font-size:14px}.summary{font-size:13px;color:#555}</style>
</head><body class="chapter">${parts.join("\n")}</body></html>`;
  await writeFile(path.join(out, "index.html"), html);
  info(`wrote ${path.relative(process.cwd(), path.join(out, "index.html"))} (${selected.length} figures)`);
  if (!values.png) return;
  const {browser, close} = await launchBrowser();
  try {
    const page = await browser.newPage();
    await page.setViewport({width: 1000, height: 800, deviceScaleFactor: 1});
    await page.goto(pathToFileURL(path.join(out, "index.html")).href, {waitUntil: "load"});
    await page.evaluate(async () => {
      await document.fonts.ready;
    });
    for (const figure of selected) {
      const element = await page.$(`section[data-id="${figure.id}"] figure`);
      if (!element) continue;
      await element.screenshot({path: path.join(out, `${figure.id}.png`) as `${string}.png`});
    }
    info(`wrote ${selected.length} PNG files to ${path.relative(process.cwd(), out)}`);
  } finally {
    await close();
  }
});
