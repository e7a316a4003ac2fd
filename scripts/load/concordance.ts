/**
 * @fileoverview The concordances: sections (A–S, each once, with entity ids and tiers), the IO products directly
 * related to the industrial internet (known products, shares per product summing to 1) and the provinces (unique
 * ids, codes and tile-grid cells).
 */
import {z} from "zod";
import type {ProblemList} from "../lib/errors.ts";
import {
  DIRECT_SEGMENTS,
  SECTION_CODES,
  TIERS,
  type DirectSegment,
  type IoTable,
  type Province,
  type RelatedSubsector,
  type SectionCode,
  type SectionInfo
} from "../model/inputs.ts";
import {allParsed, cell, checkUnique, parseRows} from "./cells.ts";
import {readCsv} from "./csv.ts";
import {DATA_FILES} from "./data-files.ts";

const SectionRow = z.object({
  code: cell.oneOf(SECTION_CODES),
  entity: cell.id,
  name_zh: cell.text,
  short_zh: cell.text,
  tier: cell.oneOf(TIERS)
});

export async function loadSections(root: string, problems: ProblemList): Promise<SectionInfo[] | undefined> {
  const file = DATA_FILES.sections;
  const table = await readCsv(root, file, {columns: Object.keys(SectionRow.shape)}, problems);
  if (!table) return undefined;
  const rows = parseRows(table, SectionRow, problems);
  checkUnique(file, rows, (s) => s.code, "code", "a section code", problems);
  checkUnique(file, rows, (s) => s.entity, "entity", "an entity id", problems);
  const present = new Set(rows.map((r) => r.value.code));
  for (const code of SECTION_CODES)
    if (!present.has(code) && rows.length === table.rows.length)
      problems.add({file, column: "code", value: code, expected: `a row for section ${code}`});
  return allParsed(table, rows, (s) => ({
    code: s.code as SectionCode,
    entity: s.entity,
    nameZh: s.name_zh,
    shortZh: s.short_zh,
    tier: s.tier
  }));
}

const RelatedRow = z.object({
  io_code: cell.ioCode,
  name_zh: cell.text,
  section: cell.oneOf(SECTION_CODES),
  segment: cell.oneOf(DIRECT_SEGMENTS),
  share: cell.share,
  rationale: cell.text
});

export async function loadRelatedSubsectors(
  root: string,
  io: IoTable | undefined,
  problems: ProblemList
): Promise<RelatedSubsector[] | undefined> {
  const file = DATA_FILES.relatedSubsectors;
  const table = await readCsv(root, file, {columns: Object.keys(RelatedRow.shape)}, problems);
  if (!table) return undefined;
  const rows = parseRows(table, RelatedRow, problems);
  checkUnique(file, rows, (r) => `${r.io_code}/${r.segment}`, "segment", "a product–segment pair", problems);
  const sectorByCode = new Map(io?.sectors.map((s) => [s.code, s]));
  const byProduct = new Map<string, RelatedSubsector>();
  for (const {line, value: r} of rows) {
    const sector = sectorByCode.get(r.io_code);
    if (io && !sector)
      problems.add({
        file,
        row: line,
        column: "io_code",
        value: r.io_code,
        expected: `a product code of ${DATA_FILES.ioSectors}`
      });
    if (sector && sector.section !== r.section) {
      const expected = `${sector.section}, the section of product ${r.io_code} in ${DATA_FILES.ioSectors}`;
      problems.add({file, row: line, column: "section", value: r.section, expected});
    }
    const entry = byProduct.get(r.io_code) ?? {
      ioCode: r.io_code,
      nameZh: r.name_zh,
      section: r.section as SectionCode,
      segment: r.segment as DirectSegment,
      segments: []
    };
    entry.segments.push({segment: r.segment as DirectSegment, share: r.share});
    byProduct.set(r.io_code, entry);
  }
  for (const entry of byProduct.values()) {
    const total = entry.segments.reduce((sum, s) => sum + s.share, 0);
    if (Math.abs(total - 1) > 1e-9)
      problems.add({
        file,
        column: "share",
        value: String(total),
        expected: `the shares of product ${entry.ioCode} to add up to 1`
      });
    // The main segment is the one with the largest share (the first listed on a tie).
    entry.segment = entry.segments.reduce((best, s) => (s.share > best.share ? s : best)).segment;
  }
  return rows.length === table.rows.length ? [...byProduct.values()] : undefined;
}

const ProvinceRow = z.object({
  id: cell.id,
  code: cell.divisionCode,
  name_zh: cell.text,
  full_name_zh: cell.text,
  short_zh: cell.text,
  grid_row: cell.gridIndex,
  grid_col: cell.gridIndex
});

export async function loadProvinces(root: string, problems: ProblemList): Promise<Province[] | undefined> {
  const file = DATA_FILES.provinces;
  const table = await readCsv(root, file, {columns: Object.keys(ProvinceRow.shape)}, problems);
  if (!table) return undefined;
  const rows = parseRows(table, ProvinceRow, problems);
  checkUnique(file, rows, (p) => p.id, "id", "a province id", problems);
  checkUnique(file, rows, (p) => p.code, "code", "a division code", problems);
  checkUnique(file, rows, (p) => `${p.grid_row},${p.grid_col}`, "grid_col", "a tile-grid cell", problems);
  return allParsed(table, rows, (p) => ({
    id: p.id,
    nameZh: p.name_zh,
    fullNameZh: p.full_name_zh,
    shortZh: p.short_zh,
    code: p.code,
    grid: {row: p.grid_row, col: p.grid_col}
  }));
}
