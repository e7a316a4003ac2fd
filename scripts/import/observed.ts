/**
 * @fileoverview The observed indicators (kind 2) and context facts (kind 3) of each edition: every published
 * record whose metric the model does not compute (metricKind = "observed"). Their source is the edition itself —
 * the institute's observation — or the organisation the edition cites. Values only: no sentence of the papers is
 * copied into these files.
 */
import {DataError} from "../lib/errors.ts";
import {observedFile} from "../load/data-files.ts";
import {metricKind} from "../model/reproduction/metric-kinds.ts";
import {recordId, type Scope} from "../model/records/records.ts";
import {readSharedText, type SourceContext} from "./sources.ts";
import type {BuiltTable, Cell} from "./table.ts";

/** A record of ../shared/spec/published-<edition>.jsonl as the import reads it. */
interface SpecRecord {
  edition: number;
  chapter: string;
  figure: string | null;
  metric: string;
  scope: Scope;
  entity: string;
  year: number;
  value: number;
  unit: string;
  when?: string;
}

/**
 * Context facts describe documents, definitions and the method (policy counts, region memberships, how many
 * sectors the method has); everything else observed is a measurement (rates, counts, forecasts, case numbers).
 */
const CONTEXT_PREFIXES = [
  "method_",
  "policy_",
  "sector_count",
  "member_provinces",
  "regions_pooled",
  "count_provinces_with_iiot_policy"
];
const CONTEXT_METRICS = [
  "gov_work_report_consecutive_years",
  "editions_published_consecutive_years",
  "new_infrastructure_domains"
];

export function observedKind(metric: string): "observed" | "context" {
  if (CONTEXT_METRICS.includes(metric) || CONTEXT_PREFIXES.some((prefix) => metric.startsWith(prefix)))
    return "context";
  return "observed";
}

/** Metrics whose numbers the edition takes from a named organisation, by edition: metric → source id suffix. */
const CITED: Record<number, Record<string, "idc" | "nbs">> = {
  2020: {
    gdp_growth_assumption: "idc",
    new_infrastructure_investment: "idc",
    retail_sales_growth: "nbs",
    fixed_asset_investment_growth: "nbs",
    gdp_real_growth: "nbs",
    value_added_real_growth: "nbs"
  }
};

export function sourceId(edition: number, metric: string): string {
  const cited = CITED[edition]?.[metric];
  return cited ? `paper-${edition}-${cited}` : `paper-${edition}`;
}

export function parseSpecRecords(text: string, label: string): SpecRecord[] {
  return text
    .split("\n")
    .map((line, index) => ({line, number: index + 1}))
    .filter(({line}) => line.trim() !== "")
    .map(({line, number}) => {
      try {
        return JSON.parse(line) as SpecRecord;
      } catch (error) {
        throw new DataError([{file: label, row: number, expected: `a JSON object (${(error as Error).message})`}]);
      }
    });
}

export async function buildObserved(context: SourceContext, edition: number): Promise<BuiltTable> {
  const relative = `spec/published-${edition}.jsonl`;
  const records = parseSpecRecords(await readSharedText(context, relative), `../shared/${relative}`);
  const byId = new Map<string, {record: SpecRecord; places: string[]; units: Set<string>}>();
  for (const record of records) {
    if (metricKind(record.metric) !== "observed") continue;
    const id = recordId({...record, ...(record.when ? {period: record.when} : {})});
    const place = record.figure ? `${record.chapter} (${record.figure})` : record.chapter;
    const seen = byId.get(id);
    if (!seen) {
      byId.set(id, {record, places: [place], units: new Set([record.unit])});
      continue;
    }
    if (seen.record.value !== record.value)
      throw new DataError([
        {
          file: `../shared/${relative}`,
          column: "value",
          value: String(record.value),
          expected: `${seen.record.value}, the value printed elsewhere for ${id}`
        }
      ]);
    if (!seen.places.includes(place)) seen.places.push(place);
    seen.units.add(record.unit);
  }
  const rows: Cell[][] = [...byId.values()].map(({record, places, units}) => {
    const otherUnits = [...units].filter((u) => u !== record.unit);
    const note = [
      `printed in ${places.join("; ")}`,
      ...(otherUnits.length > 0 ? [`also written with the counter ${otherUnits.join(", ")}`] : [])
    ].join("; ");
    return [
      record.metric,
      record.scope,
      record.entity,
      record.year,
      record.when ?? "",
      record.value,
      record.unit,
      observedKind(record.metric),
      sourceId(edition, record.metric),
      note
    ];
  });
  const paper = `中国工业互联网研究院《中国工业互联网产业经济发展白皮书（${edition}年）》`;
  const common = {
    intermediary: `extracted by the project into ../shared/${relative} (records with metricKind "observed"); see data/published/${edition}.jsonl`,
    vintage: `as printed in the ${edition} edition`,
    unit: "per row (unit column): %, 个, 万家, 亿元, …",
    estimated: false,
    upstream: [`../shared/${relative}`, "../shared/spec/figures.md"]
  };
  const cited = new Set(Object.values(CITED[edition] ?? {}));
  return {
    table: {
      file: observedFile(edition),
      columns: [
        {name: "metric", description: "metric id of published-*.jsonl (e.g. work_resumption_rate)"},
        {name: "scope", description: "national | tier | sector | province | region | direct_segment | other"},
        {name: "entity", description: "entity id (china, a section, a province, a region, a case-study id, …)"},
        {name: "year", description: "year the number refers to"},
        {
          name: "period",
          description: "sub-year time or span when printed (e.g. 2020-03-31, 2020-Q1, 2017-2021); empty otherwise"
        },
        {name: "value", description: "the number as printed (declines signed)"},
        {name: "unit", description: "unit or counter as printed (%, 个, 万家, 亿元, …)"},
        {
          name: "kind",
          description:
            "observed (a measurement or external forecast) | context (a fact about documents, definitions, the method)"
        },
        {name: "source", description: "manifest id of the source (the edition, or the organisation it cites)"},
        {name: "note", description: "where the edition prints it; other counters used for the same number"}
      ],
      rows
    },
    source: {
      ...common,
      id: `paper-${edition}`,
      title: `Observed indicators and context facts of the ${edition} edition`,
      // The paper prints these as the institute's own observation; a figure of the edition names that, not itself.
      citation: "中国工业互联网研究院平台监测、调查与案例资料",
      publisher: `${paper}: the institute's own observation (platform monitoring, work-resumption surveys, counts, case studies)`,
      years: yearSpan(rows),
      transformations: [
        `records of ../shared/${relative} whose metric the model does not compute (scripts/model/reproduction/metric-kinds.ts), in printed order`,
        "the same number printed several times is kept once (note lists every place); when → period; quotes dropped",
        "kind: context for method_*, policy_*, sector counts, region memberships and similar facts about documents; observed otherwise"
      ],
      caveats:
        "Values exactly as printed: thresholds (超过, 突破) are kept as the _lower_bound / _upper_bound metrics of the extraction."
    },
    extraSources: [
      ...(cited.has("idc")
        ? [
            {
              ...common,
              id: `paper-${edition}-idc`,
              title: `IDC estimates cited by the ${edition} edition (GDP growth forecast, new-infrastructure investment)`,
              citation: "IDC预测",
              publisher: `IDC (International Data Corporation), as cited by ${paper}`,
              years: String(edition),
              transformations: ["as printed in the edition (footnote 1; 四(三) and the appendix)"],
              caveats: "IDC's own publication is not available to the project; the numbers are the edition's citation."
            }
          ]
        : []),
      ...(cited.has("nbs")
        ? [
            {
              ...common,
              id: `paper-${edition}-nbs`,
              title: `National statistics of 2020 Q1 cited by the ${edition} edition (GDP, retail sales, fixed-asset investment, industry value added)`,
              citation: "国家统计局2020年一季度国民经济数据",
              publisher: `国家统计局 NBS (2020 Q1 national statistics), as cited by ${paper}`,
              years: "2020 Q1",
              transformations: ["as printed in the edition (四(一))"],
              caveats:
                "The edition's sentences do not name the source; these are NBS's national figures for 2020 Q1 (identified by the project)."
            }
          ]
        : [])
    ]
  };
}

function yearSpan(rows: Cell[][]): string {
  const years = rows.map((row) => row[3] as number);
  return `${Math.min(...years)}–${Math.max(...years)}`;
}
