/**
 * @fileoverview How numbers are printed: the paper's conventions (万亿元 with two decimals, 亿元, 万人, %, 个百分点)
 * on top of Intl.NumberFormat('zh-CN'). Records hold canonical units (亿元, 万人, %, pp); conversion to a display
 * unit happens only here.
 */

/** Display units a chapter or chart can ask for. */
export const DISPLAY_UNITS = [
  "万亿元",
  "亿元",
  "%",
  "pp",
  "万人",
  "倍",
  "ratio",
  "个",
  "位",
  "万元/人",
  "plain"
] as const;
export type DisplayUnit = (typeof DISPLAY_UNITS)[number];

export interface FormatOptions {
  /** Display unit; defaults to the record's canonical unit. */
  unit?: DisplayUnit;
  /** Digits after the decimal point; defaults per unit (2, or 0 for counts and ranks). */
  decimals?: number;
  /** Print the absolute value (the sign is carried by a word such as 下降 or 减少). */
  abs?: boolean;
  /** Leave the unit off (e.g. in a series "4.10、4.45万亿元"). */
  bare?: boolean;
}

/** Canonical unit of a record → display unit used when a chapter does not ask for one. */
export function defaultDisplayUnit(canonicalUnit: string): DisplayUnit {
  switch (canonicalUnit) {
    case "亿元":
      return "亿元";
    case "%":
      return "%";
    case "pp":
      return "pp";
    case "万人":
      return "万人";
    case "个":
      return "个";
    case "位":
      return "位";
    case "万元/人":
      return "万元/人";
    case "":
      return "ratio";
    default:
      return "plain";
  }
}

/** Which canonical units a display unit can show. */
const COMPATIBLE: Record<DisplayUnit, readonly string[]> = {
  万亿元: ["亿元"],
  亿元: ["亿元"],
  "%": ["%"],
  pp: ["pp", "%"],
  万人: ["万人"],
  倍: [""],
  ratio: [""],
  个: ["个"],
  位: ["位"],
  "万元/人": ["万元/人"],
  plain: []
};

export function isCompatible(displayUnit: DisplayUnit, canonicalUnit: string): boolean {
  return displayUnit === "plain" || COMPATIBLE[displayUnit].includes(canonicalUnit);
}

const DEFAULT_DECIMALS: Record<DisplayUnit, number> = {
  万亿元: 2,
  亿元: 2,
  "%": 2,
  pp: 2,
  万人: 2,
  倍: 2,
  ratio: 2,
  个: 0,
  位: 0,
  "万元/人": 2,
  plain: 2
};

const SUFFIX: Record<DisplayUnit, string> = {
  万亿元: "万亿元",
  亿元: "亿元",
  "%": "%",
  pp: "个百分点",
  万人: "万人",
  倍: "倍",
  ratio: "",
  个: "个",
  位: "位",
  "万元/人": "万元/人",
  plain: ""
};

const formatters = new Map<number, Intl.NumberFormat>();

function numberFormat(decimals: number): Intl.NumberFormat {
  let format = formatters.get(decimals);
  if (!format) {
    // No digit grouping: the papers print 10687.51亿元, not 10,687.51亿元.
    format = new Intl.NumberFormat("zh-CN", {
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
      useGrouping: false
    });
    formatters.set(decimals, format);
  }
  return format;
}

/** Scales a canonical value to the display unit (亿元 → 万亿元 divides by 10⁴). */
export function toDisplayValue(value: number, unit: DisplayUnit): number {
  return unit === "万亿元" ? value / 1e4 : value;
}

/** Digits only, e.g. "4.10" for 41000 亿元 shown in 万亿元. */
export function formatNumber(value: number, unit: DisplayUnit, options: FormatOptions = {}): string {
  const decimals = options.decimals ?? DEFAULT_DECIMALS[unit];
  let shown = toDisplayValue(value, unit);
  if (options.abs) shown = Math.abs(shown);
  const text = numberFormat(decimals).format(shown);
  // Intl prints "-0.00" for tiny negatives; a rounded zero has no sign.
  return /^-0(\.0+)?$/.test(text) ? text.slice(1) : text.replace("-", "−");
}

/** Digits and unit, e.g. "4.10万亿元", "2.97个百分点", "13个". */
export function formatValue(value: number, unit: DisplayUnit, options: FormatOptions = {}): string {
  const digits = formatNumber(value, unit, options);
  return options.bare ? digits : `${digits}${SUFFIX[unit]}`;
}

export function unitSuffix(unit: DisplayUnit): string {
  return SUFFIX[unit];
}
