/**
 * @fileoverview The entities a chart draws, with their display names, in a stable order: provinces and their
 * tile-grid cells (reference list), the edition's regions (config), the 19 sections (reference list), the three
 * tiers, and the direct segments the figures file holds. Names come from the reference lists and records, never
 * from the chart code, so a renamed or added entity needs only data.
 */
import {BuildError} from "../../lib/errors.ts";
import type {RegionConfig} from "../../model/edition-config.ts";
import type {Province, SectionInfo} from "../../model/inputs.ts";
import type {RenderContext} from "../context.ts";

export interface NamedEntity {
  id: string;
  name: string;
}

/** The 31 provinces in reference order (data/concordance/provinces.csv), named by their usual short name (广东). */
export function provinceEntities(context: RenderContext, where: string): NamedEntity[] {
  if (context.reference.provinces.length === 0)
    throw new BuildError(`${where}: the render context has no province list`);
  return context.reference.provinces.map((p) => ({id: p.id, name: p.nameZh}));
}

export function provinceById(context: RenderContext, id: string, where: string): Province {
  const province = context.reference.provinces.find((p) => p.id === id);
  if (!province) throw new BuildError(`${where}: unknown province "${id}"`);
  return province;
}

/** The edition's regions (config "regions"), in config order. */
export function regionEntities(context: RenderContext, where: string): RegionConfig[] {
  if (context.config.regions.length === 0)
    throw new BuildError(`${where}: the ${context.config.edition} edition config defines no regions`);
  return context.config.regions;
}

/** The section (GB/T 4754 门类) of an entity id such as "manufacturing". */
export function sectionByEntity(context: RenderContext, entity: string, where: string): SectionInfo {
  const section = context.reference.sections.find((s) => s.entity === entity);
  if (!section) {
    const known = context.reference.sections.map((s) => s.entity).join(", ");
    throw new BuildError(`${where}: unknown section "${entity}"; known sections: ${known}`);
  }
  return section;
}

/** Every section in code order (A … S), with its full name. */
export function sectionEntities(context: RenderContext, where: string): (NamedEntity & {shortName: string})[] {
  if (context.reference.sections.length === 0) throw new BuildError(`${where}: the render context has no section list`);
  return context.reference.sections.map((s) => ({id: s.entity, name: s.nameZh, shortName: s.shortZh}));
}

/** The three tiers of the national accounts (三次产业), a fixed classification. */
export const TIERS: readonly NamedEntity[] = [
  {id: "primary", name: "第一产业"},
  {id: "secondary", name: "第二产业"},
  {id: "tertiary", name: "第三产业"}
];

/**
 * The direct segments (网络, 平台, …) that the figures file holds for `metric` in `year`, named by their records'
 * entityZh. Editions without segments have none, which is a build error for a segment chart.
 */
export function segmentEntities(context: RenderContext, metric: string, year: number, where: string): NamedEntity[] {
  const records = context.figures.records.filter(
    (r) => r.metric === metric && r.scope === "direct_segment" && r.year === year
  );
  if (records.length === 0)
    throw new BuildError(
      `${where}: the ${context.config.edition} figures have no "${metric}" direct-segment records for ${year}`
    );
  return records.map((r) => ({id: r.entity, name: r.entityZh ?? r.entity}));
}
