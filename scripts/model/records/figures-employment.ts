/**
 * @fileoverview Employment records (万人): national, tiers, sections, provinces and regions — totals, direct and
 * penetration parts, new jobs, growth, shares and rankings — from the variant chosen by config.methods.employment.
 * The productivity each variant divides by is a record too (labour_productivity, 万元/人), so the "one value added
 * per job" property of the method can be read off the figures file.
 */
import type {EditionConfig} from "../edition-config.ts";
import type {Inputs} from "../inputs.ts";
import {TIERS} from "../inputs.ts";
import type {EditionModel} from "../method/edition-model.ts";
import type {RecordBook} from "./record-book.ts";
import {NATIONAL} from "./entities.ts";
import {addGrowthSeries, id} from "./figures-series.ts";
import {employmentNew, employmentShareOfNational, ranks, ratio, shareOfTotal} from "../method/stats.ts";
import {PI_YEAR} from "../method/employment.ts";
import type {Scope} from "./records.ts";

function addNew(book: RecordBook, level: string, metric: string, scope: Scope, entity: string, year: number): void {
  const now = id(level, scope, entity, year);
  const before = id(level, scope, entity, year - 1);
  if (!book.has(now) || !book.has(before)) return;
  book.add(metric, scope, entity, year, employmentNew(book.value(now), book.value(before)), "万人", "employment_new", {
    inputs: [now, before]
  });
}

export function addEmploymentRecords(
  book: RecordBook,
  model: EditionModel,
  inputs: Inputs,
  config: EditionConfig
): void {
  const {years, lastDataYear} = model.timeline;
  const shareMethod = config.methods.employment === "provincial-share";
  for (const year of years) {
    const e = model.employment.get(year)!;
    const z = id("iiot_value_added", "national", NATIONAL, year);
    const labour = id("employed_persons", "national", NATIONAL, year);
    const forecast = year > lastDataYear;

    // Provinces.
    const provinceIds: string[] = [];
    for (const [pid, value] of e.provinces) {
      const inputsOf = shareMethod
        ? [
            id("iiot_value_added", "province", pid, year),
            id("gdp", "province", pid, year),
            labour,
            id("main_employment", "province", pid, PI_YEAR)
          ]
        : [
            id("iiot_value_added", "province", pid, year),
            ...TIERS.flatMap((j) => [
              id(`gdp_${j}`, "province", pid, year),
              id(`employed_persons_${j}`, "province", pid, year)
            ])
          ];
      const note = shareMethod && forecast ? "按省级路径测算后，按比例缩放到全国预测值 `E_f = Z_f / Pro_f`" : undefined;
      provinceIds.push(
        book.add(
          "employment_total",
          "province",
          pid,
          year,
          value,
          "万人",
          shareMethod ? "employment_province_share" : "employment_province_tier",
          {
            inputs: inputsOf.filter((x) => book.has(x)),
            ...(note ? {note} : {})
          }
        )
      );
    }
    // National total and productivity.
    const total =
      shareMethod && forecast
        ? book.add(
            "employment_total",
            "national",
            NATIONAL,
            year,
            e.national.total,
            "万人",
            "employment_forecast_national",
            {
              inputs: [z, id("gdp", "national", NATIONAL, year), labour]
            }
          )
        : book.add(
            "employment_total",
            "national",
            NATIONAL,
            year,
            e.national.total,
            "万人",
            "employment_national_sum",
            {inputs: provinceIds}
          );
    const proIds = new Map<string, string>();
    if (shareMethod) {
      const pid = book.add(
        "labour_productivity",
        "national",
        NATIONAL,
        year,
        e.productivity.primary,
        "万元/人",
        "employment_section_national",
        {
          inputs: [z, total],
          note: "全国劳动生产率 `Pro_n = Z_n / E_n`，各行业门类通用"
        }
      );
      for (const j of TIERS) proIds.set(j, pid);
    } else if (e.sectionProductivity) {
      // Wages: each section's own productivity, w_s / k_n (k_n makes the sections add up to the total).
      for (const s of inputs.sections)
        proIds.set(
          s.code,
          book.add(
            "labour_productivity",
            "sector",
            s.entity,
            year,
            e.sectionProductivity.get(s.code)!,
            "万元/人",
            "employment_section_wage",
            {
              inputs: [
                id("average_wage", "sector", s.entity, year),
                total,
                ...inputs.sections.flatMap((x) => [
                  id("iiot_value_added", "sector", x.entity, year),
                  id("average_wage", "sector", x.entity, year)
                ])
              ],
              note: "各门类的劳动生产率与该门类城镇非私营单位就业人员平均工资成比例，比例系数使各门类带动就业之和等于全国带动就业"
            }
          )
        );
    } else {
      for (const j of TIERS)
        proIds.set(
          j,
          book.add("labour_productivity", "tier", j, year, e.productivity[j], "万元/人", "employment_section_tier", {
            inputs: [id("gdp", "tier", j, year), id("employed_persons", "tier", j, year)],
            note: "第j产业的全国劳动生产率 `Pro^j_n = GDP^j_n / L^j_n`（全国分产业数据），用于该产业所含的各行业门类"
          })
        );
    }
    // Sections and tiers.
    for (const s of inputs.sections) {
      const jobs = e.sections.get(s.code)!;
      const pro = proIds.get(e.sectionProductivity ? s.code : s.tier)!;
      const formulaId = shareMethod
        ? "employment_section_national"
        : e.sectionProductivity
          ? "employment_section_wage"
          : "employment_section_tier";
      for (const [metric, level, value] of [
        ["employment_total", "iiot_value_added", jobs.total],
        ["employment_direct", "iiot_value_added_direct", jobs.direct],
        ["employment_penetration", "iiot_value_added_penetration", jobs.penetration]
      ] as const)
        book.add(metric, "sector", s.entity, year, value, "万人", formulaId, {
          inputs: [id(level, "sector", s.entity, year), pro]
        });
    }
    for (const j of TIERS) {
      const members = inputs.sections
        .filter((s) => s.tier === j)
        .map((s) => id("employment_total", "sector", s.entity, year));
      const tierJobs = book.add(
        "employment_total",
        "tier",
        j,
        year,
        members.reduce((sum, x) => sum + book.value(x), 0),
        "万人",
        "sum_sections",
        {inputs: members}
      );
      // With wages each section has its own productivity; the tier's is their average, value added per job.
      if (e.sectionProductivity)
        book.add("labour_productivity", "tier", j, year, e.productivity[j], "万元/人", "tier_productivity_average", {
          inputs: [id("iiot_value_added", "tier", j, year), tierJobs]
        });
    }
    // National direct / penetration.
    const split = shareMethod ? "employment_pro_rata" : "employment_split_sections";
    const splitInputs = shareMethod
      ? [
          total,
          id("iiot_value_added_direct", "national", NATIONAL, year),
          id("iiot_value_added_penetration", "national", NATIONAL, year),
          z
        ]
      : [
          total,
          ...inputs.sections.flatMap((s) => [
            id("employment_direct", "sector", s.entity, year),
            id("employment_total", "sector", s.entity, year)
          ])
        ];
    const d = book.add("employment_direct", "national", NATIONAL, year, e.national.direct, "万人", split, {
      inputs: splitInputs
    });
    const p = book.add("employment_penetration", "national", NATIONAL, year, e.national.penetration, "万人", split, {
      inputs: splitInputs
    });
    book.add(
      "employment_penetration_to_direct_ratio",
      "national",
      NATIONAL,
      year,
      ratio(e.national.penetration, e.national.direct),
      "",
      "ratio",
      {inputs: [p, d]}
    );
    book.add(
      "employment_share_of_national",
      "national",
      NATIONAL,
      year,
      employmentShareOfNational(e.national.total, book.value(labour)),
      "%",
      "employment_share_of_national",
      {
        inputs: [total, labour]
      }
    );
    for (const pid of e.provinces.keys()) {
      const pe = id("employment_total", "province", pid, year);
      book.add(
        "employment_share_of_national",
        "province",
        pid,
        year,
        shareOfTotal(book.value(pe), e.national.total),
        "%",
        "share_of_total",
        {
          inputs: [pe, total],
          note: "占全国工业互联网带动就业人数的比重"
        }
      );
    }
    const rank = ranks(e.provinces);
    for (const [pid, r] of rank)
      book.add("employment_rank", "province", pid, year, r, "位", "rank", {inputs: provinceIds});
    // Regions.
    for (const region of config.regions) {
      const members = region.provinces.map((pid) => id("employment_total", "province", pid, year));
      book.add(
        "employment_total",
        "region",
        region.id,
        year,
        members.reduce((s, x) => s + book.value(x), 0),
        "万人",
        "region_sum",
        {inputs: members}
      );
    }
  }
  // New jobs and growth.
  for (const year of years.slice(1)) {
    addNew(book, "employment_total", "employment_new", "national", NATIONAL, year);
    addNew(book, "employment_direct", "employment_direct_new", "national", NATIONAL, year);
    addNew(book, "employment_penetration", "employment_penetration_new", "national", NATIONAL, year);
    for (const j of TIERS) addNew(book, "employment_total", "employment_new", "tier", j, year);
    for (const s of inputs.sections) {
      addNew(book, "employment_total", "employment_new", "sector", s.entity, year);
      addNew(book, "employment_direct", "employment_direct_new", "sector", s.entity, year);
      addNew(book, "employment_penetration", "employment_penetration_new", "sector", s.entity, year);
    }
    for (const pid of model.employment.get(year)!.provinces.keys())
      addNew(book, "employment_total", "employment_new", "province", pid, year);
    for (const region of config.regions) addNew(book, "employment_total", "employment_new", "region", region.id, year);
  }
  const later = years.slice(1);
  const grow = (scope: Scope, entity: string): void =>
    addGrowthSeries(book, {level: "employment_total", growth: "employment_growth", scope, entity, years: later});
  grow("national", NATIONAL);
  for (const j of TIERS) grow("tier", j);
  for (const s of inputs.sections) grow("sector", s.entity);
  for (const pid of model.employment.get(years[0]!)!.provinces.keys()) grow("province", pid);
  for (const region of config.regions) grow("region", region.id);
  for (const year of later) {
    const growth = new Map<string, number>();
    for (const pid of model.employment.get(year)!.provinces.keys())
      growth.set(pid, book.value(id("employment_growth", "province", pid, year)));
    for (const [pid, r] of ranks(growth))
      book.add("employment_growth_rank", "province", pid, year, r, "位", "rank", {
        inputs: [...growth.keys()].map((x) => id("employment_growth", "province", x, year))
      });
  }
}
