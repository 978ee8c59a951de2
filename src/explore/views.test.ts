import { classQuotas, sampleRows, stratifiedRows } from '../geometry/sample';
import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { alignedEtf } from '../geometry/etf';
import { blobs, dataset } from './testDataset';
import { computeView, fitUnitBall } from './views';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('computeView', () => {
  it('fits the bulk of a view in the unit ball around its centre', () => {
    const coords = new Float32Array(3000);
    for (let i = 0; i < 1000; i++) coords[3 * i] = 1 + i / 999;
    coords[3 * 999] = 500;
    const fit = fitUnitBall(coords, null, [1, 0, 0]);
    expect(fit.offset).toEqual([1, 0, 0]);
    // The 99th percentile (990/999), not the outlier at 499, sets the scale.
    expect(fit.scale).toBeCloseTo(0.92 / (990 / 999), 5);
  });

  it('places the class means and the aligned ETF in a PCA view, through the same projection', async () => {
    const ds = await dataset(blobs(120, 5, 4));
    const v = await computeView(ds, { kind: 'pca', axes: [0, 1, 2] });
    expect(v.axes).toEqual(['PC1', 'PC2', 'PC3']);
    // The mean of a class's projected points is its projected mean (the projection is affine).
    const sum = [0, 0, 0];
    let count = 0;
    for (let i = 0; i < ds.n; i++) {
      if (ds.labels![i] !== 2) continue;
      count++;
      for (let a = 0; a < 3; a++) sum[a] += v.coords[i * 3 + a];
    }
    for (let a = 0; a < 3; a++) expect(v.means![2 * 3 + a]).toBeCloseTo(sum[a] / count, 3);
    // ETF vertices sit at the global mean plus the aligned frame: their centroid is the global mean.
    const ideal = alignedEtf(ds.stats!.centredMeans)!;
    expect(ideal).not.toBeNull();
    for (let a = 0; a < 3; a++) {
      let c = 0;
      for (let k = 0; k < 4; k++) c += v.etf![k * 3 + a] / 4;
      expect(c).toBeCloseTo(v.globalMean![a], 4);
    }
  });

  it('simplex, class and raw views; raw is fitted around the data mean; the ETF note when it cannot fit', async () => {
    const ds = await dataset(blobs(90, 3, 6, 100));
    const simplex = await computeView(ds, { kind: 'simplex' });
    expect(simplex.axes).toEqual(['simplex 1', 'simplex 2', 'simplex 3']);
    expect(simplex.etf).toBeNull();
    expect(simplex.note).toContain('The ideal simplex needs 5 dimensions; the data has 3');
    const cls = await computeView(ds, { kind: 'class', classIndex: 1 });
    expect(cls.axes[0]).toBe('c1 dir 1');
    const raw = await computeView(ds, { kind: 'raw' });
    expect(raw.axes).toEqual(['x', 'y', 'z']);
    expect(raw.coords[0]).toBe(ds.X[0]);
    expect(raw.offset[0]).toBeGreaterThan(99);
    const wide = await dataset(blobs(60, 5, 3));
    await expect(computeView(wide, { kind: 'raw' })).rejects.toThrow('Raw coordinates need d <= 3');
  });

  it('UMAP above the cap runs on a seeded sample, says so, and leaves the others without coordinates', async () => {
    const ds = await dataset(blobs(100, 4, 2));
    const v = await computeView(ds, { kind: 'umap', dims: 2, seed: 4, maxPoints: 60 });
    expect(v.sample?.length).toBe(60);
    expect(v.note).toContain('UMAP on a seeded uniform sample of 60 of 100 points (seed 4)');
    expect(Array.from(v.sample ?? [])).toEqual(Array.from(sampleRows(100, 60, 4)));
    expect(v.etf).toBeNull();
    const inSample = new Set(v.sample);
    for (let i = 0; i < 100; i++) {
      if (!inSample.has(i)) expect([v.coords[3 * i], v.coords[3 * i + 1]]).toEqual([0, 0]);
      expect(v.coords[3 * i + 2]).toBe(0);
    }
  });

  it('a stratified layout sample takes each class\'s largest-remainder quota and says so', async () => {
    const ds = await dataset(blobs(100, 4, 3));
    const v = await computeView(ds, { kind: 'tsne', dims: 2, seed: 5, perplexity: 10, maxPoints: 40, sample: 'stratified', iterations: 50 });
    expect(Array.from(v.sample ?? [])).toEqual(Array.from(stratifiedRows(ds.labels!, 3, 40, 5)));
    const counts = [0, 0, 0];
    for (const i of v.sample ?? []) counts[ds.labels![i]]++;
    const sizes = [0, 0, 0];
    for (const y of ds.labels!) sizes[y]++;
    expect(counts).toEqual(Array.from(classQuotas(sizes, 40)));
    expect(v.note).toContain('t-SNE on a seeded stratified (per-class) sample of 40 of 100 points (seed 5)');
  });
});
