/**
 * @fileoverview `npm run new-edition -- <year>`: starts the next edition from an existing one (the newest by default).
 * It writes the edition config with every year shifted (figure titles take their years from the config, so none is
 * rewritten), copies the chapters, carries the observed indicators forward marked "carried", adds the manifest entry
 * of the new observed file, fits the parameters, and returns the checklist of what is left to the team. Nothing of
 * the previous edition is changed; an edition that exists already is refused.
 */
import {cp, readFile, rm, stat} from "node:fs/promises";
import path from "node:path";
import {parse} from "csv-parse/sync";
import {BuildError} from "../lib/errors.ts";
import {writeFileAtomic} from "../lib/fs.ts";
import {info} from "../lib/progress.ts";
import {DATA_FILES, observedFile} from "../load/data-files.ts";
import {editionConfigPath, EDITIONS_DIR, listEditions, readEditionConfig, type EditionConfig} from "../load/edition.ts";
import {loadInputs} from "../load/inputs.ts";
import {paramsPath} from "../load/params.ts";
import {PLACEHOLDER} from "../load/placeholders.ts";
import {calibrate, DEFAULT_CALIBRATION} from "../model/calibration/calibrate.ts";
import type {DataSource} from "../model/inputs.ts";
import {parseRecordId} from "../model/records/records.ts";
import {quoteCsvField} from "../import/table.ts";
import {calibrationFingerprint, formatParams} from "./calibration-fingerprint.ts";

type Json = Record<string, unknown>;

/** The year of every record id, period and span inside a text moved by `shift` ("2022-09" → "2023-09"). */
function shiftYears(text: string, shift: number): string {
  return text.replace(/(?<!\d)(19|20)(\d\d)(?!\d)/g, (y) => String(Number(y) + shift));
}

/**
 * The new edition's config from the previous one's JSON (titles keep their {y} placeholders). Targets of the previous
 * data years stay (they are the previous editions' estimates of those years); a published forecast never becomes a
 * target. Every year after the last target gets a declared multiplier rule; texts that only the team can write are
 * marked 待更新.
 */
export function nextEditionConfig(raw: Json, from: EditionConfig, year: number, carriesObserved = true): Json {
  const shift = year - from.edition;
  const dataEnd = from.dataYears[1] + shift;
  const forecastYear = from.forecastYear + shift;
  const targets = from.calibration.targets.filter(
    (t) => (parseRecordId(t.record)?.year ?? Infinity) <= from.dataYears[1]
  );
  const lastTarget = Math.max(from.baseYear, ...targets.map((t) => parseRecordId(t.record)!.year));
  const rules: Json = {};
  for (let y = lastTarget + 1; y <= forecastYear; y++) {
    const previous = from.multiplier.rules[String(y)];
    rules[String(y)] = previous && previous.rule !== "calibrated" ? previous : {rule: "trend", window: 3};
  }
  const forecast = from.forecast;
  const text = (value: unknown): string => String(value).split(String(from.edition)).join(String(year));
  return {
    ...raw,
    edition: year,
    title: text(raw.title),
    shortTitle: text(raw.shortTitle),
    date: `${PLACEHOLDER}：${year}年的出版日期`,
    dataYears: [from.dataYears[0], dataEnd],
    forecastYear,
    forecast: {
      gdpNominalGrowth: forecast.gdpNominalGrowth,
      gdpGrowthSource: `${PLACEHOLDER}：${forecastYear}年名义GDP增速的假设及其依据（暂沿用上一版的${forecast.gdpNominalGrowth}%）`,
      partsTrendWindow: forecast.partsTrendWindow,
      // The carried observed file holds the assumption's row with its year moved; a file of its own may not.
      ...(forecast.gdpGrowthRecord && carriesObserved
        ? {gdpGrowthRecord: shiftYears(forecast.gdpGrowthRecord, shift)}
        : {})
    },
    // How a region's members were inferred from a published paper is the evidence of that paper's edition only.
    regions: from.regions.map((region) =>
      Object.fromEntries(Object.entries(region).filter(([key]) => key !== "inference"))
    ),
    multiplier: {rules},
    calibration: {targets: targets.map((t) => ({...t}))}
  };
}

/**
 * The previous edition's observed rows, each marked "carried". A row about the previous edition's current years (its
 * last data year and after) moves forward by `shift`, so that the copied chapters' y/f references find it; a row
 * about a fixed earlier year (the base year, the fit window, a dated membership) keeps its year.
 */
export function carryObserved(csv: string, shift: number, source: string, fromYear: number): string {
  const rows = parse(csv.replace(/^\uFEFF/, ""), {
    columns: true,
    skip_empty_lines: true,
    relax_column_count: true
  }) as Record<string, string>[];
  const columns = ["metric", "scope", "entity", "year", "period", "value", "unit", "kind", "source", "note", "status"];
  const lines = rows.map((row) => {
    const moves = Number(row.year) >= fromYear;
    return [
      row.metric,
      row.scope,
      row.entity,
      String(Number(row.year) + (moves ? shift : 0)),
      moves ? shiftYears(row.period ?? "", shift) : (row.period ?? ""),
      row.value,
      row.unit,
      row.kind,
      source,
      `${PLACEHOLDER}：沿用上一版的数值（${row.note ?? ""}）`,
      "carried"
    ]
      .map((cell) => quoteCsvField(cell ?? ""))
      .join(",");
  });
  return `${[columns.join(","), ...lines].join("\n")}\n`;
}

function observedSource(year: number): DataSource {
  return {
    id: `observed-${year}`,
    file: observedFile(year),
    title: `Observed indicators of the ${year} edition (carried from the previous edition until updated)`,
    citation: `${PLACEHOLDER}：${year}年观测指标的来源`,
    publisher: "the team: each row names its source in the note column once updated",
    intermediary: "written by npm run new-edition; maintained by hand (npm run import-data leaves it alone)",
    vintage: "to be updated",
    unit: "per row (unit column)",
    years: String(year),
    transformations: ["rows of the previous edition's observed file, years moved forward, status carried"],
    estimated: false
  };
}

export interface NewEditionOptions {
  /** Folder holding data/ and content/ (the repository root). */
  root: string;
  year: number;
  /** The edition to start from; the newest by default. */
  from?: number;
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false
  );
}

/** Creates the edition and returns the checklist lines. */
export async function createEdition(options: NewEditionOptions): Promise<string[]> {
  const {root, year} = options;
  const known = await listEditions(root);
  const fromYear = options.from ?? known.at(-1);
  if (fromYear === undefined || !known.includes(fromYear))
    throw new BuildError(
      `--from ${String(options.from)}: no such edition; known editions: ${known.join(", ") || "none"}`
    );
  if (known.includes(year))
    throw new BuildError(
      `${EDITIONS_DIR}/${year}.json exists already: edition ${year} has been started; edit it, or delete its files to start again`
    );
  if (year <= fromYear) throw new BuildError(`${year}: expected a year after the edition it starts from (${fromYear})`);
  const contentTo = path.join(root, "content", String(year));
  if (await exists(contentTo))
    throw new BuildError(`content/${year} exists already; move it away or start edition ${year} by hand`);

  const from = await readEditionConfig(root, fromYear);
  const raw = JSON.parse(await readFile(editionConfigPath(root, fromYear), "utf8")) as Json;
  const shift = year - fromYear;
  const observedTo = path.join(root, observedFile(year));
  const carries = !(await exists(observedTo));
  const config = nextEditionConfig(raw, from, year, carries);

  // Written in order and removed again if a later step fails: a failed start leaves no half-made edition.
  const manifestFile = path.join(root, DATA_FILES.manifest);
  const manifestBefore = await readFile(manifestFile, "utf8");
  const created: string[] = [];
  try {
    if (carries) {
      // Observed indicators: a file the import wrote for the new year is kept; otherwise the previous rows are carried.
      const previous = await readFile(path.join(root, observedFile(fromYear)), "utf8").catch(
        () => "metric,scope,entity,year,period,value,unit,kind,source,note\n"
      );
      await writeFileAtomic(observedTo, carryObserved(previous, shift, `observed-${year}`, from.dataYears[1]));
      created.push(observedTo);
      const manifest = JSON.parse(manifestBefore) as {sources: DataSource[]};
      manifest.sources = [...manifest.sources.filter((s) => s.id !== `observed-${year}`), observedSource(year)];
      await writeFileAtomic(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`);
    }
    await writeFileAtomic(editionConfigPath(root, year), `${JSON.stringify(config, null, 2)}\n`);
    created.push(editionConfigPath(root, year));
    created.push(contentTo);
    await cp(path.join(root, "content", String(fromYear)), contentTo, {recursive: true});

    // Parameters: fitted now, so that the edition builds at once.
    const newConfig = await readEditionConfig(root, year);
    const inputs = await loadInputs(root, newConfig);
    const {params} = calibrate(inputs, newConfig, DEFAULT_CALIBRATION);
    params.fingerprint = calibrationFingerprint(newConfig, inputs);
    await writeFileAtomic(paramsPath(root, year), formatParams(params));
    created.push(paramsPath(root, year));
  } catch (error) {
    await Promise.all(created.map((file) => rm(file, {recursive: true, force: true})));
    if (carries) await writeFileAtomic(manifestFile, manifestBefore);
    throw error;
  }
  for (const file of created) info(`  wrote ${path.relative(root, file)}${file === contentTo ? "/" : ""}`);
  const newConfig = await readEditionConfig(root, year);
  const rules = Object.entries(newConfig.multiplier.rules)
    .map(([y, r]) => `${y} ${r.rule}`)
    .join(", ");
  return [
    `Edition ${year} started from ${fromYear}. Left to do:`,
    `1. data/editions/${year}.json: the date, the forecast assumption (forecast.gdpNominalGrowth and its source), the regions and figures you keep; texts marked ${PLACEHOLDER} must be rewritten.`,
    `2. The multiplier rules (${rules || "all calibrated"}): keep them or declare others in multiplier.rules, then run npm run calibrate -- --edition ${year}.`,
    `3. ${observedFile(year)}: update every row with status "carried" (value, source, note) and empty its status; add the new indicators the chapters cite.`,
    `4. data/: make sure the statistics cover ${newConfig.dataYears[1]} (npm run import-data after adding them to the sources); the build names any missing year.`,
    `5. content/${year}/: the chapters are the ${fromYear} text; write the ${year} paper (npm run serve -- --edition ${year} shows it as you type).`,
    `6. npm run build -- --edition ${year} --strict refuses to build while a placeholder is left.`
  ];
}
