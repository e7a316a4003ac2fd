/**
 * @fileoverview Average wage of employed persons in urban non-private units (城镇非私营单位就业人员年平均工资, 元) by
 * section. ../shared holds no wage series, so the numbers come from a sourced supplement
 * (scripts/import/supplements/section-wages.csv): each NBS release's 表2 gives every section for its year and the
 * year before. Only whole tables are taken (a year with some sections missing would change the ratios between
 * sections, which is all the model uses). Checks: every section and the total in every year, the section names as
 * in the concordance, the total between the lowest and the highest section.
 */
import {DATA_FILES} from "../load/data-files.ts";
import {SECTION_CODES} from "../model/inputs.ts";
import {buildSections} from "./concordance.ts";
import {readSupplement, type SourceContext} from "./sources.ts";
import type {BuiltTable, Cell} from "./table.ts";

const SUPPLEMENT = "section-wages.csv";
const TOTAL = "TOTAL";

export async function buildSectionWages(context: SourceContext): Promise<BuiltTable> {
  const table = await readSupplement(context, SUPPLEMENT, [
    "year",
    "section",
    "name_zh",
    "value",
    "release",
    "source_url"
  ]);
  const sections = await buildSections(context);
  const nameOf = new Map(sections.table.rows.map((row) => [String(row[0]), String(row[2])]));
  const byYear = new Map<number, Map<string, {value: number; row: (typeof table.rows)[number]}>>();
  for (const row of table.rows) {
    const year = table.number(row, "year");
    const code = table.text(row, "section");
    if (code !== TOTAL && !(SECTION_CODES as readonly string[]).includes(code))
      throw table.problem(row, "section", code, `a section code A–S or ${TOTAL}`);
    const expectedName = code === TOTAL ? "合计" : nameOf.get(code);
    if (table.text(row, "name_zh") !== expectedName)
      throw table.problem(row, "name_zh", table.text(row, "name_zh"), `${expectedName} (the name of section ${code})`);
    const cells = byYear.get(year) ?? new Map();
    if (cells.has(code)) throw table.problem(row, "section", code, `one row for ${code} in ${year}`);
    cells.set(code, {value: table.number(row, "value"), row});
    byYear.set(year, cells);
  }
  const rows: Cell[][] = [];
  for (const [year, cells] of [...byYear].sort(([a], [b]) => a - b)) {
    const total = cells.get(TOTAL);
    const missing = [...SECTION_CODES, TOTAL].filter((code) => !cells.has(code));
    if (missing.length > 0 || !total)
      throw table.problem(undefined, "section", missing.join(", "), `every section and ${TOTAL} for ${year}`);
    const values = SECTION_CODES.map((code) => cells.get(code)!.value);
    if (total.value < Math.min(...values) || total.value > Math.max(...values))
      throw table.problem(total.row, "value", String(total.value), `a total between the sections' lowest and highest`);
    for (const code of SECTION_CODES) {
      const {value, row} = cells.get(code)!;
      rows.push([year, code, value, table.text(row, "source_url")]);
    }
  }
  const years = [...byYear.keys()].sort((a, b) => a - b);
  const urls = [...new Set(table.rows.map((row) => table.text(row, "source_url")))];
  return {
    table: {
      file: DATA_FILES.sectionWages,
      columns: [
        {name: "year", description: "calendar year"},
        {name: "section", description: "GB/T 4754 section code A–S"},
        {name: "value", description: "average wage of employed persons in urban non-private units, 元 per year"},
        {name: "source", description: "the page the value was read from"}
      ],
      rows
    },
    source: {
      id: "nbs-section-wages",
      title: "Average wage in urban non-private units by section",
      citation: "国家统计局城镇单位就业人员平均工资统计",
      publisher: "国家统计局 NBS, annual release 城镇单位就业人员平均工资情况 (表2 分行业门类)",
      intermediary: `copies of the release read from the pages listed in scripts/import/supplements/${SUPPLEMENT}`,
      vintage: "as published in the release of the following year (its previous-year column), or of the year itself",
      unit: "元/人·年",
      years: years.length > 0 ? `${years[0]}–${years.at(-1)}` : "",
      transformations: [
        `scripts/import/supplements/${SUPPLEMENT} as is, whole tables only; the total (合计) is checked against the sections and not written`
      ],
      estimated: false,
      caveats:
        "Urban non-private units only (no private units, no self-employed, no farmers): the level is not an economy-wide wage, and the model uses only the ratios between sections. Years without a whole table in the file take the nearest year's table (stated in the appendix).",
      upstream: [`scripts/import/supplements/${SUPPLEMENT}`, ...urls]
    }
  };
}
