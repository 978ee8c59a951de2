/** Orthonormal columns, shared by the 3D frames (frames.ts) and the means-apart axes (meansAxes.ts). */
import type { Mat } from '../geometry/types';

/**
 * Orthonormalises the columns of Q (d x r) in place by modified Gram-Schmidt, twice; a column that
 * vanishes is replaced by the first standard basis vector independent of the others.
 */
export function orthonormalize(Q: Mat): void {
  const { rows: d, cols: r, data } = Q;
  const dot = (a: number, b: number) => {
    let s = 0;
    for (let t = 0; t < d; t++) s += data[t * r + a] * data[t * r + b];
    return s;
  };
  for (let c = 0; c < r; c++) {
    for (let e = 0; ; e++) {
      for (let pass = 0; pass < 2; pass++) {
        for (let p = 0; p < c; p++) {
          const s = dot(c, p);
          for (let t = 0; t < d; t++) data[t * r + c] -= s * data[t * r + p];
        }
      }
      const norm = Math.sqrt(dot(c, c));
      if (norm > 1e-9 && Number.isFinite(norm)) {
        for (let t = 0; t < d; t++) data[t * r + c] /= norm;
        break;
      }
      if (e >= d) throw new Error('orthonormalize: no independent direction left');
      for (let t = 0; t < d; t++) data[t * r + c] = t === (c + e) % d ? 1 : 0;
    }
  }
}
