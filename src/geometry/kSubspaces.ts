/**
 * K-subspace clustering (Ho et al. 2003; the union-of-subspaces model behind MCR^2 and subspace
 * clustering): k linear subspaces of dimension q through the origin, each row assigned to the one
 * with the smallest residual ||x||^2 - ||U_c^T x||^2, each basis refitted as the top-q principal
 * directions (uncentred) of its rows, until no row moves. Each restart seeds the bases from local
 * flats around seeded random rows; the lowest total residual wins.
 */
import { checkpoint } from './abort';
import { createRng } from './random';
import { mat, qr } from './linalg';

export interface KSubspacesOptions {
  /** Dimension q of every subspace (default 2). */
  dim?: number;
  restarts?: number;
  maxIter?: number;
  seed?: number;
  signal?: AbortSignal;
  onProgress?: (fraction: number) => void;
}

export interface KSubspacesResult {
  k: number;
  dim: number;
  labels: Int32Array;
  /** k bases, each d x q row-major with orthonormal columns. */
  bases: Float64Array[];
  /** sum_i min_c residual, and its share of sum_i ||x_i||^2. */
  residual: number;
  residualShare: number;
}

/** Orthonormal d x q from the columns of a d x q matrix (thin QR). */
function orthonormal(data: Float64Array, d: number, q: number): Float64Array {
  return qr(mat(d, q, data)).q.data;
}

/** Top-q uncentred principal directions of the rows with labels[i] === c, by warm-started subspace iteration from U. */
function refit(X: Float32Array, n: number, d: number, labels: Int32Array, c: number, U: Float64Array, q: number): Float64Array {
  let V = U;
  for (let sweep = 0; sweep < 4; sweep++) {
    const W = new Float64Array(d * q);
    const proj = new Float64Array(q);
    for (let i = 0; i < n; i++) {
      if (labels[i] !== c) continue;
      proj.fill(0);
      for (let t = 0; t < d; t++) {
        const x = X[i * d + t];
        for (let a = 0; a < q; a++) proj[a] += x * V[t * q + a];
      }
      for (let t = 0; t < d; t++) {
        const x = X[i * d + t];
        for (let a = 0; a < q; a++) W[t * q + a] += x * proj[a];
      }
    }
    V = orthonormal(W, d, q);
  }
  return V;
}

/** A basis spanned by q seeded random rows (plus a little noise so it has full rank): re-seeds an empty cluster. */
function randomRowsBasis(X: Float32Array, n: number, d: number, q: number, rng: ReturnType<typeof createRng>): Float64Array {
  const B = new Float64Array(d * q);
  for (let a = 0; a < q; a++) {
    const i = Math.floor(rng.uniform() * n);
    for (let t = 0; t < d; t++) B[t * q + a] = X[i * d + t] + 1e-6 * rng.normal();
  }
  return orthonormal(B, d, q);
}

/**
 * The initial basis of a cluster (Ho et al.'s local flats): the top-q directions of a seed row's
 * m = max(4q, 12) most parallel rows (largest |cos|), since the subspaces pass through the origin.
 */
function localFlat(X: Float32Array, n: number, d: number, q: number, seed: number, rng: ReturnType<typeof createRng>): Float64Array {
  const m = Math.min(n, Math.max(4 * q, 12));
  const norm = (i: number) => Math.sqrt(X.subarray(i * d, i * d + d).reduce((s, v) => s + v * v, 0)) || 1;
  const ns = norm(seed);
  const cos = Float64Array.from({ length: n }, (_, i) => {
    let s = 0;
    for (let t = 0; t < d; t++) s += X[seed * d + t] * X[i * d + t];
    return Math.abs(s) / (ns * norm(i));
  });
  const nearest = Array.from({ length: n }, (_, i) => i).sort((a, b) => cos[b] - cos[a]).slice(0, m);
  const mark = new Int32Array(n).fill(-1);
  for (const i of nearest) mark[i] = 0;
  const start = orthonormal(Float64Array.from({ length: d * q }, () => rng.normal()), d, q);
  return refit(X, n, d, mark, 0, start, q);
}

/** Residual of row i against basis U (d x q). */
function residualOf(X: Float32Array, i: number, d: number, U: Float64Array, q: number): number {
  let norm = 0;
  const proj = new Float64Array(q);
  for (let t = 0; t < d; t++) {
    const x = X[i * d + t];
    norm += x * x;
    for (let a = 0; a < q; a++) proj[a] += x * U[t * q + a];
  }
  let p = 0;
  for (let a = 0; a < q; a++) p += proj[a] * proj[a];
  return Math.max(0, norm - p);
}

/** K-subspace clustering of the rows of X (n x d) into k subspaces of dimension q < d. */
export async function kSubspaces(X: Float32Array, n: number, d: number, k: number, opts: KSubspacesOptions = {}): Promise<KSubspacesResult> {
  const q = opts.dim ?? 2;
  if (!(Number.isInteger(k) && k >= 1 && k <= n)) throw new RangeError(`k-subspaces needs 1 <= k <= n (k = ${k}, n = ${n})`);
  if (!(Number.isInteger(q) && q >= 1 && q < d)) throw new RangeError(`k-subspaces needs 1 <= dim < D (dim = ${q}, D = ${d})`);
  const restarts = opts.restarts ?? 6;
  const maxIter = opts.maxIter ?? 50;
  const rng = createRng(opts.seed ?? 1);
  let total = 0;
  for (let t = 0; t < n * d; t++) total += X[t] * X[t];
  let best: KSubspacesResult | null = null;
  for (let r = 0; r < restarts; r++) {
    let bases = Array.from({ length: k }, () => localFlat(X, n, d, q, Math.floor(rng.uniform() * n), rng));
    const labels = new Int32Array(n).fill(-1);
    let residual = 0;
    for (let it = 0; it < maxIter; it++) {
      await checkpoint(opts.signal);
      let moved = 0;
      residual = 0;
      for (let i = 0; i < n; i++) {
        let min = Infinity;
        let arg = 0;
        for (let c = 0; c < k; c++) {
          const e = residualOf(X, i, d, bases[c], q);
          if (e < min) {
            min = e;
            arg = c;
          }
        }
        if (labels[i] !== arg) moved++;
        labels[i] = arg;
        residual += min;
      }
      if (moved === 0) break;
      const sizes = new Int32Array(k);
      for (let i = 0; i < n; i++) sizes[labels[i]]++;
      bases = bases.map((U, c) => (sizes[c] > 0 ? refit(X, n, d, labels, c, U, q) : randomRowsBasis(X, n, d, q, rng)));
      opts.onProgress?.((r + (it + 1) / maxIter) / restarts);
    }
    if (!best || residual < best.residual) best = { k, dim: q, labels: labels.slice(), bases, residual, residualShare: total > 0 ? residual / total : 0 };
    opts.onProgress?.((r + 1) / restarts);
  }
  return best as KSubspacesResult;
}
