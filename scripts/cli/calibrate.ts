/**
 * @fileoverview `npm run calibrate [-- --edition 2020] [--regularisation 1e-4] [--check]`: fits the unpublished
 * parameters of each edition (or the named ones) to the targets of data/editions/<edition>.json, prints the fit
 * (target, fitted, % difference per target; the parameters) and writes data/params/<edition>.json. Numbers are
 * written with 12 significant digits so the file is byte-stable across platforms. --check compares instead of
 * writing and fails when the file would change.
 */
import path from "node:path";
import {readFile} from "node:fs/promises";
import {parseArgs} from "node:util";
import {BuildError} from "../lib/errors.ts";
import {info} from "../lib/progress.ts";
import {writeFileAtomic} from "../lib/fs.ts";
import {listEditions, readEditionConfig} from "../load/edition.ts";
import {loadInputs} from "../load/inputs.ts";
import {paramsPath} from "../load/params.ts";
import {calibrate, DEFAULT_CALIBRATION} from "../model/calibration/calibrate.ts";
import {calibrationFingerprint, formatParams} from "../pipeline/calibration-fingerprint.ts";
import {runCommand} from "./main.ts";

const root = path.resolve(import.meta.dirname, "../..");

await runCommand(async () => {
  const {values} = parseArgs({
    options: {
      edition: {type: "string", multiple: true},
      regularisation: {type: "string"},
      check: {type: "boolean", default: false},
      debug: {type: "boolean", default: false}
    }
  });
  const known = await listEditions(root);
  const editions = values.edition ? values.edition.flatMap((e) => e.split(",")).map(Number) : known;
  for (const edition of editions) {
    if (!known.includes(edition))
      throw new BuildError(`--edition ${edition}: no such edition; known editions: ${known.join(", ")}`);
    const config = await readEditionConfig(root, edition);
    const inputs = await loadInputs(root, config);
    const regularisation =
      values.regularisation !== undefined ? Number(values.regularisation) : DEFAULT_CALIBRATION.regularisation;
    if (!(regularisation >= 0))
      throw new BuildError(`--regularisation ${values.regularisation}: expected a number ≥ 0`);
    const {params, fit} = calibrate(inputs, config, {...DEFAULT_CALIBRATION, regularisation});
    params.fingerprint = calibrationFingerprint(config, inputs);
    const lines = [`edition ${edition}: fit to ${fit.length} targets of data/editions/${edition}.json`];
    for (const f of fit)
      lines.push(
        `  ${f.record.padEnd(52)} target ${f.target.toFixed(2).padStart(10)}  fitted ${f.fitted.toFixed(2).padStart(10)}  ${f.diffPct >= 0 ? "+" : ""}${f.diffPct.toFixed(3)} %`
      );
    lines.push(
      "  shares S_k: " +
        Object.entries(params.shares.values)
          .map(([k, v]) => `${k} ${v.toFixed(4)}`)
          .join(", ")
    );
    lines.push(
      "  multiplier μ_n: " +
        Object.entries(params.multiplier.values)
          .map(([y, v]) => `${y} ${v.toFixed(4)}`)
          .join(", ")
    );
    if (params.newInfrastructure) lines.push(`  CF: ${params.newInfrastructure.cf.toFixed(4)}`);
    process.stdout.write(`${lines.join("\n")}\n`);
    const file = paramsPath(root, edition);
    const text = formatParams(params);
    if (values.check) {
      const current = await readFile(file, "utf8").catch(() => "");
      if (current !== text)
        throw new BuildError(
          `${path.relative(root, file)} is out of date; run \`npm run calibrate -- --edition ${edition}\``
        );
      info(`✓ ${path.relative(root, file)} is up to date`);
    } else {
      await writeFileAtomic(file, text);
      info(`✓ wrote ${path.relative(root, file)}`);
    }
  }
});
