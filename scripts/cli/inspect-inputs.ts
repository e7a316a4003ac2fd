/**
 * @fileoverview Prints what the loader hands the model for one edition: each series with its size, years,
 * estimated rows and manifest sources. Usage: tsx scripts/cli/inspect-inputs.ts --edition 2022 [--debug].
 */
import path from "node:path";
import {performance} from "node:perf_hooks";
import {fileURLToPath} from "node:url";
import {BuildError} from "../lib/errors.ts";
import {readEditionConfig} from "../load/edition.ts";
import {loadInputs} from "../load/inputs.ts";
import {loadPublished} from "../load/published.ts";
import {SERIES, type Inputs, type SeriesKey} from "../model/inputs.ts";

const root = path.resolve(fileURLToPath(new URL("../..", import.meta.url)));

function describe(inputs: Inputs, series: SeriesKey): string {
  const value = inputs[series];
  if (series === "io")
    return `${inputs.io.sectors.length} sectors, ${inputs.io.sectors.length}² matrix (${inputs.io.unit})`;
  if (series === "policies")
    return `${inputs.policies.national.length} national, ${inputs.policies.provincial.length} provincial`;
  const rows = value as readonly {year?: number; estimated?: boolean; tiersEstimated?: boolean}[];
  const years = rows.map((r) => r.year).filter((y): y is number => y !== undefined);
  const estimated = rows.filter((r) => r.estimated || r.tiersEstimated).length;
  const span = years.length > 0 ? `, ${Math.min(...years)}–${Math.max(...years)}` : "";
  return `${rows.length} rows${span}${estimated > 0 ? `, ${estimated} estimated` : ""}`;
}

async function main(argv: string[]): Promise<number> {
  const index = argv.indexOf("--edition");
  const edition = index >= 0 ? argv[index + 1] : undefined;
  if (!edition) {
    process.stderr.write("usage: tsx scripts/cli/inspect-inputs.ts --edition <year>\n");
    return 2;
  }
  try {
    const start = performance.now();
    const config = await readEditionConfig(root, edition);
    const inputs = await loadInputs(root, config);
    const published = await loadPublished(root, config.edition);
    const lines = [`edition ${config.edition} (data ${config.dataYears.join("–")}, forecast ${config.forecastYear})`];
    for (const series of SERIES)
      lines.push(
        `  ${series.padEnd(26)} ${describe(inputs, series).padEnd(44)} ← ${inputs.seriesSources[series].join(", ") || "—"}`
      );
    lines.push(
      `  ${"observed".padEnd(26)} ${inputs.observed.length} records (${inputs.observed.filter((o) => o.kind === "context").length} context)`
    );
    lines.push(`  ${"published".padEnd(26)} ${published.length} records`);
    lines.push(`  ${"sources".padEnd(26)} ${inputs.sources.length} manifest entries`);
    lines.push(`loaded in ${(performance.now() - start).toFixed(0)} ms`);
    process.stdout.write(`${lines.join("\n")}\n`);
    return 0;
  } catch (error) {
    if (error instanceof BuildError && !argv.includes("--debug")) {
      process.stderr.write(`error: ${error.message}\n`);
      return error.exitCode;
    }
    throw error;
  }
}

process.exitCode = await main(process.argv.slice(2));
