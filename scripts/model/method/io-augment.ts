/**
 * @fileoverview The augmented input–output table of methodology §1.3.2. Each related sub-sector k is only partly
 * IIoT (share S_k), so the table gets one extra "virtual pure-IIoT" sector per k. The appendix does not say how the
 * extra rows and columns are filled (gap (a)); we split both row and column of k in the proportions S_k : 1 − S_k:
 *
 *   z'_{pq} = s_p · s_q · z_{o(p), o(q)},   X'_p = s_p · X_{o(p)},
 *
 * where o(p) is the original sector behind augmented sector p and s_p its share (1 − S_k for the remainder of k,
 * S_k for the virtual sector, 1 otherwise). The 2×2 block of k splits four ways, and every original row and column
 * total is kept (the split parts add back to the original). The technical coefficients then reduce to
 * a'_{pq} = z'_{pq} / X'_q = s_p · a_{o(p), o(q)}: a split sector sells a share s_p of k's sales to every buyer and
 * buys with k's input recipe, which is what "the IIoT part of k" means when nothing finer is known.
 */
import type {IoTable} from "../inputs.ts";
import {ModelError} from "../../lib/errors.ts";

export interface AugmentedTable {
  /** 149 + m. */
  size: number;
  /** Number of original sectors (149). */
  base: number;
  /** Original sector behind each augmented sector. */
  origin: Int32Array;
  /** Share s_p of the original sector held by augmented sector p. */
  share: Float64Array;
  /** Index in the original table of the j-th related sub-sector (its virtual sector is base + j). */
  related: Int32Array;
}

/**
 * Lays out the augmented table for the related sub-sectors `relatedIndex` (0-based sector positions) with IIoT
 * shares `shares` (same order).
 */
export function augmentLayout(
  base: number,
  relatedIndex: readonly number[],
  shares: readonly number[]
): AugmentedTable {
  if (relatedIndex.length !== shares.length) throw new Error("one share per related sub-sector expected");
  const m = relatedIndex.length;
  const size = base + m;
  const origin = new Int32Array(size);
  const share = new Float64Array(size).fill(1);
  for (let p = 0; p < base; p++) origin[p] = p;
  relatedIndex.forEach((k, j) => {
    const s = shares[j]!;
    if (!(s >= 0 && s <= 1))
      throw new ModelError(
        "parameters (shares S_k)",
        `share of related sub-sector ${k}: found ${s}; expected a value in [0, 1]`
      );
    if (share[k] !== 1) throw new Error(`related sub-sector ${k} listed twice`);
    share[k] = 1 - s;
    origin[base + j] = k;
    share[base + j] = s;
  });
  return {size, base, origin, share, related: Int32Array.from(relatedIndex)};
}

/** The augmented intermediate flows z' (size × size, row-major) and outputs X' — explicit, for checks and tests. */
export function augmentedFlows(io: IoTable, layout: AugmentedTable): {flows: Float64Array; output: Float64Array} {
  const {size, origin, share} = layout;
  const n = io.sectors.length;
  const flows = new Float64Array(size * size);
  const output = new Float64Array(size);
  for (let p = 0; p < size; p++) {
    const op = origin[p]!;
    const sp = share[p]!;
    output[p] = sp * io.sectors[op]!.output;
    for (let q = 0; q < size; q++) flows[p * size + q] = sp * share[q]! * io.intermediate[op * n + origin[q]!]!;
  }
  return {flows, output};
}

/** Technical coefficients a_ij = x_ij / X_j of the original table (a column with zero output has zero coefficients). */
export function technicalCoefficients(io: IoTable): Float64Array {
  const n = io.sectors.length;
  const a = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    const x = io.sectors[j]!.output;
    if (x <= 0) continue;
    for (let i = 0; i < n; i++) a[i * n + j] = io.intermediate[i * n + j]! / x;
  }
  return a;
}

/**
 * I − A' of the augmented table, from the original coefficients: (I − A')_{pq} = δ_pq − s_p · a_{o(p), o(q)}.
 * Equal to building z' and X' and dividing, but defined also when a share is exactly 0 (X'_q = 0).
 */
export function augmentedLeontiefMatrix(coefficients: Float64Array, n: number, layout: AugmentedTable): Float64Array {
  const {size, origin, share} = layout;
  const m = new Float64Array(size * size);
  for (let p = 0; p < size; p++) {
    const row = origin[p]! * n;
    const sp = share[p]!;
    const out = p * size;
    for (let q = 0; q < size; q++) m[out + q] = -sp * coefficients[row + origin[q]!]!;
    m[out + p] = m[out + p]! + 1;
  }
  return m;
}
