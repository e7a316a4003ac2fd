/**
 * @fileoverview Concordances: the 19 sections (code, published entity id, names, tier), the eleven IO products
 * directly related to the industrial internet with their direct segment, and the 31 provinces (ids, names, codes,
 * tile-grid cells). Names and codes come from ../shared; ids, short labels, segments and grid cells are
 * hand-curated in scripts/import/supplements and documented there and in data/README.md.
 */
import {DataError, type Problem} from "../lib/errors.ts";
import {DATA_FILES} from "../load/data-files.ts";
import {DIRECT_SEGMENTS, SECTION_CODES, type SectionCode, type Tier} from "../model/inputs.ts";
import {readIoSectors} from "./io-table.ts";
import {readShared, readSupplement, type SourceContext} from "./sources.ts";
import type {BuiltTable} from "./table.ts";

const SECTION_NAMES = "data-sources/nbs-io-tables/derived_va_by_section_from_io.csv";
const PROVINCE_CODES = "data-sources/provincial-va-2018-ii-iii/provincial_va_secondary_tertiary_2018_prerevision.csv";

/** The NBS three-industry rule (三次产业划分规定): A primary; B–E secondary; F–S tertiary. */
export function tierOfSection(code: SectionCode): Tier {
  if (code === "A") return "primary";
  return ["B", "C", "D", "E"].includes(code) ? "secondary" : "tertiary";
}

export function isSectionCode(code: string): code is SectionCode {
  return (SECTION_CODES as readonly string[]).includes(code);
}

export async function buildSections(context: SourceContext): Promise<BuiltTable> {
  const names = await readShared(context, SECTION_NAMES, ["year", "section", "section_name_zh"]);
  const nameByCode = new Map(
    names.rows
      .filter((row) => names.text(row, "year") === "2017")
      .map((row) => [names.text(row, "section"), names.text(row, "section_name_zh")])
  );
  const labels = await readSupplement(context, "sections.csv", ["code", "entity", "short_zh"]);
  const problems: Problem[] = [];
  const rows = labels.rows.map((row) => {
    const code = labels.text(row, "code");
    const nameZh = nameByCode.get(code);
    if (!isSectionCode(code))
      problems.push({file: labels.label, row: row.line, column: "code", value: code, expected: "a section code A–S"});
    if (nameZh === undefined)
      problems.push({
        file: labels.label,
        row: row.line,
        column: "code",
        value: code,
        expected: `a section of ${SECTION_NAMES}`
      });
    return [
      code,
      labels.text(row, "entity"),
      nameZh ?? "",
      labels.text(row, "short_zh"),
      isSectionCode(code) ? tierOfSection(code) : ""
    ];
  });
  if (rows.map((row) => row[0]).join("") !== SECTION_CODES.join(""))
    problems.push({file: labels.label, column: "code", expected: "the 19 sections A–S, once each, in order"});
  if (problems.length > 0) throw new DataError(problems);
  return {
    table: {
      file: DATA_FILES.sections,
      columns: [
        {
          name: "code",
          description: "GB/T 4754-2017 section letter A–S (T, international organisations, is not in the IO table)"
        },
        {name: "entity", description: "entity id used by published-*.jsonl and the figures file, e.g. manufacturing"},
        {name: "name_zh", description: "official section name (GB/T 4754-2017), e.g. 信息传输、软件和信息技术服务业"},
        {name: "short_zh", description: "short chart label, e.g. 信息传输软件"},
        {name: "tier", description: "三次产业: primary (A), secondary (B, C, D, E), tertiary (F–S)"}
      ],
      rows
    },
    source: {
      id: "concordance-sections",
      title: "GB/T 4754-2017 sections: ids, names, chart labels, tiers",
      citation: "国家标准《国民经济行业分类》（GB/T 4754—2017）；国家统计局《三次产业划分规定》",
      publisher: "国家统计局 NBS / 国家标准 GB/T 4754-2017 国民经济行业分类; NBS 三次产业划分规定 (2018)",
      intermediary:
        "section names from ../shared (ionet-based derived table); entity ids and short labels hand-curated",
      vintage: "GB/T 4754-2017",
      unit: "",
      years: "",
      transformations: [
        `official names: section_name_zh of ../shared/${SECTION_NAMES} (2017 rows)`,
        "entity ids: the vocabulary of ../shared/spec/figures.md (published-*.jsonl); short labels: scripts/import/supplements/sections.csv",
        "tier: A → primary; B, C, D, E → secondary; F–S → tertiary"
      ],
      estimated: false,
      upstream: [`../shared/${SECTION_NAMES}`, "scripts/import/supplements/sections.csv", "../shared/spec/figures.md"]
    }
  };
}

export async function buildRelatedSubsectors(context: SourceContext): Promise<BuiltTable> {
  const {sectors} = await readIoSectors(context);
  const byCode = new Map(sectors.map((s) => [s.code, s]));
  const mapping = await readSupplement(context, "related-subsectors.csv", ["io_code", "segment", "share", "rationale"]);
  const problems: Problem[] = [];
  const shareByCode = new Map<string, number>();
  const rows = mapping.rows.map((row) => {
    const code = mapping.text(row, "io_code");
    const segment = mapping.text(row, "segment");
    const share = mapping.number(row, "share");
    const sector = byCode.get(code);
    if (!sector)
      problems.push({
        file: mapping.label,
        row: row.line,
        column: "io_code",
        value: code,
        expected: "a product code of the 2017 IO table"
      });
    if (sector && !["C", "I"].includes(sector.section))
      problems.push({
        file: mapping.label,
        row: row.line,
        column: "io_code",
        value: code,
        expected: "a product of section C or I (methodology §1.2)"
      });
    if (!(DIRECT_SEGMENTS as readonly string[]).includes(segment))
      problems.push({
        file: mapping.label,
        row: row.line,
        column: "segment",
        value: segment,
        expected: DIRECT_SEGMENTS.join(" | ")
      });
    if (!(share > 0 && share <= 1))
      problems.push({
        file: mapping.label,
        row: row.line,
        column: "share",
        value: String(share),
        expected: "a share in (0, 1]"
      });
    shareByCode.set(code, (shareByCode.get(code) ?? 0) + share);
    return [code, sector?.nameZh ?? "", sector?.section ?? "", segment, share, mapping.text(row, "rationale")];
  });
  for (const [code, total] of shareByCode)
    if (Math.abs(total - 1) > 1e-9)
      problems.push({
        file: mapping.label,
        column: "share",
        value: String(total),
        expected: `the shares of product ${code} to sum to 1`
      });
  if (shareByCode.size !== 11)
    problems.push({
      file: mapping.label,
      column: "io_code",
      value: String(shareByCode.size),
      expected: "11 products (methodology §1.2)"
    });
  if (problems.length > 0) throw new DataError(problems);

  const valueAddedBySegment = new Map<string, number>();
  for (const row of rows) {
    const sector = byCode.get(row[0] as string)!;
    valueAddedBySegment.set(
      row[3] as string,
      (valueAddedBySegment.get(row[3] as string) ?? 0) + (row[4] as number) * sector.valueAdded
    );
  }
  const total = [...valueAddedBySegment.values()].reduce((a, b) => a + b, 0);
  const shares = DIRECT_SEGMENTS.map(
    (segment) => `${segment} ${(((valueAddedBySegment.get(segment) ?? 0) / total) * 100).toFixed(1)} %`
  ).join(", ");

  return {
    table: {
      file: DATA_FILES.relatedSubsectors,
      columns: [
        {
          name: "io_code",
          description: "product code of the 2017 IO table (one of the eleven directly related products)"
        },
        {name: "name_zh", description: "product name"},
        {name: "section", description: "section of the product (C or I)"},
        {
          name: "segment",
          description: "direct-industry segment of the 2022 edition: network | platform | data | security"
        },
        {
          name: "share",
          description: "share of the product's IIoT part counted in this segment; the shares of a product sum to 1"
        },
        {name: "rationale", description: "why this segment (an assumption, see data/README.md)"}
      ],
      rows
    },
    source: {
      id: "concordance-related-subsectors",
      title: "The eleven IO products directly related to the industrial internet, with their direct segment",
      citation: "本报告直接产业界定（依据国家统计局2017年投入产出表部门分类）",
      publisher:
        "工业互联网产业经济测算课题组 (the set of eleven: inferred from the editions' appendix, methodology.md §1.2); segment mapping: this project",
      intermediary:
        "product names and sections from the 2017 IO table (ionet); mapping hand-curated in scripts/import/supplements/related-subsectors.csv",
      vintage: "2017 IO table classification",
      unit: "share (0–1)",
      years: "2017",
      transformations: [
        "the eleven products: division 39 (088–093) and section I (121–125), methodology.md §1.2 evidence",
        "segment and share per product: a documented assumption (the editions do not publish the split of the four direct segments); security has no IO product of its own and takes 25 % of 软件服务 and 40 % of 信息技术服务",
        `with equal IIoT coefficients S_k the 2017 value added of the products splits as ${shares}; the 2022 edition's 2021 segments are platform 38.8, network 32.8, data 18.4, security 10.0 % (shares chosen to land near them)`
      ],
      estimated: true,
      estimateZh:
        "十一个相关子行业划入直接产业四个细分领域（网络、平台、数据、安全）的对应关系及拆分比例为本报告的设定",
      estimate:
        "the direct-segment mapping of the eleven IO products (and the shares of split products) is an assumption of this project",
      caveats:
        "The papers name only three of the eleven products (计算机、通信设备、软件服务) and never publish how the four segments of 2022 are measured. The shares are a judgement, chosen so that equal coefficients give roughly the published 2021 structure; with product-specific coefficients S_k the segment shares move.",
      upstream: [
        "scripts/import/supplements/related-subsectors.csv",
        "../shared/spec/methodology.md",
        "../shared/data-sources/nbs-io-tables/io2017_149_sectors.csv"
      ]
    }
  };
}

export async function buildProvinces(context: SourceContext): Promise<BuiltTable> {
  const codes = await readShared(context, PROVINCE_CODES, ["province_zh", "code", "variable"]);
  const codeByName = new Map(codes.rows.map((row) => [codes.text(row, "province_zh"), codes.text(row, "code")]));
  const curated = await readSupplement(context, "provinces.csv", [
    "id",
    "name_zh",
    "full_name_zh",
    "short_zh",
    "grid_row",
    "grid_col"
  ]);
  const problems: Problem[] = [];
  const cells = new Map<string, string>();
  const rows = curated.rows.map((row) => {
    const id = curated.text(row, "id");
    const nameZh = curated.text(row, "name_zh");
    const code = codeByName.get(nameZh);
    if (code === undefined)
      problems.push({
        file: curated.label,
        row: row.line,
        column: "name_zh",
        value: nameZh,
        expected: `a province of ${PROVINCE_CODES}`
      });
    const gridRow = curated.number(row, "grid_row");
    const gridCol = curated.number(row, "grid_col");
    const cell = `${gridRow},${gridCol}`;
    if (cells.has(cell))
      problems.push({
        file: curated.label,
        row: row.line,
        column: "grid_col",
        value: cell,
        expected: `a grid cell not used by ${cells.get(cell)}`
      });
    cells.set(cell, id);
    return [id, code ?? "", nameZh, curated.text(row, "full_name_zh"), curated.text(row, "short_zh"), gridRow, gridCol];
  });
  if (rows.length !== 31) problems.push({file: curated.label, expected: `31 provinces (found ${rows.length})`});
  if (problems.length > 0) throw new DataError(problems);
  rows.sort((a, b) => String(a[1]).localeCompare(String(b[1])));
  return {
    table: {
      file: DATA_FILES.provinces,
      columns: [
        {
          name: "id",
          description: "province id of published-*.jsonl (pinyin; xizang, inner_mongolia, shaanxi 陕西 vs shanxi 山西)"
        },
        {name: "code", description: "6-digit administrative division code (GB/T 2260), e.g. 440000"},
        {name: "name_zh", description: "common name, e.g. 广东, 内蒙古"},
        {name: "full_name_zh", description: "official full name, e.g. 广西壮族自治区 (the name used by NBS exports)"},
        {
          name: "short_zh",
          description: "one-character abbreviation for maps and axes, e.g. 粤 (贵, 云 as in the editions' region lists)"
        },
        {name: "grid_row", description: "row of the tile-grid map, 0 = north"},
        {name: "grid_col", description: "column of the tile-grid map, 0 = west"}
      ],
      rows
    },
    source: {
      id: "concordance-provinces",
      title: "The 31 provinces: ids, names, division codes and tile-grid cells",
      citation: "国家统计局行政区划代码",
      publisher: "国家统计局 NBS (names, codes as in its provincial exports); tile grid: this project",
      intermediary:
        "names and codes: the 2018 provincial value-added script in ../shared (provincial-va-2018-ii-iii); ids, abbreviations and grid hand-curated",
      vintage: "administrative divisions as of 2017–2022 (unchanged over the period)",
      unit: "",
      years: "",
      transformations: [
        `division code: matched on name_zh with ../shared/${PROVINCE_CODES}`,
        "ids: the entity ids of ../shared/spec/published-*.jsonl; full names: those of the NBS provincial exports",
        "grid: one square per province on an 8 × 7 grid that keeps rough geography (west → east, north → south); checked for unique cells",
        "rows in division-code order (the NBS order)"
      ],
      estimated: false,
      caveats:
        "Hong Kong, Macao and Taiwan are not covered (as in the editions). The grid is a schematic layout, not a map.",
      upstream: ["scripts/import/supplements/provinces.csv", `../shared/${PROVINCE_CODES}`]
    }
  };
}
