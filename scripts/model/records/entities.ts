/**
 * @fileoverview Entity ids and Chinese labels beyond those carried by the inputs: the national entity, tiers,
 * direct segments, IO products, and the group entities the papers use (all_provinces, all_sectors).
 */
import type {EditionConfig} from "../edition-config.ts";
import type {DirectSegment, Inputs, Tier} from "../inputs.ts";
import type {Scope} from "./records.ts";

export const NATIONAL = "china";
export const ALL_PROVINCES = "all_provinces";
export const ALL_SECTORS = "all_sectors";

export const TIER_ZH: Record<Tier, string> = {primary: "第一产业", secondary: "第二产业", tertiary: "第三产业"};
export const SEGMENT_ZH: Record<DirectSegment, string> = {
  network: "网络",
  platform: "平台",
  data: "数据",
  security: "安全"
};

/** Entity id of an IO product in the figures file ("io_088"). */
export const ioEntity = (code: string): string => `io_${code}`;

import {ruleEntity, SENSITIVITY_RULES} from "../method/sensitivity.ts";
import {ruleNameZh} from "../method/multiplier.ts";

export function entityNamer(
  inputs: Inputs,
  config: EditionConfig
): (scope: Scope, entity: string) => string | undefined {
  const names = new Map<string, string>();
  const put = (scope: Scope, entity: string, zh: string): void => {
    names.set(`${scope}/${entity}`, zh);
  };
  put("national", NATIONAL, "全国");
  for (const [tier, zh] of Object.entries(TIER_ZH)) put("tier", tier, zh);
  for (const [segment, zh] of Object.entries(SEGMENT_ZH)) put("direct_segment", segment, zh);
  for (const s of inputs.sections) put("sector", s.entity, s.nameZh);
  for (const p of inputs.provinces) put("province", p.id, p.nameZh);
  for (const r of config.regions) put("region", r.id, r.nameZh);
  for (const s of inputs.io.sectors) put("other", ioEntity(s.code), s.nameZh);
  put("province", ALL_PROVINCES, "全部省份");
  put("sector", ALL_SECTORS, "全部行业门类");
  put("other", NATIONAL, "全国");
  put("other", ruleEntity("adopted"), "本报告采用的乘数");
  for (const rule of SENSITIVITY_RULES) put("other", ruleEntity(rule), ruleNameZh(rule));
  return (scope, entity) => names.get(`${scope}/${entity}`);
}
