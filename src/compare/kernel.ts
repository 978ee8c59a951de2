/**
 * The float64 products behind Compare: out[p][q] = sum_t A[p][t] B[q][t] over rows of equal length,
 * in 4 x 4 register blocks (about 4x a plain triple loop in V8), and the copies that feed it.
 */
import type { Mat } from '../geometry/types';
import { mat } from '../geometry/linalg';

/**
 * A B^T for row-major float64 A (na x len) and B (nb x len): out (na x nb). With symmetric (A === B)
 * only q >= p is computed and mirrored.
 */
export function dotRows(A: Float64Array, B: Float64Array, len: number, na: number, nb: number, symmetric = false): Mat {
  const out = mat(na, nb);
  const o = out.data;
  for (let p = 0; p < na; p += 4) {
    const pe = Math.min(4, na - p);
    for (let q = symmetric ? p : 0; q < nb; q += 4) {
      const qe = Math.min(4, nb - q);
      if (pe === 4 && qe === 4) block4(A, B, len, p, q, o, nb);
      else edge(A, B, len, p, pe, q, qe, o, nb);
    }
  }
  if (symmetric) for (let p = 0; p < na; p++) for (let q = 0; q < p; q++) o[p * nb + q] = o[q * nb + p];
  return out;
}

function block4(A: Float64Array, B: Float64Array, len: number, p: number, q: number, o: Float64Array, nb: number): void {
  const a0 = p * len, a1 = a0 + len, a2 = a1 + len, a3 = a2 + len;
  const b0 = q * len, b1 = b0 + len, b2 = b1 + len, b3 = b2 + len;
  let s00 = 0, s01 = 0, s02 = 0, s03 = 0, s10 = 0, s11 = 0, s12 = 0, s13 = 0;
  let s20 = 0, s21 = 0, s22 = 0, s23 = 0, s30 = 0, s31 = 0, s32 = 0, s33 = 0;
  for (let t = 0; t < len; t++) {
    const x0 = A[a0 + t], x1 = A[a1 + t], x2 = A[a2 + t], x3 = A[a3 + t];
    const y0 = B[b0 + t], y1 = B[b1 + t], y2 = B[b2 + t], y3 = B[b3 + t];
    s00 += x0 * y0; s01 += x0 * y1; s02 += x0 * y2; s03 += x0 * y3;
    s10 += x1 * y0; s11 += x1 * y1; s12 += x1 * y2; s13 += x1 * y3;
    s20 += x2 * y0; s21 += x2 * y1; s22 += x2 * y2; s23 += x2 * y3;
    s30 += x3 * y0; s31 += x3 * y1; s32 += x3 * y2; s33 += x3 * y3;
  }
  const r0 = p * nb + q, r1 = r0 + nb, r2 = r1 + nb, r3 = r2 + nb;
  o[r0] = s00; o[r0 + 1] = s01; o[r0 + 2] = s02; o[r0 + 3] = s03;
  o[r1] = s10; o[r1 + 1] = s11; o[r1 + 2] = s12; o[r1 + 3] = s13;
  o[r2] = s20; o[r2 + 1] = s21; o[r2 + 2] = s22; o[r2 + 3] = s23;
  o[r3] = s30; o[r3 + 1] = s31; o[r3 + 2] = s32; o[r3 + 3] = s33;
}

function edge(A: Float64Array, B: Float64Array, len: number, p: number, pe: number, q: number, qe: number, o: Float64Array, nb: number): void {
  for (let i = p; i < p + pe; i++) {
    for (let j = q; j < q + qe; j++) {
      let s = 0;
      for (let t = 0; t < len; t++) s += A[i * len + t] * B[j * len + t];
      o[i * nb + j] = s;
    }
  }
}

/** The columns of X - 1 mean^T (X row-major n x d) as the rows of a d x n float64 array, for dotRows over samples. */
export function centredColumns(X: Float32Array | Float64Array, n: number, d: number, mean: Float64Array): Float64Array {
  const out = new Float64Array(d * n);
  for (let i = 0; i < n; i++) {
    const o = i * d;
    for (let t = 0; t < d; t++) out[t * n + i] = X[o + t] - mean[t];
  }
  return out;
}

/** A B for float64 matrices through dotRows (B is transposed once). */
export function matmulFast(a: Mat, b: Mat): Mat {
  if (a.cols !== b.rows) throw new Error(`matmulFast: ${a.rows}x${a.cols} times ${b.rows}x${b.cols}`);
  return dotRows(a.data, transposeData(b), a.cols, a.rows, b.cols);
}

/** A^T B for float64 matrices through dotRows. */
export function matmulTNFast(a: Mat, b: Mat): Mat {
  if (a.rows !== b.rows) throw new Error(`matmulTNFast: (${a.rows}x${a.cols})^T times ${b.rows}x${b.cols}`);
  return dotRows(transposeData(a), transposeData(b), a.rows, a.cols, b.cols, a === b);
}

function transposeData(a: Mat): Float64Array {
  const t = new Float64Array(a.rows * a.cols);
  for (let i = 0; i < a.rows; i++) for (let j = 0; j < a.cols; j++) t[j * a.rows + i] = a.data[i * a.cols + j];
  return t;
}
