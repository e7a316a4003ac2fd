/**
 * @fileoverview The 修订对照 page's view of the revisions report: counts by reason, the direction flips, and the
 * headline numbers (national, regions, provinces, sectors: value added, growth, share of GDP, employment) grouped by
 * scope; the complete list is revisions.json.
 */
import type {Revision, RevisionReason, RevisionsReport} from "../model/revisions.ts";
import {metricLabel, scopeLabel} from "./labels.ts";
import {formatNumber} from "./format.ts";

const REASON_ZH: Record<RevisionReason, string> = {
  forecast: "预测值改为实际数据",
  input: "输入数据修订",
  method: "测算方法变化",
  calibration: "参数重新校准"
};

const HEADLINE = new Set(["iiot_value_added", "iiot_value_added_direct", "iiot_value_added_penetration", "nominal_growth", "share_of_gdp", "employment_total"]);

export interface RevisionRow {
  id: string;
  label: string;
  year: number;
  before: string;
  after: string;
  change: string;
  flip: string;
  reasons: string;
}

function row(r: Revision): RevisionRow {
  const digits = r.unit === "%" ? 2 : 2;
  const value = (v: number) => `${formatNumber(v, "plain", {decimals: digits})}${r.unit === "亿元" || r.unit === "万人" || r.unit === "%" ? r.unit : ""}`;
  const change =
    r.changePct !== undefined ? `${r.changePct >= 0 ? "+" : "−"}${Math.abs(r.changePct).toFixed(2)}%` : r.changePp !== undefined ? `${r.changePp >= 0 ? "+" : "−"}${Math.abs(r.changePp).toFixed(2)}${/_rank$/.test(r.metric) ? "位" : "个百分点"}` : "";
  return {
    id: r.id,
    label: `${r.entityZh ?? (r.scope === "national" ? "全国" : r.entity)} · ${metricLabel(r.metric)}`,
    year: r.year,
    before: value(r.before),
    after: value(r.after),
    change,
    flip: r.flip === "sign" ? "增减方向改变" : r.flip === "rank" ? "位次变化" : "",
    reasons: r.reasons.map((x) => REASON_ZH[x]).join("、")
  };
}

export function revisionsView(report: RevisionsReport | undefined) {
  if (!report || report.previous === undefined) return {previous: undefined, counts: [], flips: [], groups: [], published: []};
  const counts = (Object.keys(REASON_ZH) as RevisionReason[]).map((reason) => ({
    label: REASON_ZH[reason],
    count: report.computed.filter((r) => r.reasons.includes(reason)).length
  }));
  const flips = report.computed.filter((r) => r.flip === "sign" && HEADLINE.has(r.metric) || (r.flip === "sign" && r.metric === "employment_growth")).map(row);
  const scopes = ["national", "region", "province", "sector", "tier"];
  const groups = scopes
    .map((scope) => ({scope, label: scopeLabel(scope), rows: report.computed.filter((r) => r.scope === scope && HEADLINE.has(r.metric)).map(row)}))
    .filter((g) => g.rows.length > 0);
  return {previous: report.previous, total: report.computed.length, counts, flips, groups, published: report.published.map(row)};
}
