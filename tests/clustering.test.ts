/**
 * Clustering against scikit-learn (scripts/reference/make_explore_fixtures.py ->
 * tests/fixtures/explore/clustering.json): ARI, NMI and silhouette to 1e-9, k-means reaching
 * sklearn's inertia (n_init = 10) on separated blobs; k-subspaces and density clusters on data
 * with a known partition.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseNpy } from '../src/io/npy';
import { adjustedRandIndex, normalizedMutualInfo, silhouette } from '../src/geometry/clusterScores';
import { kmeans } from '../src/geometry/kmeans';
import { kSubspaces } from '../src/geometry/kSubspaces';
import { densityClusters } from '../src/geometry/densityClusters';
import { clusterKeywords } from '../src/geometry/clusterKeywords';
import { createRng } from '../src/geometry/random';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const fx = JSON.parse(readFileSync(resolve(ROOT, 'tests/fixtures/explore/clustering.json'), 'utf8'));
const arr = parseNpy(new Uint8Array(readFileSync(resolve(ROOT, 'tests/fixtures/explore', fx.data))));
const X = arr.data as Float32Array;
const [n, d] = arr.shape;

describe('cluster agreement and quality (scikit-learn conventions)', () => {
  it('ARI and NMI equal sklearn on four labellings, including a one-cluster one', () => {
    for (const c of fx.cases) {
      expect(adjustedRandIndex(c.a, c.b)).toBeCloseTo(c.ari, 9);
      expect(normalizedMutualInfo(c.a, c.b)).toBeCloseTo(c.nmi, 9);
    }
    expect(adjustedRandIndex([0, 0, 1, 1], [5, 5, 2, 2])).toBe(1);
    expect(normalizedMutualInfo([0, 0, 0], [1, 1, 1])).toBe(1);
  });

  it('silhouette equals sklearn for the true and a noisy labelling', () => {
    expect(silhouette(X, n, d, fx.truth)).toBeCloseTo(fx.silhouetteTruth, 9);
    expect(silhouette(X, n, d, fx.cases[0].b)).toBeCloseTo(fx.silhouetteNoisy, 9);
  });

  it('k-means recovers the blobs with sklearn\'s inertia and is seeded', async () => {
    const a = await kmeans(X, n, d, fx.k, { seed: 4 });
    const b = await kmeans(X, n, d, fx.k, { seed: 4 });
    expect(Array.from(a.labels)).toEqual(Array.from(b.labels));
    expect(adjustedRandIndex(a.labels, fx.truth)).toBe(1);
    expect(a.inertia).toBeCloseTo(fx.kmeansInertia, 2);
    expect(Math.abs(a.inertia - fx.kmeansInertia) / fx.kmeansInertia).toBeLessThan(1e-6);
  });
});

describe('k-subspaces', () => {
  it('separates three 2-D subspaces through the origin that k-means cannot', async () => {
    const rng = createRng(11);
    const D = 20;
    const per = 80;
    const bases = Array.from({ length: 3 }, () => Array.from({ length: D * 2 }, () => rng.normal()));
    const Y = new Float32Array(3 * per * D);
    const truth: number[] = [];
    for (let c = 0; c < 3; c++) {
      for (let i = 0; i < per; i++) {
        const u = rng.normal();
        const v = rng.normal();
        const row = (c * per + i) * D;
        for (let t = 0; t < D; t++) Y[row + t] = u * bases[c][t * 2] + v * bases[c][t * 2 + 1] + 0.01 * rng.normal();
        truth.push(c);
      }
    }
    const ks = await kSubspaces(Y, 3 * per, D, 3, { dim: 2, seed: 2 });
    expect(adjustedRandIndex(ks.labels, truth)).toBeGreaterThan(0.95);
    expect(ks.residualShare).toBeLessThan(0.01);
    const km = await kmeans(Y, 3 * per, D, 3, { seed: 2 });
    expect(adjustedRandIndex(km.labels, truth)).toBeLessThan(0.5);
  });
});

describe('density clusters of a 2-D picture', () => {
  it('finds four blobs, marks the sparse background as noise, and names clusters by c-TF-IDF', () => {
    const rng = createRng(3);
    const centres = [[0, 0], [10, 0], [0, 10], [10, 10]];
    const P = new Float32Array((4 * 150 + 20) * 3);
    const truth: number[] = [];
    for (let i = 0; i < 600; i++) {
      const c = i % 4;
      P[i * 3] = centres[c][0] + rng.normal();
      P[i * 3 + 1] = centres[c][1] + rng.normal();
      truth.push(c);
    }
    for (let i = 600; i < 620; i++) {
      P[i * 3] = -30 + 60 * rng.uniform();
      P[i * 3 + 1] = -30 + 60 * rng.uniform();
    }
    const got = densityClusters(P, 620, 3);
    expect(got.count).toBe(4);
    expect(adjustedRandIndex(got.labels.subarray(0, 600), truth)).toBeGreaterThan(0.95);
    for (const p of got.peaks) expect(centres.some(([x, y]) => Math.hypot(p.x - x, p.y - y) < 1.5)).toBe(true);
    const texts = truth.map((c) => ['a red apple', 'the blue sea', 'green grass', 'a red rose'][c] + ' fruit');
    const names = clusterKeywords(texts, got.labels.subarray(0, 600), 4, 1);
    const byPeak = got.peaks.map((p) => centres.findIndex(([x, y]) => Math.hypot(p.x - x, p.y - y) < 1.5));
    // 'red' is in two clusters and 'fruit' in all, so each cluster's own word wins (ties alphabetical).
    expect(byPeak.map((c, cl) => [c, names[cl][0]]).sort()).toEqual([[0, 'apple'], [1, 'blue'], [2, 'grass'], [3, 'rose']]);
  });
});
