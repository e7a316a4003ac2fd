/**
 * @fileoverview Dense LU factorisation with partial pivoting on row-major Float64Arrays, and a multi-right-hand-side
 * solve. The Leontief step needs only a handful of columns of (I − A)⁻¹, so the inverse is never formed: factor once,
 * then solve for the unit vectors of the wanted columns. mathjs does the same in ~10 s at n = 1302; this runs in well
 * under a second because every inner loop walks contiguous memory (row-major, row views hoisted with `subarray`) and
 * the trailing update applies two pivot steps per pass to two rows at a time, so each load of a pivot-row entry
 * serves four multiply-adds.
 */

/** An n×n matrix stored row-major: entry (i, j) at data[i * n + j]. */
export interface DenseMatrix {
  n: number;
  data: Float64Array;
}

/** L (unit lower, below the diagonal) and U (on and above) packed in one array, plus the row permutation. */
export interface LuFactors {
  n: number;
  lu: Float64Array;
  /** perm[i] = the original row now at position i. */
  perm: Int32Array;
}

export class SingularMatrixError extends Error {
  constructor(readonly column: number) {
    super(`matrix is singular to working precision at column ${column}`);
    this.name = "SingularMatrixError";
  }
}

function swapRows(a: Float64Array, n: number, r1: number, r2: number): void {
  if (r1 === r2) return;
  const row1 = a.subarray(r1 * n, r1 * n + n);
  const row2 = a.subarray(r2 * n, r2 * n + n);
  for (let j = 0; j < n; j++) {
    const t = row1[j]!;
    row1[j] = row2[j]!;
    row2[j] = t;
  }
}

/** Row index (≥ from) of the largest |a[i][col]|: partial pivoting keeps the multipliers ≤ 1 in magnitude. */
function pivotRow(a: Float64Array, n: number, col: number, from: number): number {
  let best = from;
  let bestAbs = Math.abs(a[from * n + col]!);
  for (let i = from + 1; i < n; i++) {
    const v = Math.abs(a[i * n + col]!);
    if (v > bestAbs) {
      bestAbs = v;
      best = i;
    }
  }
  if (bestAbs === 0 || !Number.isFinite(bestAbs)) throw new SingularMatrixError(col);
  return best;
}

/**
 * Factors P·A = L·U in place on a copy of `matrix`. Right-looking, two pivot columns per sweep: column k+1 is
 * brought up to date with step k before its pivot is chosen, so the pivoting is exactly that of the textbook
 * one-column algorithm.
 */
export function luFactor(matrix: DenseMatrix): LuFactors {
  const {n} = matrix;
  const a = Float64Array.from(matrix.data);
  const perm = new Int32Array(n);
  for (let i = 0; i < n; i++) perm[i] = i;
  const swap = (r1: number, r2: number): void => {
    swapRows(a, n, r1, r2);
    const t = perm[r1]!;
    perm[r1] = perm[r2]!;
    perm[r2] = t;
  };

  let k = 0;
  for (; k + 1 < n; k += 2) {
    // Step k: pivot, multipliers, and bring column k+1 up to date.
    const p = pivotRow(a, n, k, k);
    swap(k, p);
    const rowK = a.subarray(k * n, k * n + n);
    const pivK = rowK[k]!;
    const akk1 = rowK[k + 1]!;
    for (let i = k + 1; i < n; i++) {
      const off = i * n;
      const l = a[off + k]! / pivK;
      a[off + k] = l;
      a[off + k + 1] = a[off + k + 1]! - l * akk1;
    }
    // Step k+1: pivot among the updated column k+1; the pivot row gets its step-k update before it is used.
    const q = pivotRow(a, n, k + 1, k + 1);
    swap(k + 1, q);
    const rowK1 = a.subarray((k + 1) * n, (k + 1) * n + n);
    const lK1 = rowK1[k]!;
    for (let j = k + 2; j < n; j++) rowK1[j] = rowK1[j]! - lK1 * rowK[j]!;
    const pivK1 = rowK1[k + 1]!;
    // Trailing update with both pivot rows in one pass, two trailing rows at a time (each load of the pivot rows
    // serves four multiply-adds).
    let i = k + 2;
    for (; i + 1 < n; i += 2) {
      const row = a.subarray(i * n, i * n + n);
      const next = a.subarray((i + 1) * n, (i + 1) * n + n);
      const l1 = row[k]!;
      const l2 = row[k + 1]! / pivK1;
      const m1 = next[k]!;
      const m2 = next[k + 1]! / pivK1;
      row[k + 1] = l2;
      next[k + 1] = m2;
      for (let j = k + 2; j < n; j++) {
        const u1 = rowK[j]!;
        const u2 = rowK1[j]!;
        row[j] = row[j]! - l1 * u1 - l2 * u2;
        next[j] = next[j]! - m1 * u1 - m2 * u2;
      }
    }
    if (i < n) {
      const row = a.subarray(i * n, i * n + n);
      const l1 = row[k]!;
      const l2 = row[k + 1]! / pivK1;
      row[k + 1] = l2;
      for (let j = k + 2; j < n; j++) row[j] = row[j]! - l1 * rowK[j]! - l2 * rowK1[j]!;
    }
  }
  if (k < n) {
    // Odd n: the last pivot is the bottom-right element, already fully updated.
    if (a[k * n + k] === 0 || !Number.isFinite(a[k * n + k]!)) throw new SingularMatrixError(k);
  }
  return {n, lu: a, perm};
}

/**
 * Solves A·X = B for X given the factors of A; B is n×m row-major (m right-hand sides side by side), so both
 * substitution sweeps run over contiguous rows of length m.
 */
export function luSolve(f: LuFactors, b: Float64Array, m: number): Float64Array {
  const {n, lu, perm} = f;
  if (b.length !== n * m) throw new Error(`right-hand side has ${b.length} entries; expected ${n}×${m}`);
  const x = new Float64Array(n * m);
  for (let i = 0; i < n; i++) x.set(b.subarray(perm[i]! * m, perm[i]! * m + m), i * m);
  // Forward (L has a unit diagonal), then backward; plain offsets rather than row views, because the loop over k is
  // the hot one and a view per k would allocate.
  for (let i = 1; i < n; i++) {
    const xi = i * m;
    const off = i * n;
    for (let k = 0; k < i; k++) {
      const l = lu[off + k]!;
      if (l === 0) continue;
      const xk = k * m;
      for (let c = 0; c < m; c++) x[xi + c] = x[xi + c]! - l * x[xk + c]!;
    }
  }
  for (let i = n - 1; i >= 0; i--) {
    const xi = i * m;
    const off = i * n;
    for (let k = i + 1; k < n; k++) {
      const u = lu[off + k]!;
      if (u === 0) continue;
      const xk = k * m;
      for (let c = 0; c < m; c++) x[xi + c] = x[xi + c]! - u * x[xk + c]!;
    }
    const d = lu[off + i]!;
    for (let c = 0; c < m; c++) x[xi + c] = x[xi + c]! / d;
  }
  return x;
}

/** The columns `cols` of A⁻¹ (n × cols.length, row-major) without forming the inverse: solves A·x = e_c. */
export function inverseColumns(f: LuFactors, cols: readonly number[]): Float64Array {
  const m = cols.length;
  const b = new Float64Array(f.n * m);
  cols.forEach((col, c) => {
    b[col * m + c] = 1;
  });
  return luSolve(f, b, m);
}

/** y = A·x for a row-major matrix (tests and residual checks). */
export function matVec(a: DenseMatrix, x: Float64Array): Float64Array {
  const {n, data} = a;
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    const off = i * n;
    for (let j = 0; j < n; j++) s += data[off + j]! * x[j]!;
    y[i] = s;
  }
  return y;
}
