/**
 * Householder reduction of a symmetric matrix to tridiagonal form that touches only the lower
 * triangle (half the flops of a full update) and keeps the reflectors for a later back-transform,
 * plus the symmetric tridiagonal kernels symEigTop needs: partial-pivoting LU solves for inverse
 * iteration (Golub & Van Loan 4.3, 8.4, 8.5; LAPACK's dsytd2, dgttrf and dstein do the same).
 */

/** T = Q^T A Q with Q = H_0 H_1 ... H_{n-3}, H_k = I - 2 v_k v_k^T (v_k zero where no reflection was needed). */
export interface Tridiagonal {
  n: number;
  /** Diagonal of T (length n). */
  d: Float64Array;
  /** Off-diagonal of T: e[i] = T[i][i+1] (length n - 1). */
  e: Float64Array;
  /** v_k (unit, nonzero from index k + 1) stored at reflectors[k * n ..]; rows n-2, n-1 unused. */
  reflectors: Float64Array;
}

/**
 * Reduces the symmetric n x n row-major `a` (read from its lower triangle) to tridiagonal form;
 * a is not modified. Step k's rank-2 update is applied in the same pass over the trailing block
 * as step k+1's product S v (one sweep of memory per step instead of two).
 */
export function tridiagonalize(a: Float64Array, n: number): Tridiagonal {
  const A = Float64Array.from(a);
  const d = new Float64Array(n);
  const e = new Float64Array(Math.max(n - 1, 0));
  const reflectors = new Float64Array(n * n);
  const w = new Float64Array(n);
  const pending = new Float64Array(n);
  let vPrev: Float64Array | null = null;
  for (let k = 0; k < n - 2; k++) {
    if (vPrev) {
      const vk = vPrev[k];
      const wk = pending[k];
      A[k * n + k] -= 2 * vk * wk;
      for (let i = k + 1; i < n; i++) A[i * n + k] -= vPrev[i] * wk + pending[i] * vk;
    }
    const v = reflectors.subarray(k * n, k * n + n);
    let norm2 = 0;
    for (let i = k + 1; i < n; i++) norm2 += A[i * n + k] * A[i * n + k];
    const x0 = A[(k + 1) * n + k];
    const norm = Math.sqrt(norm2);
    if (norm === 0 || norm2 - x0 * x0 <= 1e-300 * norm2) {
      if (vPrev) updateLower(A, n, k + 1, vPrev, pending);
      vPrev = null;
      e[k] = x0;
      continue;
    }
    const alpha = x0 > 0 ? -norm : norm;
    for (let i = k + 1; i < n; i++) v[i] = A[i * n + k];
    v[k + 1] -= alpha;
    let vn2 = 0;
    for (let i = k + 1; i < n; i++) vn2 += v[i] * v[i];
    const inv = 1 / Math.sqrt(vn2);
    for (let i = k + 1; i < n; i++) v[i] *= inv;
    updateAndMultiply(A, n, k + 1, vPrev, pending, v, w);
    let K = 0;
    for (let i = k + 1; i < n; i++) K += v[i] * w[i];
    // Pending update S <- S - v w^T - w v^T with w = 2 (S v - (v.S v) v).
    for (let i = k + 1; i < n; i++) pending[i] = 2 * (w[i] - K * v[i]);
    vPrev = v;
    e[k] = alpha;
  }
  if (vPrev) updateLower(A, n, n - 2, vPrev, pending);
  for (let i = 0; i < n; i++) d[i] = A[i * n + i];
  if (n >= 2) e[n - 2] = A[(n - 1) * n + n - 2];
  return { n, d, e, reflectors };
}

/** A <- A - u g^T - g u^T on the lower triangle of the trailing block from `from`. */
function updateLower(A: Float64Array, n: number, from: number, u: Float64Array, g: Float64Array): void {
  for (let i = from; i < n; i++) {
    const row = i * n;
    const ui = u[i];
    const gi = g[i];
    for (let j = from; j <= i; j++) A[row + j] -= ui * g[j] + gi * u[j];
  }
}

/**
 * On the trailing block S = A[from.., from..] (lower triangle): first S <- S - u g^T - g u^T when
 * u is given, then p[from..] = S v, in one pass.
 */
function updateAndMultiply(A: Float64Array, n: number, from: number, u: Float64Array | null, g: Float64Array, v: Float64Array, p: Float64Array): void {
  p.fill(0, from);
  for (let i = from; i < n; i++) {
    const row = i * n;
    const vi = v[i];
    let s = 0;
    if (u) {
      const ui = u[i];
      const gi = g[i];
      for (let j = from; j < i; j++) {
        const aij = A[row + j] - (ui * g[j] + gi * u[j]);
        A[row + j] = aij;
        s += aij * v[j];
        p[j] += aij * vi;
      }
      A[row + i] -= 2 * ui * gi;
    } else {
      for (let j = from; j < i; j++) {
        const aij = A[row + j];
        s += aij * v[j];
        p[j] += aij * vi;
      }
    }
    p[i] += s + A[row + i] * vi;
  }
}

/** z <- Q z = H_0 (H_1 (... H_{n-3} z)): an eigenvector of T becomes one of A. */
export function backTransform(t: Tridiagonal, z: Float64Array): void {
  const { n, reflectors } = t;
  for (let k = n - 3; k >= 0; k--) {
    const o = k * n;
    let dot = 0;
    for (let i = k + 1; i < n; i++) dot += reflectors[o + i] * z[i];
    if (dot === 0) continue;
    dot *= 2;
    for (let i = k + 1; i < n; i++) z[i] -= dot * reflectors[o + i];
  }
}

/** LU with partial pivoting of T - sigma I (dgttrf's layout); tiny pivots are replaced by `tiny`. */
export class ShiftedTridiagonalLu {
  private readonly dd: Float64Array;
  private readonly dl: Float64Array;
  private readonly du: Float64Array;
  private readonly du2: Float64Array;
  private readonly swapped: Uint8Array;

  constructor(d: Float64Array, e: Float64Array, sigma: number, tiny: number) {
    const n = d.length;
    const dd = Float64Array.from(d, (x) => x - sigma);
    const dl = Float64Array.from(e);
    const du = Float64Array.from(e);
    const du2 = new Float64Array(Math.max(n - 2, 0));
    const swapped = new Uint8Array(Math.max(n - 1, 0));
    for (let i = 0; i < n - 1; i++) {
      if (Math.abs(dd[i]) >= Math.abs(dl[i])) {
        if (Math.abs(dd[i]) < tiny) dd[i] = dd[i] < 0 ? -tiny : tiny;
        const f = dl[i] / dd[i];
        dl[i] = f;
        dd[i + 1] -= f * du[i];
      } else {
        const f = dd[i] / dl[i];
        dd[i] = dl[i];
        dl[i] = f;
        const u = du[i];
        du[i] = dd[i + 1];
        dd[i + 1] = u - f * dd[i + 1];
        if (i < n - 2) {
          du2[i] = du[i + 1];
          du[i + 1] = -f * du[i + 1];
        }
        swapped[i] = 1;
      }
    }
    if (n > 0 && Math.abs(dd[n - 1]) < tiny) dd[n - 1] = dd[n - 1] < 0 ? -tiny : tiny;
    this.dd = dd;
    this.dl = dl;
    this.du = du;
    this.du2 = du2;
    this.swapped = swapped;
  }

  /** Overwrites b with (T - sigma I)^-1 b. */
  solve(b: Float64Array): void {
    const { dd, dl, du, du2, swapped } = this;
    const n = dd.length;
    for (let i = 0; i < n - 1; i++) {
      if (swapped[i]) {
        const t = b[i];
        b[i] = b[i + 1];
        b[i + 1] = t - dl[i] * b[i];
      } else {
        b[i + 1] -= dl[i] * b[i];
      }
    }
    b[n - 1] /= dd[n - 1];
    if (n >= 2) b[n - 2] = (b[n - 2] - du[n - 2] * b[n - 1]) / dd[n - 2];
    for (let i = n - 3; i >= 0; i--) b[i] = (b[i] - du[i] * b[i + 1] - du2[i] * b[i + 2]) / dd[i];
  }
}
