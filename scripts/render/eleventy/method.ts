/**
 * @fileoverview The blocks of the methodology appendix that come from the engine itself, so that the printed
 * method cannot drift from the computed one: formulas from the model's formula table (the TeX the records carry),
 * the unpublished parameters and their values, the calibration targets with what the model reaches, and every
 * estimated input series from the data manifest.
 */
import {BuildError} from "../../lib/errors.ts";
import {formula, formulaTable, type FormulaId} from "../../model/formulas.ts";
import {getRecord, type RenderContext} from "../context.ts";
import {formatValue} from "../format.ts";
import {escapeHtml} from "../html.ts";
import {metricLabel} from "../labels.ts";
import {renderTex} from "../math.ts";
import {numberElement, recordText} from "./numbers.ts";

/** One formula of the table, displayed, with its description. */
export function formulaBlock(id: string, where: string): string {
  let entry;
  try {
    entry = formula(id as FormulaId);
  } catch {
    const known = formulaTable().map((f) => f.id).join(", ");
    throw new BuildError(`${where}: unknown formula "${id}"; known formulas: ${known}`);
  }
  const legend = Object.entries(entry.legend)
    .map(([symbol, meaning]) => `${renderTex(symbol, {where})}：${escapeHtml(meaning)}`)
    .join("；");
  return [
    `<div class="formula" id="formula-${escapeHtml(entry.id)}" data-formula="${escapeHtml(entry.id)}">`,
    `<div class="formula-tex">${renderTex(entry.tex, {display: true, where})}</div>`,
    `<p class="formula-description">${escapeHtml(entry.descriptionZh)}${legend ? `。其中，${legend}` : ""}</p>`,
    `</div>`
  ].join("");
}

/** Every formula the model executes, as a table (id, description, formula). */
export function formulaTableHtml(where: string): string {
  const rows = formulaTable()
    .map(
      (f) =>
        `<tr id="formula-table-${escapeHtml(f.id)}"><td><code>${escapeHtml(f.id)}</code></td><td>${escapeHtml(f.descriptionZh)}</td><td>${renderTex(f.tex, {where})}</td></tr>`
    )
    .join("");
  return `<table class="formula-table"><thead><tr><th scope="col">编号</th><th scope="col">含义</th><th scope="col">公式</th></tr></thead><tbody>${rows}</tbody></table>`;
}

/** What each kind of parameter is, in the report's language (the record's own note keeps the technical detail). */
const PARAMETER_NAMES: Record<string, {name: string; how: string}> = {
  iiot_share_coefficient: {name: "关联系数 S_k", how: "按基年直接、渗透产业增加值目标校准，并向共同取值收缩"},
  technology_multiplier: {name: "年度技术乘数 μ_n", how: "按各年全国增加值目标校准；无目标的年份按相邻年份等比插值"},
  new_infrastructure_cf: {name: "单位投资带动增加值系数 CF", how: "按新基建带动增加值目标校准"}
};

/** The unpublished parameters (records of kind "parameter"), each with its value and how it was obtained. */
export function parametersTableHtml(context: RenderContext): string {
  const rows = context.figures.records
    .filter((r) => r.kind === "parameter")
    .map((r) => {
      const id = [r.metric, r.scope, r.entity, r.year].join("/");
      const kind = PARAMETER_NAMES[r.metric];
      const object = r.entityZh ?? r.entity;
      return `<tr><td>${escapeHtml(kind?.name ?? r.metric)}</td><td>${escapeHtml(object)}</td><td class="n">${r.year}</td><td class="n">${numberElement(id, r.value.toFixed(4), r)}</td><td>${escapeHtml(kind?.how ?? "")}</td></tr>`;
    })
    .join("");
  return `<table class="parameters-table"><thead><tr><th scope="col">参数</th><th scope="col">对象</th><th scope="col">年份</th><th scope="col">取值</th><th scope="col">取得方式</th></tr></thead><tbody>${rows}</tbody></table>`;
}

/** The calibration targets of the edition config, with the value the calibrated model reaches. */
export function calibrationTableHtml(context: RenderContext, where: string): string {
  const rows = context.config.calibration.targets
    .map((target) => {
      const record = getRecord(context, target.record, where);
      const reached = numberElement(target.record, recordText(record, {unit: "亿元"}, where), record);
      const diff = ((record.value / target.value - 1) * 100).toFixed(2).replace(/^-(0\.00)$/, "$1");
      const label = `${record.year}年${record.entityZh ?? record.entity}${metricLabel(record.metric)}`;
      return `<tr><td>${escapeHtml(label)}</td><td class="n">${escapeHtml(formatValue(target.value, "亿元"))}</td><td class="n">${reached}</td><td class="n">${diff}%</td><td>${escapeHtml(target.derivation)}</td></tr>`;
    })
    .join("");
  return `<table class="calibration-table"><thead><tr><th scope="col">校准目标</th><th scope="col">目标值</th><th scope="col">模型值</th><th scope="col">偏差</th><th scope="col">目标值的来历</th></tr></thead><tbody>${rows}</tbody></table>`;
}

/** Every estimated input series of the manifest, with what is estimated and how. */
export function estimatesListHtml(context: RenderContext): string {
  const items = context.manifest
    .filter((s) => s.estimated)
    // The reader sees the source and what was estimated; file paths belong to the site's data page, not the paper.
    .map((s) => `<li><strong>${escapeHtml(s.citation)}</strong>：${escapeHtml(s.estimateZh ?? s.estimate ?? "")}</li>`)
    .join("");
  return `<ul class="estimates-list">${items}</ul>`;
}
