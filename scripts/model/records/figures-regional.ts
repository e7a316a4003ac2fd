/**
 * @fileoverview Records of provinces and regions: value added (and, for the province-tier method, its direct and
 * penetration parts), growth, share of GDP, the count of provinces above 1,000 亿元; regions as sums of their member
 * provinces (config.regions) with their GDP, growth and share of GDP.
 */
import type {EditionConfig} from "../edition-config.ts";
import {TIERS} from "../inputs.ts";
import type {EditionModel} from "../method/edition-model.ts";
import type {RecordBook} from "./record-book.ts";
import {ALL_PROVINCES} from "./entities.ts";
import {addGrowthSeries, id} from "./figures-series.ts";
import {THOUSAND_YI} from "./figures-national.ts";
import {countAbove, shareOfCount, shareOfGdp, shareOfTotal} from "../method/stats.ts";

export function addRegionalRecords(book: RecordBook, model: EditionModel, config: EditionConfig): void {
  const {years} = model.timeline;
  const tierMethod = config.methods.regionalAllocation === "province-tier";
  const formulaId = tierMethod ? "regional_tier" : "regional_weight";
  for (const year of years) {
    const provinces = model.provinces.get(year)!;
    const nationalTiers = TIERS.map((j) => id("iiot_value_added", "tier", j, year));
    for (const [pid, p] of provinces) {
      const gdpTiers = TIERS.map((j) => id(`gdp_${j}`, "province", pid, year));
      const z = book.add("iiot_value_added", "province", pid, year, p.total, "亿元", formulaId, {
        inputs: [...nationalTiers, ...gdpTiers]
      });
      if (tierMethod) {
        for (const [metric, part] of [
          ["iiot_value_added_direct", "direct"],
          ["iiot_value_added_penetration", "penetration"]
        ] as const)
          book.add(metric, "province", pid, year, p[part], "亿元", "regional_tier_split", {
            inputs: [...TIERS.map((j) => id(metric, "tier", j, year)), ...gdpTiers]
          });
        const pen = id("iiot_value_added_penetration", "province", pid, year);
        book.add(
          "penetration_share_of_total",
          "province",
          pid,
          year,
          shareOfTotal(p.penetration, p.total),
          "%",
          "share_of_total",
          {inputs: [pen, z]}
        );
      }
      const gdp = id("gdp", "province", pid, year);
      book.add("share_of_gdp", "province", pid, year, shareOfGdp(p.total, book.value(gdp)), "%", "share_of_gdp", {
        inputs: [z, gdp]
      });
    }
    const ids = [...provinces.keys()].sort().map((pid) => id("iiot_value_added", "province", pid, year));
    const count = countAbove(
      [...provinces.values()].map((p) => p.total),
      THOUSAND_YI
    );
    const countId = book.add(
      "count_provinces_va_over_1000yi",
      "province",
      ALL_PROVINCES,
      year,
      count,
      "个",
      "count_above",
      {inputs: ids}
    );
    book.add(
      "share_of_provinces_va_over_1000yi",
      "province",
      ALL_PROVINCES,
      year,
      shareOfCount(count, provinces.size),
      "%",
      "share_of_count",
      {
        inputs: [countId]
      }
    );

    for (const region of config.regions) {
      const members = region.provinces;
      const vaIds = members.map((pid) => id("iiot_value_added", "province", pid, year));
      const gdpIds = members.map((pid) => id("gdp", "province", pid, year));
      const va = vaIds.reduce((s, x) => s + book.value(x), 0);
      const gdp = gdpIds.reduce((s, x) => s + book.value(x), 0);
      const z = book.add("iiot_value_added", "region", region.id, year, va, "亿元", "region_sum", {
        inputs: vaIds,
        note: region.definition
      });
      const g = book.add("gdp", "region", region.id, year, gdp, "亿元", "region_sum", {inputs: gdpIds});
      book.add("share_of_gdp", "region", region.id, year, shareOfGdp(va, gdp), "%", "share_of_gdp", {inputs: [z, g]});
    }
  }
  const later = years.slice(1);
  for (const pid of model.provinces.get(years[0]!)!.keys()) {
    addGrowthSeries(book, {
      level: "iiot_value_added",
      growth: "nominal_growth",
      scope: "province",
      entity: pid,
      years: later
    });
    addGrowthSeries(book, {level: "gdp", growth: "gdp_nominal_growth", scope: "province", entity: pid, years: later});
    if (tierMethod) {
      addGrowthSeries(book, {
        level: "iiot_value_added_direct",
        growth: "nominal_growth_direct",
        scope: "province",
        entity: pid,
        years: later
      });
      addGrowthSeries(book, {
        level: "iiot_value_added_penetration",
        growth: "nominal_growth_penetration",
        scope: "province",
        entity: pid,
        years: later
      });
    }
  }
  for (const region of config.regions)
    addGrowthSeries(book, {
      level: "iiot_value_added",
      growth: "nominal_growth",
      scope: "region",
      entity: region.id,
      years: later
    });
  addGrowthSeries(book, {level: "gdp", growth: "gdp_nominal_growth", scope: "national", entity: "china", years: later});
}
