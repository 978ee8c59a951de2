import { describe, expect, it } from 'vitest';
import '../../tests/setup';
import { gaussianClasses } from '../../tests/gaussianClasses';
import { collapseAnalysis, collapseMetrics } from './collapse';
import { analyze } from './analyze';
import { mat } from './linalg';
import type { CollapseMetricKey, CollapseMetrics } from './types';

/** The collapse analysis of gaussianClasses(seed, n, D, K). */
function analysedClasses(seed: number, n: number, D: number, K: number) {
  const { X, labels } = gaussianClasses(seed, n, D, K);
  return collapseAnalysis(X, n, D, labels, K);
}

const nanKeys = (m: CollapseMetrics) => (Object.keys(m) as CollapseMetricKey[]).filter((k) => Number.isNaN(m[k])).sort();

describe('trivial and undefined collapse metrics: NaN in the core, null plus a reason in the report', () => {
  it('K = 2: equinorm, equiangularity and the ETF distance are 0 for any data', async () => {
    const r = await analysedClasses(1, 60, 5, 2);
    expect(nanKeys(r.metrics)).toEqual(['equiangularity', 'equinorm', 'etfDistance']);
    expect(r.reasons.etfDistance).toBe('K = 2: the two centred means are always opposite (cos = -1), so the metric is 0 for any data');
    expect(r.reasons.equinorm).toBe('K = 2: the two centred means always have equal norms, so equinorm is 0 for any data');
    expect(r.metrics.nc1).toBeGreaterThan(0);
    expect([r.nc1Rank, r.conditioning, r.nc1SmallestShare]).toEqual([1, 1, 1]);
  });

  it('one row per class: NC1, its quotient and the CDNV are 0 by construction', async () => {
    const r = await analysedClasses(2, 5, 8, 5);
    expect(nanKeys(r.metrics)).toEqual(['cdnv', 'nc1', 'nc1Quotient']);
    expect(r.reasons.nc1).toBe('one row per class: the within-class scatter is 0 by construction, so the metric is trivially 0');
    expect(r.metrics.equiangularity).toBeGreaterThan(0);
    expect(r.conditioning).toBeGreaterThan(0);
  });

  it('D < K - 1: no simplex fits, so equiangularity and the ETF distance have no value', async () => {
    const r = await analysedClasses(3, 200, 3, 10);
    expect(nanKeys(r.metrics)).toEqual(['equiangularity', 'etfDistance']);
    expect(r.reasons.equiangularity).toBe('D = 3 < K - 1 = 9: the centred means span at most D dimensions, so no simplex ETF fits');
    expect(r.nc1Rank).toBe(3);
    expect(Number.isFinite(r.metrics.nc1)).toBe(true);
  });

  it('a dead network (all rows equal) and coinciding class means leave NC1 undefined', async () => {
    const between: CollapseMetricKey[] = ['cdnv', 'equiangularity', 'equinorm', 'etfDistance', 'nc1', 'nc1Quotient', 'nc3'];
    const W = { weights: mat(2, 2, [1, 0, 0, 1]) };
    const dead = await collapseAnalysis(new Float32Array(12).fill(0.5), 6, 2, new Int32Array([0, 1, 0, 1, 0, 1]), 2, { classifier: W });
    expect(nanKeys(dead.metrics)).toEqual(between);
    expect(dead.reasons.nc1).toBe('all feature vectors are equal (a dead network?): no spread within or between classes, so the metric is undefined');
    expect(dead.metrics.nc4).toBe(0);
    // Class 0 is +-e1, class 1 is +-e2: both means are 0.
    const X = Float32Array.from([1, 0, -1, 0, 0, 1, 0, -1]);
    const same = await collapseAnalysis(X, 4, 2, new Int32Array([0, 0, 1, 1]), 2);
    expect(nanKeys(same.metrics)).toEqual(between.filter((k) => k !== 'nc3'));
    expect(same.metrics.nc3).toBeNull();
    expect(same.reasons.nc3).toBeUndefined();
    expect(same.reasons.nc1).toBe('all class means coincide (Tr Sigma_B = 0): there is no between-class spread, so the metric is undefined');
    expect(same.nc1Rank).toBe(0);
    expect(Number.isNaN(same.conditioning)).toBe(true);
  });

  it('two coinciding means among three make the CDNV infinite; a zero W leaves nc3 undefined', async () => {
    const X = Float32Array.from([1, 0, -1, 0, 0, 1, 0, -1, 5, 5, 7, 5]);
    const r = await collapseAnalysis(X, 6, 2, new Int32Array([0, 0, 1, 1, 2, 2]), 3, { classifier: { weights: mat(3, 2) } });
    expect(r.reasons.cdnv).toBe('two classes have the same mean, so their CDNV term is infinite');
    expect(r.reasons.nc3).toBe('the classifier W is all zeros');
    expect(r.reasons.equinormClassifier).toBe('the classifier W is all zeros');
    expect(Number.isFinite(r.metrics.nc1)).toBe(true);
    expect(collapseMetrics(X, 6, 2, new Int32Array([0, 0, 1, 1, 2, 2]), 3).cdnv).toBeNaN();
  });

  it('analyze() reports them as null with the same reasons, and no reason where W is simply absent', async () => {
    const n = 200;
    const { X, labels } = gaussianClasses(4, n, 3, 10);
    const nc = (await analyze({ n, dim: 3, vectors: X, labels })).neuralCollapse;
    expect([nc.equiangularity, nc.etfDistance, nc.nc3]).toEqual([null, null, null]);
    expect(Object.keys(nc.reasons ?? {}).sort()).toEqual(['equiangularity', 'etfDistance']);
    expect(nc.reasons?.etfDistance).toMatch(/^D = 3 < K - 1 = 9/);
    expect(nc.nc1Rank).toBe(3);
  });
});
