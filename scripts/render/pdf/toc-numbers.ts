/**
 * @fileoverview The table of contents' page numbers as data: which page each contents target (chapter-…, fig-…,
 * print-lof) landed on, whether two sets of numbers agree, and the cache of the previous build's numbers.
 *
 * The cache only saves a print: printReport fills the cached numbers in before the first print and keeps that print
 * as the final PDF when the PDF's own destinations agree with them. A missing, unreadable or outdated cache (other
 * targets, other pages) costs one more print and never a wrong number, so reading it never fails and writing it is
 * best effort.
 */
import {readFile} from "node:fs/promises";
import {BuildError} from "../../lib/errors.ts";
import {stableJson, writeFileAtomic} from "../../lib/fs.ts";

/** Contents target id → 1-based page number. */
export type TocNumbers = Record<string, number>;

/** The page of each target among a PDF's destinations; a target without a destination is a BuildError. */
export function targetPages(
  destinations: Readonly<Record<string, number>>,
  targets: readonly string[],
  what: string
): TocNumbers {
  const missing = targets.filter((t) => destinations[t] === undefined);
  if (missing.length > 0)
    throw new BuildError(
      `${what}: the PDF has no destination for ${missing.join(", ")} (is the element missing from the page, or not displayed in print?)`
    );
  return Object.fromEntries(targets.map((t) => [t, destinations[t]!]));
}

export function sameNumbers(a: Readonly<TocNumbers>, b: Readonly<TocNumbers>): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((k) => a[k] === b[k]);
}

const CACHE_VERSION = 1;

/**
 * The cached numbers when the cache file holds numbers for exactly these targets; undefined otherwise (no file,
 * not JSON, another version, other targets, a number that is not a page number).
 */
export async function readTocCache(file: string, targets: readonly string[]): Promise<TocNumbers | undefined> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(file, "utf8"));
  } catch {
    return undefined;
  }
  return validTocCache(parsed, targets);
}

export function validTocCache(parsed: unknown, targets: readonly string[]): TocNumbers | undefined {
  if (!parsed || typeof parsed !== "object") return undefined;
  const {version, targets: numbers} = parsed as {version?: unknown; targets?: unknown};
  if (version !== CACHE_VERSION || !numbers || typeof numbers !== "object" || Array.isArray(numbers)) return undefined;
  const entries = Object.entries(numbers as Record<string, unknown>);
  if (entries.length !== new Set(targets).size) return undefined;
  const wanted = new Set(targets);
  for (const [id, page] of entries)
    if (!wanted.has(id) || !Number.isInteger(page) || (page as number) < 1) return undefined;
  return Object.fromEntries(entries) as TocNumbers;
}

/** Writes the numbers for the next build (atomically); a cache that cannot be written only costs that build a print. */
export async function writeTocCache(file: string, numbers: Readonly<TocNumbers>): Promise<void> {
  try {
    await writeFileAtomic(file, stableJson({version: CACHE_VERSION, targets: numbers}));
  } catch {
    // Deliberately ignored: see the file overview.
  }
}
