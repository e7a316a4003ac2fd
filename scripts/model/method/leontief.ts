/**
 * @fileoverview The penetration effect of methodology §1.3.2: the output each ordinary sector must produce for the
 * IIoT sectors' gross output. Solves (I − A')·c = e_v for the virtual sectors v only (11 columns of the Leontief
 * inverse C), then
 *
 *   ΔY_i = Σ_j C_{i, v_j} / C_{v_j v_j} · ΔX_{v_j},   ΔX_{v_j} = X_{k_j} · S_{k_j},   i = 1 … 149.
 *
 * Dividing a column by its diagonal turns "per unit of final use of v" into "per unit of gross output of v".
 */
import {inverseColumns, luFactor} from "./linalg.ts";
import type {AugmentedTable} from "./io-augment.ts";

export interface LeontiefColumns {
  /** C_{p, v_j} for all augmented p (size × m, row-major). */
  columns: Float64Array;
  m: number;
}

/** The Leontief-inverse columns of the virtual sectors, from I − A' (size × size, row-major). */
export function virtualColumns(leontiefMatrix: Float64Array, layout: AugmentedTable): LeontiefColumns {
  const m = layout.size - layout.base;
  const factors = luFactor({n: layout.size, data: leontiefMatrix});
  const cols = Array.from({length: m}, (_, j) => layout.base + j);
  return {columns: inverseColumns(factors, cols), m};
}

/**
 * ΔY_i for the original sectors (i < base), in the unit of `virtualOutput` (万元 for the IO table); `virtualOutput[j]`
 * = X_{k_j} S_{k_j}.
 */
export function inducedOutput(
  c: LeontiefColumns,
  layout: AugmentedTable,
  virtualOutput: readonly number[]
): Float64Array {
  const {columns, m} = c;
  const dy = new Float64Array(layout.base);
  for (let j = 0; j < m; j++) {
    const diag = columns[(layout.base + j) * m + j]!;
    const scale = virtualOutput[j]! / diag;
    if (scale === 0) continue;
    for (let i = 0; i < layout.base; i++) dy[i] = dy[i]! + columns[i * m + j]! * scale;
  }
  return dy;
}
