import {describe, expect, it} from "vitest";
import type {SectionInfo, Tier} from "../../model/inputs.ts";
import {allocateProvinces, provinceWeights} from "../../model/method/regional.ts";
import {employmentProvincialShare, employmentProvincialTier, employmentShares} from "../../model/method/employment.ts";
import type {Parts} from "../../model/method/projection.ts";
import type {AccountsYear, LabourYear} from "../../model/method/timeline.ts";

const parts = (direct: number, penetration: number): Parts => ({direct, penetration, total: direct + penetration});
const tiers = new Map<Tier, Parts>([
  ["primary", parts(0, 10)],
  ["secondary", parts(40, 60)],
  ["tertiary", parts(20, 70)]
]);
const acc = (primary: number, secondary: number, tertiary: number): AccountsYear => ({
  gdp: primary + secondary + tertiary,
  primary,
  secondary,
  tertiary,
  estimated: false,
  forecast: false
});
const accounts = new Map([
  ["a", acc(10, 100, 90)],
  ["b", acc(30, 50, 120)]
]);
const lab = (primary: number, secondary: number, tertiary: number): LabourYear => ({
  total: primary + secondary + tertiary,
  primary,
  secondary,
  tertiary,
  estimated: false,
  forecast: false
});

describe("regional allocation", () => {
  it("province-weight: ω_i ∝ Σ_j GDP^j_i η^j with η^j = Z^j / Z; allocations add up to the national total", () => {
    const out = allocateProvinces("province-weight", tiers, accounts);
    const z = 200;
    const eta = {primary: 10 / z, secondary: 100 / z, tertiary: 90 / z};
    const raw = (a: AccountsYear): number =>
      a.primary * eta.primary + a.secondary * eta.secondary + a.tertiary * eta.tertiary;
    expect(out.get("a")!.total).toBeCloseTo(
      (z * raw(accounts.get("a")!)) / (raw(accounts.get("a")!) + raw(accounts.get("b")!)),
      12
    );
    expect(out.get("a")!.total + out.get("b")!.total).toBeCloseTo(z, 12);
    expect(out.get("a")!.direct + out.get("b")!.direct).toBeCloseTo(60, 12);
  });

  it("province-tier: each tier split by the provinces' shares of that tier's GDP (η cancels)", () => {
    const w = provinceWeights("province-tier", tiers, accounts);
    expect(w.get("a")!.secondary).toBeCloseTo(100 / 150, 12);
    const out = allocateProvinces("province-tier", tiers, accounts);
    expect(out.get("a")!.total).toBeCloseTo(10 * 0.25 + 100 * (100 / 150) + 90 * (90 / 210), 12);
    for (const field of ["total", "direct", "penetration"] as const)
      expect(out.get("a")![field] + out.get("b")![field]).toBeCloseTo(
        tiers.get("primary")![field] + tiers.get("secondary")![field] + tiers.get("tertiary")![field],
        12
      );
  });
});

describe("employment", () => {
  const sections: SectionInfo[] = [
    {code: "A", entity: "agriculture", nameZh: "农", shortZh: "农", tier: "primary"},
    {code: "C", entity: "manufacturing", nameZh: "制", shortZh: "制", tier: "secondary"},
    {code: "I", entity: "ict", nameZh: "信", shortZh: "信", tier: "tertiary"}
  ];
  const sectionParts = new Map([
    ["A", parts(0, 10)],
    ["C", parts(40, 60)],
    ["I", parts(20, 70)]
  ] as const);
  const provinces = allocateProvinces("province-tier", tiers, accounts);

  it("provincial-share (2020): E_i = Z_i π_i L / GDP_i, sections by one national productivity, pro-rata split", () => {
    const pi = employmentShares(
      new Map([
        ["a", 30],
        ["b", 10]
      ])
    );
    expect(pi.get("a")).toBe(0.75);
    const e = employmentProvincialShare(
      {
        year: 2019,
        forecast: false,
        national: parts(60, 140),
        provinces,
        sections: sectionParts,
        accounts: acc(40, 150, 210),
        labour: lab(100, 100, 200),
        provincialAccounts: accounts,
        provincialLabour: new Map()
      },
      sections,
      pi
    );
    const expected = (provinces.get("a")!.total * 0.75 * 400) / 200 + (provinces.get("b")!.total * 0.25 * 400) / 200;
    expect(e.national.total).toBeCloseTo(expected, 12);
    const pro = 200 / expected;
    expect(e.sections.get("C")!.total).toBeCloseTo(100 / pro, 12);
    expect(e.national.direct / e.national.penetration).toBeCloseTo(60 / 140, 12);
    const sectionSum = [...e.sections.values()].reduce((s, x) => s + x.total, 0);
    expect(sectionSum).toBeCloseTo(e.national.total, 12);
  });

  it("provincial-share forecast year: E = Z / (GDP / L), provinces rescaled to it", () => {
    const pi = employmentShares(
      new Map([
        ["a", 30],
        ["b", 10]
      ])
    );
    const e = employmentProvincialShare(
      {
        year: 2020,
        forecast: true,
        national: parts(60, 140),
        provinces,
        sections: sectionParts,
        accounts: acc(40, 150, 210),
        labour: lab(100, 100, 200),
        provincialAccounts: accounts,
        provincialLabour: new Map()
      },
      sections,
      pi
    );
    expect(e.national.total).toBeCloseTo((200 * 400) / 400, 12);
    expect([...e.provinces.values()].reduce((s, v) => s + v, 0)).toBeCloseTo(e.national.total, 12);
  });

  const tierInput = (sectionWages?: Map<"A" | "C" | "I", number>) => ({
    year: 2021,
    forecast: false,
    national: parts(60, 140),
    provinces,
    sections: sectionParts,
    accounts: acc(40, 150, 210),
    labour: lab(20, 15, 21),
    provincialAccounts: accounts,
    provincialLabour: new Map([
      ["a", lab(5, 10, 9)],
      ["b", lab(15, 5, 12)]
    ]),
    ...(sectionWages ? {sectionWages} : {})
  });

  it("provincial-tier (2022): E_i = Σ_j Z^j_i L^j_i / GDP^j_i, sections by their tier's productivity", () => {
    const e = employmentProvincialTier(tierInput(), sections);
    const a = provinces.get("a")!.byTier;
    const ea = (a.primary.total * 5) / 10 + (a.secondary.total * 10) / 100 + (a.tertiary.total * 9) / 90;
    expect(e.provinces.get("a")).toBeCloseTo(ea, 12);
    expect(e.national.total).toBeCloseTo(ea + e.provinces.get("b")!, 12);
    expect(e.sections.get("C")!.total).toBeCloseTo(100 / (150 / 15), 12);
    expect(e.sections.get("C")!.direct).toBeCloseTo(40 / (150 / 15), 12);
    expect(e.national.direct + e.national.penetration).toBeCloseTo(e.national.total, 12);
  });

  it("provincial-tier with wages: a section's value added per job is proportional to its average wage", () => {
    // Wages 5, 10 and 20 万元: unscaled jobs 10/5 + 100/10 + 90/20 = 16.5, scaled to the provincial total T.
    const e = employmentProvincialTier(
      tierInput(
        new Map([
          ["A", 50_000],
          ["C", 100_000],
          ["I", 200_000]
        ])
      ),
      sections
    );
    const total = e.national.total;
    expect(total).toBeCloseTo(employmentProvincialTier(tierInput(), sections).national.total, 12);
    expect(e.sections.get("A")!.total).toBeCloseTo((2 * total) / 16.5, 12);
    expect(e.sections.get("C")!.total).toBeCloseTo((10 * total) / 16.5, 12);
    expect(e.sections.get("I")!.total).toBeCloseTo((4.5 * total) / 16.5, 12);
    expect(e.sections.get("C")!.direct).toBeCloseTo((4 * total) / 16.5, 12);
    // Value added per job: ICT twice manufacturing, as their wages.
    expect(e.sectionProductivity!.get("I")! / e.sectionProductivity!.get("C")!).toBeCloseTo(2, 12);
    expect(e.national.direct).toBeCloseTo(((0 + 4 + 1) * total) / 16.5, 12);
    expect(e.productivity.secondary).toBeCloseTo(100 / e.sections.get("C")!.total, 12);
  });

  it("provincial-tier with wages: a section without a wage stops the model", () => {
    expect(() => employmentProvincialTier(tierInput(new Map([["A", 50_000]])), sections)).toThrow(
      /section C has no average wage for 2021/
    );
  });
});
