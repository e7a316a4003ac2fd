/**
 * @fileoverview National employed persons (就业人员, year-end, 万人), 2007–2022, total and by tier. Totals are the
 * official NBS figures (pre-7th-census vintage to 2019, then the vintage published from 2020). Tiers are official
 * from 2020, derived from the tier shares of the MOHRSS communiqués for 2017–2019, and estimated from research
 * section estimates for 2007–2016 (years no method uses by tier).
 */
import {DATA_FILES} from "../load/data-files.ts";
import type {NationalEmployment} from "../model/inputs.ts";
import {readShared, readSupplement, type SourceContext, type SourceTable} from "./sources.ts";
import type {BuiltTable, Cell} from "./table.ts";

const SECTORAL = "data-sources/china-sectoral-employment/employment_by_sector_1990_2018_wide.csv";
const RECENT = "data-sources/nbs-national-annual/national_employment_three_industries_2021_2022.csv";
const SUPPLEMENT = "national-employment.csv";
export const FIRST_YEAR = 2007;
export const LAST_YEAR = 2022;

const SECONDARY_SECTIONS = ["B", "C", "D", "E"];
const TERTIARY_SECTIONS = ["F", "G", "H", "I", "J", "K", "L", "M", "N", "O", "P", "Q", "R", "S", "T"];

export interface EmploymentYear extends NationalEmployment {
  method: "research-sections" | "communique-shares" | "official";
  source: string;
}

/** Supplement values by year and variable, each with the page it was taken from. */
function supplementValues(table: SourceTable): Map<string, {value: number; url: string}> {
  const values = new Map<string, {value: number; url: string}>();
  for (const row of table.rows)
    values.set(`${table.text(row, "year")}/${table.text(row, "variable")}`, {
      value: table.number(row, "value"),
      url: table.text(row, "source_url")
    });
  return values;
}

export async function readNationalEmployment(context: SourceContext): Promise<EmploymentYear[]> {
  const sectoral = await readShared(context, SECTORAL, ["code"]);
  const byCode = new Map(sectoral.rows.map((row) => [sectoral.text(row, "code"), row]));
  const sectoralValue = (code: string, year: number): number => {
    const row = byCode.get(code);
    if (!row) throw sectoral.problem(undefined, "code", code, `a row with code ${code}`);
    return sectoral.number(row, String(year));
  };
  const recent = await readShared(context, RECENT, [
    "year",
    "employed_total_10k",
    "primary_10k",
    "secondary_10k",
    "tertiary_10k"
  ]);
  const supplement = supplementValues(
    await readSupplement(context, SUPPLEMENT, ["year", "variable", "value", "source_url"])
  );
  const fromSupplement = (year: number, variable: string): {value: number; url: string} => {
    const entry = supplement.get(`${year}/${variable}`);
    if (!entry) throw new Error(`scripts/import/supplements/${SUPPLEMENT}: no ${variable} for ${year}`);
    return entry;
  };

  const years: EmploymentYear[] = [];
  for (let year = FIRST_YEAR; year <= LAST_YEAR; year++) {
    const recentRow = recent.rows.find((row) => recent.number(row, "year") === year);
    if (recentRow) {
      years.push({
        year,
        total: recent.number(recentRow, "employed_total_10k"),
        primary: recent.number(recentRow, "primary_10k"),
        secondary: recent.number(recentRow, "secondary_10k"),
        tertiary: recent.number(recentRow, "tertiary_10k"),
        estimated: false,
        method: "official",
        source: recent.text(recentRow, "source")
      });
    } else if (supplement.has(`${year}/primary`)) {
      const total = fromSupplement(year, "total");
      years.push({
        year,
        total: total.value,
        primary: fromSupplement(year, "primary").value,
        secondary: fromSupplement(year, "secondary").value,
        tertiary: fromSupplement(year, "tertiary").value,
        estimated: false,
        method: "official",
        source: total.url
      });
    } else if (supplement.has(`${year}/primary_share_pct`)) {
      const total =
        year <= 2018 ? {value: sectoralValue("TOT", year), url: "ionet TOT"} : fromSupplement(year, "total");
      const primaryShare = fromSupplement(year, "primary_share_pct");
      const secondaryShare = fromSupplement(year, "secondary_share_pct");
      const primary = (total.value * primaryShare.value) / 100;
      const secondary = (total.value * secondaryShare.value) / 100;
      years.push({
        year,
        total: total.value,
        primary,
        secondary,
        tertiary: total.value - primary - secondary,
        estimated: false,
        method: "communique-shares",
        source: `total: ${total.url}; shares: ${primaryShare.url}`
      });
    } else {
      // Research estimates by section (Wang, Jia & Wang 2021), aggregated to tiers and scaled to the official total.
      const total = sectoralValue("TOT", year);
      const sum = (codes: string[]) => codes.reduce((s, code) => s + sectoralValue(code, year), 0);
      const primaryRaw = sectoralValue("A", year);
      const secondaryRaw = sum(SECONDARY_SECTIONS);
      const tertiaryRaw = sum(TERTIARY_SECTIONS);
      const scale = total / (primaryRaw + secondaryRaw + tertiaryRaw);
      const primary = primaryRaw * scale;
      const secondary = secondaryRaw * scale;
      years.push({
        year,
        total,
        primary,
        secondary,
        tertiary: total - primary - secondary,
        estimated: true,
        method: "research-sections",
        source: "ionet china_employment (Wang, Jia & Wang 2021)"
      });
    }
  }
  return years;
}

export async function buildNationalEmployment(context: SourceContext): Promise<BuiltTable> {
  const years = await readNationalEmployment(context);
  const rows: Cell[][] = years.map((y) => [
    y.year,
    y.total,
    y.primary,
    y.secondary,
    y.tertiary,
    y.estimated,
    y.method,
    y.source
  ]);
  return {
    table: {
      file: DATA_FILES.nationalEmployment,
      columns: [
        {name: "year", description: "calendar year (year-end stock)"},
        {name: "total", description: "employed persons (就业人员), 万人", decimals: 4},
        {name: "primary", description: "employed in the primary industry, 万人", decimals: 4},
        {name: "secondary", description: "employed in the secondary industry, 万人", decimals: 4},
        {
          name: "tertiary",
          description: "employed in the tertiary industry, 万人 (= total − primary − secondary)",
          decimals: 4
        },
        {name: "estimated", description: "true when the tier split is an estimate (2007–2016)"},
        {
          name: "method",
          description: "official | communique-shares (total × the published tier shares, 1 decimal) | research-sections"
        },
        {name: "source", description: "where the row's numbers were taken from"}
      ],
      rows
    },
    source: {
      id: "nbs-national-employment",
      title: "National employed persons, total and by tier",
      citation: "国家统计局、人力资源和社会保障部就业人员统计",
      publisher:
        "国家统计局 NBS (totals, 2020–2022 tiers); 人力资源和社会保障部 MOHRSS statistical communiqués (2017–2019 tier shares); Wang, Jia & Wang (2021), 统计研究 38(12) (2007–2016 section estimates)",
      intermediary:
        "totals ≤ 2018 and 2007–2016 sections: ionet china_employment.rda (Carol-seven/ionet, commit fa9d0423dac4b642a7697ba49ea82877f9935c9c); 2021–2022: ../shared national_employment_three_industries_2021_2022.csv; 2017–2020 shares and 2019–2020 figures: press reports listed in scripts/import/supplements/national-employment.csv",
      vintage:
        "totals 2007–2019: NBS before the 7th-census revision (2017 77,640; 2018 77,586; 2019 77,471); 2020–2022: as published from 2021 on (2020 75,064), so 2019 → 2020 is a vintage break",
      unit: "万人",
      years: `${FIRST_YEAR}–${LAST_YEAR}`,
      transformations: [
        `2007–2018 totals: TOT of ../shared/${SECTORAL}; 2019 total 77,471 and 2020 total and tiers: scripts/import/supplements/${SUPPLEMENT} (with source URLs)`,
        "2017–2019 tiers: total × the MOHRSS tier shares (27.0/28.1/44.9, 26.1/27.6/46.3, 25.1/27.5/47.4 %); tertiary = total − primary − secondary",
        `2021–2022: ../shared/${RECENT} as is`,
        "2007–2016 tiers: section estimates aggregated (A; B–E; F–T) and scaled to the official total; flagged estimated"
      ],
      estimated: true,
      estimateZh: "2007—2016年分产业就业结构取自研究机构的分行业估算（其第一产业口径与国家统计局不同）",
      estimate: "the 2007–2016 tier split comes from research section estimates (section A is not NBS 第一产业)",
      caveats:
        "Tier shares printed with one decimal put 2017–2019 tiers within about ±39 万人. The 2019 → 2020 drop (77,471 → 75,064) is the 7th-census rebasing, not a fall in jobs; the 2023 yearbook revised the earlier years (2018 to 75,782), which this series does not use. The loader hands the model only baseYear … last data year; the 2007–2016 totals feed the macro series.",
      upstream: [`../shared/${SECTORAL}`, `../shared/${RECENT}`, `scripts/import/supplements/${SUPPLEMENT}`]
    }
  };
}
