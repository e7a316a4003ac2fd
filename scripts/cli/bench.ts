/**
 * @fileoverview `npm run bench [-- --skip-mathjs]`: times the model. Per edition: loading (shown apart) and the full
 * model (computeFigures, checks, reproduction). The Leontief step — LU of I − A and the 11 columns of its inverse —
 * at n = 149 (the real table, as the augmented 160 × 160 system), 500 and 1302 (synthetic, diagonally dominant: column
 * sums of A below 1, so well conditioned), each beside mathjs (`lup` + `lusolve`) on the same system as a ratio. mathjs at
 * n = 1302 takes ~10 s, so it runs once; the typed-array LU runs the median of several repetitions.
 */
import path from "node:path";
import {parseArgs} from "node:util";
import {performance} from "node:perf_hooks";
import {lup, lusolve} from "mathjs";
import {listEditions, readEditionConfig} from "../load/edition.ts";
import {loadInputs} from "../load/inputs.ts";
import {loadParams} from "../load/params.ts";
import {loadPublished} from "../load/published.ts";
import {computeFigures} from "../model/figures.ts";
import {checkFigures} from "../model/checks.ts";
import {reproduce} from "../model/reproduction.ts";
import {inverseColumns, luFactor} from "../model/linalg.ts";
import {augmentedLeontiefMatrix, augmentLayout, technicalCoefficients} from "../model/io-augment.ts";
import {prepareBaseYear} from "../model/base-year.ts";
import {shareVector} from "../model/edition-model.ts";
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
    for (const c of cols) lusolve(factors, Array.from({length: n}, (_, i) => (i === c ? 1 : 0)));
  }).ms;
}

function synthetic(n: number): Float64Array {
  let seed = 20171;
  const rnd = (): number => ((seed = (seed * 16807) % 2147483647) / 2147483647);
  const m = new Float64Array(n * n);
  // A with column sums ≤ 0.8 (a productive economy); the matrix is I − A.
  for (let i = 0; i < n * n; i++) m[i] = -(rnd() * 1.6) / n;
  for (let i = 0; i < n; i++) m[i * n + i] = m[i * n + i]! + 1;
  return m;
}

await runCommand(async () => {
  const {values} = parseArgs({options: {"skip-mathjs": {type: "boolean", default: false}, debug: {type: "boolean", default: false}}});
  const lines: string[] = ["full model per edition (load shown apart):"];
  let realMatrix: {m: Float64Array; n: number; cols: number[]} | undefined;
  for (const edition of await listEditions(root)) {
    const config = await readEditionConfig(root, edition);
    const load = performance.now();
    const [inputs, params, published] = await Promise.all([loadInputs(root, config), loadParams(root, config), loadPublished(root, edition)]);
    const loadMs = performance.now() - load;
    computeFigures(inputs, config, params); // warm-up (JIT)
    const runs: number[] = [];
    for (let i = 0; i < 5; i++)
      runs.push(time(() => {
        const figures = computeFigures(inputs, config, params);
        checkFigures(figures, config);
        reproduce(figures, published, config);
      }).ms);
    const figuresOnly = median(Array.from({length: 5}, () => time(() => computeFigures(inputs, config, params)).ms));
    lines.push(`  ${edition}: load ${loadMs.toFixed(0)} ms · computeFigures ${figuresOnly.toFixed(0)} ms · + checks + reproduction ${median(runs).toFixed(0)} ms`);
    if (!realMatrix) {
      const setup = prepareBaseYear(inputs.io, inputs.relatedSubsectors);
      const layout = augmentLayout(inputs.io.sectors.length, setup.relatedIndex, shareVector(inputs, params));
      const m = augmentedLeontiefMatrix(technicalCoefficients(inputs.io), inputs.io.sectors.length, layout);
      realMatrix = {m, n: layout.size, cols: Array.from({length: layout.size - layout.base}, (_, j) => layout.base + j)};
    }
  }
  lines.push("Leontief step: LU of I − A + 11 columns of the inverse (typed arrays vs mathjs lusolve):");
  const cases: {label: string; m: Float64Array; n: number; cols: number[]; repeat: number}[] = [];
  if (realMatrix) cases.push({label: `n = 149 (real 2017 table, augmented to ${realMatrix.n})`, ...realMatrix, repeat: 21});
  for (const n of [500, 1302]) cases.push({label: `n = ${n} (synthetic)`, m: synthetic(n), n, cols: Array.from({length: 11}, (_, j) => n - 11 + j), repeat: n > 1000 ? 3 : 9});
  for (const c of cases) {
    oursMs(c.m, c.n, c.cols, 1);
    const ours = oursMs(c.m, c.n, c.cols, c.repeat);
    if (values["skip-mathjs"]) lines.push(`  ${c.label}: ${ours.toFixed(1)} ms`);
    else {
      const theirs = mathjsMs(c.m, c.n, c.cols);
      lines.push(`  ${c.label}: ${ours.toFixed(1)} ms · mathjs ${theirs.toFixed(0)} ms · ${(theirs / ours).toFixed(0)}× faster`);
    }
  }
  process.stdout.write(`${lines.join("\n")}\n`);
});
