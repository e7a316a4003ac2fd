/**
 * @fileoverview Where each tidy input file lives, relative to the repository root. The import writes these paths,
 * the loader reads them and the manifest names them, so the three can never disagree about a file name.
 */

export const DATA_FILES = {
  ioSectors: "data/io/io2017_149_sectors.csv",
  ioIntermediate: "data/io/io2017_149_intermediate.csv",
  sections: "data/concordance/sections.csv",
  relatedSubsectors: "data/concordance/related-subsectors.csv",
  provinces: "data/concordance/provinces.csv",
  sectionValueAdded: "data/national/section-value-added.csv",
  sectionWages: "data/national/section-wages.csv",
  nationalAccounts: "data/national/accounts.csv",
  nationalEmployment: "data/national/employment.csv",
  macro: "data/national/macro.csv",
  provincialAccounts: "data/provincial/accounts.csv",
  provincialEmployment: "data/provincial/employment.csv",
  provincialMainEmployment: "data/provincial/main-employment.csv",
  citedPolicies: "data/context/cited-policies.csv",
  citedEvents: "data/context/cited-events.csv",
  citedCases: "data/context/cited-cases.csv",
  manifest: "data/manifest.json",
  readme: "data/README.md"
} as const;

/** Observed indicators and context facts printed by one edition. */
export function observedFile(edition: number): string {
  return `data/observed/${edition}.csv`;
}

/** Every number one edition printed, one JSON object per line (the reproduction report compares against it). */
export function publishedFile(edition: number): string {
  return `data/published/${edition}.jsonl`;
}

/** The policy tables (表1 national, 表2 provincial) of one edition; only editions that print them have them. */
export function policiesFile(edition: number, level: "national" | "provincial"): string {
  return `data/context/policies-${level}-${edition}.csv`;
}

/** The editions whose published numbers, observed indicators and policy tables the import writes. */
export const IMPORTED_EDITIONS = [2020, 2022] as const;
