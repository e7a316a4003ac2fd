/**
 * @fileoverview Chinese names of the metrics, for provenance cards, the data page and CSV headers. A metric without
 * a name here falls back to its id (the data page still lists it), so a new metric never breaks the build.
 */
const METRIC_LABELS: Record<string, string> = {
  iiot_value_added: "工业互联网产业增加值",
  iiot_value_added_direct: "直接产业增加值",
  iiot_value_added_penetration: "渗透产业增加值",
  nominal_growth: "名义增速",
  nominal_growth_direct: "直接产业名义增速",
  nominal_growth_penetration: "渗透产业名义增速",
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
  employment_new: "新增就业人数",
  employment_growth: "就业人数增速",
  employment_share_of_national: "占全国就业比重",
  employment_direct_new: "直接产业新增就业",
  employment_penetration_new: "渗透产业新增就业",
  employment_penetration_to_direct_ratio: "渗透产业与直接产业就业之比",
  employment_rank: "带动就业人数排名",
  employment_growth_rank: "就业增速排名",
  count_provinces_va_over_1000yi: "增加值超过千亿元的省份数",
  share_of_provinces_va_over_1000yi: "增加值超过千亿元的省份占比",
  count_sectors_va_over_1000yi: "增加值超过千亿元的行业数",
  new_infrastructure_output: "新基建投资带动的增加值",
  new_infrastructure_share_of_iiot_value_added: "新基建带动增加值占工业互联网增加值比重",
  gdp: "国内（地区）生产总值",
  gdp_nominal_growth: "GDP名义增速"
};

export function metricLabel(metric: string): string {
  return METRIC_LABELS[metric] ?? metric;
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
  复工率: "work_resumption_rate",
  复工率下限: "work_resumption_rate_lower_bound",
  技术乘数: "technology_multiplier",
  千亿省份数: "count_provinces_va_over_1000yi",
  千亿省份占比: "share_of_provinces_va_over_1000yi",
  千亿门类数: "count_sectors_va_over_1000yi"
};

/** Metric id → its term (the reverse of METRIC_TERMS). */
export function metricTerm(metric: string): string | undefined {
  return Object.entries(METRIC_TERMS).find(([, id]) => id === metric)?.[0];
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
