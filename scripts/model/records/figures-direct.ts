/**
 * @fileoverview Records of the direct-industry segments (2022: network, platform, data, security) and of the
 * new-infrastructure module (2020: CI = CF · ΔII and its share of IIoT value added).
 */
import type {Inputs} from "../inputs.ts";
import {DIRECT_SEGMENTS} from "../inputs.ts";
import type {EditionModel} from "../method/edition-model.ts";
import type {RecordBook} from "./record-book.ts";
import {ioEntity, NATIONAL} from "./entities.ts";
import {addGrowthSeries, id} from "./figures-series.ts";
import {growthIncreaseMultiple, shareOfTotal} from "../method/stats.ts";

export function addSegmentRecords(book: RecordBook, model: EditionModel, inputs: Inputs): void {
  if (!model.segments) return;
  const {years, baseYear} = model.timeline;
  const sectionEntity = new Map(inputs.sections.map((s) => [s.code, s.entity]));
  for (const year of years) {
    const row = model.segments.get(year)!;
    const national = id("iiot_value_added_direct", "national", NATIONAL, year);
    for (const g of DIRECT_SEGMENTS) {
      const products = inputs.relatedSubsectors.filter(
        (r) => r.segments.some((x) => x.segment === g) || (r.segments.length === 0 && r.segment === g)
      );
      const sections = [...new Set(products.map((r) => inputs.io.sectors.find((s) => s.code === r.ioCode)!.section))];
      const ins = [
        ...products.map((r) => id("iiot_value_added_direct", "other", ioEntity(r.ioCode), baseYear)),
        ...sections.flatMap((s) => [
          id("section_value_added", "sector", sectionEntity.get(s)!, year),
          id("section_value_added", "sector", sectionEntity.get(s)!, baseYear)
        ]),
        id("technology_multiplier_cumulative", "national", NATIONAL, year)
      ];
      const v = row.get(g)!;
      const sid = book.add("iiot_value_added_direct", "direct_segment", g, year, v, "亿元", "segment_value_added", {
        inputs: [...new Set(ins)],
        note: `所含投入产出表产品（代码 × 划入比例）：${products.map((r) => `${r.ioCode} × ${r.segments.find((x) => x.segment === g)?.share ?? 1}`).join("、") || "无"}`
      });
      book.add(
        "segment_share_of_direct",
        "direct_segment",
        g,
        year,
        shareOfTotal(v, book.value(national)),
        "%",
        "share_of_total",
        {inputs: [sid, national]}
      );
    }
  }
  for (const g of DIRECT_SEGMENTS) {
    addGrowthSeries(book, {
      level: "iiot_value_added_direct",
      growth: "nominal_growth_direct",
      scope: "direct_segment",
      entity: g,
      years: years.slice(1)
    });
    for (const year of years.slice(2)) {
      const now = id("nominal_growth_direct", "direct_segment", g, year);
      const before = id("nominal_growth_direct", "direct_segment", g, year - 1);
      if (book.has(now) && book.has(before) && book.value(before) !== 0)
        book.add(
          "nominal_growth_direct_increase_multiple",
          "direct_segment",
          g,
          year,
          growthIncreaseMultiple(book.value(now), book.value(before)),
          "",
          "growth_increase_multiple",
          {
            inputs: [now, before]
          }
        );
    }
  }
}

export function addNewInfrastructureRecords(book: RecordBook, model: EditionModel): void {
  const ni = model.newInfrastructure;
  if (!ni) return;
  const cf = id("new_infrastructure_cf", "national", NATIONAL, ni.year);
  const out = book.add(
    "new_infrastructure_output",
    "national",
    NATIONAL,
    ni.year,
    ni.output,
    "亿元",
    "new_infrastructure_output",
    {
      inputs: [cf, ni.investmentRecord].filter((x) => book.has(x)),
      note: "此处为增加值：原版称之为“产出”，但计算占增加值的比重须用增加值"
    }
  );
  const z = id("iiot_value_added", "national", NATIONAL, ni.year);
  book.add(
    "new_infrastructure_share_of_iiot_value_added",
    "national",
    NATIONAL,
    ni.year,
    ni.share,
    "%",
    "share_of_total",
    {inputs: [out, z]}
  );
}
