/**
 * @fileoverview loadInputs: reads and validates every file of data/ an edition needs and returns the typed Inputs
 * of scripts/model/inputs.ts. Every problem of every file is collected and thrown as one DataError (in a fixed
 * file order); nothing downstream reads files. After a successful load, one warning line is printed for each
 * estimated series the edition uses.
 */
import path from "node:path";
import {ProblemList} from "../lib/errors.ts";
import {warn} from "../lib/progress.ts";
import type {DataSource, Inputs, SeriesKey} from "../model/inputs.ts";
import {loadProvinces, loadRelatedSubsectors, loadSections} from "./concordance.ts";
import {DATA_FILES, observedFile, policiesFile} from "./data-files.ts";
import {editionConfigPath, type EditionConfig} from "./edition.ts";
import {loadIoTable} from "./io.ts";
import {readManifest} from "./manifest.ts";
import {
  loadMacro,
  loadNationalAccounts,
  loadNationalEmployment,
  loadSectionValueAdded,
  loadSectionWages
} from "./national.ts";
import {loadObserved} from "./observed.ts";
import {loadPolicies} from "./policies.ts";
import {
  checkOneVintage,
  checkProvinceYears,
  loadProvincialAccounts,
  loadProvincialEmployment,
  loadProvincialMainEmployment
} from "./provincial.ts";
import {checkYearsPresent, MAIN_EMPLOYMENT_YEAR, requiredYears, withinWindow, type YearWindow} from "./years.ts";

/** The data files behind each series (their manifest entries become Inputs.seriesSources). */
function seriesFiles(edition: number): Record<SeriesKey, string[]> {
  return {
    sections: [DATA_FILES.sections],
    io: [DATA_FILES.ioSectors, DATA_FILES.ioIntermediate],
    relatedSubsectors: [DATA_FILES.relatedSubsectors],
    sectionValueAdded: [DATA_FILES.sectionValueAdded],
    sectionWages: [DATA_FILES.sectionWages],
    nationalAccounts: [DATA_FILES.nationalAccounts],
    nationalEmployment: [DATA_FILES.nationalEmployment],
    provinces: [DATA_FILES.provinces],
    provincialAccounts: [DATA_FILES.provincialAccounts],
    provincialEmployment: [DATA_FILES.provincialEmployment],
    provincialMainEmployment: [DATA_FILES.provincialMainEmployment],
    macro: [DATA_FILES.macro],
    policies: [policiesFile(edition, "national"), policiesFile(edition, "provincial")]
  };
}

/** How each estimated series is named in the build warning. */
const SERIES_LABELS: Partial<Record<SeriesKey, string>> = {
  relatedSubsectors: "the direct-segment mapping of the related IO products",
  sectionValueAdded: "section value added",
  nationalEmployment: "national employment by tier",
  provincialAccounts: "provincial tier value added",
  provincialEmployment: "provincial employment by tier",
  macro: "the capital series of the Cobb–Douglas fit"
};

/** Runs the loaders, each with its own problem list so that the combined report has a fixed order. */
class Collector {
  private readonly lists: ProblemList[] = [];
  list(): ProblemList {
    const list = new ProblemList();
    this.lists.push(list);
    return list;
  }
  throwIfAny(): void {
    const all = new ProblemList();
    for (const list of this.lists) for (const problem of list.items) all.add(problem);
    all.throwIfAny();
  }
}

/**
 * Reads, validates and returns the inputs of `config`'s edition. Yearly series are trimmed to the years the
 * edition may use (never after dataYears[1]; see scripts/load/years.ts). Throws a DataError with every problem.
 */
export async function loadInputs(root: string, config: EditionConfig): Promise<Inputs> {
  const collector = new Collector();
  const [sources, sections, provinces, io, nationalAccounts, nationalEmployment, macro, sectionWages] =
    await Promise.all([
      readManifest(root, collector.list()),
      loadSections(root, collector.list()),
      loadProvinces(root, collector.list()),
      loadIoTable(root, collector.list()),
      loadNationalAccounts(root, collector.list()),
      loadNationalEmployment(root, collector.list()),
      loadMacro(root, collector.list()),
      loadSectionWages(root, collector.list())
    ]);
  const [
    relatedSubsectors,
    sectionValueAdded,
    provincialAccounts,
    provincialEmployment,
    provincialMainEmployment,
    observed,
    policies
  ] = await Promise.all([
    loadRelatedSubsectors(root, io, collector.list()),
    loadSectionValueAdded(root, nationalAccounts, collector.list()),
    loadProvincialAccounts(root, provinces, collector.list()),
    loadProvincialEmployment(root, provinces, collector.list()),
    loadProvincialMainEmployment(root, provinces, collector.list()),
    loadObserved(root, {config, sections, provinces, sources}, collector.list()),
    loadPolicies(root, config.edition, sources, provinces, collector.list())
  ]);

  const problems = collector.list();
  const years = requiredYears(config);
  const purpose = `the ${config.edition} edition`;
  const national: [string, readonly {year: number}[] | undefined, YearWindow][] = [
    [DATA_FILES.nationalAccounts, nationalAccounts, years.nationalAccounts],
    [DATA_FILES.sectionValueAdded, sectionValueAdded, years.sectionValueAdded],
    [DATA_FILES.nationalEmployment, nationalEmployment, years.nationalEmployment],
    [DATA_FILES.macro, macro, years.macro]
  ];
  for (const [file, rows, window] of national)
    if (rows) checkYearsPresent(file, new Set(rows.map((r) => r.year)), window, purpose, problems);
  // Wages are published as whole tables; years without one take the nearest year's (timeline.ts), so one
  // year up to the last data year is enough.
  if (
    sectionWages &&
    config.methods.sectionProductivity === "wage" &&
    !sectionWages.some((r) => r.year <= config.dataYears[1])
  )
    problems.add({
      file: DATA_FILES.sectionWages,
      column: "year",
      expected: `the 19 sections' wages of a year up to ${config.dataYears[1]} (${purpose} sets methods.sectionProductivity "wage")`
    });
  const mainYear = {first: MAIN_EMPLOYMENT_YEAR, last: MAIN_EMPLOYMENT_YEAR};
  const provincial: [string, readonly {province: string; year: number}[] | undefined, YearWindow, string][] = [
    [DATA_FILES.provincialAccounts, provincialAccounts, years.provincial, purpose],
    [DATA_FILES.provincialEmployment, provincialEmployment, years.provincial, purpose],
    [DATA_FILES.provincialMainEmployment, provincialMainEmployment, mainYear, "the 2020 method's π"]
  ];
  for (const [file, rows, window, why] of provincial)
    if (rows) checkProvinceYears(file, rows, provinces, window, why, problems);
  if (provincialAccounts) checkOneVintage(withinWindow(provincialAccounts, years.provincial), problems);
  checkEdition(
    root,
    config,
    provinces?.map((p) => p.id),
    observed,
    problems
  );
  const seriesSources = sources ? sourcesOfSeries(config.edition, sources, problems) : undefined;
  collector.throwIfAny();

  // Every loader returned a value: a missing one recorded a problem, and the collector threw.
  const last = config.dataYears[1];
  const inputs: Inputs = {
    sections: sections!,
    io: io!,
    relatedSubsectors: relatedSubsectors!,
    sectionValueAdded: withinWindow(sectionValueAdded!, years.sectionValueAdded),
    sectionWages: withinWindow(sectionWages!, {last}),
    nationalAccounts: withinWindow(nationalAccounts!, {last}),
    nationalEmployment: withinWindow(nationalEmployment!, years.nationalEmployment),
    provinces: provinces!,
    provincialAccounts: withinWindow(provincialAccounts!, years.provincial),
    provincialEmployment: withinWindow(provincialEmployment!, years.provincial),
    provincialMainEmployment: withinWindow(provincialMainEmployment!, {last}),
    macro: withinWindow(macro!, {last}),
    observed: observed!,
    policies,
    sources: sources!,
    seriesSources: seriesSources!
  };
  warnEstimates(inputs, config);
  warnCarriedWages(inputs, config);
  return inputs;
}

/** Edition config against the data: region members are provinces; the growth-assumption record is observed. */
function checkEdition(
  root: string,
  config: EditionConfig,
  provinceIds: string[] | undefined,
  observed: Inputs["observed"] | undefined,
  problems: ProblemList
): void {
  const file = path.relative(root, editionConfigPath(root, config.edition));
  if (provinceIds) {
    const known = new Set(provinceIds);
    config.regions.forEach((region, i) =>
      region.provinces.forEach((province, j) => {
        if (known.has(province)) return;
        const column = `regions.${i}.provinces.${j}`;
        problems.add({file, column, value: province, expected: `a province id of ${DATA_FILES.provinces}`});
      })
    );
  }
  const record = config.forecast.gdpGrowthRecord;
  if (record && observed) {
    const ids = new Set(observed.map((o) => `${o.metric}/${o.scope}/${o.entity}/${o.year}`));
    if (!ids.has(record))
      problems.add({
        file,
        column: "forecast.gdpGrowthRecord",
        value: record,
        expected: `a record of ${observedFile(config.edition)}`
      });
  }
}

function sourcesOfSeries(
  edition: number,
  sources: readonly DataSource[],
  problems: ProblemList
): Record<SeriesKey, string[]> {
  const files = seriesFiles(edition);
  const result = {} as Record<SeriesKey, string[]>;
  const expected = "an entry for every data file (regenerate with npm run import-data)";
  for (const [series, seriesPaths] of Object.entries(files) as [SeriesKey, string[]][]) {
    result[series] = sources.filter((s) => seriesPaths.includes(s.file)).map((s) => s.id);
    if (series === "policies") continue; // only editions that print policy tables have them
    for (const file of seriesPaths)
      if (!sources.some((s) => s.file === file))
        problems.add({file: DATA_FILES.manifest, column: "sources", value: file, expected});
  }
  const observed = observedFile(edition);
  if (!sources.some((s) => s.file === observed))
    problems.add({file: DATA_FILES.manifest, column: "sources", value: observed, expected});
  return result;
}

function isEstimatedSource(inputs: Inputs, series: SeriesKey): boolean {
  return inputs.seriesSources[series].some((id) => inputs.sources.find((s) => s.id === id)?.estimated);
}

/**
 * A wage-dividing edition whose last data year has no wage table takes an earlier year's (the appendix says so);
 * the team is told which table to add, since NBS publishes the year's table every May.
 */
function warnCarriedWages(inputs: Inputs, config: EditionConfig): void {
  if (config.methods.sectionProductivity !== "wage") return;
  const last = config.dataYears[1];
  const years = inputs.sectionWages.map((r) => r.year);
  if (years.length === 0 || years.includes(last)) return;
  warn(
    `${DATA_FILES.sectionWages}: no wage table for ${last}; the ${config.edition} edition uses ${Math.max(...years)}'s ` +
      `(add NBS's 城镇单位就业人员平均工资 表2 to scripts/import/supplements/section-wages.csv and run npm run import-data)`
  );
}

/** One warning per estimated series the edition uses (a row flagged estimated in the years it sees). */
function warnEstimates(inputs: Inputs, config: EditionConfig): void {
  const flagged: Partial<Record<SeriesKey, boolean>> = {
    // The segment mapping matters only to editions that publish the four direct segments.
    relatedSubsectors: config.methods.directSegments && isEstimatedSource(inputs, "relatedSubsectors"),
    sectionValueAdded: inputs.sectionValueAdded.some((r) => r.estimated),
    nationalEmployment: inputs.nationalEmployment.some((r) => r.estimated),
    provincialAccounts: inputs.provincialAccounts.some((r) => r.tiersEstimated),
    provincialEmployment: inputs.provincialEmployment.some((r) => r.estimated),
    macro: inputs.macro.some((r) => r.estimated)
  };
  for (const [series, isEstimated] of Object.entries(flagged) as [SeriesKey, boolean][]) {
    if (!isEstimated) continue;
    const source = inputs.sources.find((s) => inputs.seriesSources[series].includes(s.id) && s.estimated);
    const file = source?.file ?? seriesFiles(config.edition)[series][0];
    const how = source?.estimate ?? "rows flagged estimated";
    warn(`${SERIES_LABELS[series] ?? series} is estimated (${file}: ${how}); see data/README.md`);
  }
}
