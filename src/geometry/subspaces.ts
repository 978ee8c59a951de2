/** Linear subspaces: principal angles between them, per-class subspaces, projections onto them. */
import type { Mat } from './types';
import { mat, matmulTN, svd, symEig } from './linalg';
import { centredGram } from './rows';

/**
 * Principal angles between span(Q1) and span(Q2) (orthonormal columns, d x k1 and d x k2),
 * min(k1, k2) of them, ascending: theta_i = arccos sigma_i(Q1^T Q2), except that angles below
 * pi/4 come from arcsin of the singular values of (I - Q1 Q1^T) Q2 (accurate for tiny angles;
 * Q2 is the narrower basis). geodesic = ||theta||_2, chordal = sqrt(2) ||sin theta||_2.
 */
export function principalAngles(Q1: Mat, Q2: Mat): { angles: Float64Array; geodesic: number; chordal: number } {
  if (Q1.rows !== Q2.rows) throw new RangeError(`principalAngles: bases live in ${Q1.rows} and ${Q2.rows} dimensions`);
  const [A, B] = Q2.cols <= Q1.cols ? [Q1, Q2] : [Q2, Q1];
  const p = B.cols;
  const angles = new Float64Array(p);
  if (p === 0) return { angles, geodesic: 0, chordal: 0 };
  const coeff = matmulTN(A, B);
  const cosines = svd(coeff).s;
  const residual = mat(B.rows, p, B.data);
  const d = B.rows;
  for (let i = 0; i < d; i++) {
    for (let j = 0; j < p; j++) {
      let s = 0;
      for (let c = 0; c < A.cols; c++) s += A.data[i * A.cols + c] * coeff.data[c * p + j];
      residual.data[i * p + j] -= s;
    }
  }
  const sines = svd(residual).s;
  let geo = 0;
  let chord = 0;
  for (let i = 0; i < p; i++) {
    const sine = Math.min(1, sines[p - 1 - i]);
    const theta = sine * sine < 0.5 ? Math.asin(sine) : Math.acos(Math.min(1, cosines[i]));
    angles[i] = theta;
    geo += theta * theta;
    chord += Math.sin(theta) ** 2;
  }
  return { angles, geodesic: Math.sqrt(geo), chordal: Math.sqrt(2 * chord) };
}

/**
 * Per class k, a d x r orthonormal basis of the top right singular vectors of the class's
 * centred rows, r = min(k, n_c - 1, d) reduced further to the numerical rank (singular values
 * above 1e-6 of the largest). Through the smaller of the d x d or n_c x n_c Gram, in float64.
 */
export function classSubspaces(X: Float32Array, n: number, d: number, labels: Int32Array, K: number, k: number): Mat[] {
  const members: number[][] = Array.from({ length: K }, () => []);
  for (let i = 0; i < n; i++) {
    if (!(labels[i] >= 0 && labels[i] < K)) throw new RangeError(`label ${labels[i]} at row ${i} is outside [0, ${K})`);
    members[labels[i]].push(i);
  }
  return members.map((rows) => topRightSingularVectors(X, d, rows, k));
}

function topRightSingularVectors(X: Float32Array, d: number, rows: number[], k: number): Mat {
  const m = rows.length;
  const mean = new Float64Array(d);
  for (const i of rows) for (let t = 0; t < d; t++) mean[t] += X[i * d + t] / m;
  const want = Math.max(0, Math.min(k, m - 1, d));
  if (want === 0) return mat(d, 0);
  const byColumns = d <= m;
  const { values, vectors } = symEig(centredGram(X, d, rows, mean, byColumns));
  let r = 0;
  while (r < want && values[r] > 1e-12 * values[0]) r++;
  const basis = mat(d, r);
  for (let c = 0; c < r; c++) {
    if (byColumns) {
      for (let t = 0; t < d; t++) basis.data[t * r + c] = vectors.data[t * d + c];
      continue;
    }
    // v_c = Xc^T u_c / sigma_c from the n_c x n_c Gram's eigenvector u_c.
    const sigma = Math.sqrt(values[c]);
    for (let a = 0; a < m; a++) {
      const u = vectors.data[a * m + c] / sigma;
      const o = rows[a] * d;
      for (let t = 0; t < d; t++) basis.data[t * r + c] += u * (X[o + t] - mean[t]);
    }
  }
  return basis;
}

/** Coefficients X Q (n x k row-major float32) of the rows of X on the columns of Q (d x k). */
export function projectOnto(X: Float32Array, n: number, d: number, Q: Mat): Float32Array {
  if (Q.rows !== d) throw new RangeError(`projectOnto: basis has ${Q.rows} rows, data has ${d} columns`);
  const k = Q.cols;
  const out = new Float32Array(n * k);
  const acc = new Float64Array(k);
  for (let i = 0; i < n; i++) {
    acc.fill(0);
    for (let t = 0; t < d; t++) {
      const x = X[i * d + t];
      for (let c = 0; c < k; c++) acc[c] += x * Q.data[t * k + c];
    }
    out.set(acc, i * k);
  }
  return out;
}
