import { describe, expect, it } from 'vitest';
import { mat } from '../geometry/linalg';
import type { Mat } from '../geometry/types';
import { MEANS_APART, meansApartAxes } from './meansAxes';

/** The K vertices of a centred regular simplex in R^F (F >= K), unit norm: e_k - 1/K, scaled. */
function simplex(K: number, F: number): Float64Array {
  const M = new Float64Array(K * F);
  const norm = Math.sqrt(1 - 1 / K);
  for (let k = 0; k < K; k++) for (let t = 0; t < K; t++) M[k * F + t] = ((t === k ? 1 : 0) - 1 / K) / norm;
  return M;
}

/** The smallest distance between the projected means and the origin on Q, in units of the largest projected mean. */
function apartOn(M: Float64Array, K: number, F: number, Q: Mat): number {
  const y = Array.from({ length: K }, (_, k) => [0, 1, 2].map((c) => { let s = 0; for (let t = 0; t < F; t++) s += M[k * F + t] * Q.data[t * 3 + c]; return s; }));
  const pts = [...y, [0, 0, 0]];
  const R = Math.max(...y.map((p) => Math.hypot(...p)));
  let best = Infinity;
  for (let a = 0; a < pts.length; a++) for (let b = a + 1; b < pts.length; b++) best = Math.min(best, Math.hypot(pts[a][0] - pts[b][0], pts[a][1] - pts[b][1], pts[a][2] - pts[b][2]));
  return best / R;
}

const radiusOf = (M: Float64Array, K: number, F: number) => (Q: Mat) => {
  let R = 0;
  for (let k = 0; k < K; k++) {
    let s = 0;
    for (let c = 0; c < 3; c++) { let v = 0; for (let t = 0; t < F; t++) v += M[k * F + t] * Q.data[t * 3 + c]; s += v * v; }
    R = Math.max(R, Math.sqrt(s));
  }
  return R;
};

describe('meansApartAxes', () => {
  it('K = 10: axes that put 7 means at the origin are turned until every mean shows apart', () => {
    const K = 10, F = 16;
    const M = simplex(K, F);
    // Axes along e_0, e_1, e_2 (orthogonalised against 1): the other 7 means project to one point.
    const start = mat(F, 3);
    for (let c = 0; c < 3; c++) start.data[c * 3 + c] = 1;
    const before = apartOn(M, K, F, start);
    expect(before).toBeLessThan(0.2);
    const r = meansApartAxes(M, K, F, start, radiusOf(M, K, F));
    expect(r.moved).toBe(true);
    expect(r.apart).toBeGreaterThan(MEANS_APART);
    expect(apartOn(M, K, F, r.Q)).toBeCloseTo(r.apart, 6);
    // Orthonormal columns.
    for (let a = 0; a < 3; a++) for (let b = 0; b < 3; b++) {
      let s = 0;
      for (let t = 0; t < F; t++) s += r.Q.data[t * 3 + a] * r.Q.data[t * 3 + b];
      expect(s).toBeCloseTo(a === b ? 1 : 0, 9);
    }
    // From those axes as a warm start it stays at least as far apart.
    const again = meansApartAxes(M, K, F, start, radiusOf(M, K, F), r.Q);
    expect(again.apart).toBeGreaterThanOrEqual(r.apart - 1e-9);
  });

  it('keeps axes that already show the means apart (no needless turn)', () => {
    const K = 4, F = 8;
    const M = simplex(K, F);
    // The simplex's own 3-D span: every mean at full length, 1.63 apart.
    const Q = mat(F, 3);
    const basis = [[1, -1, 0, 0], [1, 1, -2, 0], [1, 1, 1, -3]];
    basis.forEach((v, c) => { const n = Math.hypot(...v); v.forEach((x, t) => (Q.data[t * 3 + c] = x / n)); });
    const r = meansApartAxes(M, K, F, Q, radiusOf(M, K, F));
    expect(r.moved).toBe(false);
    expect(r.Q).toBe(Q);
    expect(r.apart).toBeGreaterThan(MEANS_APART);
  });
});
