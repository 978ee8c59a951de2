/** Rate reduction (MCR^2, Yu et al. 2020) of unit-normalised features. */
import type { Mat } from './types';
import { logdetSpd } from './linalg';
import { centredGram, unitRows } from './rows';

/**
 * Coding rates of Z (n x d, rows L2-normalised first; zero rows stay zero), eps2 = epsilon^2:
 * R = 1/2 logdet(I + d/(n eps2) Z^T Z), R_c = sum_k (n_k/2n) logdet(I + d/(n_k eps2) Z_k^T Z_k),
 * deltaR = R - R_c (natural log). Each logdet uses the smaller Gram (logdet(I + a Z^T Z) =
 * logdet(I + a Z Z^T)); classes without rows contribute 0.
 */
export function codingRate(
  Z: Float32Array,
  n: number,
  d: number,
  labels: Int32Array,
  K: number,
  eps2 = 0.5,
): { R: number; Rc: number; deltaR: number } {
  const U = unitRows(Z, n, d);
  const members: number[][] = Array.from({ length: K }, () => []);
  for (let i = 0; i < n; i++) {
    if (!(labels[i] >= 0 && labels[i] < K)) throw new RangeError(`label ${labels[i]} at row ${i} is outside [0, ${K})`);
    members[labels[i]].push(i);
  }
  const R = 0.5 * logdetIdentityPlus(U, d, Array.from({ length: n }, (_, i) => i), d / (n * eps2));
  let Rc = 0;
  for (const rows of members) {
    const m = rows.length;
    if (m === 0) continue;
    Rc += (m / (2 * n)) * logdetIdentityPlus(U, d, rows, d / (m * eps2));
  }
  return { R, Rc, deltaR: R - Rc };
}

/** logdet(I + a Z_S^T Z_S) for the rows S of Z, through the smaller of the d x d and |S| x |S| Grams. */
function logdetIdentityPlus(Z: Float64Array, d: number, rows: number[], a: number): number {
  const G: Mat = centredGram(Z, d, rows, null, d <= rows.length);
  const m = G.rows;
  for (let t = 0; t < m * m; t++) G.data[t] *= a;
  for (let i = 0; i < m; i++) G.data[i * m + i] += 1;
  return logdetSpd(G);
}
