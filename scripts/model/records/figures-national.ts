/**
 * @fileoverview Records of the value-added core: the base-year intermediate results (per IO product and section),
 * the multiplier and the Cobb–Douglas estimates, then sections, tiers and the national totals with their derived
 * statistics (growth, change of growth, share of GDP, contribution to GDP growth, ratios, CAGR).
 */
import type {Inputs} from "../inputs.ts";
import {TIERS} from "../inputs.ts";
import type {EditionModel} from "../method/edition-model.ts";
import type {Params} from "../calibration/params.ts";
import {RULE_FORMULA, ruleClauseZh} from "../method/multiplier.ts";
import {multiplierSensitivity, ruleEntity} from "../method/sensitivity.ts";
import type {RecordBook} from "./record-book.ts";
import {ALL_SECTORS, ioEntity, NATIONAL} from "./entities.ts";
import {addGrowthSeries, id} from "./figures-series.ts";
import {
  cagr,
  contributionToGdpGrowth,
  countAbove,
  cumulativeGrowth,
  ratio,
  shareOfGdp,
  shareOfTotal
} from "../method/stats.ts";

/** Value added above which a section or province counts as 超过千亿元 (亿元). */
export const THOUSAND_YI = 1000;

export function addBaseYearRecords(book: RecordBook, model: EditionModel, inputs: Inputs): void {
  const io = inputs.io;
  const y = io.year;
  const shareIds = inputs.relatedSubsectors.map((r) => id("iiot_share_coefficient", "other", ioEntity(r.ioCode), y));
  for (const p of model.base.directByProduct) {
    const e = ioEntity(p.ioCode);
    book.add("iiot_value_added_direct", "other", e, y, p.value, "亿元", "direct_base_product", {
      inputs: [id("io_value_added", "other", e, y), id("iiot_share_coefficient", "other", e, y)]
    });
  }
  io.sectors.forEach((s, i) => {
    const e = ioEntity(s.code);
    book.add("penetration_lambda", "other", e, y, model.base.lambda[i]!, "", "penetration_lambda", {
      inputs: [id("io_output", "other", e, y), ...shareIds],
      note: "`ΔY_i` 取自160×160的扩展投入产出表（求解列昂惕夫逆矩阵的11列），`X_i` 取自原表"
    });
    book.add("iiot_value_added_penetration", "other", e, y, model.base.dz[i]!, "亿元", "penetration_dz", {
      inputs: [id("penetration_lambda", "other", e, y), id("io_value_added", "other", e, y)]
    });
  });
  for (const s of inputs.sections) {
    const vaId = id("section_value_added", "sector", s.entity, y);
    const products = model.base.directByProduct
      .filter((p) => p.section === s.code)
      .map((p) => id("iiot_value_added_direct", "other", ioEntity(p.ioCode), y));
    book.add(
      "direct_contribution_rate",
      "sector",
      s.entity,
      y,
      model.projection.rates.direct.get(s.code)!,
      "",
      "direct_rate",
      {
        inputs: [...products, vaId]
      }
    );
    const dz = io.sectors
      .filter((x) => x.section === s.code)
      .map((x) => id("iiot_value_added_penetration", "other", ioEntity(x.code), y));
    book.add(
      "penetration_contribution_rate",
      "sector",
      s.entity,
      y,
      model.projection.rates.penetration.get(s.code)!,
      "",
      "penetration_rate",
      {
        inputs: [...dz, vaId]
      }
    );
  }
}

export function addMultiplierRecords(book: RecordBook, model: EditionModel): void {
  const {fit, gamma} = model.cobbDouglas;
  const fitEnd = fit.fitYears[1];
  const macroIds = (year: number): string[] =>
    ["macro_output", "macro_capital", "macro_labour"]
      .map((m) => id(m, "national", NATIONAL, year))
      .filter((x) => book.has(x));
  const window: string[] = [];
  for (let year = fit.fitYears[0]; year <= fitEnd; year++) window.push(...macroIds(year));
  const note = `以${fit.fitYears[0]}—${fitEnd}年数据（${fit.observations}个观测值）做普通最小二乘估计；Y、K、L 用公开数据替代未公开的中经网数据`;
  const fitOpts = {inputs: window, note, forecast: false};
  const alpha = book.add("cd_alpha", "national", NATIONAL, fitEnd, fit.alpha, "", "cd_ols", fitOpts);
  const beta = book.add("cd_beta", "national", NATIONAL, fitEnd, fit.beta, "", "cd_ols", fitOpts);
  const tfp = book.add("cd_tfp", "national", NATIONAL, fitEnd, fit.a, "", "cd_ols", fitOpts);
  book.add("cd_r_squared", "national", NATIONAL, fitEnd, fit.rSquared, "", "cd_ols", fitOpts);
  for (const g of gamma) {
    const lastMacro = [g.year, g.year - 1, g.year - 2].find((yy) => macroIds(yy).length > 0) ?? g.year;
    const gid = book.add("cd_gamma", "national", NATIONAL, g.year, g.gamma, "", "cd_gamma", {
      inputs: [...macroIds(lastMacro), alpha, beta, tfp],
      estimated: g.estimated,
      ...(g.estimated ? {note: "Y、K、L 按最后两个观测值线性外推"} : {})
    });
    const before = id("cd_gamma", "national", NATIONAL, g.year - 1);
    if (book.has(before))
      book.add("cd_multiplier", "national", NATIONAL, g.year, g.multiplier, "", "cd_multiplier", {
        inputs: [gid, before]
      });
  }
  for (const [year, mu] of model.multiplier.annual) {
    const rule = model.multiplier.rules.get(year) ?? {rule: "calibrated" as const};
    const earlier = [...model.multiplier.annual.keys()].filter((y) => y < year);
    const window = rule.rule === "trend" ? rule.window : rule.rule === "carry-forward" ? 1 : 0;
    const inputs =
      rule.rule === "cobb-douglas"
        ? [id("cd_multiplier", "national", NATIONAL, year)]
        : earlier
            .slice(earlier.length - window, window === 0 ? 0 : undefined)
            .map((y) => id("technology_multiplier", "national", NATIONAL, y));
    book.add("technology_multiplier", "national", NATIONAL, year, mu, "", RULE_FORMULA[rule.rule], {
      ...(rule.rule === "calibrated" || rule.rule === "given" ? {kind: "parameter" as const} : {}),
      ...(inputs.length > 0 ? {inputs} : {}),
      note: `${year}年的乘数${ruleClauseZh(rule)}${rule.rule === "calibrated" ? "（两个目标年份之间各年乘数相等）" : ""}`
    });
  }
  for (const [year, m] of model.multiplier.cumulative) {
    const annual = [...model.multiplier.annual.keys()]
      .filter((yy) => yy <= year)
      .map((yy) => id("technology_multiplier", "national", NATIONAL, yy));
    book.add("technology_multiplier_cumulative", "national", NATIONAL, year, m, "", "multiplier_cumulative", {
      inputs: annual,
      note: `累计乘数同时作用于${model.multiplier.appliesToDirect ? "直接产业和渗透产业的贡献率" : "渗透产业的贡献率（直接产业不变）"}`
    });
  }
}

/** The headline under each standard multiplier rule (model/method/sensitivity.ts). */
export function addSensitivityRecords(book: RecordBook, model: EditionModel, inputs: Inputs, params: Params): void {
  const {varied, rows} = multiplierSensitivity(model, inputs.sections, params);
  const multipliers = varied.map((y) => id("technology_multiplier", "national", NATIONAL, y));
  for (const row of rows)
    for (const [year, total] of row.totals) {
      const how =
        row.rule === "adopted"
          ? varied.map((y) => `${y}年${ruleClauseZh(model.multiplier.rules.get(y)!)}`).join("，")
          : `${varied.map((y) => `${y}年`).join("、")}的乘数${ruleClauseZh(row.rule)}，其余年份不变`;
      book.add(
        "iiot_value_added_under_rule",
        "other",
        ruleEntity(row.rule),
        year,
        total,
        "亿元",
        "multiplier_sensitivity",
        {
          inputs: [id("iiot_value_added", "national", NATIONAL, year), ...multipliers],
          forecast: year > model.timeline.lastDataYear,
          note: how
        }
      );
    }
}

export function addValueAddedRecords(book: RecordBook, model: EditionModel, inputs: Inputs): void {
  const {timeline, projection} = model;
  const base = timeline.baseYear;
  for (const year of timeline.years) {
    const mId = id("technology_multiplier_cumulative", "national", NATIONAL, year);
    const row = projection.sections.get(year)!;
    for (const s of inputs.sections) {
      const p = row.get(s.code)!;
      const vaId = id("section_value_added", "sector", s.entity, year);
      const d = book.add("iiot_value_added_direct", "sector", s.entity, year, p.direct, "亿元", "direct_section", {
        inputs: [
          id("direct_contribution_rate", "sector", s.entity, base),
          vaId,
          ...(model.multiplier.appliesToDirect ? [mId] : [])
        ]
      });
      const q = book.add(
        "iiot_value_added_penetration",
        "sector",
        s.entity,
        year,
        p.penetration,
        "亿元",
        "penetration_section",
        {
          inputs: [id("penetration_contribution_rate", "sector", s.entity, base), vaId, mId]
        }
      );
      book.add("iiot_value_added", "sector", s.entity, year, p.total, "亿元", "total_sum", {inputs: [d, q]});
    }
    const tiers = projection.tiers.get(year)!;
    for (const tier of TIERS) {
      const members = inputs.sections.filter((s) => s.tier === tier);
      for (const [metric, value] of [
        ["iiot_value_added_direct", tiers.get(tier)!.direct],
        ["iiot_value_added_penetration", tiers.get(tier)!.penetration],
        ["iiot_value_added", tiers.get(tier)!.total]
      ] as const)
        book.add(metric, "tier", tier, year, value, "亿元", "sum_sections", {
          inputs: members.map((s) => id(metric, "sector", s.entity, year))
        });
    }
    const n = projection.national.get(year)!;
    const all = inputs.sections;
    const d = book.add("iiot_value_added_direct", "national", NATIONAL, year, n.direct, "亿元", "sum_sections", {
      inputs: all.map((s) => id("iiot_value_added_direct", "sector", s.entity, year))
    });
    const q = book.add(
      "iiot_value_added_penetration",
      "national",
      NATIONAL,
      year,
      n.penetration,
      "亿元",
      "sum_sections",
      {
        inputs: all.map((s) => id("iiot_value_added_penetration", "sector", s.entity, year))
      }
    );
    book.add("iiot_value_added", "national", NATIONAL, year, n.total, "亿元", "total_sum", {inputs: [d, q]});
    const over = [...row.values()].map((p) => p.total);
    book.add(
      "count_sectors_va_over_1000yi",
      "sector",
      ALL_SECTORS,
      year,
      countAbove(over, THOUSAND_YI),
      "个",
      "count_above",
      {
        inputs: all.map((s) => id("iiot_value_added", "sector", s.entity, year))
      }
    );
  }
  addDerivedNational(book, model, inputs);
}

function addDerivedNational(book: RecordBook, model: EditionModel, inputs: Inputs): void {
  const {years, baseYear} = model.timeline;
  const later = years.slice(1);
  for (const [level, g, change] of [
    ["iiot_value_added", "nominal_growth", "growth_change_pp"],
    ["iiot_value_added_direct", "nominal_growth_direct", "growth_change_pp_direct"],
    ["iiot_value_added_penetration", "nominal_growth_penetration", "growth_change_pp_penetration"]
  ] as const) {
    addGrowthSeries(book, {level, growth: g, change, scope: "national", entity: NATIONAL, years: later});
    for (const tier of TIERS)
      addGrowthSeries(book, {level, growth: g, change, scope: "tier", entity: tier, years: later});
    for (const s of inputs.sections)
      addGrowthSeries(book, {level, growth: g, change, scope: "sector", entity: s.entity, years: later});
  }
  for (const year of years) {
    const z = id("iiot_value_added", "national", NATIONAL, year);
    const d = id("iiot_value_added_direct", "national", NATIONAL, year);
    const p = id("iiot_value_added_penetration", "national", NATIONAL, year);
    const gdp = id("gdp", "national", NATIONAL, year);
    book.add(
      "share_of_gdp",
      "national",
      NATIONAL,
      year,
      shareOfGdp(book.value(z), book.value(gdp)),
      "%",
      "share_of_gdp",
      {inputs: [z, gdp]}
    );
    book.add(
      "penetration_to_direct_ratio",
      "national",
      NATIONAL,
      year,
      ratio(book.value(p), book.value(d)),
      "",
      "ratio",
      {inputs: [p, d]}
    );
    book.add(
      "penetration_share_of_total",
      "national",
      NATIONAL,
      year,
      shareOfTotal(book.value(p), book.value(z)),
      "%",
      "share_of_total",
      {inputs: [p, z]}
    );
    for (const tier of TIERS) {
      const tz = id("iiot_value_added", "tier", tier, year);
      book.add(
        "tier_share_of_total",
        "tier",
        tier,
        year,
        shareOfTotal(book.value(tz), book.value(z)),
        "%",
        "share_of_total",
        {inputs: [tz, z]}
      );
    }
    if (year > baseYear) {
      const zPrev = id("iiot_value_added", "national", NATIONAL, year - 1);
      const gdpPrev = id("gdp", "national", NATIONAL, year - 1);
      book.add(
        "contribution_to_gdp_growth",
        "national",
        NATIONAL,
        year,
        contributionToGdpGrowth(book.value(z), book.value(zPrev), book.value(gdp), book.value(gdpPrev)),
        "%",
        "contribution_to_gdp_growth",
        {inputs: [z, zPrev, gdp, gdpPrev]}
      );
      const z0 = id("iiot_value_added", "national", NATIONAL, baseYear);
      const note = `${baseYear}—${year}年，共${year - baseYear}个年度间隔`;
      book.add(
        "cumulative_growth",
        "national",
        NATIONAL,
        year,
        cumulativeGrowth(book.value(z), book.value(z0)),
        "%",
        "cumulative_growth",
        {inputs: [z, z0], note}
      );
      book.add("cagr", "national", NATIONAL, year, cagr(book.value(z), book.value(z0), year - baseYear), "%", "cagr", {
        inputs: [z, z0],
        note
      });
    }
  }
}
