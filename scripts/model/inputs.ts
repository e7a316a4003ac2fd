/**
 * @fileoverview The typed inputs of the model: what scripts/load produces from data/ and the only thing the model
 * sees. Nothing in scripts/model reads files. Money is in 亿元 except the input-output table, which keeps the
 * 万元 of the NBS publication; people are in 万人.
 */

/** The 19 sections (门类) of GB/T 4754-2017, A–S (T, international organisations, is not in the IO table). */
export const SECTION_CODES = [
  "A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L", "M", "N", "O", "P", "Q", "R", "S"
] as const;
export type SectionCode = (typeof SECTION_CODES)[number];

export const TIERS = ["primary", "secondary", "tertiary"] as const;
export type Tier = (typeof TIERS)[number];

/** The four direct-industry segments of the 2022 edition (the 2020 edition has no data segment in its text). */
export const DIRECT_SEGMENTS = ["network", "platform", "data", "security"] as const;
export type DirectSegment = (typeof DIRECT_SEGMENTS)[number];

export interface SectionInfo {
  code: SectionCode;
  /** Entity id of published-*.jsonl, e.g. "manufacturing". */
  entity: string;
  nameZh: string;
  /** Short label for charts, e.g. 信息传输软件. */
  shortZh: string;
  tier: Tier;
}

export interface IoSector {
  /** Sequence code of the NBS table, "001" … "149". */
  code: string;
  nameZh: string;
  section: SectionCode;
  /** Total output X_i (万元). */
  output: number;
  /** Total intermediate input M_i (万元). */
  intermediateInput: number;
  /** Value added X_i − M_i (万元). */
  valueAdded: number;
}

export interface IoTable {
  year: number;
  unit: "万元";
  sectors: IoSector[];
  /** Intermediate-use matrix, n×n row-major: entry (i, j) = flow from supplying sector i to using sector j (万元). */
  intermediate: Float64Array;
}

/** One of the IO sub-sectors directly related to the industrial internet (the set K of the method). */
export interface RelatedSubsector {
  ioCode: string;
  /** Direct-industry segment this sub-sector's IIoT part is counted in (2022 edition). */
  segment: DirectSegment;
}

/** A value by year; `estimated` marks a fallback (interpolated, extrapolated or allocated) rather than published data. */
export interface YearValue {
  year: number;
  value: number;
  estimated: boolean;
}

export interface SectionValueAdded {
  year: number;
  section: SectionCode;
  /** 亿元, current prices. */
  value: number;
  estimated: boolean;
}

export interface NationalAccounts {
  year: number;
  /** 亿元, current prices. */
  gdp: number;
  primary: number;
  secondary: number;
  tertiary: number;
  estimated: boolean;
}

export interface NationalEmployment {
  year: number;
  /** 万人 */
  total: number;
  primary: number;
  secondary: number;
  tertiary: number;
  estimated: boolean;
}

export interface Province {
  /** Entity id of published-*.jsonl, e.g. "guangdong", "xizang", "inner_mongolia". */
  id: string;
  nameZh: string;
  /** Short name for maps and axes, e.g. 粤. */
  shortZh: string;
  /** Administrative division code, e.g. "440000". */
  code: string;
  /** Cell of the tile-grid map (0-based row and column); keeps rough geography. */
  grid: {row: number; col: number};
}

export interface ProvincialAccounts {
  province: string;
  year: number;
  /** 亿元, current prices. */
  gdp: number;
  primary: number;
  secondary: number;
  tertiary: number;
  /** True when the tier split is estimated (no published provincial tier value added was available). */
  tiersEstimated: boolean;
}

export interface ProvincialEmployment {
  province: string;
  year: number;
  /** 万人 */
  total: number;
  primary: number;
  secondary: number;
  tertiary: number;
  estimated: boolean;
}

/** The annual macro series of the Cobb–Douglas fit (Y output, K capital input, L labour input). */
export interface MacroObservation {
  year: number;
  output: number;
  capital: number;
  labour: number;
  estimated: boolean;
}

/** A number the institute observes rather than computes (kind 2) or a context fact (kind 3), with its source. */
export interface ObservedIndicator {
  metric: string;
  scope: "national" | "tier" | "sector" | "province" | "region" | "direct_segment" | "other";
  entity: string;
  year: number;
  period?: string;
  value: number;
  unit: string;
  /** Id of the source in the manifest. */
  source: string;
  kind: "observed" | "context";
  note?: string;
}

export interface PolicyDocument {
  /** 部门 (national table) or province id (provincial table). */
  issuer: string;
  issuerZh: string;
  /** "2018.11" as printed. */
  date: string;
  title: string;
}

/** One entry of data/manifest.json: where an input file comes from. */
export interface DataSource {
  id: string;
  /** The file under data/ that holds it. */
  file: string;
  title: string;
  publisher: string;
  intermediary: string;
  vintage: string;
  unit: string;
  years: string;
  transformations: string[];
  /** True when the series is (partly) a documented estimate; the build prints a warning for it. */
  estimated: boolean;
  caveats?: string;
}

/** The input series the model reads; each names the manifest sources it came from (Inputs.seriesSources). */
export const SERIES = [
  "sections",
  "io",
  "relatedSubsectors",
  "sectionValueAdded",
  "nationalAccounts",
  "nationalEmployment",
  "provinces",
  "provincialAccounts",
  "provincialEmployment",
  "macro",
  "policies"
] as const;
export type SeriesKey = (typeof SERIES)[number];

export interface Inputs {
  sections: SectionInfo[];
  /** The 2017 149-product table. */
  io: IoTable;
  relatedSubsectors: RelatedSubsector[];
  sectionValueAdded: SectionValueAdded[];
  nationalAccounts: NationalAccounts[];
  nationalEmployment: NationalEmployment[];
  provinces: Province[];
  provincialAccounts: ProvincialAccounts[];
  provincialEmployment: ProvincialEmployment[];
  macro: MacroObservation[];
  /** Observed indicators and context facts of the edition being built. */
  observed: ObservedIndicator[];
  policies: {national: PolicyDocument[]; provincial: PolicyDocument[]};
  /** Every manifest entry (data/manifest.json). */
  sources: DataSource[];
  /** Manifest source ids behind each series, so each computed record can name its data sources. */
  seriesSources: Record<SeriesKey, string[]>;
}
