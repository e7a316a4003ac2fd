/**
 * @fileoverview The blocks of the methodology appendix that come from the engine itself, so that the printed
 * method cannot drift from the computed one: formulas from the model's formula table (the TeX the records carry),
 * the unpublished parameters and their values, the calibration targets with what the model reaches, and every
 * estimated input series from the data manifest.
 */
import {BuildError} from "../../lib/errors.ts";
import {formula, formulaTable, type FormulaId} from "../../model/records/formulas.ts";
import {getRecord, type RenderContext} from "../context.ts";
import {formatValue} from "../format.ts";
import {escapeHtml} from "../html.ts";
import {metricLabel} from "../labels.ts";
import {renderTex} from "../math.ts";
import {numberElement, recordText} from "./numbers.ts";
import type {MultiplierRule} from "../../model/edition-config.ts";
import {multiplierRules, ruleClauseZh} from "../../model/method/multiplier.ts";
import {variedYears} from "../../model/method/sensitivity.ts";

/** One formula of the table, displayed, with its description. */
export function formulaBlock(id: string, where: string): string {
  let entry;
  try {
    entry = formula(id as FormulaId);
  } catch {
    const known = formulaTable()
      .map((f) => f.id)
      .join(", ");
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
      // The multiplier's way of obtaining differs by year (its rule): the record's note says which.
      const how =
        r.metric === "technology_multiplier" ? (r.note ?? "").replace(/^\d{4}年的乘数/, "") : (kind?.how ?? "");
      return `<tr><td>${escapeHtml(kind?.name ?? r.metric)}</td><td>${escapeHtml(object)}</td><td class="n">${r.year}</td><td class="n">${numberElement(id, r.value.toFixed(4), r)}</td><td>${escapeHtml(how)}</td></tr>`;
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

/** Consecutive years that follow the same rule, e.g. [[2018, 2021], calibrated], [[2022, 2022], cobb-douglas]. */
function ruleSpans(context: RenderContext): {from: number; to: number; rule: MultiplierRule}[] {
  const years = context.figures.records
    .filter((r) => r.metric === "technology_multiplier" && r.scope === "national")
    .map((r) => r.year)
    .sort((a, b) => a - b);
  const rules = multiplierRules(context.config, [context.config.baseYear, ...years]);
  const spans: {from: number; to: number; rule: MultiplierRule}[] = [];
  for (const year of years) {
    const rule = rules.get(year)!;
    const last = spans.at(-1);
    if (last && JSON.stringify(last.rule) === JSON.stringify(rule) && last.to === year - 1) last.to = year;
    else spans.push({from: year, to: year, rule});
  }
  return spans;
}

/**
 * The sentence that says how each year's technology multiplier was obtained, generated from the edition config's
 * rules (so it can never say what the config did not do), with each non-calibrated year's value.
 */
export function multiplierRulesHtml(context: RenderContext, where: string, used: Set<string>): string {
  const parts = ruleSpans(context).map(({from, to, rule}) => {
    const years = from === to ? `${from}年` : `${from}—${to}年`;
    if (rule.rule === "calibrated") return `${years}的乘数按校准目标拟合（两个目标年份之间各年乘数相等）`;
    const values = [];
    for (let y = from; y <= to; y++) {
      const id = `technology_multiplier/national/china/${y}`;
      used.add(id);
      const record = getRecord(context, id, where);
      values.push(`${from === to ? "" : `${y}年`}${numberElement(id, record.value.toFixed(3), record)}`);
    }
    return `${years}的乘数${escapeHtml(ruleClauseZh(rule))}（${values.join("，")}）`;
  });
  return `${parts.join("；")}。`;
}

/** The forecast year's one exogenous assumption, as declared in the edition config, and its multiplier rule. */
export function forecastAssumptionHtml(context: RenderContext, where: string, used: Set<string>): string {
  const {config} = context;
  const f = config.forecastYear;
  const id = `gdp_nominal_growth/national/china/${f}`;
  used.add(id);
  const growth = getRecord(context, id, where);
  const rule = multiplierRules(config, [
    config.baseYear,
    ...Array.from({length: f - config.baseYear}, (_, i) => config.baseYear + 1 + i)
  ]).get(f)!;
  const ruleText = rule.rule === "calibrated" ? "按预测年总量的目标值校准" : ruleClauseZh(rule);
  const window = config.forecast.partsTrendWindow;
  const last = config.dataYears[1];
  const parts =
    `全国名义GDP以及各门类增加值之和、各省份地区生产总值之和按这一增速外推；各门类、三次产业、各省份及各省份的三次产业，` +
    `则在整体的预测增速上加上该部分近${chineseCount(window)}年（${last - window}—${last}年）的年均增速与整体同期年均增速之差，` +
    `再按同一比例缩放，使各部分之和等于整体的预测值，即各部分延续近年相对于整体的快慢差异`;
  return `预测年（${f}年）的外生假设只有名义GDP增速一项，取${numberElement(id, recordText(growth, {}, where), growth)}，依据为${escapeHtml(config.forecast.gdpGrowthSource)}。${parts}。预测年的技术乘数${escapeHtml(ruleText)}。`;
}

/** The formula the sections' employment follows under the edition's method (config.methods). */
export function sectionEmploymentFormulaId(context: RenderContext): FormulaId {
  const {methods} = context.config;
  if (methods.employment === "provincial-share") return "employment_section_national";
  return methods.sectionProductivity === "wage" ? "employment_section_wage" : "employment_section_tier";
}

/**
 * How the sections' employment is obtained, generated from config.methods, so the appendix says what the model did.
 * Under wages it also states which years took another year's wage table (records formula carry_nearest_table).
 */
export function sectionEmploymentMethodText(context: RenderContext): string {
  const scaled =
    "再按同一系数调整，使各门类、各产业的带动就业之和等于各省份加总的全国带动就业，其增减之和也等于全国的增减";
  const id = sectionEmploymentFormulaId(context);
  if (id === "employment_section_national") return "分行业就业用同一个全国劳动生产率折算";
  if (id === "employment_section_tier") return `分行业就业用各门类所属产业的全国劳动生产率折算，${scaled}`;
  const wages = context.figures.records.filter((r) => r.metric === "average_wage" && r.scope === "sector");
  const entity = wages[0]?.entity;
  const byYear = wages.filter((r) => r.entity === entity).sort((a, b) => a.year - b.year);
  const read = byYear.filter((r) => r.formulaId !== "carry_nearest_table").map((r) => r.year);
  const carried = new Map<number, number[]>();
  for (const r of byYear)
    if (r.formulaId === "carry_nearest_table") {
      const from = Number(r.inputs[0]!.split("/").at(-1));
      carried.set(from, [...(carried.get(from) ?? []), r.year]);
    }
  // Consecutive years as one range: 2017—2020年和2022年.
  const span = (years: number[]): string => {
    const runs: number[][] = [];
    for (const y of years) {
      const run = runs.at(-1);
      if (run && run.at(-1) === y - 1) run.push(y);
      else runs.push([y]);
    }
    return runs.map((r) => (r.length === 1 ? `${r[0]}年` : `${r[0]}—${r.at(-1)}年`)).join("和");
  };
  const carriedText = [...carried].map(([from, years]) => `${span(years)}沿用${from}年的工资水平`).join("，");
  return (
    `分行业就业所用的劳动生产率与各门类城镇非私营单位就业人员的年平均工资成比例，即假定各门类劳动生产率的相对高低与其平均工资的相对高低一致，` +
    `${scaled}。分行业平均工资取自国家统计局发布的${span(read)}分行业门类数据` +
    (carriedText ? `，${carriedText}，只用到各门类之间的工资比例` : "")
  );
}

/** A small count in Chinese numerals (一 … 十), as a method sentence says "近三年". */
function chineseCount(n: number): string {
  return "一两三四五六七八九十"[n - 1] ?? String(n);
}

/** The headline of the last data year and the forecast year under each standard multiplier rule. */
export function sensitivityTableHtml(context: RenderContext, where: string, used: Set<string>): string {
  const rows = context.figures.records.filter((r) => r.metric === "iiot_value_added_under_rule");
  const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b);
  const entities = [...new Set(rows.map((r) => r.entity))];
  const adopted = (year: number) => rows.find((r) => r.entity === "rule_adopted" && r.year === year)!;
  const body = entities
    .map((entity) => {
      const cells = years.map((year) => {
        const r = rows.find((x) => x.entity === entity && x.year === year)!;
        const id = `${r.metric}/${r.scope}/${r.entity}/${r.year}`;
        used.add(id);
        const diff = (r.value / adopted(year).value - 1) * 100;
        const diffText =
          entity === "rule_adopted"
            ? "—"
            : `${diff >= 0.005 ? "+" : diff <= -0.005 ? "−" : ""}${Math.abs(diff).toFixed(2)}%`;
        return `<td class="n">${numberElement(id, recordText(r, {unit: "万亿元"}, where), r)}</td><td class="n">${diffText}</td>`;
      });
      const label = rows.find((x) => x.entity === entity)!;
      return `<tr><th scope="row">${escapeHtml(label.entityZh ?? entity)}</th>${cells.join("")}</tr>`;
    })
    .join("");
  const head = years.map((y) => `<th scope="col">${y}年增加值</th><th scope="col">与采用值之差</th>`).join("");
  const {config} = context;
  const all = Array.from({length: config.forecastYear - config.baseYear + 1}, (_, i) => config.baseYear + i);
  const varied = variedYears(multiplierRules(config, all), all);
  const intro = `<p>表中只改变${varied.map((y) => `${y}年`).join("、")}的乘数，其余年份的乘数保持不变；“与采用值之差”是相对于本报告采用值的百分比差。</p>`;
  return `${intro}<table class="sensitivity-table"><thead><tr><th scope="col">乘数规则</th>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

/**
 * The regions of the edition config with their provinces, as the appendix and the regions chapter describe them:
 * `（）` prints 长三角（上海、江苏、浙江）、珠三角（广东）; `包括` prints 长三角包括上海、江苏和浙江；珠三角包括广东.
 * `last` joins the last two provinces of a region (和, or 、 for none).
 */
export function regionMembersText(context: RenderContext, form: unknown, last: unknown, where: string): string {
  if (form !== "（）" && form !== "包括")
    throw new BuildError(`${where}: regionMembers "${String(form)}"; expected "（）" or "包括"`);
  const join = last === "、" || last === undefined ? "、" : last === "和" ? "和" : undefined;
  if (!join) throw new BuildError(`${where}: regionMembers last "${String(last)}"; expected "和" or "、"`);
  const names = new Map(
    context.figures.records.filter((r) => r.scope === "province").map((r) => [r.entity, r.entityZh ?? r.entity])
  );
  const regions = context.config.regions.map((region) => {
    const members = region.provinces.map((id) => {
      const name = names.get(id);
      if (!name) throw new BuildError(`${where}: region ${region.id} lists "${id}", which names no province`);
      return escapeHtml(name);
    });
    const list = members.length > 1 ? `${members.slice(0, -1).join("、")}${join}${members.at(-1)}` : (members[0] ?? "");
    return form === "（）" ? `${escapeHtml(region.nameZh)}（${list}）` : `${escapeHtml(region.nameZh)}包括${list}`;
  });
  return regions.join(form === "（）" ? "、" : "；");
}

/** The years of the calibration targets other than the base year, in the config's order: 2019年、2020年和2021年. */
export function calibrationYearsText(context: RenderContext): string {
  const years: string[] = [];
  for (const target of context.config.calibration.targets) {
    const year = target.record.split("/")[3]!;
    if (year !== String(context.config.baseYear) && !years.includes(`${year}年`)) years.push(`${year}年`);
  }
  return years.length > 1 ? `${years.slice(0, -1).join("、")}和${years.at(-1)}` : (years[0] ?? "");
}
