/**
 * @fileoverview The typed inputs of the model: what scripts/load produces from data/ and the only thing the model
 * sees. Nothing in scripts/model reads files. Money is in 亿元 except the input-output table, which keeps the
 * 万元 of the NBS publication; people are in 万人.
 *
 * Owned by the data layer (issue #3). Changes since the first version, all additive (no field renamed or re-meant):
 * - RelatedSubsector: `segments` (a product may be split across direct segments with shares summing to 1; `segment`
 *   stays, as the segment with the largest share), `nameZh`, `section`.
 * - IoSector: `intermediateUse` (row sum of the intermediate matrix).
 * - Province: `fullNameZh`.
 * - ProvincialEmployment: `totalEstimated` (the total itself is an estimate, 2016–2019).
 * - ProvincialMainEmployment and Inputs.provincialMainEmployment (主要就业人数 for the 2020 method's π_j), with the
 *   series key "provincialMainEmployment".
 * - DataSource: optional `columns`, `estimate`, `upstream`.
 * Years: every yearly series holds only years ≤ the edition's last data year (no look-ahead); see scripts/load/inputs.ts.
 */

/** The 19 sections (门类) of GB/T 4754-2017, A–S (T, international organisations, is not in the IO table). */
export const SECTION_CODES = [
  "A",
  "B",
  "C",
  "D",
  "E",
  "F",
  "G",
  "H",
  "I",
  "J",
  "K",
  "L",
  "M",
  "N",
  "O",
  "P",
  "Q",
  "R",
  "S"
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
  /** Total intermediate use (万元): what the other sectors buy from sector i, the row sum of the intermediate matrix. */
  intermediateUse: number;
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
  nameZh: string;
  /** Section of the product (C or I for the eleven products). */
  section: SectionCode;
  /** Direct-industry segment this sub-sector's IIoT part is counted in (2022 edition): the one with the largest share. */
  segment: DirectSegment;
  /**
   * How the sub-sector's IIoT part is split across direct segments (shares sum to 1). Most products sit wholly in one
   * segment; the mapping is a documented assumption (data/README.md), not published by the papers.
   */
  segments: {segment: DirectSegment; share: number}[];
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

/** Average wage of employed persons in urban non-private units (城镇非私营单位就业人员年平均工资) of one section. */
export interface SectionWage {
  year: number;
  section: SectionCode;
  /** 元 per person and year. */
  value: number;
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
  /** Official full name, e.g. 广西壮族自治区. */
  fullNameZh: string;
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
  /** Census vintage of the level (e.g. 4th-census): an edition's years must share one. */
  vintage: string;
}

export interface ProvincialEmployment {
  province: string;
  year: number;
  /** 万人 */
  total: number;
  primary: number;
  secondary: number;
  tertiary: number;
  /** True when any value of the row is estimated (the tier split always is: no public provincial tier employment). */
  estimated: boolean;
  /** True when the provincial total itself is estimated (years without a published provincial total). */
  totalEstimated: boolean;
}

/**
 * A province's "main employment" (主要就业人数) of the 2020 method: urban-unit employment (城镇单位就业人员) plus
 * private-enterprise and self-employed persons (私营企业和个体就业人员), both NBS. π_j is a province's share of the
 * 31-province sum in 2018.
 */
export interface ProvincialMainEmployment {
  province: string;
  year: number;
  /** 万人 */
  urbanUnit: number;
  privateSelfEmployed: number;
  total: number;
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
  /** Copied from the previous edition by npm run new-edition and not yet updated (a placeholder). */
  carried?: boolean;
}

/** A sourced fact a chapter may cite (data/context/cited-*.csv): its reference line and the page it comes from. */
export interface Citation {
  id: string;
  /** The reference line as printed in the chapter's notes. */
  text: string;
  url: string;
  /** Trust of the URL's host (official, mainstream media, other): the paper prints the URL of the first two only. */
  trust: "official" | "media" | "other";
  /** What the upstream provenance says against the row ("" when nothing); citing it warns. */
  caveat: string;
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
  /** Short zh-CN citation printed in the 数据来源 lines of figures and on provenance cards. */
  citation: string;
  publisher: string;
  intermediary: string;
  vintage: string;
  unit: string;
  years: string;
  transformations: string[];
  /** True when the series is (partly) a documented estimate; the build prints a warning for it. */
  estimated: boolean;
  caveats?: string;
  /** One line: which values are estimates and how (printed in the build warning). */
  estimate?: string;
  /** The same in zh-CN, for the report (methodology appendix, data page). */
  estimateZh?: string;
  /** Every column of the file, with its unit and meaning. */
  columns?: {name: string; description: string}[];
  /** Exact upstream files and pages the numbers were taken from (../shared paths, URLs of sourced supplements). */
  upstream?: string[];
}

/** The input series the model reads; each names the manifest sources it came from (Inputs.seriesSources). */
export const SERIES = [
  "sections",
  "io",
  "relatedSubsectors",
  "sectionValueAdded",
  "sectionWages",
  "nationalAccounts",
  "nationalEmployment",
  "provinces",
  "provincialAccounts",
  "provincialEmployment",
  "provincialMainEmployment",
  "macro",
  "policies"
] as const;
export type SeriesKey = (typeof SERIES)[number];

export interface Inputs {
  sections: SectionInfo[];
  /** The 2017 149-product table. */
  io: IoTable;
  relatedSubsectors: RelatedSubsector[];
  /** baseYear … last data year. */
  sectionValueAdded: SectionValueAdded[];
  /** Up to the last data year (base year … last data year are checked when the edition divides by wages). */
  sectionWages: SectionWage[];
  /** 2003 … last data year. */
  nationalAccounts: NationalAccounts[];
  /** baseYear … last data year (the macro series carries the total from 2007). */
  nationalEmployment: NationalEmployment[];
  provinces: Province[];
  /** baseYear − 1 … last data year, every province. */
  provincialAccounts: ProvincialAccounts[];
  /** baseYear − 1 … last data year, every province. */
  provincialEmployment: ProvincialEmployment[];
  /** 2016–2019 (the 2020 method uses 2018). */
  provincialMainEmployment: ProvincialMainEmployment[];
  /** 2007 … last data year. */
  macro: MacroObservation[];
  /** Observed indicators and context facts of the edition being built. */
  observed: ObservedIndicator[];
  policies: {national: PolicyDocument[]; provincial: PolicyDocument[]};
  /** Every manifest entry (data/manifest.json). */
  sources: DataSource[];
  /** Manifest source ids behind each series, so each computed record can name its data sources. */
  seriesSources: Record<SeriesKey, string[]>;
}
