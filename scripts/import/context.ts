/**
 * @fileoverview Context documents of the editions: the policy tables of the 2020 edition (表1 national, 表2
 * provincial) with issuer ids, and the published numbers of both editions copied as-is for the reproduction report.
 */
import {DataError, type Problem} from "../lib/errors.ts";
import {policiesFile, publishedFile} from "../load/data-files.ts";
import type {DataSource} from "../model/inputs.ts";
import {provinceIdsByName} from "./provincial-accounts.ts";
import {readShared, readSharedText, type SourceContext} from "./sources.ts";
import type {BuiltTable} from "./table.ts";

/** Issuer ids of the national table's departments. */
const DEPARTMENT_IDS: Record<string, string> = {国务院: "state_council", 工信部: "miit"};

const POLICY_COLUMNS = [
  {name: "issuer", description: "issuer id: a department id (state_council, miit) or a province id"},
  {name: "issuer_zh", description: "issuer as printed (部门 or 地区)"},
  {name: "date", description: "政策时间 as printed, YYYY.MM"},
  {name: "title", description: "document title as printed, with its 《》"}
];

function policySource(edition: number, level: "national" | "provincial", table: string) {
  return {
    id: `policies-${level}-${edition}`,
    title: `${table} of the ${edition} edition: ${level === "national" ? "national (State Council, ministries)" : "provincial"} policies on the industrial internet`,
    citation: level === "national" ? "国务院及各部委公开政策文件" : "各省（区、市）公开政策文件",
    publisher: `中国工业互联网研究院《中国工业互联网产业经济发展白皮书（${edition}年）》${table}; the documents are those of the issuers named`,
    intermediary: `transcribed by the project into ../shared/spec/policies-${level}-${edition}.csv`,
    vintage: `as printed in the ${edition} edition`,
    unit: "",
    years: "2017–2020",
    transformations: [
      `copied from ../shared/spec/policies-${level}-${edition}.csv in printed order`,
      level === "national"
        ? "issuer id: 国务院 → state_council, 工信部 → miit"
        : "issuer id: province name → province id (data/concordance/provinces.csv)"
    ],
    estimated: false,
    upstream: [`../shared/spec/policies-${level}-${edition}.csv`]
  };
}

export async function buildPolicies(
  context: SourceContext,
  edition: number,
  level: "national" | "provincial"
): Promise<BuiltTable> {
  const issuerColumn = level === "national" ? "department" : "province";
  const table = await readShared(context, `spec/policies-${level}-${edition}.csv`, [issuerColumn, "date", "title"]);
  const ids = level === "national" ? new Map(Object.entries(DEPARTMENT_IDS)) : await provinceIdsByName(context);
  const problems: Problem[] = [];
  const rows = table.rows.map((row) => {
    const issuerZh = table.text(row, issuerColumn);
    const issuer = ids.get(issuerZh);
    if (!issuer)
      problems.push({
        file: table.label,
        row: row.line,
        column: issuerColumn,
        value: issuerZh,
        expected: `one of ${[...ids.keys()].join(", ")}`
      });
    return [issuer ?? "", issuerZh, table.text(row, "date"), table.text(row, "title")];
  });
  if (problems.length > 0) throw new DataError(problems);
  return {
    table: {file: policiesFile(edition, level), columns: POLICY_COLUMNS, rows},
    source: policySource(edition, level, level === "national" ? "表1" : "表2")
  };
}

/** A file copied byte for byte (apart from line endings), with its manifest entry. */
export interface CopiedFile {
  file: string;
  content: string;
  source: DataSource;
}

export async function copyPublished(context: SourceContext, edition: number): Promise<CopiedFile> {
  const relative = `spec/published-${edition}.jsonl`;
  const text = (await readSharedText(context, relative)).replaceAll("\r\n", "\n");
  const content = text.endsWith("\n") ? text : `${text}\n`;
  const file = publishedFile(edition);
  return {
    file,
    content,
    source: {
      id: `published-${edition}`,
      file,
      title: `Every number printed by the ${edition} edition, one record per line (for the reproduction report)`,
      citation: `中国工业互联网研究院《中国工业互联网产业经济发展白皮书（${edition}年）》`,
      publisher: `中国工业互联网研究院《中国工业互联网产业经济发展白皮书（${edition}年）》, as printed`,
      intermediary: `extracted by the project from the edition's text into ../shared/${relative} (conventions: ../shared/spec/figures.md)`,
      vintage: `as printed in the ${edition} edition`,
      unit: "per record: 万亿元, 亿元, %, 个百分点, 万人, …",
      years: edition === 2020 ? "2017–2020" : "2017–2022",
      transformations: [`copied as-is from ../shared/${relative} (line endings normalised to LF)`],
      estimated: false,
      caveats:
        "Fields: edition, chapter, figure, metric, scope, entity, entity_zh, year, value, unit, forecast, quote, when (optional). Values are as printed (units as written, e.g. 万亿元); inconsistencies of the papers are listed in ../shared/spec/inconsistencies.md.",
      columns: [
        {name: "metric, scope, entity, year, when", description: "the record id (when = sub-year period)"},
        {name: "value, unit", description: "the number and unit as printed"},
        {name: "forecast", description: "true for the edition's forecast year"},
        {name: "chapter, figure, quote, entity_zh, edition", description: "where it is printed and the printed words"}
      ],
      upstream: [`../shared/${relative}`]
    }
  };
}
