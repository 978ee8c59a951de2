import { describe, expect, it } from 'vitest';
import { snapshotCodingRate, snapshotCollapse } from './snapshotGeometry';

/** n rows per class at the K corners e_k of R^F plus a small seeded spread. */
function clustered(K: number, F: number, perClass: number, spread: number): { X: Float32Array; y: Int32Array } {
  const n = K * perClass;
  const X = new Float32Array(n * F);
  const y = new Int32Array(n);
  let s = 7;
  const rand = () => ((s = (s * 16807) % 2147483647) / 2147483647) - 0.5;
  for (let i = 0; i < n; i++) {
    const k = i % K;
    y[i] = k;
    for (let t = 0; t < F; t++) X[i * F + t] = (t === k % F ? 1 : 0) + spread * rand();
  }
  return { X, y };
}

describe('snapshot geometry', () => {
  it('passes the core reason through when F < K - 1: no simplex fits, the ETF metrics have no value', async () => {
    const { X, y } = clustered(5, 2, 20, 0.1);
    const { metrics, collapse } = await snapshotCollapse(X, y.length, 2, y, 5, null);
    expect(metrics.etfDistance).toBeNaN();
    expect(collapse.etfDistance).toBeNull();
    expect(collapse.reasons?.etfDistance).toMatch(/D = 2 < K - 1 = 4.*no simplex ETF fits/);
    expect(Number.isFinite(metrics.nc1)).toBe(true);
    expect(collapse.reasons?.nc1).toBeUndefined();
    expect(collapse.conditioning).toBeGreaterThan(0);
  });

  it('K = 2: equiangularity and the ETF distance are trivial, said so', async () => {
    const { X, y } = clustered(2, 4, 20, 0.1);
    const { collapse } = await snapshotCollapse(X, y.length, 4, y, 2, null);
    expect(collapse.equiangularity).toBeNull();
    expect(collapse.reasons?.etfDistance).toMatch(/K = 2/);
  });

  it('non-finite features: every metric undefined with the divergence reason, and no conditioning', async () => {
    const { X, y } = clustered(3, 4, 10, 0.1);
    X[5] = NaN;
    const { metrics, collapse } = await snapshotCollapse(X, y.length, 4, y, 3, null);
    expect(metrics.nc1).toBeNaN();
    expect(collapse.reasons?.nc1).toMatch(/not finite.*diverged/);
    expect(collapse.conditioning).toBeNull();
    expect(collapse.nc1Dominated).toBeNull();
    expect(snapshotCodingRate(X, y.length, 4, y, 3).codingRateR).toBeNaN();
  });

  it('coding rate of fully collapsed classes: R_c at its floor 1/2 log(1 + F/eps^2), deltaR = R - R_c', () => {
    const K = 4;
    const F = 6;
    const { X, y } = clustered(K, F, 25, 0);
    const c = snapshotCodingRate(X, y.length, F, y, K);
    expect(c.codingRateEps2).toBe(0.5);
    expect(c.codingRateRc).toBeCloseTo(0.5 * Math.log(1 + F / 0.5), 10);
    // K orthogonal unit directions with equal weights: R = K/2 log(1 + F/(K eps^2)).
    expect(c.codingRateR).toBeCloseTo((K / 2) * Math.log(1 + F / (K * 0.5)), 10);
    expect(c.codingRateDeltaR).toBeCloseTo(c.codingRateR - c.codingRateRc, 12);
  });
});
