/**
 * @fileoverview Small pieces shared by the chart modules' Vega-Lite specs: the spec object type used while a spec is
 * assembled (Vega-Lite's own union types are too deep to build incrementally; every spec is compiled and rendered
 * by the tests, which is where a malformed spec fails), the top-level wrapper, and the forecast styling.
 */
import type {TopLevelSpec} from "vega-lite";

/** A Vega-Lite (sub-)spec or encoding under construction. */
export type VlSpec = Record<string, unknown>;

/** A row of inlined chart data. */
export type DataRow = Record<string, string | number | boolean | null>;

export const VEGA_LITE_SCHEMA = "https://vega.github.io/schema/vega-lite/v6.json";

/** Wraps a finished spec as a top-level Vega-Lite spec with its schema. */
export function topLevel(spec: VlSpec): TopLevelSpec {
  return {$schema: VEGA_LITE_SCHEMA, ...spec} as unknown as TopLevelSpec;
}

/** Opacity of forecast marks: the forecast year is drawn lighter, as in the papers. */
export const FORECAST_OPACITY = 0.55;

/** Opacity encoding: lighter where the boolean field `forecastField` is true. */
export function forecastOpacity(forecastField: string | undefined): VlSpec {
  return forecastField
    ? {condition: {test: `datum['${forecastField}']`, value: FORECAST_OPACITY}, value: 1}
    : {value: 1};
}

/** Dash pattern of the line segment that leads into a forecast year. */
export const FORECAST_DASH = [4, 3];

/**
 * Name of every reference rule (a national value, a threshold) drawn across a chart's marks. Vega writes a mark's
 * name into the class of its SVG group, so the rules stay recognisable in the drawn chart: the chart tests check
 * that no rule strikes through a label. Suffixed per panel (`reference_rule_1`), since names should be unique.
 */
export const REFERENCE_RULE_NAME = "reference_rule";

/** The name of reference rule `index` of a spec. */
export function referenceRuleName(index: number): string {
  return `${REFERENCE_RULE_NAME}_${index}`;
}

/** A Vega expression string literal (single-quoted, escaped). */
export function exprString(text: string): string {
  return `'${text.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;
}
