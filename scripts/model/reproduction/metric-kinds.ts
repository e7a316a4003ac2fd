/**
 * @fileoverview Which published metrics the model computes (kind 1 of ../shared/spec/README.md), which are claims
 * about a computed metric (thresholds such as 超过千亿元, checked rather than computed), and which are observed
 * indicators or context facts that enter as data (kinds 2 and 3).
 */

/** Metrics the model computes; every published record with one of these has a computed counterpart. */
export const MODEL_METRICS = [
  "iiot_value_added",
  "iiot_value_added_direct",
  "iiot_value_added_penetration",
  "nominal_growth",
  "nominal_growth_direct",
  "nominal_growth_penetration",
  "growth_change_pp",
  "growth_change_pp_direct",
  "growth_change_pp_penetration",
  "share_of_gdp",
  "contribution_to_gdp_growth",
  "penetration_to_direct_ratio",
  "penetration_share_of_total",
  "tier_share_of_total",
  "segment_share_of_direct",
  "nominal_growth_direct_increase_multiple",
  "cagr",
  "cumulative_growth",
  "employment_total",
  "employment_new",
  "employment_growth",
  "employment_share_of_national",
  "employment_direct_new",
  "employment_penetration_new",
  "employment_penetration_to_direct_ratio",
  "employment_rank",
  "employment_growth_rank",
  "count_provinces_va_over_1000yi",
  "share_of_provinces_va_over_1000yi",
  "count_sectors_va_over_1000yi",
  "new_infrastructure_output",
  "new_infrastructure_share_of_iiot_value_added"
] as const;
export type ModelMetric = (typeof MODEL_METRICS)[number];

const CLAIM_SUFFIXES = ["_lower_bound", "_upper_bound", "_typical_lower", "_typical_upper"] as const;

/** Metrics computed from data that the model also offers, although the papers state them only as bounds. */
const DERIVED_BASES = ["gdp_nominal_growth"] as const;

export type MetricKind = "model" | "claim" | "observed";

/**
 * "model" for a computed metric; "claim" for a threshold statement about a computed metric (the metric without
 * its suffix is computed and the claim is checked against it); "observed" for everything else.
 */
export function metricKind(metric: string): MetricKind {
  if ((MODEL_METRICS as readonly string[]).includes(metric)) return "model";
  const base = claimBase(metric);
  if (base !== undefined) return "claim";
  return "observed";
}

/** For a claim metric, the computed metric it is about ("iiot_value_added_lower_bound" → "iiot_value_added"). */
export function claimBase(metric: string): string | undefined {
  for (const suffix of CLAIM_SUFFIXES) {
    if (!metric.endsWith(suffix)) continue;
    const base = metric.slice(0, -suffix.length);
    if ((MODEL_METRICS as readonly string[]).includes(base) || (DERIVED_BASES as readonly string[]).includes(base))
      return base;
  }
  return undefined;
}
