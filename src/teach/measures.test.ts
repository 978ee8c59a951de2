import { describe, expect, it } from 'vitest';
import { lessonRows } from './rows';
import { derivedMeasures, meanPairCosine, unitWithinVariance, NO_SNAPSHOT_MEASURES, pearson, profileMeasures, snapshotMeasures } from './measures';
import type { SnapshotMetrics } from '../training/types';

// Hand-computed values (each case small enough to check on paper).
describe('lesson measures', () => {
  it('mean pair cosine of classifier rows', () => {
    // rows (1,0), (0,1), (1,1)/sqrt2-ish: cos(r0,r1) = 0, cos(r0,r2) = cos(r1,r2) = 1/sqrt2
    const W = Float32Array.of(1, 0, 0, 1, 1, 1);
    expect(meanPairCosine(W, 2, 0, 3)).toBeCloseTo((0 + 2 / Math.SQRT2) / 3, 6);
    expect(meanPairCosine(W, 2, 1, 3)).toBeCloseTo(1 / Math.SQRT2, 6);
    expect(meanPairCosine(W, 2, 2, 3)).toBeNull();
  });

  it('pearson correlation', () => {
    expect(pearson([1, 2, 3], [2, 4, 6])).toBeCloseTo(1, 12);
    expect(pearson([1, 2, 3], [3, 2, 1])).toBeCloseTo(-1, 12);
    // x = (0,1,2,3), y = (0,1,0,1): cov = 0.5 (sum of centred products 1), sxx = 5, syy = 1 -> 1/sqrt5
    expect(pearson([0, 1, 2, 3], [0, 1, 0, 1])).toBeCloseTo(1 / Math.sqrt(5), 12);
    expect(pearson([1, 1, 1], [1, 2, 3])).toBeNull();
    expect(pearson([1, 2], [1, 2])).toBeNull();
  });

  it('snapshot measures: minority rows are the last classes; probe positions between the means', () => {
    // K = 4, F = 2; means at (0,0), (2,0), (0,2), (2,2); classifier rows: two majority, two minority.
    const means = Float32Array.of(0, 0, 2, 0, 0, 2, 2, 2);
    const weights = Float32Array.of(1, 0, -1, 0, 1, 1, 1, 0.9);
    // Probe: pairs (A=1, B=0) with lambda 0.25, 0.5, 0.75 placed at t = lambda, and one outside (t = 1.5).
    const probe = {
      rowA: Int32Array.of(0, 0, 0, 0), rowB: Int32Array.of(0, 0, 0, 0),
      classA: Int32Array.of(1, 1, 1, 1), classB: Int32Array.of(0, 0, 0, 0),
      lambda: Float32Array.of(0.25, 0.5, 0.75, 0.9),
      features: Float32Array.of(0.5, 0.1, 1, 0, 1.5, -0.1, 3, 0),
    };
    const sample = { features: Float32Array.of(3, 0), sampleLabels: Int32Array.of(0) };
    const m = snapshotMeasures({ classes: 4, featureDim: 2, means, classifier: { weights }, mixupProbe: probe, ...sample }, 2);
    expect(m.majorityCosine).toBeCloseTo(-1, 6);
    expect(m.minorityCosine).toBeCloseTo((1 + 0.9) / (Math.SQRT2 * Math.sqrt(1.81)), 6);
    expect(m.probeBetween).toBe(0.75);
    expect(m.probeLambdaCorrelation).toBeCloseTo(pearson([0.25, 0.5, 0.75, 1.5], [0.25, 0.5, 0.75, 0.9])!, 6);
    expect(m.unitWithinVariance).toBe(0);
    const none = snapshotMeasures({ classes: 4, featureDim: 2, means, classifier: null, mixupProbe: null, features: new Float32Array(0), sampleLabels: new Int32Array(0) }, 0);
    expect(none).toEqual(NO_SNAPSHOT_MEASURES);
  });

  it('intra-class variability of unit features', () => {
    // class 0: (2,0) and (0,5) -> units (1,0), (0,1), mean (.5,.5), each 0.5 away squared; class 1: (0,-1) alone -> 0.
    expect(unitWithinVariance(Float32Array.of(2, 0, 0, 5, 0, -1), Int32Array.of(0, 0, 1), 2, 2)).toBeCloseTo((0.5 + 0.5 + 0) / 3, 12);
    expect(unitWithinVariance(Float32Array.of(0, 0), Int32Array.of(0), 2, 1)).toBeNull();
  });

  it('profile measures: input and feature TwoNN, principal angles in degrees', () => {
    const layers = [{ name: 'input', dim: 8, twoNN: 3.1 }, { name: 'hidden 1', dim: 4, twoNN: 2.5 }, { name: 'features', dim: 2, twoNN: 1.2 }];
    const angles = { orthonormalityError: 0, pairs: [{ a: 0, b: 1, angles: Float64Array.of(Math.PI / 6, Math.PI / 2), geodesic: 0, chordal: 0 }, { a: 0, b: 2, angles: Float64Array.of(Math.PI / 2, Math.PI / 2), geodesic: 0, chordal: 0 }] };
    expect(profileMeasures(layers, angles)).toEqual({ inputId: 3.1, featureId: 1.2, meanAngleDeg: expect.closeTo(75, 9), minAngleDeg: expect.closeTo(30, 9) });
    expect(profileMeasures(null, null)).toEqual({ inputId: null, featureId: null, meanAngleDeg: null, minAngleDeg: null });
  });

  it('rows take the latest profile at or before each snapshot', () => {
    const metric = (step: number) => ({ step, trainAccuracy: 1 } as unknown as SnapshotMetrics);
    const rows = lessonRows({
      metrics: [metric(0), metric(25), metric(50)],
      measures: [NO_SNAPSHOT_MEASURES, { ...NO_SNAPSHOT_MEASURES, probeBetween: 0.5 }],
      profiles: [{ step: 0, layers: [{ name: 'input', dim: 3, twoNN: 2 }] }, { step: 50, layers: [{ name: 'input', dim: 3, twoNN: 4 }] }],
      angles: [],
    });
    expect(rows.map((r) => [r.step, r.inputId, r.probeBetween])).toEqual([[0, 2, null], [25, 2, 0.5], [50, 4, null]]);
    expect(derivedMeasures({ twoNN: 4, mle: 3 })).toEqual({ mleOverTwoNN: 0.75 });
    expect(derivedMeasures({ twoNN: null, mle: 3 })).toEqual({ mleOverTwoNN: null });
  });
});
