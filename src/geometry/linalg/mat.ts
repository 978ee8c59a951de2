import type { Mat } from '../types';

/** A rows x cols float64 matrix, zero-filled unless data (row-major, length rows*cols) is given. */
export function mat(rows: number, cols: number, data?: ArrayLike<number>): Mat {
  const out = new Float64Array(rows * cols);
  if (data) {
    if (data.length !== rows * cols) throw new Error(`mat: expected ${rows * cols} values, got ${data.length}`);
    out.set(data);
  }
  return { rows, cols, data: out };
}

/** The n x n identity. */
export function identity(n: number): Mat {
  const m = mat(n, n);
  for (let i = 0; i < n; i++) m.data[i * n + i] = 1;
  return m;
}

/** A^T. */
export function transpose(a: Mat): Mat {
  const t = mat(a.cols, a.rows);
  for (let i = 0; i < a.rows; i++) {
    for (let j = 0; j < a.cols; j++) t.data[j * a.rows + i] = a.data[i * a.cols + j];
  }
  return t;
}

/** A B (i-k-j loop order, contiguous inner loop). */
export function matmul(a: Mat, b: Mat): Mat {
  if (a.cols !== b.rows) throw new Error(`matmul: ${a.rows}x${a.cols} times ${b.rows}x${b.cols}`);
  const c = mat(a.rows, b.cols);
  const n = b.cols;
  for (let i = 0; i < a.rows; i++) {
    const ci = i * n;
    for (let k = 0; k < a.cols; k++) {
      const aik = a.data[i * a.cols + k];
      if (aik === 0) continue;
      const bk = k * n;
      for (let j = 0; j < n; j++) c.data[ci + j] += aik * b.data[bk + j];
    }
  }
  return c;
}

/** A^T B without forming A^T. */
export function matmulTN(a: Mat, b: Mat): Mat {
  if (a.rows !== b.rows) throw new Error(`matmulTN: (${a.rows}x${a.cols})^T times ${b.rows}x${b.cols}`);
  const c = mat(a.cols, b.cols);
  const n = b.cols;
  for (let r = 0; r < a.rows; r++) {
    const br = r * n;
    for (let i = 0; i < a.cols; i++) {
      const ari = a.data[r * a.cols + i];
      if (ari === 0) continue;
      const ci = i * n;
      for (let j = 0; j < n; j++) c.data[ci + j] += ari * b.data[br + j];
    }
  }
  return c;
}

/** Frobenius norm sqrt(sum a_ij^2), scaled to avoid overflow. */
export function frobenius(a: Mat): number {
  let scale = 0;
  for (let i = 0; i < a.data.length; i++) scale = Math.max(scale, Math.abs(a.data[i]));
  if (scale === 0) return 0;
  let s = 0;
  for (let i = 0; i < a.data.length; i++) {
    const v = a.data[i] / scale;
    s += v * v;
  }
  return scale * Math.sqrt(s);
}

/** Column j of A as a new array. */
export function column(a: Mat, j: number): Float64Array {
  const out = new Float64Array(a.rows);
  for (let i = 0; i < a.rows; i++) out[i] = a.data[i * a.cols + j];
  return out;
}

/** The first `count` columns of A. */
export function leadingColumns(a: Mat, count: number): Mat {
  const out = mat(a.rows, count);
  for (let i = 0; i < a.rows; i++) {
    for (let j = 0; j < count; j++) out.data[i * count + j] = a.data[i * a.cols + j];
  }
  return out;
}
