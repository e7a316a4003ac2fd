/**
 * @fileoverview The annual series of the Cobb–Douglas fit (methodology §1.3.3): output Y, capital K, labour L.
 * The papers use CEInet series that are not public; this is a documented substitute. Y is nominal GDP, L the
 * employed persons, and K a perpetual-inventory capital stock built from fixed-asset investment (全社会固定资产投资).
 */
import {DATA_FILES} from "../load/data-files.ts";
import {GDP_BY_INDUSTRY, readNationalYears} from "./national-accounts.ts";
import {readNationalEmployment} from "./national-employment.ts";
import {readShared, type SourceContext} from "./sources.ts";
import type {BuiltTable, Cell} from "./table.ts";

const INVESTMENT = "data-sources/nbs-national-annual/fixed_asset_investment_by_section_2003_2023.csv";
export const FIRST_YEAR = 2007;
export const LAST_YEAR = 2022;
/** Geometric depreciation rate, the 9.6 % of Zhang, Wu & Zhang (2004, 经济研究) widely used for China. */
export const DEPRECIATION = 0.096;
/** Years of investment growth that set the initial stock (Harberger: K0 = I0 / (g + δ)). */
export const INITIAL_GROWTH_YEARS = 5;

/**
 * Perpetual inventory: K_t = (1 − δ) K_{t−1} + I_t, starting from K_0 = I_0 / (g + δ) where g is the mean annual
 * (geometric) growth of investment over the first `growthYears` years. `investment` is ordered by year, no gaps.
 */
export function perpetualInventory(investment: readonly number[], depreciation: number, growthYears: number): number[] {
  if (investment.length <= growthYears) throw new Error("not enough years of investment for the initial stock");
  const growth = (investment[growthYears]! / investment[0]!) ** (1 / growthYears) - 1;
  const stocks = [investment[0]! / (growth + depreciation)];
  for (let t = 1; t < investment.length; t++) stocks.push((1 - depreciation) * stocks[t - 1]! + investment[t]!);
  return stocks;
}

export async function buildMacro(context: SourceContext): Promise<BuiltTable> {
  const investmentTable = await readShared(context, INVESTMENT, ["year", "合计", "level_is_official"]);
  const investment = investmentTable.rows.map((row) => ({
    year: investmentTable.number(row, "year"),
    value: investmentTable.number(row, "合计"),
    official: investmentTable.text(row, "level_is_official") === "yes"
  }));
  const firstInvestmentYear = investment[0]!.year;
  investment.forEach((entry, i) => {
    if (entry.year !== firstInvestmentYear + i) throw new Error(`${INVESTMENT}: years must be consecutive`);
  });
  const stocks = perpetualInventory(
    investment.map((entry) => entry.value),
    DEPRECIATION,
    INITIAL_GROWTH_YEARS
  );
  const national = new Map((await readNationalYears(context)).map((y) => [y.year, y]));
  const employment = new Map((await readNationalEmployment(context)).map((y) => [y.year, y]));

  const rows: Cell[][] = [];
  for (let year = FIRST_YEAR; year <= LAST_YEAR; year++) {
    const index = year - firstInvestmentYear;
    const gdp = national.get(year);
    const labour = employment.get(year);
    if (!gdp || !labour || index < 0 || index >= investment.length)
      throw new Error(`macro: missing inputs for ${year}`);
    rows.push([
      year,
      gdp.gdp,
      stocks[index]!,
      labour.total,
      true,
      investment[index]!.value,
      investment[index]!.official
    ]);
  }
  return {
    table: {
      file: DATA_FILES.macro,
      columns: [
        {name: "year", description: "calendar year"},
        {name: "output", description: "Y: nominal GDP, 亿元 (data/national/accounts.csv)"},
        {
          name: "capital",
          description: "K: capital stock by perpetual inventory of fixed-asset investment, 亿元 (current-price sums)",
          decimals: 4
        },
        {name: "labour", description: "L: employed persons, 万人 (data/national/employment.csv)", decimals: 4},
        {
          name: "estimated",
          description: "true: the capital stock is a modelled substitute for the unpublished CEInet series"
        },
        {
          name: "investment",
          description: "I: 全社会固定资产投资 of the year, 亿元 (input of the capital stock)",
          decimals: 4
        },
        {
          name: "investment_official",
          description:
            "true for NBS levels (≤ 2017); false for levels rebuilt from growth rates by the upstream author (≥ 2018)"
        }
      ],
      rows
    },
    source: {
      id: "macro-cobb-douglas",
      title: "Output, capital and labour for the Cobb–Douglas fit (substitute for the CEInet series)",
      citation: "国家统计局国内生产总值、固定资产投资与就业人员数据（资本存量为本报告估算）",
      publisher: "国家统计局 NBS: GDP, 全社会固定资产投资, 就业人员; capital stock computed by this project",
      intermediary:
        "investment: GitHub Czhongshao/2025-HSB, data/近二十年各产业投资情况数据表.xlsx, commit 072e80c595a7be2b78c496ae0e9352dd516c72fb (MIT); GDP and employment as in data/national/",
      vintage:
        "GDP before the 5th-census revision; employment as data/national/employment.csv (break at 2020); investment NBS to 2017, rebuilt from growth rates after",
      unit: "output and capital 亿元 (current prices); labour 万人",
      years: `${FIRST_YEAR}–${LAST_YEAR}`,
      transformations: [
        `capital: K_t = (1 − δ) K_{t−1} + I_t with δ = ${DEPRECIATION} (Zhang, Wu & Zhang 2004), I = 全社会固定资产投资 合计 of ../shared/${INVESTMENT} from ${firstInvestmentYear}`,
        `initial stock K_${firstInvestmentYear} = I_${firstInvestmentYear} / (g + δ), g = mean annual growth of I over ${firstInvestmentYear}–${firstInvestmentYear + INITIAL_GROWTH_YEARS}`,
        `output: gdp of ../shared/${GDP_BY_INDUSTRY}; labour: total of data/national/employment.csv`
      ],
      estimated: true,
      estimateZh:
        "资本存量为本报告按永续盘存法由固定资产投资推算（折旧率9.6%，投资未平减），替代未公开的中经网资本序列",
      estimate:
        "the capital stock is a perpetual-inventory substitute for the unpublished CEInet capital series (δ 9.6 %, investment not deflated)",
      caveats:
        "Investment is in current prices and not deflated (no investment price index in ../shared), and includes land purchases; levels from 2018 on are not official. The assumed initial stock keeps (1 − δ)^4 ≈ 0.67 of its value in 2007, so the early years depend on it. Employment falls in 2020 because of the 7th-census rebasing, which moves γ in 2020. An alternative capital index (PWT 10.01 rkna, 2-decimal rounding, to 2019) is in ../shared/data-sources/wdi-pwt-china-macro and is not used.",
      upstream: [`../shared/${INVESTMENT}`, `../shared/${GDP_BY_INDUSTRY}`, DATA_FILES.nationalEmployment]
    }
  };
}
