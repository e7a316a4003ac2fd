/**
 * @fileoverview What the parameters of an edition were fitted to, as a hash: the calibration's targets, the multiplier
 * rules, the years and forecast assumption, and the input series the calibration reads (IO table, concordance,
 * sector and national accounts, macro series, the new-infrastructure investment). `npm run calibrate` writes it
 * into data/params/<edition>.json; a build warns when the edition's current targets or inputs hash differently
 * (the parameters were fitted to something else), and the tests fail for a committed edition.
 */
import {createHash} from "node:crypto";
import type {EditionConfig} from "../model/edition-config.ts";
import type {Inputs} from "../model/inputs.ts";
import type {Params} from "../model/calibration/params.ts";

export function calibrationFingerprint(config: EditionConfig, inputs: Inputs): string {
  const fittedTo = {
    years: [config.baseYear, config.dataYears, config.forecastYear],
    growth: config.forecast.gdpNominalGrowth,
    partsTrendWindow: config.forecast.partsTrendWindow,
    methods: config.methods,
    rules: config.multiplier.rules,
    targets: config.calibration.targets.map((t) => [t.record, t.value]),
    io: inputs.io,
    relatedSubsectors: inputs.relatedSubsectors,
    sections: inputs.sections,
    sectionValueAdded: inputs.sectionValueAdded,
    nationalAccounts: inputs.nationalAccounts,
    macro: inputs.macro,
    investment: inputs.observed.filter((o) => o.metric === "new_infrastructure_investment")
  };
  // Typed arrays (the IO table) serialise as index → value objects: stable, if verbose.
  return createHash("sha256").update(JSON.stringify(fittedTo)).digest("hex").slice(0, 16);
}

/** JSON of the parameters with every number cut to 12 significant digits (byte-stable across platforms). */
export function formatParams(params: Params): string {
  const json = JSON.stringify(
    params,
    (_key, value: unknown) => (typeof value === "number" ? Number(value.toPrecision(12)) : value),
    2
  );
  return `${json}\n`;
}

/** The warning for parameters fitted to other targets or inputs than the edition's current ones; undefined if fresh. */
export function staleParamsMessage(config: EditionConfig, inputs: Inputs, params: Params): string | undefined {
  const now = calibrationFingerprint(config, inputs);
  if (params.fingerprint === now) return undefined;
  const why =
    params.fingerprint === undefined
      ? "carry no fingerprint of what they were fitted to"
      : "were fitted to other targets, rules or inputs than the edition has now";
  return `data/params/${config.edition}.json: the parameters ${why}; run \`npm run calibrate -- --edition ${config.edition}\` and commit the file`;
}
