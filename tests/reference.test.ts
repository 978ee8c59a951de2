/**
 * The geometry core against the independent float64 numpy reference
 * (scripts/reference/make_fixtures.py -> tests/fixtures/reference/*.json, inputs as .npy).
 * Tolerances (relative): 1e-6 for the collapse metrics and NC1's conditioning; 1e-4 for PCA,
 * coding rate, CKA, angles and Procrustes;
 * 1e-3 for TwoNN and MLE (global and pointwise); counts, duplicates, pcId90 and the mutual-kNN
 * overlap (the fixture guarantees no neighbour-set ties) must match exactly.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { useBackend } from './setup';
import { expectAllClose, expectClose, f32, FIXTURES, labelLines, npy, ROOT } from './fixtureFiles';
import { mat } from '../src/geometry/linalg';
import { analyze } from '../src/geometry/analyze';
import { classStatistics } from '../src/geometry/classStats';
import { dedupRows } from '../src/geometry/clean';
import { collapseMetrics } from '../src/geometry/collapse';
import { knn } from '../src/geometry/knn';
import { mle, twoNN } from '../src/geometry/dimension';
import { pca } from '../src/geometry/pca';
import { classSubspaces, principalAngles } from '../src/geometry/subspaces';
import { linearCka, mutualKnn, orthogonalProcrustes } from '../src/geometry/similarity';
import { codingRate } from '../src/geometry/codingRate';
import type { Classifier, CollapseMetrics } from '../src/geometry/types';

const TIGHT = 1e-4;
const COLLAPSE_TOL = 1e-6;
const ID_TOL = 1e-3;

interface Fixture {
  dataset: string;
  n: number;
  dim: number;
  classes: number;
  counts: number[];
  duplicates: number;
  classMeans?: number[][];
  pca: { explainedVarianceRatio: number[]; pcId90: number; participationRatio: number };
  intrinsicDimension: {
    twoNN: number;
    mle: { k: number; harmonic: number; mean: number };
    localId: { rows: number[]; values: number[] };
  };
  neuralCollapse: Record<keyof CollapseMetrics | 'conditioning' | 'nc1SmallestShare' | 'nc1Rank', number | null>;
  subspaces: { k: number; pairs: { classes: [number, number]; angles: number[]; geodesic: number; chordal: number }[] };
  codingRate: { eps2: number; R: number; Rc: number; deltaR: number };
  similarity: { linearCka: number; mutualKnn: { k: number; value: number }; procrustesResidual: number };
}

interface Case {
  fx: Fixture;
  X: Float32Array;
  labels: Int32Array;
  /** The same labels as read from the .txt copy (synthetic) or undefined. */
  labelsTxt?: Int32Array;
  Y: Float32Array;
  dy: number;
  Z: Float32Array;
  classifier?: Classifier;
}

function loadCase(name: 'digits' | 'synthetic'): Case {
  const fx = JSON.parse(readFileSync(resolve(FIXTURES, `${name}.json`), 'utf8')) as Fixture;
  const at = (file: string) => resolve(FIXTURES, `${name}-${file}`);
  const Y = f32(at('Y.npy'));
  const Z = f32(at('Z.npy'));
  if (name === 'digits') {
    const X = f32(resolve(ROOT, 'public/data/digits.npy')).data;
    return { fx, X, labels: labelLines(resolve(ROOT, 'public/data/digits-labels.txt')), Y: Y.data, dy: Y.shape[1], Z: Z.data };
  }
  const labels = Int32Array.from(npy(at('labels.npy')).data, Number);
  const W = f32(at('W.npy'));
  const b = f32(at('b.npy')).data;
  const classifier = { weights: mat(W.shape[0], W.shape[1], W.data), bias: Float64Array.from(b) };
  return { fx, X: f32(at('vectors.npy')).data, labels, labelsTxt: labelLines(at('labels.txt')), Y: Y.data, dy: Y.shape[1], Z: Z.data, classifier };
}

function selectRows(X: Float32Array, d: number, rows: Int32Array): Float32Array {
  const out = new Float32Array(rows.length * d);
  rows.forEach((r, i) => out.set(X.subarray(r * d, r * d + d), i * d));
  return out;
}

const COLLAPSE_KEYS: (keyof CollapseMetrics)[] = [
  'nc1', 'nc1Quotient', 'cdnv', 'equinorm', 'equinormClassifier', 'equiangularity', 'etfDistance', 'nc3', 'nc4',
];

beforeAll(async () => {
  await useBackend('wasm');
});

describe.each(['digits', 'synthetic'] as const)('reference fixtures: %s', (name) => {
  const c = loadCase(name);
  const { fx, X, labels } = c;
  const n = fx.n;
  const d = fx.dim;
  const K = fx.classes;

  it('reads the inputs the reference used', () => {
    expect(X.length).toBe(n * d);
    expect(labels.length).toBe(n);
    expect(c.Y.length).toBe(n * c.dy);
    expect(c.Z.length).toBe(n * d);
    if (c.labelsTxt) expect(c.labelsTxt).toEqual(labels);
  });

  it('analyze() reproduces the report', async () => {
    const r = await analyze({ n, dim: d, vectors: X, labels }, { k: fx.intrinsicDimension.mle.k, classifier: c.classifier });
    expect([r.n, r.dim, r.classes]).toEqual([n, d, K]);
    expect(r.skipped).toEqual({ nonFinite: 0, duplicates: fx.duplicates });
    expect(r.pca.pcId90).toBe(fx.pca.pcId90);
    expectAllClose(r.pca.explainedVarianceRatio, fx.pca.explainedVarianceRatio, TIGHT, 'pca ratio');
    expectClose(r.pca.participationRatio, fx.pca.participationRatio, TIGHT, 'participation ratio');
    expectClose(r.intrinsicDimension.twoNN, fx.intrinsicDimension.twoNN, ID_TOL, 'twoNN');
    expect(r.intrinsicDimension.mle.k).toBe(fx.intrinsicDimension.mle.k);
    expectClose(r.intrinsicDimension.mle.harmonic, fx.intrinsicDimension.mle.harmonic, ID_TOL, 'mle harmonic');
    expectClose(r.intrinsicDimension.mle.mean, fx.intrinsicDimension.mle.mean, ID_TOL, 'mle mean');
    const nc = r.neuralCollapse;
    for (const key of COLLAPSE_KEYS) expectClose(nc[key], fx.neuralCollapse[key], COLLAPSE_TOL, key);
    expectClose(nc.conditioning, fx.neuralCollapse.conditioning, COLLAPSE_TOL, 'conditioning');
    expectClose(nc.nc1SmallestShare, fx.neuralCollapse.nc1SmallestShare, COLLAPSE_TOL, 'nc1SmallestShare');
    expect(nc.nc1Rank).toBe(fx.neuralCollapse.nc1Rank);
    expect(nc.reasons).toEqual({});
  });

  it('classStatistics: counts and class means', () => {
    const s = classStatistics(X, n, d, labels, K);
    expect(Array.from(s.counts)).toEqual(fx.counts);
    if (!fx.classMeans) return;
    const ref = fx.classMeans.flat();
    let num = 0;
    let den = 0;
    ref.forEach((v, i) => {
      num += (s.means.data[i] - v) ** 2;
      den += v * v;
    });
    expect(Math.sqrt(num / den)).toBeLessThanOrEqual(TIGHT);
  });

  it('collapseMetrics()', () => {
    const m = collapseMetrics(X, n, d, labels, K, c.classifier);
    for (const key of COLLAPSE_KEYS) expectClose(m[key], fx.neuralCollapse[key], COLLAPSE_TOL, key);
  });

  it('pca()', async () => {
    const p = await pca(X, n, d);
    expect(p.pcId90).toBe(fx.pca.pcId90);
    expectAllClose(p.explainedVarianceRatio, fx.pca.explainedVarianceRatio, TIGHT, 'pca ratio');
    expectClose(p.participationRatio, fx.pca.participationRatio, TIGHT, 'participation ratio');
  });

  it('dedupRows + knn + twoNN/mle, including the pointwise local ID', async () => {
    const { keep, duplicates } = dedupRows(X, n, d);
    expect(duplicates).toBe(fx.duplicates);
    const { rows, values } = fx.intrinsicDimension.localId;
    expect(Array.from(keep.subarray(0, rows.length))).toEqual(rows);
    const k = fx.intrinsicDimension.mle.k;
    const nn = await knn(selectRows(X, d, keep), keep.length, d, k);
    expectClose(twoNN(nn), fx.intrinsicDimension.twoNN, ID_TOL, 'twoNN');
    const m = mle(nn, k);
    expectClose(m.harmonic, fx.intrinsicDimension.mle.harmonic, ID_TOL, 'mle harmonic');
    expectClose(m.mean, fx.intrinsicDimension.mle.mean, ID_TOL, 'mle mean');
    expectAllClose(m.pointwise, values, ID_TOL, 'local ID');
  });

  it('classSubspaces + principalAngles', () => {
    const Q = classSubspaces(X, n, d, labels, K, fx.subspaces.k);
    expect(Q).toHaveLength(K);
    for (const pair of fx.subspaces.pairs) {
      const [a, b] = pair.classes;
      const r = principalAngles(Q[a], Q[b]);
      const what = `classes ${a},${b}`;
      expect(r.angles).toHaveLength(pair.angles.length);
      expectAllClose(r.angles, pair.angles, TIGHT, `${what} angles`);
      expectClose(r.geodesic, pair.geodesic, TIGHT, `${what} geodesic`);
      expectClose(r.chordal, pair.chordal, TIGHT, `${what} chordal`);
    }
  });

  it('codingRate()', () => {
    const r = codingRate(X, n, d, labels, K, fx.codingRate.eps2);
    expectClose(r.R, fx.codingRate.R, TIGHT, 'R');
    expectClose(r.Rc, fx.codingRate.Rc, TIGHT, 'Rc');
    expectClose(r.deltaR, fx.codingRate.deltaR, TIGHT, 'deltaR');
  });

  it('linearCka, mutualKnn and orthogonalProcrustes', async () => {
    const s = fx.similarity;
    expectClose(linearCka(X, c.Y, n, d, c.dy), s.linearCka, TIGHT, 'linear CKA');
    const overlap = await mutualKnn(X, c.Y, n, d, c.dy, s.mutualKnn.k);
    expect(Math.abs(overlap - s.mutualKnn.value) * n * s.mutualKnn.k, `mutual kNN ${overlap} vs ${s.mutualKnn.value}`).toBeLessThan(1e-6);
    expectClose(orthogonalProcrustes(X, c.Z, n, d).residual, s.procrustesResidual, TIGHT, 'Procrustes residual');
  });
});
