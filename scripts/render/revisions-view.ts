/**
 * @fileoverview The 修订对照 page's view of the revisions report: counts by reason, the direction flips, and the
 * headline numbers (national, regions, provinces, sectors: value added, growth, share of GDP, employment) grouped by
 * scope; the complete list is revisions.json.
 */
import type {Revision, RevisionReason, RevisionsReport} from "../model/reproduction/revisions.ts";
import type {RenderContext} from "./context.ts";
import {recordHref} from "./eleventy/numbers.ts";
import {entityNames, metricLabel, scopeLabel, type EntityNames} from "./labels.ts";
import {plainText, signedText} from "./reproduction-view.ts";

const REASON_ZH: Record<RevisionReason, string> = {
  forecast: "预测值改为实际数据",
  input: "输入数据修订",
  method: "测算方法变化",
  calibration: "参数重新校准"
};

const HEADLINE = new Set([
  "iiot_value_added",
  "iiot_value_added_direct",
  "iiot_value_added_penetration",
  "nominal_growth",
  "share_of_gdp",
  "employment_total"
]);

export interface RevisionRow {
  id: string;
  /** Link to the record in this edition (absent for a published number the model does not compute). */
  href?: string;
  label: string;
  year: number;
  before: string;
  after: string;
  change: string;
  flip: string;
  reasons: string;
}

const isRank = (metric: string): boolean => /_rank$/.test(metric);

/** A value in its unit: "4100.00亿元", "3.57%", "2.10个百分点", "5位". */
export function revisionValue(value: number, unit: string, metric: string): string {
  if (isRank(metric)) return `${plainText(value, 0)}位`;
  const suffix =
    unit === "pp" || unit === "个百分点" ? "个百分点" : unit === "亿元" || unit === "万人" || unit === "%" ? unit : "";
  return `${plainText(value, 2)}${suffix}`;
}

/** The revision with its sign: "+1.95%" for levels, "−0.21个百分点" for rates, "+2位" for ranks. */
export function revisionChange(r: Pick<Revision, "metric" | "changePct" | "changePp">): string {
  if (r.changePct !== undefined) return `${signedText(r.changePct, 2)}%`;
  if (r.changePp === undefined) return "";
  return isRank(r.metric) ? `${signedText(r.changePp, 0)}位` : `${signedText(r.changePp, 2)}个百分点`;
}

function row(r: Revision, names: EntityNames, context: RenderContext): RevisionRow {
  return {
    id: r.id,
    ...(context.records.has(r.id) ? {href: recordHref(r.id)} : {}),
    label: `${r.entityZh ?? names(r.scope, r.entity)} · ${metricLabel(r.metric)}`,
    year: r.year,
    before: revisionValue(r.before, r.unit, r.metric),
    after: revisionValue(r.after, r.unit, r.metric),
    change: revisionChange(r),
    flip: r.flip === "sign" ? "增减方向改变" : r.flip === "rank" ? "位次变化" : "",
    reasons: r.reasons.map((x) => REASON_ZH[x]).join("、")
  };
}

export function revisionsView(report: RevisionsReport | undefined, context: RenderContext) {
  if (!report || report.previous === undefined)
    return {previous: undefined, counts: [], flips: [], groups: [], published: []};
  const names = entityNames(context.figures.records);
  const toRow = (r: Revision) => row(r, names, context);
  const counts = (Object.keys(REASON_ZH) as RevisionReason[]).map((reason) => ({
    label: REASON_ZH[reason],
    count: report.computed.filter((r) => r.reasons.includes(reason)).length
  }));
  const flips = report.computed
    .filter((r) => r.flip === "sign" && (HEADLINE.has(r.metric) || r.metric === "employment_growth"))
    .map(toRow);
  const scopes = ["national", "region", "province", "sector", "tier"];
  const groups = scopes
    .map((scope) => ({
      scope,
      label: scopeLabel(scope),
      rows: report.computed.filter((r) => r.scope === scope && HEADLINE.has(r.metric)).map(toRow)
    }))
    .filter((g) => g.rows.length > 0);
  return {
    previous: report.previous,
    total: report.computed.length,
    counts,
    flips,
    groups,
    published: report.published.map(toRow)
  };
}
