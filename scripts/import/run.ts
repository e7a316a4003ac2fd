/**
 * @fileoverview `npm run import-data`: builds every tidy file of data/ from ../shared and the supplements, then
 * the manifest and data/README.md, and writes each file atomically. Builders run first and writes only after
 * all of them succeeded, so a failing import leaves data/ as it was.
 */
import path from "node:path";
import {fileURLToPath} from "node:url";
import {readFile, stat} from "node:fs/promises";
import {BuildError} from "../lib/errors.ts";
import {writeFileAtomic} from "../lib/fs.ts";
import {info, warn} from "../lib/progress.ts";
import {DATA_FILES, IMPORTED_EDITIONS} from "../load/data-files.ts";
import type {DataSource} from "../model/inputs.ts";
import {buildProvinces, buildRelatedSubsectors, buildSections} from "./concordance.ts";
import {buildCitedSources} from "./cited.ts";
import {buildPolicies, copyPublished} from "./context.ts";
import {buildIoIntermediate, buildIoSectors} from "./io-table.ts";
import {buildMacro} from "./macro.ts";
import {manifestJson, readmeMarkdown} from "./manifest.ts";
import {buildNationalAccounts} from "./national-accounts.ts";
import {buildNationalEmployment} from "./national-employment.ts";
import {buildObserved} from "./observed.ts";
import {buildIndicatorObserved, INDICATOR_EDITIONS} from "./indicators.ts";
import {buildProvincialAccounts} from "./provincial-accounts.ts";
import {buildProvincialEmployment, buildProvincialMainEmployment} from "./provincial-employment.ts";
import {buildSectionValueAdded} from "./section-value-added.ts";
import {buildSectionWages} from "./section-wages.ts";
import {resolveSharedDir, type SourceContext} from "./sources.ts";
import {manifestEntries, tableToCsv, type BuiltTable} from "./table.ts";

export const SUPPLEMENTS_DIR = fileURLToPath(new URL("./supplements/", import.meta.url));

export interface ImportOptions {
  /** Repository root; ../shared is resolved from it (or BAIPISHU_SHARED). */
  root: string;
  /** Where data/… is written: the repository root by default, a temporary folder in tests. */
  outRoot?: string;
  /** Explicit shared folder (overrides BAIPISHU_SHARED and ../shared). */
  sharedDir?: string;
}

export interface WrittenFile {
  /** Path relative to the output root, e.g. data/national/accounts.csv. */
  file: string;
  bytes: number;
}

/** Everything the import produces, in memory: path relative to the output root → content. */
export async function buildDataFiles(
  context: SourceContext,
  kept: readonly DataSource[] = []
): Promise<Map<string, string>> {
  const built: BuiltTable[] = [
    await buildIoSectors(context),
    await buildIoIntermediate(context),
    await buildSections(context),
    await buildRelatedSubsectors(context),
    await buildProvinces(context),
    await buildNationalAccounts(context),
    await buildSectionValueAdded(context),
    await buildSectionWages(context),
    await buildNationalEmployment(context),
    await buildMacro(context),
    await buildProvincialAccounts(context),
    await buildProvincialMainEmployment(context),
    await buildProvincialEmployment(context)
  ];
  for (const edition of IMPORTED_EDITIONS) built.push(await buildObserved(context, edition));
  for (const spec of INDICATOR_EDITIONS) built.push(await buildIndicatorObserved(context, spec));
  built.push(await buildPolicies(context, 2020, "national"), await buildPolicies(context, 2020, "provincial"));
  built.push(...(await buildCitedSources(context)));

  const files = new Map<string, string>();
  const entries: DataSource[] = [];
  for (const table of built) {
    files.set(table.table.file, tableToCsv(table.table));
    entries.push(...manifestEntries(table));
  }
  for (const copied of [...(await Promise.all(IMPORTED_EDITIONS.map((edition) => copyPublished(context, edition))))]) {
    files.set(copied.file, copied.content);
    entries.push(copied.source);
  }
  const ids = new Set<string>();
  for (const entry of entries) {
    if (ids.has(entry.id)) throw new Error(`duplicate manifest id ${entry.id}`);
    ids.add(entry.id);
  }
  // Entries the team maintains by hand (a new edition's observed file, say) stay in the manifest and README.
  for (const entry of kept) if (!ids.has(entry.id) && !files.has(entry.file)) entries.push(entry);
  files.set(DATA_FILES.manifest, manifestJson(entries));
  files.set(DATA_FILES.readme, readmeMarkdown(entries));
  return files;
}

/**
 * The manifest entries already in data/manifest.json. The import only ever writes its own files; entries for files
 * it does not produce (maintained by hand) are kept, so a re-import never drops them. An unreadable manifest keeps
 * nothing and says so.
 */
async function handMaintainedSources(outRoot: string): Promise<DataSource[]> {
  let text: string;
  try {
    text = await readFile(path.join(outRoot, DATA_FILES.manifest), "utf8");
  } catch {
    return [];
  }
  try {
    const sources = (JSON.parse(text) as {sources?: DataSource[]}).sources ?? [];
    return sources.filter((s) => typeof s?.id === "string" && typeof s?.file === "string");
  } catch (error) {
    warn(
      `${DATA_FILES.manifest}: not readable JSON (${(error as Error).message}); hand-maintained entries, if any, must be added again`
    );
    return [];
  }
}

export async function importData(options: ImportOptions): Promise<WrittenFile[]> {
  const sharedDir = options.sharedDir ?? resolveSharedDir(options.root);
  const exists = await stat(path.join(sharedDir, "data-sources")).then(
    (s) => s.isDirectory(),
    () => false
  );
  if (!exists)
    throw new BuildError(
      `${sharedDir}: no data-sources folder here; the import reads ../shared next to the repository (set BAIPISHU_SHARED to use another folder)`
    );
  const outRoot = options.outRoot ?? options.root;
  const kept = await handMaintainedSources(outRoot);
  const files = await buildDataFiles({sharedDir, supplementsDir: SUPPLEMENTS_DIR}, kept);
  const written: WrittenFile[] = [];
  for (const [file, content] of files) {
    await writeFileAtomic(path.join(outRoot, file), content);
    const bytes = Buffer.byteLength(content);
    info(`  wrote ${file} (${bytes.toLocaleString("en-US")} bytes)`);
    written.push({file, bytes});
  }
  return written;
}
