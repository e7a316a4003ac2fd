/**
 * @fileoverview The observed indicators of an edition that has no published paper to extract them from: rows of
 * ../shared/data-sources/indicators-<span>/indicators.csv (one sourced number per row, with its URL and snippet),
 * kept when the number was public before the edition's cut-off date. The 2023 edition is written as of late 2023:
 * a number first released in 2024, or a benchmark printed by an earlier edition (id prefix W), is left out.
 */
import {observedFile} from "../load/data-files.ts";
import {recordId} from "../model/records/records.ts";
import {observedKind} from "./observed.ts";
import {readShared, type SourceContext} from "./sources.ts";
import type {BuiltTable, Cell} from "./table.ts";

export interface IndicatorEdition {
  edition: number;
  /** Folder under ../shared/data-sources. */
  folder: string;
  /** First release date (YYYY-MM-DD) no longer known when the edition was written. */
  cutoff: string;
}

/** The editions whose observed file comes from an indicators folder. */
export const INDICATOR_EDITIONS: readonly IndicatorEdition[] = [
  {edition: 2023, folder: "indicators-2022-2023", cutoff: "2023-12-01"}
];

const SCOPE_ENTITY: Record<string, string> = {全国: "china"};
const PROVINCE_IDS: Record<string, string> = {山东: "shandong", 江苏: "jiangsu"};

/** "2023-Q1-Q3" → year 2023, period 2023-Q1-Q3; "2022" → 2022 with no period. */
function yearAndPeriod(asOf: string): {year: number; period: string} {
  const year = Number(asOf.slice(0, 4));
  return {year, period: /^\d{4}$/.test(asOf) ? "" : asOf};
}

/** Release dates are written 2023-01-17, 2023-01, or "2024 (after 2024-03-05)": the first date-like part counts. */
function releasedBefore(release: string, cutoff: string): boolean {
  const date = release.match(/\d{4}(?:-\d{2}(?:-\d{2})?)?/)?.[0];
  return date !== undefined && date < cutoff;
}

export async function buildIndicatorObserved(context: SourceContext, spec: IndicatorEdition): Promise<BuiltTable> {
  const relative = `data-sources/${spec.folder}/indicators.csv`;
  const table = await readShared(context, relative, [
    "id",
    "metric",
    "value",
    "unit",
    "as_of",
    "scope",
    "entity_zh",
    "source_org",
    "release_date",
    "url",
    "note"
  ]);
  const seen = new Set<string>();
  const rows: Cell[][] = [];
  for (const row of table.rows) {
    const id = table.text(row, "id");
    if (id.startsWith("W") || !releasedBefore(table.text(row, "release_date"), spec.cutoff)) continue;
    if (/BENCHMARK|LOW TRUST|Out of period/.test(table.text(row, "note"))) continue;
    const scope = table.text(row, "scope") === "province" ? "province" : "national";
    const entityZh = table.text(row, "entity_zh");
    const entity = scope === "province" ? PROVINCE_IDS[entityZh] : SCOPE_ENTITY[entityZh];
    if (!entity) continue;
    const metric = table.text(row, "metric");
    const {year, period} = yearAndPeriod(table.text(row, "as_of"));
    const record = recordId({metric, scope, entity, year, ...(period ? {period} : {})});
    // The same number from a second release (communique after first release): the first row stands.
    if (seen.has(record)) continue;
    seen.add(record);
    const note = `${id}: ${table.text(row, "source_org")}, ${table.text(row, "release_date")}, ${table.text(row, "url")}`;
    rows.push([
      metric,
      scope,
      entity,
      year,
      period,
      Number(table.text(row, "value")),
      table.text(row, "unit"),
      observedKind(metric),
      `indicators-${spec.edition}`,
      note,
      ""
    ]);
  }
  return {
    table: {
      file: observedFile(spec.edition),
      columns: [
        {name: "metric", description: "metric id (vocabulary of published-*.jsonl where one exists)"},
        {name: "scope", description: "national | province"},
        {name: "entity", description: "china or a province id"},
        {name: "year", description: "year the number refers to"},
        {name: "period", description: "sub-year date or span (2022-12-31, 2023-Q1-Q3); empty for an annual number"},
        {name: "value", description: "the number as printed in the source"},
        {name: "unit", description: "unit as printed (万个, 万亿元, %, …)"},
        {name: "kind", description: "observed | context"},
        {name: "source", description: "manifest id of the source"},
        {name: "note", description: "row id of the indicators file, issuing organisation, release date, URL"},
        {
          name: "status",
          description: 'empty: a sourced row ("carried" marks rows npm run new-edition copied and nobody updated)'
        }
      ],
      rows
    },
    source: {
      id: `indicators-${spec.edition}`,
      title: `Observed indicators of the ${spec.edition} edition: macro figures, targets and industrial-internet indicators released before ${spec.cutoff}`,
      citation: "国家统计局、工业和信息化部、国家互联网信息办公室等公开发布数据，政府工作报告",
      publisher:
        "NBS, MIIT, CAC releases and the Government Work Report, as reposted by state media (one URL per row in the note column)",
      intermediary: `gathered by the project into ../shared/${relative} (PROVENANCE.md lists the trust of each source type)`,
      vintage: "first releases as of the edition's writing",
      unit: "per row (unit column)",
      years: `${Math.min(...rows.map((r) => r[3] as number))}–${Math.max(...rows.map((r) => r[3] as number))}`,
      transformations: [
        `rows of ../shared/${relative} first released before ${spec.cutoff}; benchmark rows of earlier editions (W…), low-trust and out-of-period rows left out`,
        "as_of → year and period; 全国 → china, provinces → province ids; a number released twice is kept once",
        "values and units as printed (not converted)"
      ],
      estimated: false,
      caveats:
        "Most rows are reposts of official releases on third-party hosts; the URL and snippet of each are in the upstream file.",
      upstream: [`../shared/${relative}`, `../shared/data-sources/${spec.folder}/PROVENANCE.md`]
    }
  };
}
