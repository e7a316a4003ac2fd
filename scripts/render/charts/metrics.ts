/**
 * @fileoverview How a metric is shown in a chart: its short Chinese label, the display unit (亿元 records may be
 * shown in 万亿元), the factor from canonical to display value, the d3 format of its labels, and the axis title
 * "label（unit）". Labels come from the shared metric names (../labels.ts), shortened where an axis needs it.
 */
import {metricLabel} from "../labels.ts";
import {defaultDisplayUnit, toDisplayValue, unitSuffix, type DisplayUnit} from "../format.ts";
import {metricUnit} from "./series.ts";
import type {Scope} from "../../model/records/records.ts";
import type {ChartInput} from "./types.ts";

/** Shorter names where the shared label is too long for an axis or a legend. */
const CHART_LABELS: Record<string, string> = {
  iiot_value_added: "增加值",
  iiot_value_added_direct: "直接产业增加值",
  iiot_value_added_penetration: "渗透产业增加值",
  nominal_growth_direct: "直接产业名义增速",
  nominal_growth_penetration: "渗透产业名义增速",
  employment_total: "带动就业人数",
  employment_growth: "就业人数增速",
  employment_direct: "直接产业带动就业",
  employment_penetration: "渗透产业带动就业",
  employment_direct_new: "直接产业新增就业",
  employment_penetration_new: "渗透产业新增就业",
  gdp_nominal_growth: "GDP名义增速",
  share_of_gdp: "增加值占GDP比重",
  penetration_to_direct_ratio: "渗透产业/直接产业",
  work_resumption_rate: "复工率"
};

export interface MetricDisplay {
  metric: string;
  label: string;
  unit: DisplayUnit;
  /** Unit text for titles and summaries ("亿元", "%", "倍"). */
  unitText: string;
  /** Canonical value → displayed value. */
  toDisplay: (value: number) => number;
  /** d3 format of value labels. */
  format: string;
  /** "增加值（亿元）". */
  title: string;
  /** Column header of the data table, whose values stay in the canonical unit: "增加值（亿元）". */
  tableTitle: string;
}

/** Display of `metric` (scope gives its canonical unit); `unit` overrides the display unit (e.g. 万亿元). */
export function metricDisplay(
  input: ChartInput,
  metric: string,
  scope: Scope,
  options: {unit?: DisplayUnit; label?: string} = {}
): MetricDisplay {
  const canonical = metricUnit(input, metric, scope);
  const unit = options.unit ?? (canonical === "" ? "倍" : defaultDisplayUnit(canonical));
  const label = options.label ?? CHART_LABELS[metric] ?? metricLabel(metric);
  const unitText = unit === "ratio" ? "" : unitSuffix(unit);
  const integer = unit === "个" || unit === "位";
  const canonicalText = canonical === "" ? "倍" : unitSuffix(defaultDisplayUnit(canonical)) || canonical;
  return {
    metric,
    label,
    unit,
    unitText,
    toDisplay: (value) => toDisplayValue(value, unit),
    format: integer ? "d" : ".2f",
    title: unitText ? `${label}（${unitText}）` : label,
    tableTitle: `${label}（${canonicalText}）`
  };
}
