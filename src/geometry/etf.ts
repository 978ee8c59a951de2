/**
 * The simplex equiangular tight frame (ETF): the configuration the centred class means reach under
 * neural collapse. Target cosines, the means' actual cosines, and the ideal ETF nearest the means.
 */
import type { Mat } from './types';
import { mat, matmul, matmulTN, procrustesRotation, svd } from './linalg';

/** K x K cosines of the rows of Mc (the centred class means): cos(mu_k - mu_G, mu_l - mu_G); 0 for a zero row. */
export function cosineMatrix(Mc: Mat): Mat {
  const { rows: K, cols: d, data } = Mc;
  const norms = new Float64Array(K);
  for (let k = 0; k < K; k++) {
    let s = 0;
    for (let t = 0; t < d; t++) s += data[k * d + t] ** 2;
    norms[k] = Math.sqrt(s);
  }
  const out = mat(K, K);
  for (let k = 0; k < K; k++) {
    for (let l = k; l < K; l++) {
      let s = 0;
      for (let t = 0; t < d; t++) s += data[k * d + t] * data[l * d + t];
      const c = norms[k] > 0 && norms[l] > 0 ? s / (norms[k] * norms[l]) : 0;
      out.data[k * K + l] = c;
      out.data[l * K + k] = c;
    }
  }
  return out;
}

/** The ETF's cosines: 1 on the diagonal, -1/(K-1) elsewhere. */
export function etfCosines(K: number): Mat {
  const out = mat(K, K);
  for (let k = 0; k < K; k++) for (let l = 0; l < K; l++) out.data[k * K + l] = k === l ? 1 : -1 / (K - 1);
  return out;
}

/** K x (K-1) Helmert basis of the complement of the all-ones vector: orthonormal columns, B B^T = I - 11^T/K. */
export function helmertBasis(K: number): Mat {
  const B = mat(K, K - 1);
  for (let j = 1; j < K; j++) {
    const s = 1 / Math.sqrt(j * (j + 1));
    for (let i = 0; i < j; i++) B.data[i * (K - 1) + j - 1] = s;
    B.data[j * (K - 1) + j - 1] = -j * s;
  }
  return B;
}

/**
 * The simplex ETF nearest the centred means Mc (K x d) in Frobenius norm: E = alpha B R with B the
 * Helmert basis, R = U V^T the Procrustes rotation of B^T Mc = U S V^T ((K-1) x d, orthonormal
 * rows) and alpha = sum(S)/(K-1), so E E^T = alpha^2 (I - 11^T/K). Null when d < K-1 (the simplex
 * does not fit) or K < 2. `residual` = ||E - Mc||_F / ||Mc||_F.
 */
export function alignedEtf(Mc: Mat): { vertices: Mat; scale: number; residual: number } | null {
  const { rows: K, cols: d } = Mc;
  if (K < 2 || d < K - 1) return null;
  const B = helmertBasis(K);
  const M = matmulTN(B, Mc);
  const R = procrustesRotation(M);
  const S = svd(M).s;
  let sum = 0;
  for (const s of S) sum += s;
  const alpha = sum / (K - 1);
  const vertices = matmul(B, R);
  let num = 0;
  let den = 0;
  for (let t = 0; t < vertices.data.length; t++) {
    vertices.data[t] *= alpha;
    num += (vertices.data[t] - Mc.data[t]) ** 2;
    den += Mc.data[t] ** 2;
  }
  return { vertices, scale: alpha, residual: den > 0 ? Math.sqrt(num / den) : 0 };
}
