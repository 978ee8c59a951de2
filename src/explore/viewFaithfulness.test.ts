import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { pcaPictureReport } from '../geometry/extras';
import { projectionFaithfulness } from '../geometry/faithfulness';
import { pca } from '../geometry/pca';
import { blobs, dataset } from './testDataset';
import { measureView } from './viewFaithfulness';
import { computeView } from './views';
import { spherizeRows } from './viewData';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('measureView', () => {
  it('the PCA 1-3 view in 3D gives exactly the report\'s projection.pca3 (the CLI\'s values)', async () => {
    const ds = await dataset(blobs(150, 12, 4));
    const v = await computeView(ds, { kind: 'pca', axes: [0, 1, 2] });
    const { summary, preservation } = await measureView(ds, v, 3);
    const cli = await pcaPictureReport({ vectors: ds.X, n: ds.n, dim: ds.d }, ds.pca);
    expect(summary.trustworthiness).toBe(cli!.trustworthiness);
    expect(summary.continuity).toBe(cli!.continuity);
    expect(summary.meanPreservation).toBe(cli!.meanPreservation);
    expect(preservation.length).toBe(150);
    expect(summary.varianceShare).toBeCloseTo(ds.pca.explainedVarianceRatio.slice(0, 3).reduce((a, b) => a + b, 0), 6);
    expect(summary.statement).toContain('all 150 points, 3D as drawn');
  });

  it('2D measures the first two axes only, and differs from 3D', async () => {
    const ds = await dataset(blobs(150, 12, 4));
    const v = await computeView(ds, { kind: 'pca', axes: [0, 1, 2] });
    const two = await measureView(ds, v, 2);
    const Y = new Float32Array(150 * 2);
    for (let i = 0; i < 150; i++) [Y[2 * i], Y[2 * i + 1]] = [v.coords[3 * i], v.coords[3 * i + 1]];
    const ref = await projectionFaithfulness(ds.X, ds.n, ds.d, Y, 2);
    expect(two.summary.trustworthiness).toBe(ref.trustworthiness);
    expect(two.summary.varianceShare).toBeCloseTo(ds.pca.explainedVarianceRatio[0] + ds.pca.explainedVarianceRatio[1], 6);
  });

  it('a sampled layout is measured on its sample; the others stay NaN; no variance share', async () => {
    const ds = await dataset(blobs(100, 4, 2));
    const v = await computeView(ds, { kind: 'umap', dims: 2, seed: 4, maxPoints: 60 });
    const { summary, preservation } = await measureView(ds, v, 2);
    expect(summary.rows).toBe(60);
    expect(summary.varianceShare).toBeNull();
    expect(summary.statement).toContain("the view's sample of 60 points");
    expect(summary.statement).toContain('non-linear layout has no share of variance');
    let measured = 0;
    for (const p of preservation) if (Number.isFinite(p)) measured++;
    expect(measured).toBe(60);
  });
});

describe('view kinds', () => {
  it('t-SNE in 2D: seeded (the same seed gives the same layout), its note says what ran', async () => {
    const ds = await dataset(blobs(80, 6, 3));
    const spec = { kind: 'tsne' as const, dims: 2 as const, seed: 3, perplexity: 10, iterations: 60 };
    const a = await computeView(ds, spec);
    const b = await computeView(ds, spec);
    expect(Array.from(a.coords)).toEqual(Array.from(b.coords));
    expect(a.axes).toEqual(['t-SNE 1', 't-SNE 2', '']);
    expect(a.note).toContain('perplexity 10, 60 iterations, seed 3');
    for (let i = 0; i < 80; i++) expect(a.coords[3 * i + 2]).toBe(0);
  });

  it('custom: x is the unit direction between two class means; a query that finds nothing is an input error', async () => {
    const ds = await dataset(blobs(90, 5, 3));
    const v = await computeView(ds, { kind: 'custom', x: { from: { class: 0 }, to: { text: 'c2', regex: false } }, y: null });
    // Coordinate x of a point = (x - mean) . u, so the class-mean difference along x is |mu_2 - mu_0|.
    const mean = (k: number) => {
      const m = new Float64Array(5);
      let c = 0;
      for (let i = 0; i < 90; i++) if (ds.labels![i] === k) { c++; for (let t = 0; t < 5; t++) m[t] += ds.X[i * 5 + t]; }
      return m.map((x) => x / c);
    };
    const [m0, m2] = [mean(0), mean(2)];
    const gap = Math.hypot(...m2.map((x, t) => x - m0[t]));
    expect(v.means![2 * 3] - v.means![0]).toBeCloseTo(gap, 4);
    expect(v.axes[0]).toBe('c0 → "c2"');
    await expect(computeView(ds, { kind: 'custom', x: { from: { class: 0 }, to: { text: 'zebra', regex: false } }, y: null })).rejects.toThrow('matches no point');
  });

  it('spherize: PCA of the centred unit rows; PCs beyond the tenth on demand', async () => {
    const ds = await dataset(blobs(120, 14, 3));
    const v = await computeView(ds, { kind: 'pca', axes: [0, 1, 2], spherize: true });
    const ref = await pca(spherizeRows(ds.X, ds.n, ds.d), ds.n, ds.d, { components: 14 });
    const share = ref.explainedVarianceRatio.slice(0, 3).reduce((a, b) => a + b, 0);
    expect(v.note).toContain(`${(100 * share).toFixed(1)}% of the variance`);
    expect(v.note).toContain('spherized');
    const far = await computeView(ds, { kind: 'pca', axes: [11, 12, 13] });
    expect(far.axes).toEqual(['PC12', 'PC13', 'PC14']);
    expect(far.axisVariance![0]).toBeGreaterThan(0);
  });
});
