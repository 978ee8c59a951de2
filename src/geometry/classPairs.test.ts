import { describe, expect, it } from 'vitest';
import '../../tests/setup';
import { gaussianClasses } from '../../tests/gaussianClasses';
import { pairSteps } from './classPairs';
import { classStatistics } from './classStats';
import { collapseAnalysis } from './collapse';
import { analyze } from './analyze';
import { pairSampleNote } from './collapseNotes';
import { isAbortError } from './abort';
import { svd } from './linalg';
import { runSteps } from './steps';


/** The pairwise metrics straight from their definitions over a stored K x K Gram. */
function bruteForce(X: Float32Array, n: number, D: number, labels: Int32Array, K: number) {
  const st = classStatistics(X, n, D, labels, K);
  const mc = st.centredMeans.data;
  const G = Array.from({ length: K * K }, (_, t) => {
    const [k, l] = [Math.floor(t / K), t % K];
    return Array.from({ length: D }, (_, j) => mc[k * D + j] * mc[l * D + j]).reduce((a, b) => a + b);
  });
  const gF = Math.sqrt(G.reduce((a, g) => a + g * g, 0));
  let cdnv = 0;
  let equi = 0;
  let etf = 0;
  for (let k = 0; k < K; k++) {
    for (let l = 0; l < K; l++) {
      etf += (G[k * K + l] / gF - ((k === l ? 1 : 0) - 1 / K) / Math.sqrt(K - 1)) ** 2;
      if (k === l) continue;
      equi += Math.abs(G[k * K + l] / Math.sqrt(G[k * K + k] * G[l * K + l]) + 1 / (K - 1));
      if (l > k) {
        const dist2 = Array.from({ length: D }, (_, j) => (st.means.data[k * D + j] - st.means.data[l * D + j]) ** 2).reduce((a, b) => a + b);
        cdnv += (st.classVariance[k] + st.classVariance[l]) / (2 * dist2);
      }
    }
  }
  return { st, cdnv: cdnv / ((K * (K - 1)) / 2), equiangularity: equi / (K * (K - 1)), etfDistance: Math.sqrt(etf) };
}

describe('pairwise collapse metrics without K x K matrices', () => {
  const [K, m, D] = [40, 6, 50];
  const n = K * m;
  const { X, labels } = gaussianClasses(5, n, D, K);
  const ref = bruteForce(X, n, D, labels, K);
  const s = svd(ref.st.centredMeans).s;

  it('visit every pair exactly below the work limit', () => {
    const p = runSteps(pairSteps(ref.st, s));
    expect(p.sample).toBeNull();
    expect(p.cdnv).toBeCloseTo(ref.cdnv, 12);
    expect(p.equiangularity).toBeCloseTo(ref.equiangularity, 12);
    expect(p.etfDistance).toBeCloseTo(ref.etfDistance, 12);
  });

  it('above it: a seeded sample of pairs for cdnv and equiangularity, the ETF distance still exact', () => {
    const p = runSteps(pairSteps(ref.st, s, { workLimit: 0, sampleSize: 200_000 }));
    expect(p.sample).toEqual({ size: 200_000, of: (K * (K - 1)) / 2, seed: 1 });
    expect(Math.abs(p.cdnv / ref.cdnv - 1)).toBeLessThan(0.02);
    expect(Math.abs(p.equiangularity / ref.equiangularity - 1)).toBeLessThan(0.02);
    expect(p.etfDistance).toBeCloseTo(ref.etfDistance, 10);
    expect(runSteps(pairSteps(ref.st, s, { workLimit: 0, sampleSize: 200_000 }))).toEqual(p);
  });

  it('collapseAnalysis reports the sample, and a cancel wins inside the loops', async () => {
    const r = await collapseAnalysis(X, n, D, labels, K, { workLimit: 0, sampleSize: 1000 });
    expect(r.pairSample).toEqual({ size: 1000, of: (K * (K - 1)) / 2, seed: 1 });
    expect(pairSampleNote({ size: 1_000_000, of: 12_497_500, seed: 1 })).toBe('cdnv and equiangularity on a seeded sample of 1,000,000 of 12,497,500 class pairs (seed 1)');
    const ctrl = new AbortController();
    const seen: number[] = [];
    const run = collapseAnalysis(X, n, D, labels, K, { signal: ctrl.signal, onProgress: (f) => (seen.push(f), ctrl.abort()) });
    await expect(run).rejects.toSatisfy(isAbortError);
    expect(seen).toHaveLength(1);
  });
});

describe('many classes (issue 16): 10,000 x 16 with 5,000 classes', () => {
  const [K, D] = [5000, 16];
  const n = K * 2;
  const { X, labels } = gaussianClasses(6, n, D, K);

  it('completes with finite values or null plus a reason', async () => {
    const r = await analyze({ n, dim: D, vectors: X, labels });
    const nc = r.neuralCollapse;
    expect(r.classes).toBe(K);
    for (const key of ['nc1', 'nc1Quotient', 'cdnv', 'equinorm', 'conditioning', 'nc1SmallestShare'] as const) {
      expect(Number.isFinite(nc[key]), key).toBe(true);
    }
    expect([nc.equiangularity, nc.etfDistance]).toEqual([null, null]);
    expect(nc.reasons?.etfDistance).toMatch(/^D = 16 < K - 1 = 4999/);
    expect(nc.nc1Rank).toBe(D);
    expect(nc.pairSample).toBeNull();
  });
});
