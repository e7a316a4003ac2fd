/**
 * @fileoverview The formula table: one entry per formula the model executes, with its TeX, a one-line zh-CN
 * description and a symbol legend. Every computed record names its entry (formulaId) and carries its TeX, and the
 * methodology appendix renders the same table with KaTeX, so the printed method and the computed one cannot drift.
 *
 * The derived statistics (growth, shares, ratios, CAGR, …) are defined once as mathjs expressions: the model
 * evaluates the compiled expression and the TeX is printed from the same parse tree with `toTex`. The structural
 * steps (Leontief solve, allocations) are code; their TeX is kept here beside the id the implementing function uses.
 */
import {all, create, type EvalFunction, type MathNode} from "mathjs";

export interface FormulaEntry {
  id: string;
  tex: string;
  descriptionZh: string;
  /** Symbol (as in the TeX) → meaning. */
  legend: Record<string, string>;
  /** The mathjs expression the model evaluates, when the formula is a closed expression. */
  expression?: string;
}

// mathjs types `all` as possibly undefined under noUncheckedIndexedAccess; it is always the full factory map.
const math = create(all!);

/** An expression formula: `lhs = expression`, with the TeX of each mathjs symbol. */
interface ExpressionSpec {
  lhs: string;
  expression: string;
  symbols: Record<string, string>;
  descriptionZh: string;
  legend: Record<string, string>;
}

const EXPRESSIONS = {
  growth: {
    lhs: "g_n",
    expression: "(Z_n / Z_prev - 1) * 100",
    symbols: {Z_n: "Z_n", Z_prev: "Z_{n-1}"},
    descriptionZh: "名义增速：本年规模相对上年规模的增长率（%）",
    legend: {g_n: "名义增速（%）", Z_n: "第 n 年规模", "Z_{n-1}": "上年规模"}
  },
  growth_change_pp: {
    lhs: "\\Delta g_n",
    expression: "g_n - g_prev",
    symbols: {g_n: "g_n", g_prev: "g_{n-1}"},
    descriptionZh: "增速变化：本年增速减上年增速（个百分点）",
    legend: {"\\Delta g_n": "增速变化（个百分点）", g_n: "本年名义增速（%）", "g_{n-1}": "上年名义增速（%）"}
  },
  share_of_gdp: {
    lhs: "s_n",
    expression: "Z_n / GDP_n * 100",
    symbols: {Z_n: "Z_n", GDP_n: "GDP_n"},
    descriptionZh: "占 GDP 比重：工业互联网增加值除以（全国或地区）GDP（%）",
    legend: {s_n: "占 GDP 比重（%）", Z_n: "工业互联网增加值（亿元）", GDP_n: "国内（地区）生产总值（亿元）"}
  },
  contribution_to_gdp_growth: {
    lhs: "c_n",
    expression: "(Z_n - Z_prev) / (GDP_n - GDP_prev) * 100",
    symbols: {Z_n: "Z_n", Z_prev: "Z_{n-1}", GDP_n: "GDP_n", GDP_prev: "GDP_{n-1}"},
    descriptionZh: "对 GDP 增长的贡献率：工业互联网增加值增量除以 GDP 增量（%）",
    legend: {c_n: "贡献率（%）", Z_n: "工业互联网增加值（亿元）", GDP_n: "国内生产总值（亿元）"}
  },
  ratio: {
    lhs: "\\rho_n",
    expression: "P_n / D_n",
    symbols: {P_n: "Z^{\\text{indirect}}_n", D_n: "Z^{\\text{direct}}_n"},
    descriptionZh: "渗透产业与直接产业之比",
    legend: {
      "\\rho_n": "渗透/直接比值",
      "Z^{\\text{indirect}}_n": "渗透产业增加值（或就业）",
      "Z^{\\text{direct}}_n": "直接产业增加值（或就业）"
    }
  },
  share_of_total: {
    lhs: "w_n",
    expression: "part_n / whole_n * 100",
    symbols: {part_n: "Z^{x}_n", whole_n: "Z^{X}_n"},
    descriptionZh: "结构占比：部分（渗透产业、某产业或某细分领域）占整体的比重（%）",
    legend: {w_n: "占比（%）", "Z^{x}_n": "部分的增加值", "Z^{X}_n": "整体的增加值"}
  },
  cagr: {
    lhs: "\\bar g",
    expression: "((Z_n / Z_0) ^ (1 / T) - 1) * 100",
    symbols: {Z_n: "Z_{n}", Z_0: "Z_{n_0}", T: "(n - n_0)"},
    descriptionZh: "年均复合增速：按期初至期末之间的年度步数开方（%）",
    legend: {"\\bar g": "年均复合增速（%）", "Z_{n_0}": "期初规模", "Z_{n}": "期末规模", "n - n_0": "年度步数"}
  },
  cumulative_growth: {
    lhs: "G",
    expression: "(Z_n / Z_0 - 1) * 100",
    symbols: {Z_n: "Z_{n}", Z_0: "Z_{n_0}"},
    descriptionZh: "累计增长：期末规模相对期初规模的增长率（%）",
    legend: {G: "累计增长（%）", "Z_{n_0}": "期初规模", "Z_{n}": "期末规模"}
  },
  growth_increase_multiple: {
    lhs: "m_n",
    expression: "g_n / g_prev - 1",
    symbols: {g_n: "g_n", g_prev: "g_{n-1}"},
    descriptionZh: "增速提高倍数：本年增速为上年增速的倍数减一",
    legend: {m_n: "提高倍数", g_n: "本年增速", "g_{n-1}": "上年增速"}
  },
  employment_new: {
    lhs: "\\Delta E_n",
    expression: "E_n - E_prev",
    symbols: {E_n: "E_n", E_prev: "E_{n-1}"},
    descriptionZh: "新增就业：本年带动就业减上年带动就业（万人）",
    legend: {"\\Delta E_n": "新增就业（万人）", E_n: "带动就业（万人）"}
  },
  employment_share_of_national: {
    lhs: "e_n",
    expression: "E_n / L_n * 100",
    symbols: {E_n: "E_n", L_n: "L_n"},
    descriptionZh: "带动就业占全国就业人员的比重（%）",
    legend: {e_n: "就业占比（%）", E_n: "带动就业（万人）", L_n: "全国就业人员（万人）"}
  },
  share_of_count: {
    lhs: "q_n",
    expression: "count_n / N * 100",
    symbols: {count_n: "\\#\\{i : Z_{i,n} > 1000\\}", N: "N"},
    descriptionZh: "超过千亿元的省份个数占全部省份的比重（%）",
    legend: {q_n: "占比（%）", N: "省份个数（31）"}
  },
  new_infrastructure_output: {
    lhs: "CI",
    expression: "CF * DII",
    symbols: {CF: "CF", DII: "\\Delta II"},
    descriptionZh: "新基建带动的增加值：单位投资增加值系数乘以工业互联网领域新增投资",
    legend: {
      CI: "新基建带动的增加值（亿元）",
      CF: "单位固定资产投资的增加值",
      "\\Delta II": "工业互联网领域新基建新增投资（亿元）"
    }
  },
  forecast_growth: {
    lhs: "V_{f}",
    expression: "V_prev * (1 + g / 100)",
    symbols: {V_prev: "V_{f-1}", g: "g^{GDP}"},
    descriptionZh: "预测年：按预测年假定的名义 GDP 增速外推上年数值",
    legend: {V_f: "预测年数值", "V_{f-1}": "最后数据年数值", "g^{GDP}": "假定名义 GDP 增速（%）"}
  },
  extrapolate_linear: {
    lhs: "v_{t}",
    expression: "v_prev + (v_prev - v_prev2) * h",
    symbols: {v_prev: "v_{t_1}", v_prev2: "v_{t_1-1}", h: "(t - t_1)"},
    descriptionZh: "线性外推：延续最后一年的年度变化量",
    legend: {"v_{t_1}": "最后观测值", "t - t_1": "外推年数"}
  }
} satisfies Record<string, ExpressionSpec>;

export type ExpressionId = keyof typeof EXPRESSIONS;

/** Formulas implemented as code (TeX written here next to the id the implementing function uses). */
const STRUCTURAL: Record<string, Omit<FormulaEntry, "id">> = {
  forecast_relative_trend: {
    tex: "V_{i,f} = k \\, V_{i,f-1} \\left(1 + \\frac{g + \\tau_i - \\tau}{100}\\right), \\quad k = \\frac{W_f}{\\sum_i V_{i,f-1} \\left(1 + \\frac{g + \\tau_i - \\tau}{100}\\right)}",
    descriptionZh:
      "预测年的各组成部分（门类、三次产业、省份及省内三次产业）：在整体的预测增速上加上该部分近年年均增速与整体年均增速之差，再按同一比例缩放，使各部分之和等于整体的预测值",
    legend: {
      "V_{i,f}": "部分 i 的预测年数值",
      "V_{i,f-1}": "部分 i 的上年数值",
      g: "整体的预测年增速（%）",
      "\\tau_i": "部分 i 在趋势窗口内的年均增速（%）",
      "\\tau": "整体在同一窗口内的年均增速（%）",
      W_f: "整体的预测年数值",
      k: "使各部分之和等于整体的缩放系数"
    }
  },
  input_series: {
    tex: "x_n = \\text{统计数据}",
    descriptionZh: "统计输入：来自公开统计资料的数值（见数据来源）",
    legend: {}
  },
  param_share: {
    tex: "S_k \\in [0, 1]",
    descriptionZh: "相关子行业 k 中属于工业互联网的比例（未公开，按校准目标确定）",
    legend: {S_k: "子行业 k 的工业互联网关联系数"}
  },
  param_multiplier: {
    tex: "\\mu_n",
    descriptionZh: "年度技术乘数（未公开，按校准目标拟合）",
    legend: {"\\mu_n": "第 n 年的技术乘数"}
  },
  multiplier_sensitivity: {
    tex: "Z^{(r)}_n = \\sum_{s} \\bigl(d_s + p_s\\bigr) M^{(r)}_n \\, VA_{s,n}",
    descriptionZh: "敏感性测算：未校准年份的乘数改按规则 r 取值时的全国工业互联网增加值",
    legend: {
      r: "乘数规则",
      "M^{(r)}_n": "按规则 r 得到的累计乘数",
      "d_s, p_s": "门类 s 的基年直接、渗透贡献率",
      "VA_{s,n}": "门类 s 第 n 年增加值"
    }
  },
  carry_nearest_table: {
    tex: "x_n = x_{m}",
    descriptionZh: "沿用最近一个有完整统计表的年份的数值",
    legend: {m: "最近的有表年份"}
  },
  multiplier_carry_forward: {
    tex: "\\mu_n = \\mu_{n-1}",
    descriptionZh: "年度技术乘数沿用上一年的数值",
    legend: {}
  },
  multiplier_trend: {
    tex: "\\mu_n = \\Bigl(\\prod_{t = n-k}^{n-1} \\mu_t\\Bigr)^{1/k}",
    descriptionZh: "年度技术乘数取此前 k 年乘数的几何平均",
    legend: {k: "平均的年数"}
  },
  multiplier_unity: {
    tex: "\\mu_n = 1",
    descriptionZh: "年度技术乘数取1，贡献率与上一年相同",
    legend: {}
  },
  multiplier_given: {
    tex: "\\mu_n = \\bar\\mu_n",
    descriptionZh: "年度技术乘数取有出处的给定值",
    legend: {"\\bar\\mu_n": "给定值"}
  },
  multiplier_cumulative: {
    tex: "M_n = \\prod_{t = n_0 + 1}^{n} \\mu_t,\\quad M_{n_0} = 1",
    descriptionZh: "累计技术乘数：基年以来各年乘数之积",
    legend: {M_n: "累计乘数", "\\mu_t": "第 t 年乘数", n_0: "基年（2017）"}
  },
  param_cf: {
    tex: "CF",
    descriptionZh: "单位固定资产投资带来的增加值（未公开，按校准目标确定）",
    legend: {CF: "投资增加值系数"}
  },
  direct_base_product: {
    tex: "Z^{\\text{direct}}_{2017,k} = S_k\\,(X_k - M_k)",
    descriptionZh: "基年相关子行业 k 的直接产业增加值（投入产出表，万元折算为亿元）",
    legend: {S_k: "关联系数", X_k: "总产出", M_k: "中间投入合计"}
  },
  direct_base: {
    tex: "Z^{\\text{direct}}_{2017} = \\sum_{k \\in K} S_k\\,(X_k - M_k)",
    descriptionZh: "基年直接产业增加值：各相关子行业中与工业互联网关联部分的增加值之和",
    legend: {K: "11 个相关子行业", S_k: "关联系数", "X_k - M_k": "子行业增加值"}
  },
  direct_rate: {
    tex: "r^{\\text{dir}}_{s} = \\frac{\\sum_{k \\in K \\cap s} S_k (X_k - M_k)}{V_{2017,s}}",
    descriptionZh: "直接贡献率：门类 s（制造业、信息传输软件）的直接产业增加值除以该门类增加值",
    legend: {"V_{2017,s}": "2017 年门类 s 增加值"}
  },
  augmented_split: {
    tex: "z'_{pq} = s_p s_q\\, z_{o(p)o(q)},\\quad X'_p = s_p X_{o(p)},\\quad a'_{pq} = \\frac{z'_{pq}}{X'_q} = s_p\\, a_{o(p)o(q)}",
    descriptionZh: "扩展投入产出表：每个相关子行业的行与列按关联系数拆分为虚拟纯工业互联网部门与其余部分，行列合计不变",
    legend: {"o(p)": "扩展部门 p 对应的原部门", s_p: "拆分比例（虚拟部门为 S_k，其余部分为 1−S_k，其他部门为 1）"}
  },
  induced_output: {
    tex: "\\Delta Y_i = \\sum_{j=1}^{11} \\frac{C_{i,149+j}}{C_{149+j,149+j}}\\, X_{k_j} S_{k_j},\\quad C = (I - A')^{-1}",
    descriptionZh: "工业互联网部门总产出带动的各部门产出（只求解里昂惕夫逆矩阵中虚拟部门对应的列）",
    legend: {C: "扩展表的里昂惕夫逆矩阵", "X_{k_j} S_{k_j}": "虚拟部门总产出"}
  },
  penetration_lambda: {
    tex: "\\lambda_i = \\frac{\\Delta Y_i}{X_i}",
    descriptionZh: "定向贡献比：带动产出占部门 i 总产出（原表）的比重",
    legend: {X_i: "原投入产出表部门 i 的总产出"}
  },
  penetration_dz: {
    tex: "dz_i = \\lambda_i\\,(X_i - M_i)",
    descriptionZh: "部门 i 的渗透产业增加值",
    legend: {"X_i - M_i": "部门 i 增加值"}
  },
  penetration_base: {
    tex: "Z^{\\text{indirect}}_{2017} = \\sum_{i=1}^{149} dz_i",
    descriptionZh: "基年渗透产业增加值",
    legend: {}
  },
  penetration_rate: {
    tex: "r^{\\text{pen}}_{s} = \\frac{\\sum_{i \\in s} dz_i}{V_{2017,s}}",
    descriptionZh: "渗透贡献率：门类 s 的渗透产业增加值除以该门类增加值",
    legend: {"V_{2017,s}": "2017 年门类 s 增加值"}
  },
  direct_section: {
    tex: "Z^{\\text{direct}}_{n,s} = r^{\\text{dir}}_{s}\\, M_n\\, V_{n,s}",
    descriptionZh: "门类 s 第 n 年直接产业增加值：直接贡献率 × 累计技术乘数 × 门类增加值",
    legend: {M_n: "累计技术乘数", "V_{n,s}": "门类增加值"}
  },
  penetration_section: {
    tex: "Z^{\\text{indirect}}_{n,s} = r^{\\text{pen}}_{s}\\, M_n\\, V_{n,s}",
    descriptionZh: "门类 s 第 n 年渗透产业增加值：渗透贡献率 × 累计技术乘数 × 门类增加值",
    legend: {M_n: "累计技术乘数", "V_{n,s}": "门类增加值"}
  },
  total_sum: {
    tex: "Z_n = Z^{\\text{direct}}_n + Z^{\\text{indirect}}_n",
    descriptionZh: "工业互联网增加值 = 直接产业增加值 + 渗透产业增加值",
    legend: {}
  },
  sum_sections: {
    tex: "Z^{x}_n = \\sum_{s} Z^{x}_{n,s}",
    descriptionZh: "全国（或三次产业）数值为所含门类之和",
    legend: {s: "门类（三次产业按国家统计局划分：A 第一产业；B–E 第二产业；其余第三产业）"}
  },
  cd_ols: {
    tex: "\\ln \\frac{Y_t}{L_t} = \\ln \\hat A + \\hat\\alpha \\ln \\frac{K_t}{L_t} + \\epsilon_t,\\quad \\hat\\beta = 1 - \\hat\\alpha",
    descriptionZh:
      "规模报酬不变（α＋β＝1）的柯布—道格拉斯生产函数的最小二乘估计（拟合期内技术乘数视为不变；产出、资本和劳动均以拟合期首年为1的指数表示）",
    legend: {Y: "产出指数", K: "资本投入指数", L: "劳动投入指数"}
  },
  cd_gamma: {
    tex: "\\gamma_n = \\frac{Y_n}{\\hat A K_n^{\\hat\\alpha} L_n^{\\hat\\beta}}",
    descriptionZh: "工业互联网带来的技术水平因子",
    legend: {}
  },
  cd_multiplier: {
    tex: "\\mu^{CD}_n = \\frac{\\gamma_n}{\\gamma_{n-1}}",
    descriptionZh: "生产函数求得的年度技术乘数",
    legend: {}
  },
  regional_weight: {
    tex: "\\eta^j_n = \\frac{Z^j_n}{Z_n},\\quad \\omega_{i,n} = \\frac{\\sum_j GDP^j_{i,n} \\eta^j_n}{\\sum_{i'} \\sum_j GDP^j_{i',n} \\eta^j_n},\\quad Z_{i,n} = \\omega_{i,n} Z_n",
    descriptionZh: "省级分配（按省份权重）：按三次产业结构加权的省份权重分配全国增加值",
    legend: {"GDP^j_{i,n}": "省份 i 第 j 产业增加值"}
  },
  regional_tier: {
    tex: "\\eta^j_n = \\frac{Z^j_n}{GDP^j_n},\\quad \\omega^j_{i,n} = \\frac{GDP^j_{i,n}\\eta^j_n}{\\sum_{i'} GDP^j_{i',n}\\eta^j_n},\\quad Z_{i,n} = \\sum_j Z^j_n\\,\\omega^j_{i,n}",
    descriptionZh: "省级分配（按省份分产业）：各产业的全国增加值按省份该产业增加值占比分配",
    legend: {"GDP^j_n": "全国第 j 产业增加值"}
  },
  regional_tier_split: {
    tex: "Z^{x}_{i,n} = \\sum_j Z^{x,j}_n\\,\\omega^j_{i,n},\\quad x \\in \\{\\text{direct}, \\text{indirect}\\}",
    descriptionZh: "省级直接、渗透产业增加值：各产业的直接、渗透部分按同一省份产业权重分配",
    legend: {}
  },
  region_sum: {
    tex: "Z_{R,n} = \\sum_{i \\in R} Z_{i,n}",
    descriptionZh: "区域数值为所含省份之和",
    legend: {R: "区域（省份构成见本附录）"}
  },
  employment_province_share: {
    tex: "Pro_{i,n} = \\frac{GDP_{i,n}}{\\pi_i L_n},\\quad E_{i,n} = \\frac{Z_{i,n}}{Pro_{i,n}}",
    descriptionZh: "省级带动就业（按省份就业占比）：省份劳动生产率由 2018 年就业占比 π 推算",
    legend: {"\\pi_i": "省份 i 2018 年就业人数占全国比重", L_n: "全国就业人员"}
  },
  employment_province_tier: {
    tex: "Pro^j_{i,n} = \\frac{GDP^j_{i,n}}{L^j_{i,n}},\\quad E_{i,n} = \\sum_j \\frac{Z^j_{i,n}}{Pro^j_{i,n}}",
    descriptionZh: "省级带动就业（按省份分产业劳动生产率）：各产业增加值除以该省该产业的劳动生产率后加总",
    legend: {"L^j_{i,n}": "省份 i 第 j 产业就业人员"}
  },
  employment_national_sum: {
    tex: "E_n = \\sum_{i=1}^{31} E_{i,n}",
    descriptionZh: "全国带动就业为各省之和",
    legend: {}
  },
  employment_forecast_national: {
    tex: "E_f = \\frac{Z_f}{Pro_f},\\quad Pro_f = \\frac{GDP_f}{L_f}",
    descriptionZh: "预测年全国带动就业（按省份就业占比的方法）：全国劳动生产率，就业人员线性外推",
    legend: {L_f: "线性外推的全国就业人员"}
  },
  employment_section_national: {
    tex: "E^{x}_{n,s} = \\frac{Z^{x}_{n,s}}{Pro_n},\\quad Pro_n = \\frac{Z_n}{E_n}",
    descriptionZh: "分行业带动就业（按省份就业占比的方法）：各门类使用同一全国劳动生产率",
    legend: {}
  },
  employment_section_tier: {
    tex: "E^{x}_{n,s} = k_n \\frac{Z^{x}_{n,s}}{Pro^{j(s)}_n},\\quad Pro^{j}_n = \\frac{GDP^{j}_n}{L^{j}_n},\\quad k_n = \\frac{E_n}{\\sum_s Z_{n,s} / Pro^{j(s)}_n}",
    descriptionZh:
      "分行业带动就业（按省份分产业劳动生产率的方法）：各门类使用所属产业的全国劳动生产率，再按同一系数调整，使各门类、各产业之和等于各省份加总的全国带动就业",
    legend: {"j(s)": "门类 s 所属产业", k_n: "使各门类之和等于全国带动就业的调整系数"}
  },
  employment_section_wage: {
    tex: "E^{x}_{n,s} = \\frac{Z^{x}_{n,s}}{Pro_{n,s}},\\quad Pro_{n,s} = \\frac{w_{n,s}}{k_n},\\quad k_n = \\frac{E_n}{\\sum_s Z_{n,s} / w_{n,s}}",
    descriptionZh:
      "分行业带动就业（劳动生产率与平均工资成比例的方法）：各门类的劳动生产率与该门类城镇非私营单位就业人员平均工资成比例，比例系数使各门类之和等于各省份加总的全国带动就业",
    legend: {
      "w_{n,s}": "门类 s 城镇非私营单位就业人员年平均工资",
      k_n: "使各门类之和等于全国带动就业的系数"
    }
  },
  tier_productivity_average: {
    tex: "Pro^{j}_n = \\frac{Z^{j}_n}{E^{j}_n}",
    descriptionZh: "产业的劳动生产率：工业互联网在该产业各门类带动的增加值与就业之比",
    legend: {"E^{j}_n": "第 j 产业各门类带动就业之和"}
  },
  employment_pro_rata: {
    tex: "E^{\\text{direct}}_n = E_n\\,\\frac{Z^{\\text{direct}}_n}{Z_n},\\quad E^{\\text{indirect}}_n = E_n\\,\\frac{Z^{\\text{indirect}}_n}{Z_n}",
    descriptionZh: "直接、渗透产业带动就业（按省份就业占比的方法）：按增加值比例拆分",
    legend: {}
  },
  employment_split_sections: {
    tex: "E^{x}_n = \\sum_s E^{x}_{n,s}",
    descriptionZh: "直接、渗透产业带动就业（按省份分产业劳动生产率的方法）：各门类直接、渗透部分分别加总",
    legend: {}
  },
  segment_value_added: {
    tex: "Z^{\\text{direct}}_{n,g} = \\sum_{k \\in g} S_k (X_k - M_k)\\,\\frac{V_{n,s(k)}}{V_{2017,s(k)}}\\,M_n",
    descriptionZh: "直接产业细分领域（网络、平台、数据、安全）增加值：所含子行业的直接增加值随所属门类推算",
    legend: {g: "细分领域", "s(k)": "子行业 k 所属门类"}
  },
  count_above: {
    tex: "\\#\\{i : Z_{i,n} > 1000\\}",
    descriptionZh: "增加值超过千亿元的省份（或门类）个数",
    legend: {}
  },
  rank: {
    tex: "\\text{rank}_i = 1 + \\#\\{i' : x_{i'} > x_i\\}",
    descriptionZh: "排名（数值最大者居首位）",
    legend: {}
  },
  observed: {
    tex: "\\text{观测值}",
    descriptionZh: "观测指标或背景事实（非模型计算），见数据来源",
    legend: {}
  }
};

export type StructuralId = keyof typeof STRUCTURAL & string;
export type FormulaId = ExpressionId | StructuralId;

function symbolTex(symbols: Record<string, string>) {
  return (node: MathNode): string | undefined => {
    if (node.type === "SymbolNode") {
      const name = (node as unknown as {name: string}).name;
      return symbols[name];
    }
    return undefined;
  };
}

const compiled = new Map<ExpressionId, EvalFunction>();

function buildTable(): Map<string, FormulaEntry> {
  const table = new Map<string, FormulaEntry>();
  for (const [id, spec] of Object.entries(EXPRESSIONS) as [ExpressionId, ExpressionSpec][]) {
    const node = math.parse(spec.expression);
    compiled.set(id, node.compile());
    const rhs = node.toTex({parenthesis: "auto", implicit: "hide", handler: symbolTex(spec.symbols)});
    table.set(id, {
      id,
      tex: `${spec.lhs} = ${rhs}`,
      descriptionZh: spec.descriptionZh,
      legend: spec.legend,
      expression: spec.expression
    });
  }
  for (const [id, entry] of Object.entries(STRUCTURAL)) table.set(id, {id, ...entry});
  return table;
}

const TABLE = buildTable();

/** Every formula, in a stable order (by id), for the methodology appendix. */
export function formulaTable(): FormulaEntry[] {
  return [...TABLE.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export function formula(id: FormulaId): FormulaEntry {
  const entry = TABLE.get(id);
  if (!entry) throw new Error(`unknown formula ${id}`);
  return entry;
}

/** Evaluates an expression formula with the named values (the mathjs symbols of its expression). */
export function evaluate(id: ExpressionId, scope: Record<string, number>): number {
  const fn = compiled.get(id);
  if (!fn) throw new Error(`formula ${id} has no expression`);
  const value: unknown = fn.evaluate({...scope});
  if (typeof value !== "number") throw new Error(`formula ${id} did not evaluate to a number`);
  return value;
}
