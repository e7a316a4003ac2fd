/**
 * @fileoverview Chinese names of what the site shows: metrics, scopes, entities and sub-year periods. Every metric of
 * every edition (computed, input, parameter, observed, and the published papers' vocabulary) has its name here, in
 * one place; a test fails on a metric of a figures file or a published file without one. Ids reach the reader only
 * as a small <code> line beside the name.
 */
import type {FigureRecord} from "../model/records/records.ts";

/** What the model computes. */
const COMPUTED_METRICS = {
  iiot_value_added: "工业互联网产业增加值",
  iiot_value_added_direct: "直接产业增加值",
  iiot_value_added_penetration: "渗透产业增加值",
  iiot_value_added_under_rule: "不同乘数规则下的产业增加值",
  nominal_growth: "名义增速",
  nominal_growth_direct: "直接产业名义增速",
  nominal_growth_penetration: "渗透产业名义增速",
  nominal_growth_direct_increase_multiple: "直接产业增速提高倍数",
  growth_change_pp: "增速变化",
  growth_change_pp_direct: "直接产业增速变化",
  growth_change_pp_penetration: "渗透产业增速变化",
  share_of_gdp: "占GDP比重",
  contribution_to_gdp_growth: "对GDP增长的贡献率",
  penetration_to_direct_ratio: "渗透产业与直接产业增加值之比",
  penetration_share_of_total: "渗透产业占比",
  tier_share_of_total: "占工业互联网增加值比重",
  segment_share_of_direct: "占直接产业比重",
  cagr: "年均复合增速",
  cumulative_growth: "累计增长",
  employment_total: "带动就业人数",
  employment_direct: "直接产业带动就业人数",
  employment_penetration: "渗透产业带动就业人数",
  employment_new: "新增就业人数",
  employment_growth: "就业人数增速",
  employment_share_of_national: "占全国就业比重",
  employment_direct_new: "直接产业新增就业",
  employment_penetration_new: "渗透产业新增就业",
  employment_penetration_to_direct_ratio: "渗透产业与直接产业就业之比",
  employment_rank: "带动就业人数排名",
  employment_growth_rank: "就业增速排名",
  labour_productivity: "劳动生产率",
  average_wage: "城镇非私营单位就业人员年平均工资",
  count_provinces_va_over_1000yi: "增加值超过千亿元的省份数",
  share_of_provinces_va_over_1000yi: "增加值超过千亿元的省份占比",
  count_sectors_va_over_1000yi: "增加值超过千亿元的行业数",
  new_infrastructure_output: "新基建投资带动的增加值",
  new_infrastructure_share_of_iiot_value_added: "新基建带动增加值占工业互联网增加值比重",
  gdp: "国内（地区）生产总值",
  gdp_nominal_growth: "GDP名义增速",
  direct_contribution_rate: "直接产业贡献率",
  penetration_contribution_rate: "渗透产业贡献率",
  penetration_lambda: "渗透系数λ",
  technology_multiplier: "技术乘数",
  technology_multiplier_cumulative: "累计技术乘数",
  cd_alpha: "资本产出弹性α",
  cd_beta: "劳动产出弹性β",
  cd_tfp: "全要素生产率常数A",
  cd_r_squared: "生产函数拟合优度",
  cd_gamma: "技术进步因子γ",
  cd_multiplier: "生产函数推算的乘数"
} as const;

/** Statistics the model reads, and the parameters it is given or fits. */
const INPUT_METRICS = {
  gdp_primary: "第一产业增加值",
  gdp_secondary: "第二产业增加值",
  gdp_tertiary: "第三产业增加值",
  employed_persons: "就业人员",
  employed_persons_primary: "第一产业就业人员",
  employed_persons_secondary: "第二产业就业人员",
  employed_persons_tertiary: "第三产业就业人员",
  main_employment: "主要就业人数",
  section_value_added: "行业门类增加值",
  io_output: "投入产出表总产出",
  io_intermediate_input: "投入产出表中间投入",
  io_value_added: "投入产出表增加值",
  macro_output: "生产函数的产出序列",
  macro_capital: "生产函数的资本序列",
  macro_labour: "生产函数的劳动序列",
  iiot_share_coefficient: "直接产业占比系数",
  new_infrastructure_cf: "新基建带动系数",
  new_infrastructure_investment: "新基建新增投资"
} as const;

/**
 * Numbers printed by the papers or public releases (observed indicators, case boxes, policy targets, the method's
 * own counts). A name with a bound suffix (_lower_bound, _upper_bound …) is named from its base here.
 */
const OBSERVED_METRICS = {
  application_modes: "典型应用模式数",
  base_stations_5g: "5G基站数",
  big_data_centre_enterprises_covered: "大数据中心覆盖企业数",
  big_data_subcentres: "大数据中心区域和行业分中心数",
  case_additional_annual_generation: "案例：新增年发电量",
  case_benchmark_projects: "案例：培育的标杆示范项目数",
  case_cities_recommending: "案例：发文推荐的城市数",
  case_connected_turbines: "案例：接入平台的风电机组数",
  case_cost_reduction: "案例：开发与运维费用降幅",
  case_education_partners: "案例：教育合作伙伴数",
  case_employees: "案例：员工人数",
  case_firms_on_cloud: "案例：上云上平台的工业企业数",
  case_free_accounts: "案例：免费提供的账号数",
  case_industries_covered: "案例：覆盖的行业数",
  case_installed_turbines: "案例：风电机组装机量",
  case_it_investment: "案例：带动的企业信息化投入",
  case_meeting_participants: "案例：单场会议人数",
  case_meeting_parties: "案例：会议接入方数",
  case_national_benchmark_projects: "案例：入选国家级标杆示范的项目数",
  case_new_daily_active_users: "案例：新增日活用户数",
  case_provinces_recommending: "案例：发文推荐的省市数",
  case_refresh_time: "案例：故障数据记录刷新时长",
  case_service_life_gain: "案例：使用寿命预测值提高",
  case_smes_on_cloud: "案例：上云用云的中小企业数",
  case_special_funds: "案例：专项资金",
  case_traffic_growth_multiple: "案例：业务流量增长倍数",
  case_unplanned_maintenance_reduction: "案例：计划外维护次数降幅",
  chip_self_sufficiency: "芯片自主化率",
  city_travel_rate_vs_prior_year: "城市出行率（相当于上年同期）",
  count_provinces_with_iiot_policy: "出台工业互联网政策的省份数",
  cpi_growth: "居民消费价格涨幅",
  cpi_growth_target: "居民消费价格涨幅目标",
  cross_industry_platforms: "跨行业跨领域工业互联网平台数",
  cross_industry_platforms_new: "新增跨行业跨领域工业互联网平台数",
  digital_economy_size: "数字经济规模",
  editions_published_consecutive_years: "白皮书连续发布年数",
  external_network_cities: "高质量外网覆盖的地市数",
  factories_5g: "5G工厂数",
  fiscal_deficit_ratio_target: "赤字率目标",
  fixed_asset_investment_growth: "固定资产投资增速",
  foreign_market_share: "国外产品市场占有率",
  gdp_current_prices: "国内生产总值（现价）",
  gdp_current_prices_ytd: "国内生产总值（现价，年内累计）",
  gdp_growth_assumption: "GDP增速假设",
  gdp_nominal_growth_assumption: "GDP名义增速假设",
  gdp_per_capita: "人均国内生产总值",
  gdp_primary_va: "第一产业增加值（公布值）",
  gdp_secondary_va: "第二产业增加值（公布值）",
  gdp_tertiary_va: "第三产业增加值（公布值）",
  gdp_real_growth: "GDP实际增速",
  gdp_real_growth_assumption: "GDP实际增速假设",
  gdp_real_growth_target: "GDP增长目标",
  gov_work_report_consecutive_years: "政府工作报告连续提及工业互联网的年数",
  ict_va_real_growth: "信息传输、软件和信息技术服务业增加值实际增速",
  identifier_daily_resolutions: "标识解析日均解析量",
  identifier_enterprises_served: "标识解析服务企业数",
  identifier_industries_covered: "标识解析覆盖行业数",
  identifier_provinces_covered: "标识解析覆盖省份数",
  identifier_registrations: "标识注册量",
  identifier_secondary_nodes: "标识解析二级节点数",
  identifier_secondary_nodes_target: "标识解析二级节点目标数",
  identifier_top_level_nodes: "标识解析国家顶级节点数",
  iiot_indicators_top3_count: "工业互联网指标位居全国前三的项数",
  iiot_industry_size: "工业互联网产业规模",
  import_dependence: "进口依赖度",
  industrial_apps: "工业APP数",
  industrial_software_revenue: "工业软件收入",
  industries_penetrated: "工业互联网融入的国民经济行业数",
  industries_penetrated_5g: "5G应用融入的国民经济行业数",
  industry_above_scale_va_growth: "规模以上工业增加值增速",
  industry_clusters_100bn_yuan: "千亿级产业集群数",
  industry_clusters_trillion_yuan: "万亿级产业集群数",
  industry_share_of_gdp: "工业增加值占GDP比重",
  industry_va: "工业增加值",
  industry_va_real_growth: "工业增加值实际增速",
  manufacturing_above_scale_va_growth: "规模以上制造业增加值增速",
  manufacturing_share_of_gdp: "制造业增加值占GDP比重",
  manufacturing_va: "制造业增加值",
  member_provinces: "成员省份数",
  method_fit_window_years: "测算方法：拟合所用年数",
  method_io_subsectors: "测算方法：投入产出表细分子行业数",
  method_provinces: "测算方法：省份数",
  method_related_subsectors: "测算方法：相关子行业数",
  method_sector_categories: "测算方法：行业门类数",
  new_infrastructure_domains: "新基建领域数",
  new_urban_jobs: "城镇新增就业",
  new_urban_jobs_target: "城镇新增就业目标",
  platform_connected_devices: "平台连接的工业设备数",
  platform_development_index: "平台发展指数",
  platform_enterprises_served: "平台服务的工业企业数",
  platforms: "工业互联网平台数",
  platforms_comprehensive: "综合型平台数",
  platforms_professional: "专业型平台数",
  platforms_specialised_feature: "特色型平台数",
  platforms_with_influence: "具有行业和区域影响力的平台数",
  policy_assessment_aspects: "政策评估的方面数",
  policy_innovation_directions: "政策提出的创新发展方向数",
  policy_manufacturing_clusters: "政策聚焦的先进制造业集群数",
  policy_target_benchmark_projects: "政策目标：标杆项目数",
  policy_target_platforms_industry: "政策目标：行业级平台数",
  policy_target_platforms_international: "政策目标：具有国际水准的基础性平台数",
  policy_target_platforms_max: "政策目标：平台数（区间上端）",
  policy_target_platforms_min: "政策目标：平台数（区间下端）",
  policy_task_count: "政策任务数",
  projects_5g_industrial_internet: "“5G+工业互联网”项目数",
  provincial_level_platforms: "省级工业互联网平台数",
  regions_pooled: "汇集经验的区域数",
  retail_sales_growth: "社会消费品零售总额增速",
  sector_count: "行业门类数",
  security_monitored_devices: "安全监测的联网设备数",
  security_monitored_domains: "安全监测覆盖的领域数",
  security_monitored_enterprises: "安全监测的联网企业数",
  security_monitored_platforms: "安全监测的重点平台数",
  software_revenue: "软件业务收入",
  traditional_industry_clusters: "传统产业集群数",
  urban_surveyed_unemployment_rate_avg: "城镇调查失业率（全年平均）",
  urban_surveyed_unemployment_rate_dec: "城镇调查失业率（12月）",
  urban_surveyed_unemployment_rate_target: "城镇调查失业率目标",
  value_added_real_growth: "增加值实际增速",
  work_resumption_rate: "复工率"
} as const;

const METRIC_LABELS: Readonly<Record<string, string>> = {...COMPUTED_METRICS, ...INPUT_METRICS, ...OBSERVED_METRICS};

/**
 * Bound suffixes of the papers' vocabulary ("超过3000亿元" is iiot_value_added_lower_bound): the words of the
 * metric's name, and the word a reference writes after a metric's term (影响力平台下限), where chapters name one.
 */
const BOUND_SUFFIXES: readonly {suffix: string; label: string; term?: string}[] = [
  {suffix: "_lower_bound", label: "（下限）", term: "下限"},
  {suffix: "_upper_bound", label: "（上限）", term: "上限"},
  {suffix: "_typical_lower", label: "（多数对象的下限）"},
  {suffix: "_typical_upper", label: "（多数对象的上限）"}
];

function boundLabel(metric: string): string | undefined {
  for (const {suffix, label: words} of BOUND_SUFFIXES)
    if (metric.endsWith(suffix)) {
      const base = METRIC_LABELS[metric.slice(0, -suffix.length)];
      if (base) return `${base}${words}`;
    }
  return undefined;
}

/** Whether the metric has a Chinese name (a test asks this of every metric of every edition). */
export function hasMetricLabel(metric: string): boolean {
  return Object.hasOwn(METRIC_LABELS, metric) || boundLabel(metric) !== undefined;
}

/** The metric's Chinese name; its id only for a metric missing above (which the tests report). */
export function metricLabel(metric: string): string {
  return (Object.hasOwn(METRIC_LABELS, metric) ? METRIC_LABELS[metric] : boundLabel(metric)) ?? metric;
}

const SCOPE_LABELS: Record<string, string> = {
  national: "全国",
  tier: "三次产业",
  sector: "行业",
  province: "省份",
  region: "区域",
  direct_segment: "直接产业细分领域",
  other: "其他"
};

export function scopeLabel(scope: string): string {
  return SCOPE_LABELS[scope] ?? scope;
}

/**
 * Entities whose name no record carries: the country, the case-box firms and products, cities. Provinces, sections,
 * regions, tiers and segments are named by their records (entityZh).
 */
const ENTITY_LABELS: Readonly<Record<string, string>> = {
  china: "全国",
  primary: "第一产业",
  secondary: "第二产业",
  tertiary: "第三产业",
  china_aii: "中国工业互联网研究院",
  huawei_cloud: "华为云",
  cssc_haizhuang_wind: "中船海装风电",
  apcos_app_platform: "工业APP开发平台",
  cosmoplat: "卡奥斯COSMOPlat",
  high_end_processor_chips: "高端专用芯片",
  precision_manufacturing_test_equipment: "精密制造检测设备",
  smart_terminal_processors: "智能终端处理器",
  key_industrial_chips: "重点工业领域芯片",
  high_end_dcs: "高端DCS",
  high_end_plc: "高端PLC",
  industrial_ethernet_equipment: "工业以太网设备",
  action_323: "“323”行动",
  dalian: "大连",
  guangzhou: "广州"
};

/** Plural scope words of group ids: all_provinces, most_sectors, all_direct_segments. */
const GROUP_NOUNS: Readonly<Record<string, string>> = {
  provinces: "省份",
  sectors: "行业门类",
  regions: "区域",
  tiers: "三次产业",
  direct_segments: "直接产业细分领域"
};

/** Names an entity of a scope: "广东", "全国", or undefined when nothing names it. */
export type EntityNames = (scope: string, entity: string) => string;

const namesCache = new WeakMap<readonly FigureRecord[], EntityNames>();

/**
 * The Chinese name of any entity of these records: the name a record carries (for the same scope, else any
 * scope), the table above, then group ids of the papers' claims ("all_provinces_except_beijing" → 除北京外的全部省份,
 * "guangdong_jiangsu" → 广东、江苏). The id itself only when nothing names it.
 */
export function entityNames(records: readonly FigureRecord[]): EntityNames {
  const cached = namesCache.get(records);
  if (cached) return cached;
  const byScope = new Map<string, string>();
  const byEntity = new Map<string, string>();
  for (const r of records) {
    if (!r.entityZh) continue;
    byScope.set(`${r.scope}/${r.entity}`, r.entityZh);
    if (!byEntity.has(r.entity)) byEntity.set(r.entity, r.entityZh);
  }
  const single = (scope: string, entity: string): string | undefined =>
    byScope.get(`${scope}/${entity}`) ?? ENTITY_LABELS[entity] ?? byEntity.get(entity);
  const names: EntityNames = (scope, entity) =>
    single(scope, entity) ?? groupName(entity, (e) => single(scope, e)) ?? entity;
  namesCache.set(records, names);
  return names;
}

/** Names a group id of the papers' claims, or undefined. */
export function groupName(entity: string, name: (entity: string) => string | undefined): string | undefined {
  const group = /^(all|most)_([a-z_]+?)(?:_except_([a-z_]+))?$/.exec(entity);
  if (group && GROUP_NOUNS[group[2]!]) {
    const noun = GROUP_NOUNS[group[2]!]!;
    const except = group[3] ? joinedNames(group[3], name) : undefined;
    if (group[3] && !except) return undefined;
    const whole = `${group[1] === "all" ? "全部" : "多数"}${noun}`;
    return except ? `除${except.join("、")}外的${whole}` : whole;
  }
  return joinedNames(entity, name)?.join("、");
}

/** Splits "guangdong_jiangsu" into named parts (ids may hold underscores themselves: inner_mongolia). */
function joinedNames(joined: string, name: (entity: string) => string | undefined): string[] | undefined {
  const whole = name(joined);
  if (whole) return [whole];
  const parts = joined.split("_");
  for (let i = 1; i < parts.length; i++) {
    const head = name(parts.slice(0, i).join("_"));
    if (!head) continue;
    const rest = joinedNames(parts.slice(i).join("_"), name);
    if (rest) return [head, ...rest];
  }
  return undefined;
}

const ORDINAL = ["", "一", "二", "三", "四"];
const PART_OF_MONTH: Readonly<Record<string, string>> = {
  early: "上旬",
  mid: "中旬",
  late: "下旬",
  "mid/late": "中下旬"
};

/** A sub-year period in Chinese: 2022-09 → 2022年9月, 2023-Q1-Q3 → 2023年前三季度, 2020-03-mid → 2020年3月中旬. */
export function periodLabel(period: string): string {
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(period))) return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
  if ((m = /^(\d{4})-(\d{2})$/.exec(period))) return `${m[1]}年${Number(m[2])}月`;
  if ((m = /^(\d{4})-(\d{2})-(early|mid|late|mid\/late)$/.exec(period)))
    return `${m[1]}年${Number(m[2])}月${PART_OF_MONTH[m[3]!]}`;
  if ((m = /^(\d{4})-Q([1-4])$/.exec(period))) return `${m[1]}年第${ORDINAL[Number(m[2])]}季度`;
  if ((m = /^(\d{4})-Q1-Q([2-4])$/.exec(period))) return `${m[1]}年前${ORDINAL[Number(m[2])]}季度`;
  if ((m = /^(\d{4})-H([12])$/.exec(period))) return `${m[1]}年${m[2] === "1" ? "上" : "下"}半年`;
  if ((m = /^(\d{4})-(\d{4})$/.exec(period))) return `${m[1]}—${m[2]}年`;
  return period;
}

/**
 * The short terms editors write in [[ … ]] references instead of metric ids: the words the paper itself uses.
 * One term per metric; a metric without a term is written by its id.
 */
export const METRIC_TERMS: Readonly<Record<string, string>> = {
  增加值: "iiot_value_added",
  直接增加值: "iiot_value_added_direct",
  渗透增加值: "iiot_value_added_penetration",
  增速: "nominal_growth",
  直接增速: "nominal_growth_direct",
  渗透增速: "nominal_growth_penetration",
  增速变化: "growth_change_pp",
  直接增速变化: "growth_change_pp_direct",
  渗透增速变化: "growth_change_pp_penetration",
  占GDP比重: "share_of_gdp",
  贡献率: "contribution_to_gdp_growth",
  渗透直接比: "penetration_to_direct_ratio",
  渗透占比: "penetration_share_of_total",
  产业占比: "tier_share_of_total",
  领域占比: "segment_share_of_direct",
  年均增速: "cagr",
  累计增长: "cumulative_growth",
  就业: "employment_total",
  新增就业: "employment_new",
  就业增速: "employment_growth",
  就业占比: "employment_share_of_national",
  直接新增就业: "employment_direct_new",
  渗透新增就业: "employment_penetration_new",
  GDP: "gdp",
  GDP增速: "gdp_nominal_growth",
  劳动生产率: "labour_productivity",
  平均工资: "average_wage",
  复工率: "work_resumption_rate",
  复工率下限: "work_resumption_rate_lower_bound",
  技术乘数: "technology_multiplier",
  千亿省份数: "count_provinces_va_over_1000yi",
  千亿省份占比: "share_of_provinces_va_over_1000yi",
  千亿门类数: "count_sectors_va_over_1000yi",
  累计乘数: "technology_multiplier_cumulative",
  直接就业: "employment_direct",
  渗透就业: "employment_penetration",
  渗透直接就业比: "employment_penetration_to_direct_ratio",
  就业排名: "employment_rank",
  直接贡献率: "direct_contribution_rate",
  乘数规则增加值: "iiot_value_added_under_rule",
  生产函数乘数: "cd_multiplier",
  资本弹性: "cd_alpha",
  劳动弹性: "cd_beta",
  技术进步因子: "cd_gamma",
  拟合优度: "cd_r_squared",
  // Statistics the model reads and the parameters it is given.
  就业人员: "employed_persons",
  门类增加值: "section_value_added",
  一产增加值: "gdp_primary",
  二产增加值: "gdp_secondary",
  三产增加值: "gdp_tertiary",
  直接占比系数: "iiot_share_coefficient",
  新基建系数: "new_infrastructure_cf",
  新基建投资: "new_infrastructure_investment",
  新基建增加值: "new_infrastructure_output",
  新基建占比: "new_infrastructure_share_of_iiot_value_added",
  新基建领域数: "new_infrastructure_domains",
  // Macro figures of the public releases.
  GDP实际增速: "gdp_real_growth",
  GDP增长目标: "gdp_real_growth_target",
  GDP实际增速假设: "gdp_real_growth_assumption",
  GDP增速假设: "gdp_growth_assumption",
  GDP年内累计: "gdp_current_prices_ytd",
  工业增加值: "industry_va",
  工业实际增速: "industry_va_real_growth",
  工业占GDP比重: "industry_share_of_gdp",
  制造业增加值: "manufacturing_va",
  制造业占GDP比重: "manufacturing_share_of_gdp",
  规上制造业增速: "manufacturing_above_scale_va_growth",
  信息服务实际增速: "ict_va_real_growth",
  增加值实际增速: "value_added_real_growth",
  数字经济规模: "digital_economy_size",
  软件业务收入: "software_revenue",
  工业软件收入: "industrial_software_revenue",
  固定资产投资增速: "fixed_asset_investment_growth",
  社零增速: "retail_sales_growth",
  城市出行率: "city_travel_rate_vs_prior_year",
  城镇新增就业: "new_urban_jobs",
  城镇新增就业目标: "new_urban_jobs_target",
  年末失业率: "urban_surveyed_unemployment_rate_dec",
  失业率目标: "urban_surveyed_unemployment_rate_target",
  // Indicators of the industrial internet (a bound is the term followed by 下限 or 上限: 影响力平台下限).
  "5G基站": "base_stations_5g",
  "5G工厂": "factories_5g",
  "5G融入行业数": "industries_penetrated_5g",
  "5G融合项目": "projects_5g_industrial_internet",
  融入行业数: "industries_penetrated",
  核心产业规模: "iiot_industry_size",
  平台数: "platforms",
  影响力平台: "platforms_with_influence",
  综合型平台: "platforms_comprehensive",
  专业型平台: "platforms_professional",
  特色型平台: "platforms_specialised_feature",
  省级平台: "provincial_level_platforms",
  双跨平台: "cross_industry_platforms",
  新增双跨平台: "cross_industry_platforms_new",
  平台连接设备: "platform_connected_devices",
  平台服务企业: "platform_enterprises_served",
  平台发展指数: "platform_development_index",
  工业APP: "industrial_apps",
  应用模式数: "application_modes",
  标识注册量: "identifier_registrations",
  日均解析量: "identifier_daily_resolutions",
  标识服务企业: "identifier_enterprises_served",
  标识覆盖行业: "identifier_industries_covered",
  标识覆盖省份: "identifier_provinces_covered",
  顶级节点: "identifier_top_level_nodes",
  二级节点: "identifier_secondary_nodes",
  二级节点目标: "identifier_secondary_nodes_target",
  监测设备: "security_monitored_devices",
  监测企业: "security_monitored_enterprises",
  监测平台: "security_monitored_platforms",
  监测领域: "security_monitored_domains",
  外网地市: "external_network_cities",
  大数据分中心: "big_data_subcentres",
  大数据中心覆盖企业: "big_data_centre_enterprises_covered",
  国外产品份额: "foreign_market_share",
  芯片自主化率: "chip_self_sufficiency",
  进口依赖度: "import_dependence",
  千亿级集群: "industry_clusters_100bn_yuan",
  万亿级集群: "industry_clusters_trillion_yuan",
  传统产业集群: "traditional_industry_clusters",
  出台政策省份数: "count_provinces_with_iiot_policy",
  成员省份数: "member_provinces",
  前三指标项数: "iiot_indicators_top3_count",
  政府工作报告连续年数: "gov_work_report_consecutive_years",
  // Policies' targets and counts, and the method's own counts.
  政策任务数: "policy_task_count",
  创新方向数: "policy_innovation_directions",
  制造业集群数: "policy_manufacturing_clusters",
  标杆项目目标: "policy_target_benchmark_projects",
  行业级平台目标: "policy_target_platforms_industry",
  国际平台目标: "policy_target_platforms_international",
  平台目标上端: "policy_target_platforms_max",
  平台目标下端: "policy_target_platforms_min",
  测算省份数: "method_provinces",
  相关子行业数: "method_related_subsectors",
  测算门类数: "method_sector_categories",
  投入产出子行业数: "method_io_subsectors",
  拟合年数: "method_fit_window_years",
  行业门类数: "sector_count",
  // The case boxes.
  案例新增发电量: "case_additional_annual_generation",
  案例标杆项目: "case_benchmark_projects",
  案例推荐城市: "case_cities_recommending",
  案例接入机组: "case_connected_turbines",
  案例费用降幅: "case_cost_reduction",
  案例教育伙伴: "case_education_partners",
  案例员工: "case_employees",
  案例上云企业: "case_firms_on_cloud",
  案例免费账号: "case_free_accounts",
  案例覆盖行业: "case_industries_covered",
  案例装机量: "case_installed_turbines",
  案例信息化投入: "case_it_investment",
  案例会议人数: "case_meeting_participants",
  案例会议接入方: "case_meeting_parties",
  案例国家标杆项目: "case_national_benchmark_projects",
  案例新增日活: "case_new_daily_active_users",
  案例推荐省市: "case_provinces_recommending",
  案例刷新时长: "case_refresh_time",
  案例寿命提高: "case_service_life_gain",
  案例上云中小企业: "case_smes_on_cloud",
  案例专项资金: "case_special_funds",
  案例流量倍数: "case_traffic_growth_multiple",
  案例维护降幅: "case_unplanned_maintenance_reduction"
};

/** Metric id → its term (the reverse of METRIC_TERMS). */
export function metricTerm(metric: string): string | undefined {
  const term = (id: string) => Object.entries(METRIC_TERMS).find(([, known]) => known === id)?.[0];
  const exact = term(metric);
  if (exact !== undefined) return exact;
  for (const {suffix, term: words} of BOUND_SUFFIXES)
    if (words !== undefined && metric.endsWith(suffix)) {
      const base = term(metric.slice(0, -suffix.length));
      if (base !== undefined) return `${base}${words}`;
    }
  return undefined;
}

/** The metric id a term names (影响力平台下限 → platforms_with_influence_lower_bound); anything else as it is. */
export function termMetric(name: string): string {
  if (Object.hasOwn(METRIC_TERMS, name)) return METRIC_TERMS[name]!;
  for (const {suffix, term: words} of BOUND_SUFFIXES)
    if (words !== undefined && name.endsWith(words) && Object.hasOwn(METRIC_TERMS, name.slice(0, -words.length)))
      return `${METRIC_TERMS[name.slice(0, -words.length)]}${suffix}`;
  return name;
}

/**
 * Short names of the sections (行业门类) for references: their official names run to 15 characters. Every other
 * entity is referred to by its Chinese name as the figures carry it (广东, 长三角, 第三产业, 平台) or by its id.
 */
export const SECTION_SHORT_NAMES: Readonly<Record<string, string>> = {
  agriculture: "农业",
  mining: "采矿业",
  manufacturing: "制造业",
  utilities: "电热燃水",
  construction: "建筑业",
  wholesale_retail: "批发零售",
  transport_storage_post: "交通运输",
  accommodation_catering: "住宿餐饮",
  ict: "信息服务",
  finance: "金融业",
  real_estate: "房地产业",
  leasing_business_services: "租赁商务",
  science_technical_services: "科研技术",
  water_environment_public_facilities: "水利环境",
  resident_services_repair_other: "居民服务",
  education: "教育",
  health_social_work: "卫生社会",
  culture_sports_entertainment: "文体娱乐",
  public_admin_social_org: "公共管理",
  all_sectors: "全部门类"
};
