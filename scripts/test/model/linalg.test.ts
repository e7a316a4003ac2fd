import {describe, expect, it} from "vitest";
import {lusolve} from "mathjs";
import {inverseColumns, luFactor, luSolve, matVec, SingularMatrixError} from "../../model/method/linalg.ts";

const dense = (rows: number[][]) => ({n: rows.length, data: Float64Array.from(rows.flat())});

describe("luFactor / luSolve", () => {
  it("inverts a 3×3 matrix whose inverse is known", () => {
    // A = [[2,1,0],[1,2,1],[0,1,2]], A⁻¹ = ¼ [[3,−2,1],[−2,4,−2],[1,−2,3]]
    const f = luFactor(
      dense([
        [2, 1, 0],
        [1, 2, 1],
        [0, 1, 2]
      ])
    );
    const inv = inverseColumns(f, [0, 1, 2]);
    const expected = [
      [3, -2, 1],
      [-2, 4, -2],
      [1, -2, 3]
    ]
      .flat()
      .map((v) => v / 4);
    expected.forEach((v, i) => expect(inv[i]).toBeCloseTo(v, 14));
  });

  it("pivots when the leading entry is zero (two pivot columns per sweep)", () => {
    const a = dense([
      [0, 2, 1, 1],
      [1, 1, 0, 2],
      [3, 0, 1, 1],
      [1, 1, 1, 0]
    ]);
    const b = Float64Array.from([1, 2, 3, 4]);
    const x = luSolve(luFactor(a), b, 1);
    const back = matVec(a, x);
    back.forEach((v, i) => expect(v).toBeCloseTo(b[i]!, 12));
  });

  it("solves several right-hand sides at once, odd and even n", () => {
    for (const n of [7, 8]) {
      let seed = n;
      const rnd = (): number => (seed = (seed * 16807) % 2147483647) / 2147483647;
      const rows = Array.from({length: n}, (_, i) => Array.from({length: n}, (_, j) => (i === j ? 1 : 0) - rnd() / n));
      const a = dense(rows);
      const m = 3;
      const b = Float64Array.from({length: n * m}, () => rnd());
      const x = luSolve(luFactor(a), b, m);
      for (let c = 0; c < m; c++) {
        const xc = Float64Array.from({length: n}, (_, i) => x[i * m + c]!);
        matVec(a, xc).forEach((v, i) => expect(v).toBeCloseTo(b[i * m + c]!, 12));
      }
      // Same answer as mathjs on the first column.
      const ref = lusolve(
        rows,
        Array.from({length: n}, (_, i) => b[i * m]!)
      ) as number[][];
      ref.forEach((row, i) => expect(x[i * m]).toBeCloseTo(row[0]!, 10));
    }
  });

  it("reports a singular matrix with its column", () => {
    expect(() =>
      luFactor(
        dense([
          [1, 2],
          [2, 4]
        ])
      )
    ).toThrow(SingularMatrixError);
  });
});
