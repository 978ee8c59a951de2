import type { Mat } from '../types';
import { mat } from './mat';
import { symEig, tridiagonalQr, type SymEig } from './eig';
import { backTransform, ShiftedTridiagonalLu, tridiagonalize } from './tridiagonal';

const EPS = 2.220446049250313e-16;
/** At or below this size symEigTop is symEig truncated (O(n^3) is cheap there, and results stay symEig's). */
export const TOP_EIG_DIRECT_MAX = 128;
const MAX_ITERATIONS = 8;

/**
 * All eigenvalues (descending) and the q leading unit eigenvectors (vectors: n x q, column j for
 * values[j]) of a symmetric matrix: Householder tridiagonalisation on the lower triangle
 * (4n^3/3 flops), eigenvalues by implicit QR without vectors (O(n^2)), then inverse iteration on
 * T for each wanted eigenvalue, re-orthogonalised within clusters (gaps <= 1e-3 ||T||, as
 * LAPACK's dstein), and back-transformed (O(q n^2)). symEig truncated when n <= 128 or q > n/4.
 */
export function symEigTop(a: Mat, q: number): SymEig {
  const n = a.rows;
  if (a.cols !== n) throw new Error(`symEigTop: matrix is ${a.rows}x${a.cols}, not square`);
  const want = Math.max(0, Math.min(n, Math.floor(q)));
  if (n <= TOP_EIG_DIRECT_MAX || 4 * want > n) return truncate(symEig(a), want);
  const t = tridiagonalize(a.data, n);
  const values = Float64Array.from(t.d);
  tridiagonalQr(values, Float64Array.from(t.e), null, n);
  values.sort((x, y) => y - x);
  let norm = 0;
  for (let i = 0; i < n; i++) norm = Math.max(norm, Math.abs(t.d[i]) + (i > 0 ? Math.abs(t.e[i - 1]) : 0) + (i < n - 1 ? Math.abs(t.e[i]) : 0));
  const scale = norm > 0 ? norm : 1;
  const clusterGap = 1e-3 * scale;
  const separation = 10 * EPS * scale;
  const found: Float64Array[] = [];
  let clusterStart = 0;
  let shift = Infinity;
  for (let j = 0; j < want; j++) {
    if (j > 0 && values[j - 1] - values[j] > clusterGap) clusterStart = j;
    shift = Math.min(values[j], shift - separation);
    found.push(inverseIteration(t.d, t.e, shift, found.slice(clusterStart), EPS * scale, j));
  }
  const vectors = mat(n, want);
  found.forEach((z, j) => {
    backTransform(t, z);
    for (let r = 0; r < n; r++) vectors.data[r * want + j] = z[r];
  });
  return { values, vectors };
}

/** A unit eigenvector of tridiagonal (d, e) for the eigenvalue nearest `shift`, orthogonal to `cluster`. */
function inverseIteration(d: Float64Array, e: Float64Array, shift: number, cluster: Float64Array[], tiny: number, seed: number): Float64Array {
  const n = d.length;
  const lu = new ShiftedTridiagonalLu(d, e, shift, tiny);
  const z = startVector(n, seed);
  const tolerance = 100 * n * tiny;
  for (let it = 0; it < MAX_ITERATIONS; it++) {
    orthonormalise(z, cluster);
    lu.solve(z);
    const growth = norm2(z);
    if (it >= 1 && 1 / growth <= tolerance) break;
  }
  orthonormalise(z, cluster);
  return z;
}

/** Modified Gram-Schmidt of z against the unit vectors in `basis` (twice), then z / ||z||. */
function orthonormalise(z: Float64Array, basis: Float64Array[]): void {
  for (let pass = 0; pass < 2 && basis.length > 0; pass++) {
    for (const b of basis) {
      let dot = 0;
      for (let i = 0; i < z.length; i++) dot += b[i] * z[i];
      for (let i = 0; i < z.length; i++) z[i] -= dot * b[i];
    }
  }
  const s = norm2(z);
  for (let i = 0; i < z.length; i++) z[i] /= s;
}

function norm2(z: Float64Array): number {
  let s = 0;
  for (let i = 0; i < z.length; i++) s += z[i] * z[i];
  return Math.sqrt(s);
}

/** A deterministic start with no zero entries (an LCG per eigenvalue index). */
function startVector(n: number, seed: number): Float64Array {
  let s = (0x9e3779b9 ^ Math.imul(seed + 1, 0x85ebca6b)) >>> 0;
  const z = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    z[i] = 0.5 + s / 2 ** 32;
    if (s & 1) z[i] = -z[i];
  }
  return z;
}

function truncate(full: SymEig, q: number): SymEig {
  const n = full.values.length;
  const vectors = mat(n, q);
  for (let r = 0; r < n; r++) for (let j = 0; j < q; j++) vectors.data[r * q + j] = full.vectors.data[r * n + j];
  return { values: full.values, vectors };
}
