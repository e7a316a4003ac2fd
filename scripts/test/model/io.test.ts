import {describe, expect, it} from "vitest";
import type {IoTable, RelatedSubsector} from "../../model/inputs.ts";
import {
  augmentedFlows,
  augmentedLeontiefMatrix,
  augmentLayout,
  technicalCoefficients
} from "../../model/method/io-augment.ts";
import {computeBaseYear, prepareBaseYear} from "../../model/method/base-year.ts";
import {inverseColumns, luFactor} from "../../model/method/linalg.ts";

/**
 * A 3-sector table (万元): flows z, outputs X = (100, 200, 100). A = z / X by column:
 *   A = [[0.1, 0.1, 0.2], [0.2, 0.2, 0.1], [0.1, 0.05, 0.1]].
 */
const z = [
  [10, 20, 20],
  [20, 40, 10],
  [10, 10, 10]
];
const output = [100, 200, 100];
const io: IoTable = {
  year: 2017,
  unit: "万元",
  sectors: output.map((x, j) => {
    const m = z.reduce((s, row) => s + row[j]!, 0);
    return {
      code: `00${j + 1}`,
      nameZh: `部门${j + 1}`,
      section: j === 2 ? "I" : "C",
      output: x,
      intermediateInput: m,
      valueAdded: x - m,
      intermediateUse: z[j]!.reduce((s, v) => s + v, 0)
    };
  }),
  intermediate: Float64Array.from(z.flat())
};
const related = (codes: string[]): RelatedSubsector[] =>
  codes.map((c) => ({
    ioCode: c,
    nameZh: c,
    section: "C",
    segment: "network",
    segments: [{segment: "network", share: 1}]
  }));

describe("augmented table (split S_k : 1 − S_k)", () => {
  const layout = augmentLayout(3, [0, 2], [0.3, 0.6]);
  const {flows, output: x} = augmentedFlows(io, layout);
  const n = layout.size;

  it("keeps every original row and column total", () => {
    const rowTotal = (p: number): number =>
      Array.from({length: n}, (_, q) => flows[p * n + q]!).reduce((s, v) => s + v, 0);
    const colTotal = (q: number): number =>
      Array.from({length: n}, (_, p) => flows[p * n + q]!).reduce((s, v) => s + v, 0);
    // Sector 1 (index 0) is split into index 0 and the virtual index 3; sector 3 into 2 and 4.
    expect(rowTotal(0) + rowTotal(3)).toBeCloseTo(50, 12);
    expect(colTotal(0) + colTotal(3)).toBeCloseTo(40, 12);
    expect(rowTotal(1)).toBeCloseTo(70, 12);
    expect(colTotal(2) + colTotal(4)).toBeCloseTo(40, 12);
    expect(x[0]! + x[3]!).toBeCloseTo(100, 12);
    // The 2×2 block of a split sector splits four ways: z_11 = 10 → 0.7², 0.7·0.3, 0.3·0.7, 0.3².
    expect(flows[0]).toBeCloseTo(10 * 0.49, 12);
    expect(flows[0 * n + 3]).toBeCloseTo(10 * 0.21, 12);
    expect(flows[3 * n + 3]).toBeCloseTo(10 * 0.09, 12);
  });

  it("has technical coefficients a'_pq = s_p a_o(p)o(q), equal to z'/X'", () => {
    const m = augmentedLeontiefMatrix(technicalCoefficients(io), 3, layout);
    for (let p = 0; p < n; p++)
      for (let q = 0; q < n; q++) expect(-m[p * n + q]! + (p === q ? 1 : 0)).toBeCloseTo(flows[p * n + q]! / x[q]!, 12);
  });
});

describe("Leontief inverse of the 3-sector table", () => {
  it("matches (I − A)⁻¹ computed by hand (column sums of a known case)", () => {
    const a = technicalCoefficients(io);
    expect(Array.from(a)).toEqual([0.1, 0.1, 0.2, 0.2, 0.2, 0.1, 0.1, 0.05, 0.1].map((v) => expect.closeTo(v, 15)));
    const m = Float64Array.from(a, (v, i) => (i % 4 === 0 ? 1 : 0) - v);
    const c = inverseColumns(luFactor({n: 3, data: m}), [0, 1, 2]);
    // Check (I − A) C = I.
    for (let i = 0; i < 3; i++)
      for (let j = 0; j < 3; j++) {
        let s = 0;
        for (let k = 0; k < 3; k++) s += m[i * 3 + k]! * c[k * 3 + j]!;
        expect(s).toBeCloseTo(i === j ? 1 : 0, 13);
      }
  });
});

describe("base year: direct and penetration value added", () => {
  const setup = prepareBaseYear(io, related(["001", "003"]));

  it("direct = Σ S_k (X_k − M_k), in 亿元", () => {
    const r = computeBaseYear(setup, [0.3, 0.6]);
    expect(r.direct).toBeCloseTo((0.3 * (100 - 40) + 0.6 * (100 - 40)) / 1e4, 15);
    expect(r.directBySection.get("C")).toBeCloseTo((0.3 * 60) / 1e4, 15);
  });

  it("S = 0 gives no direct and no penetration value added", () => {
    const r = computeBaseYear(setup, [0, 0]);
    expect(r.direct).toBe(0);
    expect(r.penetration).toBe(0);
  });

  it("penetration follows ΔY_i = Σ_j C_{i,v_j}/C_{v_j v_j} X_k S_k and dz_i = λ_i (X_i − M_i)", () => {
    const shares = [0.3, 0.6];
    const r = computeBaseYear(setup, shares);
    const layout = augmentLayout(3, [0, 2], shares);
    const m = augmentedLeontiefMatrix(technicalCoefficients(io), 3, layout);
    const c = inverseColumns(luFactor({n: 5, data: m}), [3, 4]);
    for (let i = 0; i < 3; i++) {
      const dy = (c[i * 2]! / c[3 * 2]!) * 100 * 0.3 + (c[i * 2 + 1]! / c[4 * 2 + 1]!) * 100 * 0.6;
      expect(r.inducedOutput[i]).toBeCloseTo(dy, 12);
      const va = output[i]! - z.reduce((s, row) => s + row[i]!, 0);
      expect(r.dz[i]).toBeCloseTo(((dy / output[i]!) * va) / 1e4, 15);
    }
    expect(r.penetration).toBeGreaterThan(0);
  });
});
