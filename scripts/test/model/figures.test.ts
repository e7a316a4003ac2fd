import {describe, expect, it} from "vitest";
import {metricKind} from "../../model/reproduction/metric-kinds.ts";
import {parseRecordId, recordId} from "../../model/records/records.ts";
import {formula} from "../../model/records/formulas.ts";
import {reproduce} from "../../model/reproduction/reproduction.ts";
import {computeModel} from "../../model/method/edition-model.ts";
import {editionData, EDITIONS} from "./real-data.ts";

describe.each(EDITIONS)("computeFigures, edition %i", (edition) => {
  it("computes every published model record (same metric, scope, entity, year)", async () => {
    const {figures, published} = await editionData(edition);
    const ids = new Set(figures.records.map(recordId));
    const missing = published
      .filter((p) => metricKind(p.metric) === "model")
      .map((p) => `${p.metric}/${p.scope}/${p.entity}/${p.year}`)
      .filter((id) => !ids.has(id));
    expect(missing).toEqual([]);
  });

  it("is sorted, traceable and in canonical units", async () => {
    const {figures, config} = await editionData(edition);
    const ids = figures.records.map(recordId);
    expect([...ids].sort()).toEqual(ids);
    const known = new Set(ids);
    for (const r of figures.records) {
      expect(Number.isFinite(r.value)).toBe(true);
      for (const input of r.inputs) expect(known.has(input), `${recordId(r)} → ${input}`).toBe(true);
      if (r.formulaId) expect(r.formula).toBe(formula(r.formulaId as Parameters<typeof formula>[0]).tex);
      if (r.kind === "model") expect(r.formulaId).toBeDefined();
      // Computed records are forecasts exactly from the forecast year on; an observed figure is one only when its
      // source states it as a projection, which can only concern the forecast year or later.
      if (r.kind === "observed" || r.kind === "context") {
        if (r.forecast) expect(r.year, recordId(r)).toBeGreaterThanOrEqual(config.forecastYear);
      } else expect(r.forecast, recordId(r)).toBe(r.year >= config.forecastYear);
      if (r.metric.startsWith("iiot_value_added")) expect(r.unit).toBe("亿元");
    }
    const va = figures.records.find((r) => recordId(r) === `iiot_value_added/national/china/${config.dataYears[1]}`)!;
    expect(va.sources.length).toBeGreaterThan(0);
    expect(va.inputs).toEqual([
      `iiot_value_added_direct/national/china/${config.dataYears[1]}`,
      `iiot_value_added_penetration/national/china/${config.dataYears[1]}`
    ]);
  });

  it("uses no data year after the edition's last data year (no look-ahead)", async () => {
    const {figures, config} = await editionData(edition);
    const late = figures.records.filter((r) => r.kind === "input" && r.year > config.dataYears[1]);
    expect(late).toEqual([]);
    expect(Math.max(...figures.records.filter((r) => r.kind === "model").map((r) => r.year))).toBe(config.forecastYear);
  });

  it("states the multiplier actually used on its records", async () => {
    const {figures, config} = await editionData(edition);
    const mu = figures.records.filter((r) => r.metric === "technology_multiplier");
    expect(mu.length).toBeGreaterThan(0);
    // A calibrated or given μ is a parameter; a rule's μ is computed from the records it names, and its note says how.
    for (const r of mu) {
      const rule = config.multiplier.rules[String(r.year)]?.rule ?? "calibrated";
      expect(r.kind, `μ ${r.year}`).toBe(rule === "calibrated" || rule === "given" ? "parameter" : "model");
      expect(r.note, `μ ${r.year}`).toMatch(new RegExp(`^${r.year}年的乘数`));
      if (rule === "cobb-douglas")
        expect(r.value).toBe(
          figures.records.find((x) => recordId(x) === `cd_multiplier/national/china/${r.year}`)!.value
        );
    }
    // One multiplier per year after the base year, positive, and the cumulative one is their running product.
    const years = mu.map((r) => r.year).sort((a, b) => a - b);
    expect(years[0]).toBe(config.baseYear + 1);
    expect(years[years.length - 1]).toBe(config.forecastYear);
    let product = 1;
    for (const year of years) {
      const annual = mu.find((r) => r.year === year)!.value;
      expect(annual, `μ ${year}`).toBeGreaterThan(0);
      product *= annual;
      const cumulative = figures.records.find(
        (r) => recordId(r) === `technology_multiplier_cumulative/national/china/${year}`
      );
      if (cumulative) expect(cumulative.value, `M ${year}`).toBeCloseTo(product, 10);
    }
    expect(figures.records.some((r) => r.metric === "cd_alpha")).toBe(true);
  });

  it("hits the base-year calibration targets and keeps direct + penetration = total", async () => {
    const {inputs, config, params} = await editionData(edition);
    const model = computeModel(inputs, config, params);
    for (const t of config.calibration.targets.filter((x) => x.record.endsWith(`/${config.baseYear}`))) {
      const id = parseRecordId(t.record)!;
      const n = model.projection.national.get(id.year)!;
      const v = id.metric.endsWith("_direct") ? n.direct : id.metric.endsWith("_penetration") ? n.penetration : n.total;
      expect(Math.abs(v / t.value - 1)).toBeLessThan(1e-3);
    }
  });

  it("reproduction joins every published model record and keeps the national levels close", async () => {
    const {figures, published, config} = await editionData(edition);
    const r = reproduce(figures, published, config);
    expect(r.missing).toEqual([]);
    // An edition not yet published (the newest) has nothing to compare: no row, and no headline to hold.
    if (published.length === 0) {
      expect(r.rows).toEqual([]);
      return;
    }
    const national = r.summary.find((s) => s.scope === "national")!;
    expect(national.levels.matched).toBeGreaterThan(5);
    // The headline numbers of the paper: the totals are calibration targets (to 0.1 %); growth and the share of GDP
    // follow from the data and must stay within what the published papers print (0.15 pp, 0.05 pp).
    const headline = r.rows.filter(
      (row) =>
        row.scope === "national" &&
        !row.inconsistent &&
        /^(iiot_value_added|nominal_growth|share_of_gdp)\//.test(row.id)
    );
    expect(headline.length).toBeGreaterThanOrEqual(5);
    for (const row of headline) {
      if (row.id.startsWith("iiot_value_added/")) expect(Math.abs(row.diffPct ?? Infinity), row.id).toBeLessThan(0.1);
      else if (row.id.startsWith("nominal_growth/"))
        expect(Math.abs(row.diffAbs ?? Infinity), row.id).toBeLessThan(0.15);
      else expect(Math.abs(row.diffAbs ?? Infinity), row.id).toBeLessThan(0.05);
    }
  });
});

describe("2020 edition specifics", () => {
  it("new-infrastructure output and share (CI = CF · ΔII)", async () => {
    const {figures} = await editionData(2020);
    const out = figures.records.find((r) => recordId(r) === "new_infrastructure_output/national/china/2020")!;
    expect(out.value).toBeCloseTo(1960, 6);
    expect(out.forecast).toBe(true);
  });
});

describe("2022 edition specifics", () => {
  it("the four segments add up to the national direct value added every year", async () => {
    const {figures} = await editionData(2022);
    const get = (id: string): number => figures.records.find((r) => recordId(r) === id)!.value;
    for (let y = 2017; y <= 2022; y++) {
      const s = ["network", "platform", "data", "security"].reduce(
        (acc, g) => acc + get(`iiot_value_added_direct/direct_segment/${g}/${y}`),
        0
      );
      expect(s).toBeCloseTo(get(`iiot_value_added_direct/national/china/${y}`), 6);
    }
  });
});
