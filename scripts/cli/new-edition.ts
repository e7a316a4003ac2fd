/**
 * @fileoverview `npm run new-edition -- <year> [--from <edition>]`: starts edition <year> from an existing one (the
 * newest by default) and prints what is left to do (scripts/pipeline/new-edition.ts).
 */
import path from "node:path";
import {parseArgs} from "node:util";
import {BuildError} from "../lib/errors.ts";
import {createEdition} from "../pipeline/new-edition.ts";
import {runCommand} from "./main.ts";

const repository = path.resolve(import.meta.dirname, "../..");

await runCommand(async () => {
  const {values, positionals} = parseArgs({
    options: {from: {type: "string"}, root: {type: "string"}, debug: {type: "boolean", default: false}},
    allowPositionals: true
  });
  const year = Number(positionals[0]);
  if (positionals.length !== 1 || !Number.isInteger(year) || year < 2000 || year > 2100)
    throw new BuildError(
      `expected one edition year, e.g. npm run new-edition -- 2024; found "${positionals.join(" ")}"`
    );
  const from = values.from !== undefined ? Number(values.from) : undefined;
  const checklist = await createEdition({
    root: path.resolve(values.root ?? repository),
    year,
    ...(from !== undefined ? {from} : {})
  });
  process.stdout.write(`${checklist.join("\n")}\n`);
});
