/**
 * @fileoverview The model parameters of an edition, data/params/<edition>.json (written by `npm run calibrate`),
 * read and validated with zod: IIoT shares S_k ∈ [0, 1] per IO product, the technology multiplier
 * (appliesToDirect, μ_n > 0 for every year the config calibrates), the Cobb–Douglas fit
 * window, and CF when the edition has the new-infrastructure module. Every problem names the file and JSON path.
 */
import {readFile} from "node:fs/promises";
import path from "node:path";
import {z} from "zod";
import {BuildError, DataError, isErrnoException, type Problem} from "../lib/errors.ts";
import type {EditionConfig} from "./edition.ts";
import type {Params} from "../model/calibration/params.ts";
import {valueAt, withoutBom} from "./json-values.ts";

export const PARAMS_DIR = "data/params";

const year = z.number().int().min(2000).max(2100);
const provenance = z.string().min(1, "a provenance text (how the value was obtained)");

const ParamsSchema = z.object({
  edition: year,
  provenance,
  shares: z.object({
    values: z.record(z.string().regex(/^\d{3}$/, "a 3-digit IO product code"), z.number().min(0).max(1)),
    regularisation: z.number().min(0),
    provenance
  }),
  multiplier: z.object({
    appliesToDirect: z.boolean(),
    values: z.record(z.string().regex(/^\d{4}$/, "a year"), z.number().positive()),
    provenance
  }),
  cobbDouglas: z.object({fitYears: z.tuple([year, year]), provenance}),
  fingerprint: z.string().optional(),
  newInfrastructure: z.object({cf: z.number().positive(), provenance}).optional(),
  fit: z.array(z.object({record: z.string(), target: z.number(), fitted: z.number(), diffPct: z.number()})).optional()
});

export function paramsPath(root: string, edition: number): string {
  return path.join(root, PARAMS_DIR, `${edition}.json`);
}

/** Parses and validates parameters already read from `file`, against the edition config. Pure, for tests. */
export function parseParams(text: string, file: string, config: EditionConfig): Params {
  let json: unknown;
  try {
    json = JSON.parse(withoutBom(text));
  } catch (error) {
    throw new BuildError(`${file}: not valid JSON (${(error as Error).message})`);
  }
  const result = ParamsSchema.safeParse(json);
  if (!result.success)
    throw new DataError(
      result.error.issues.map((issue) => {
        const found = valueAt(json, issue.path);
        return {
          file,
          column: issue.path.join("."),
          ...(found !== undefined ? {value: found} : {}),
          expected: issue.message
        };
      })
    );
  const params: Params = result.data;
  const problems: Problem[] = [];
  if (params.edition !== config.edition)
    problems.push({file, column: "edition", value: String(params.edition), expected: String(config.edition)});
  for (let y = config.baseYear + 1; y <= config.forecastYear; y++) {
    const rule = config.multiplier.rules[String(y)]?.rule ?? "calibrated";
    if (rule === "calibrated" && params.multiplier.values[String(y)] === undefined)
      problems.push({
        file,
        column: `multiplier.values.${y}`,
        expected: `a calibrated μ for ${y} (its rule is "calibrated"); run \`npm run calibrate -- --edition ${config.edition}\``
      });
  }
  const [from, to] = params.cobbDouglas.fitYears;
  if (!(from < to && to < config.baseYear))
    problems.push({
      file,
      column: "cobbDouglas.fitYears",
      value: `${from}–${to}`,
      expected: `a window of years before the base year ${config.baseYear}`
    });
  if (config.methods.newInfrastructure && !params.newInfrastructure)
    problems.push({
      file,
      column: "newInfrastructure",
      expected: "CF of the new-infrastructure module (the edition has it)"
    });
  if (problems.length > 0) throw new DataError(problems);
  return params;
}

export async function loadParams(root: string, config: EditionConfig): Promise<Params> {
  const file = path.relative(root, paramsPath(root, config.edition)) || paramsPath(root, config.edition);
  let text: string;
  try {
    text = await readFile(paramsPath(root, config.edition), "utf8");
  } catch (error) {
    if (isErrnoException(error) && error.code === "ENOENT")
      throw new BuildError(
        `${file}: no parameters for edition ${config.edition}; run \`npm run calibrate -- --edition ${config.edition}\``
      );
    throw error;
  }
  return parseParams(text, file, config);
}
