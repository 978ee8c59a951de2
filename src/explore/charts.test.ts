import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { anglesCost, computeAngles, computeCharts, DEFAULT_ANGLE_K, EAGER_ANGLES_MAX_FLOPS, MAX_HEATMAP_CLASSES, matricesOmittedNote } from './charts';
import { blobs, dataset } from './testDataset';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('class charts: principal angles in the first view only when quick', () => {
  it('counts the smaller Gram and its eigendecomposition per class', () => {
    // 100 rows of 20 dims: 100*20*20 + 10*20^3; 10 rows: 10*20*10 + 10*10^3.
    expect(anglesCost(20, [100, 10])).toBe(100 * 20 * 20 + 10 * 8000 + 10 * 20 * 10 + 10 * 1000);
    // 10 classes of 1,000 rows in 768 dims (the bench's first view) is far over the eager limit.
    expect(anglesCost(768, new Array(10).fill(1000))).toBeGreaterThan(EAGER_ANGLES_MAX_FLOPS);
  });

  it('small data: the angles come with the charts and equal the on-request computation', async () => {
    const ds = await dataset(blobs(300, 12, 3));
    const charts = await computeCharts(ds, { dimensions: false });
    const eager = charts.classes?.angles;
    expect(eager).not.toBeNull();
    expect(eager).toEqual(await computeAngles(ds, DEFAULT_ANGLE_K));
  });

  it('large data: the charts leave the angles out, and a request still computes them', async () => {
    const ds = await dataset(blobs(2400, 320, 3));
    expect(anglesCost(ds.d, [800, 800, 800])).toBeGreaterThan(EAGER_ANGLES_MAX_FLOPS);
    const charts = await computeCharts(ds, { dimensions: false });
    expect(charts.classes?.cosines?.length).toBe(9);
    expect(charts.classes?.angles).toBeNull();
    const asked = await computeAngles(ds, 2);
    expect(asked.k).toBe(2);
    expect(asked.ranks).toEqual([2, 2, 2]);
    // Off the diagonal the subspaces of different blobs are far from parallel.
    expect(asked.mean[1]).toBeGreaterThan(0.5);
  });
});

describe('class charts: K x K matrices bounded', () => {
  it('draws the matrices up to MAX_HEATMAP_CLASSES and says why past it', () => {
    expect(matricesOmittedNote(MAX_HEATMAP_CLASSES)).toBeNull();
    const note = matricesOmittedNote(5000);
    expect(note).toContain('5,000 x 5,000 class matrices (25,000,000 cells) are not drawn');
    expect(note).toContain(`at most ${MAX_HEATMAP_CLASSES} classes`);
  });

  it('past the bound: no K x K arrays, and the per-class charts stay O(K)', async () => {
    const K = MAX_HEATMAP_CLASSES + 1;
    const ds = await dataset(blobs(2 * K, 4, K));
    const charts = await computeCharts(ds, { dimensions: false });
    const c = charts.classes!;
    expect(c.cosines).toBeNull();
    expect(c.etfCosines).toBeNull();
    expect(c.etfResidual).toBeNull();
    expect(c.angles).toBeNull();
    expect(c.matricesOmitted).toBe(matricesOmittedNote(K));
    expect(c.counts).toEqual(new Array(K).fill(2));
    expect(c.variance.length).toBe(K);
  });

  it('at the bound: the full matrices, cosines symmetric with a unit diagonal', async () => {
    const K = MAX_HEATMAP_CLASSES;
    const ds = await dataset(blobs(2 * K, 4, K));
    const c = (await computeCharts(ds, { dimensions: false })).classes!;
    expect(c.matricesOmitted).toBeNull();
    expect(c.cosines?.length).toBe(K * K);
    expect(c.etfCosines?.[1]).toBeCloseTo(-1 / (K - 1), 15);
    expect(c.cosines?.[0]).toBeCloseTo(1, 12);
    expect(c.cosines?.[1 * K + 7]).toBe(c.cosines?.[7 * K + 1]);
  });
});
