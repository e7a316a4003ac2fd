/**
 * @fileoverview `npm run bench [-- --skip-mathjs] [--skip-build] [--skip-serve]`: times the model, the build and the
 * writing loop.
 *
 * Model: per edition, loading (shown apart) and the full model (computeFigures, checks, reproduction). The Leontief
 * step — LU of I − A and the 11 columns of its inverse — at n = 149 (the real table, as the augmented 160 × 160
 * system), 500 and 1302 (synthetic, diagonally dominant: column sums of A below 1, so well conditioned), each beside
 * mathjs (`lup` + `lusolve`) on the same system as a ratio. mathjs at n = 1302 takes ~10 s, so it runs once; the
 * typed-array LU runs the median of several repetitions.
 *
 * Build: the full build of every edition in process into a temporary dist, with empty caches (cold) and again with
 * the caches it wrote (warm: figures and the contents' page numbers cached), beside its irreducible parts measured in
 * the same run — Eleventy alone (writeSite of the prepared site) and one Chromium print of print.html (goto, fonts
 * ready, one page.pdf() with the final print's options) — as the ratio full / (Eleventy + one print). The rows of
 * the editions time each one's build alone; the row "all" times the build of every edition as `npm run build` runs
 * it (buildEditions: one edition's site is rendered while the one before prints).
 *
 * Serve: the preview of the newest edition in process on a temporary copy of content/, data/ and templates/, with a
 * Chromium page listening to its live reload: from the write of an edited file to the reload message, and to the new
 * text in the page's DOM (stamped in the page, so that a busy bench process does not delay the measure), for a
 * chapter edit, a layout edit and data edits (the model reruns, then a cache hit).
 */
import {appendFile, cp, mkdtemp, readFile, rm, symlink, writeFile} from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import {pathToFileURL} from "node:url";
import {parseArgs} from "node:util";
import {performance} from "node:perf_hooks";
import type {Page} from "puppeteer-core";
import {lup, lusolve} from "mathjs";
import {listEditions, readEditionConfig} from "../load/edition.ts";
import {loadInputs} from "../load/inputs.ts";
import {loadParams} from "../load/params.ts";
import {loadPublished} from "../load/published.ts";
import {computeFigures} from "../model/records/figures.ts";
import {checkFigures} from "../model/checks/index.ts";
import {reproduce} from "../model/reproduction/reproduction.ts";
import {inverseColumns, luFactor} from "../model/method/linalg.ts";
import {augmentedLeontiefMatrix, augmentLayout, technicalCoefficients} from "../model/method/io-augment.ts";
import {prepareBaseYear} from "../model/method/base-year.ts";
import {shareVector} from "../model/method/edition-model.ts";
import {buildEdition, buildEditions} from "../pipeline/build-edition.ts";
import {computeEditionCached} from "../pipeline/figures-cache.ts";
import {Preview, type BuildReport} from "../pipeline/preview.ts";
import {closeSharedBrowser, launchBrowser, sharedBrowser} from "../render/browser.ts";
import {writeSite} from "../render/build-site.ts";
import {createRenderContext} from "../render/context.ts";
import {PRINT_PAGE} from "../render/pdf/print.ts";
import {prepareSite} from "../render/site.ts";
import {runCommand} from "./main.ts";

const root = path.resolve(import.meta.dirname, "../..");

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function time<T>(run: () => T): {ms: number; result: T} {
  const start = performance.now();
  const result = run();
  return {ms: performance.now() - start, result};
}

/** LU + 11 unit-vector solves with the typed-array code: median of `repeat` runs. */
function oursMs(matrix: Float64Array, n: number, cols: number[], repeat: number): number {
  const runs: number[] = [];
  for (let i = 0; i < repeat; i++) runs.push(time(() => inverseColumns(luFactor({n, data: matrix}), cols)).ms);
  return median(runs);
}

/** mathjs on the same system: one `lup` factorisation, then `lusolve` for each of the 11 unit vectors. */
function mathjsMs(matrix: Float64Array, n: number, cols: number[]): number {
  const rows = Array.from({length: n}, (_, i) => Array.from(matrix.subarray(i * n, i * n + n)));
  return time(() => {
    const factors = lup(rows);
    for (const c of cols)
      lusolve(
        factors,
        Array.from({length: n}, (_, i) => (i === c ? 1 : 0))
      );
  }).ms;
}

function synthetic(n: number): Float64Array {
  let seed = 20171;
  const rnd = (): number => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const m = new Float64Array(n * n);
  // A with column sums ≤ 0.8 (a productive economy); the matrix is I − A.
  for (let i = 0; i < n * n; i++) m[i] = -(rnd() * 1.6) / n;
  for (let i = 0; i < n; i++) m[i * n + i] = m[i * n + i]! + 1;
  return m;
}

async function timeAsync<T>(run: () => Promise<T>): Promise<{ms: number; result: T}> {
  const start = performance.now();
  const result = await run();
  return {ms: performance.now() - start, result};
}

const seconds = (ms: number): string => (Number.isFinite(ms) ? (ms / 1000).toFixed(2) : "–");

/** An aligned table: the first column left-aligned, the others right-aligned. */
function table(header: string[], rows: string[][]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) =>
    `  ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ")}`.trimEnd();
  return [line(header), ...rows.map(line)];
}

/** One print of siteDir/print.html as the build's final print does it (options of scripts/render/pdf/print.ts). */
async function onePrintMs(siteDir: string): Promise<number> {
  const page = await (await sharedBrowser()).newPage();
  try {
    const start = performance.now();
    await page.goto(pathToFileURL(path.join(siteDir, PRINT_PAGE)).href, {waitUntil: "load", timeout: 120_000});
    await page.evaluate("document.fonts.ready.then(() => true)");
    await page.pdf({
      format: "A4",
      printBackground: true,
      preferCSSPageSize: true,
      displayHeaderFooter: false,
      outline: true,
      tagged: true,
      timeout: 120_000
    });
    return performance.now() - start;
  } finally {
    await page.close();
  }
}

/** The build section: full builds (cold and warm caches) beside Eleventy alone and one print, per edition. */
async function benchBuild(): Promise<string[]> {
  const editions = await listEditions(root);
  const work = await mkdtemp(path.join(os.tmpdir(), "baipishu-bench-build-"));
  const cacheRoot = path.join(work, "cache");
  const quiet = process.env.BAIPISHU_QUIET;
  process.env.BAIPISHU_QUIET = "1";
  try {
    const full = {cold: new Map<number, number>(), warm: new Map<number, number>()};
    // Process start-up (module loading, the browser's launch) is paid once by any build, and the irreducible parts
    // below are measured after it too: a throw-away build with its own caches pays it before the cold pass.
    await buildEdition(editions[0]!, {
      root,
      dataRoot: root,
      distRoot: path.join(work, "warm-up"),
      pdf: true,
      cacheRoot: path.join(work, "warm-up-cache")
    });
    // Every edition at once, as npm run build does it (first, as a build runs in a fresh process): cold, then warm
    // on the caches the cold build wrote.
    const allCache = path.join(work, "all-cache");
    const together = {cold: 0, warm: 0};
    for (const pass of ["cold", "warm"] as const)
      together[pass] = (
        await timeAsync(() =>
          buildEditions(editions, {
            root,
            dataRoot: root,
            distRoot: path.join(work, `all-${pass}`),
            pdf: true,
            cacheRoot: allCache
          })
        )
      ).ms;
    for (const pass of ["cold", "warm"] as const)
      for (const edition of editions)
        full[pass].set(
          edition,
          (
            await timeAsync(() =>
              buildEdition(edition, {root, dataRoot: root, distRoot: path.join(work, pass), pdf: true, cacheRoot})
            )
          ).ms
        );
    const rows: string[][] = [];
    const sums = {eleventy: 0, print: 0};
    for (const edition of editions) {
      const computed = await computeEditionCached(root, edition, {enabled: true, dir: path.join(cacheRoot, "figures")});
      const context = createRenderContext(computed.config, computed.figures, computed.reference, computed.manifest);
      const site = await prepareSite(root, context, computed.reproduction);
      const eleventy: number[] = [];
      const prints: number[] = [];
      for (let i = 0; i < 3; i++) {
        const dir = path.join(work, `site-${edition}-${i}`);
        eleventy.push((await timeAsync(() => writeSite(site, dir))).ms);
        prints.push(await onePrintMs(dir));
      }
      const [cold, warm, e, p] = [full.cold.get(edition)!, full.warm.get(edition)!, median(eleventy), median(prints)];
      sums.eleventy += e;
      sums.print += p;
      rows.push([
        String(edition),
        seconds(cold),
        seconds(warm),
        seconds(e),
        seconds(p),
        (cold / (e + p)).toFixed(2),
        (warm / (e + p)).toFixed(2)
      ]);
    }
    const all = sums.eleventy + sums.print;
    rows.push([
      "all",
      seconds(together.cold),
      seconds(together.warm),
      seconds(sums.eleventy),
      seconds(sums.print),
      (together.cold / all).toFixed(2),
      (together.warm / all).toFixed(2)
    ]);
    return [
      "build, in process into a temporary dist, after one throw-away build that pays module loading and the browser's launch",
      "(seconds; full cold: empty figures and contents caches; full warm: the same",
      "build again with the caches it wrote; Eleventy: writeSite of the prepared site; one print: goto + fonts + one",
      "page.pdf() of print.html; Eleventy and one print are medians of 3; ratio = full / (Eleventy + one print);",
      "each edition's row builds it alone, the row all builds every edition as npm run build does, overlapped):",
      ...table(["edition", "full cold", "full warm", "Eleventy", "one print", "ratio cold", "ratio warm"], rows)
    ];
  } finally {
    if (quiet === undefined) delete process.env.BAIPISHU_QUIET;
    else process.env.BAIPISHU_QUIET = quiet;
    await rm(work, {recursive: true, force: true});
  }
}

/**
 * Installed in every document of the watching page: stamps Date.now() into sessionStorage (which survives the
 * reload) when the watched condition first holds — a text in the page, or the page's numbers differing from /
 * equal to a snapshot (checked once the document is parsed). A string, not a function: tsx's name helpers do not
 * exist in the page.
 */
const DETECTOR = `(function () {
  var scheduled = false;
  function numbers() {
    return Array.prototype.map.call(document.querySelectorAll("a.num"), function (a) { return a.textContent; }).join("|");
  }
  function check() {
    var spec = sessionStorage.getItem("bench-watch");
    if (!spec || sessionStorage.getItem("bench-seen")) return;
    var watch = JSON.parse(spec);
    var hit = false;
    if (watch.text !== undefined) hit = !!document.body && document.body.textContent.indexOf(watch.text) >= 0;
    else if (document.readyState !== "loading") hit = watch.equal ? numbers() === watch.numbers : numbers() !== watch.numbers;
    if (hit) sessionStorage.setItem("bench-seen", String(Date.now()));
  }
  new MutationObserver(function () {
    if (scheduled) return;
    scheduled = true;
    setTimeout(function () { scheduled = false; check(); }, 0);
  }).observe(document, {childList: true, subtree: true, characterData: true});
  document.addEventListener("DOMContentLoaded", check);
})();`;

interface LoopMeasure {
  sent: number;
  seen: number;
  report: BuildReport;
}

/** The serve section: edits on a temporary copy, measured to the reload message and to the page's DOM. */
async function benchServe(): Promise<string[]> {
  const editions = await listEditions(root);
  const edition = editions[editions.length - 1]!;
  const work = await mkdtemp(path.join(os.tmpdir(), "baipishu-bench-serve-"));
  for (const entry of ["content", "data", "templates", ".eleventy.js"])
    await cp(path.join(root, entry), path.join(work, entry), {recursive: true});
  await symlink(path.join(root, "node_modules"), path.join(work, "node_modules"));
  const quiet = process.env.BAIPISHU_QUIET;
  process.env.BAIPISHU_QUIET = "1";
  let preview: Preview | undefined;
  const browser = await launchBrowser();
  try {
    const startup = await timeAsync(async () => {
      preview = await Preview.start({
        root: work,
        dataRoot: work,
        edition,
        workDir: path.join(work, ".cache", "serve", String(edition)),
        port: 0,
        cache: {enabled: true, dir: path.join(work, ".cache", "figures")}
      });
      await preview.settled();
    });
    const p = preview!;
    if (p.currentError) throw new Error(`the preview of ${edition} does not build: ${p.currentError}`);
    const config = p.config!;
    const chapter = config.chapters.find((c) => c.kind === "body") ?? config.chapters[0]!;
    const chapterFile = path.join(work, "content", String(edition), chapter.file);
    const page: Page = await browser.browser.newPage();
    await page.evaluateOnNewDocument(DETECTOR);
    await page.goto(`${p.url}${chapter.id === "index" ? "index.html" : `${chapter.id}.html`}`, {
      waitUntil: "load",
      timeout: 120_000
    });
    await new Promise((resolve) => setTimeout(resolve, 500));

    const measure = async (watch: object, edit: () => Promise<void>): Promise<LoopMeasure> => {
      await page.evaluate(
        `sessionStorage.removeItem("bench-seen"); sessionStorage.setItem("bench-watch", ${JSON.stringify(JSON.stringify(watch))});`
      );
      const built = new Promise<BuildReport>((resolve) => p.once("build", resolve));
      const [wall, start] = [Date.now(), performance.now()];
      await edit();
      const report = await built;
      if (!report.ok) throw new Error(`the edit broke the build: ${report.error}`);
      let seenAt: number | undefined;
      for (let i = 0; i < 1200 && seenAt === undefined; i++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        seenAt = await page.evaluate(`Number(sessionStorage.getItem("bench-seen")) || undefined`).then(
          (v) => v as number | undefined,
          () => undefined
        );
      }
      await p.settled();
      await new Promise((resolve) => setTimeout(resolve, 300));
      return {sent: report.at - start, seen: seenAt === undefined ? Number.NaN : seenAt - wall, report};
    };
    const numbers = async () =>
      (await page.evaluate(
        `Array.prototype.map.call(document.querySelectorAll("a.num"), function (a) { return a.textContent; }).join("|")`
      )) as string;

    const chapterRuns: LoopMeasure[] = [];
    for (const mark of ["甲", "乙", "丙"]) {
      const text = `基准测试追加的句子${mark}。`;
      chapterRuns.push(
        await measure({text}, () =>
          appendFile(
            chapterFile,
            `

${text}
`
          )
        )
      );
    }
    const layout = path.join(work, "templates", "layouts", "base.njk");
    const layoutRuns: LoopMeasure[] = [];
    for (const mark of ["甲", "乙"]) {
      const text = `基准测试页脚${mark}`;
      const source = await readFile(layout, "utf8");
      const edited = source.includes("</footer>")
        ? source.replace("</footer>", `<p>${text}</p></footer>`)
        : source.replace("</body>", `<p>${text}</p></body>`);
      layoutRuns.push(await measure({text}, () => writeFile(layout, edited)));
    }
    const paramsFile = path.join(work, "data", "params", `${edition}.json`);
    const original = await readFile(paramsFile, "utf8");
    const scaled = (factor: number): string => {
      const params = JSON.parse(original) as {multiplier: {values: Record<string, number>}};
      for (const year of Object.keys(params.multiplier.values)) params.multiplier.values[year]! *= factor;
      return `${JSON.stringify(params, null, 2)}
`;
    };
    const before = await numbers();
    const dataRuns: LoopMeasure[] = [];
    for (const factor of [1.02, 1.04])
      dataRuns.push(
        await measure({numbers: await numbers(), equal: false}, () => writeFile(paramsFile, scaled(factor)))
      );
    const back = await measure({numbers: before, equal: true}, () => writeFile(paramsFile, original));

    const row = (label: string, runs: LoopMeasure[]): string[] => [
      label,
      String(runs.length),
      seconds(median(runs.map((r) => r.sent))),
      seconds(median(runs.map((r) => r.seen))),
      runs.map((r) => seconds(r.seen)).join(" ")
    ];
    const stages = (runs: LoopMeasure[]): string =>
      [...new Set(runs.flatMap((r) => Object.keys(r.report.stages ?? {})))]
        .map((name) => `${name} ${seconds(median(runs.map((r) => r.report.stages?.[name] ?? 0)))}`)
        .join(" · ");
    const fromCache = back.report.recomputed === false ? "no model run" : "model reruns";
    return [
      `serve loop, ${edition} (in process on a temporary copy; a Chromium page on ${chapter.id}.html; seconds from the write of the`,
      `file to the reload message and to the new text in the page's DOM; medians; first build ${seconds(startup.ms)} s with a cold figures cache):`,
      ...table(
        ["edit", "n", "reload sent", "in page", "in page, each run"],
        [
          row(`chapter: a sentence appended to ${chapter.file}`, chapterRuns),
          row("template: a line in layouts/base.njk", layoutRuns),
          row(`data: params/${edition}.json multipliers (model reruns)`, dataRuns),
          row(`data: params/${edition}.json restored (${fromCache})`, [back])
        ]
      ),
      `  where the chapter edit's time goes (server side): ${stages(chapterRuns)}`,
      `  where the data edit's time goes (server side): ${stages(dataRuns)}`
    ];
  } finally {
    await preview?.close();
    await browser.close();
    if (quiet === undefined) delete process.env.BAIPISHU_QUIET;
    else process.env.BAIPISHU_QUIET = quiet;
    await rm(work, {recursive: true, force: true});
  }
}

await runCommand(async () => {
  const {values} = parseArgs({
    options: {
      "skip-mathjs": {type: "boolean", default: false},
      "skip-build": {type: "boolean", default: false},
      "skip-serve": {type: "boolean", default: false},
      debug: {type: "boolean", default: false}
    }
  });
  const lines: string[] = ["full model per edition (load shown apart):"];
  let realMatrix: {m: Float64Array; n: number; cols: number[]} | undefined;
  for (const edition of await listEditions(root)) {
    const config = await readEditionConfig(root, edition);
    const load = performance.now();
    const [inputs, params, published] = await Promise.all([
      loadInputs(root, config),
      loadParams(root, config),
      loadPublished(root, edition)
    ]);
    const loadMs = performance.now() - load;
    computeFigures(inputs, config, params); // warm-up (JIT)
    const runs: number[] = [];
    for (let i = 0; i < 5; i++)
      runs.push(
        time(() => {
          const figures = computeFigures(inputs, config, params);
          checkFigures(figures, config);
          reproduce(figures, published, config);
        }).ms
      );
    const figuresOnly = median(Array.from({length: 5}, () => time(() => computeFigures(inputs, config, params)).ms));
    lines.push(
      `  ${edition}: load ${loadMs.toFixed(0)} ms · computeFigures ${figuresOnly.toFixed(0)} ms · + checks + reproduction ${median(runs).toFixed(0)} ms`
    );
    if (!realMatrix) {
      const setup = prepareBaseYear(inputs.io, inputs.relatedSubsectors);
      const layout = augmentLayout(inputs.io.sectors.length, setup.relatedIndex, shareVector(inputs, params));
      const m = augmentedLeontiefMatrix(technicalCoefficients(inputs.io), inputs.io.sectors.length, layout);
      realMatrix = {
        m,
        n: layout.size,
        cols: Array.from({length: layout.size - layout.base}, (_, j) => layout.base + j)
      };
    }
  }
  lines.push("Leontief step: LU of I − A + 11 columns of the inverse (typed arrays vs mathjs lusolve):");
  const cases: {label: string; m: Float64Array; n: number; cols: number[]; repeat: number}[] = [];
  if (realMatrix)
    cases.push({label: `n = 149 (real 2017 table, augmented to ${realMatrix.n})`, ...realMatrix, repeat: 21});
  for (const n of [500, 1302])
    cases.push({
      label: `n = ${n} (synthetic)`,
      m: synthetic(n),
      n,
      cols: Array.from({length: 11}, (_, j) => n - 11 + j),
      repeat: n > 1000 ? 3 : 9
    });
  for (const c of cases) {
    oursMs(c.m, c.n, c.cols, 1);
    const ours = oursMs(c.m, c.n, c.cols, c.repeat);
    if (values["skip-mathjs"]) lines.push(`  ${c.label}: ${ours.toFixed(1)} ms`);
    else {
      const theirs = mathjsMs(c.m, c.n, c.cols);
      lines.push(
        `  ${c.label}: ${ours.toFixed(1)} ms · mathjs ${theirs.toFixed(0)} ms · ${(theirs / ours).toFixed(0)}× faster`
      );
    }
  }
  process.stdout.write(`${lines.join("\n")}\n`);
  try {
    if (!values["skip-build"]) process.stdout.write(`\n${(await benchBuild()).join("\n")}\n`);
    if (!values["skip-serve"]) process.stdout.write(`\n${(await benchServe()).join("\n")}\n`);
  } finally {
    await closeSharedBrowser();
  }
});
