import { describe, expect, it } from 'vitest';
import '../../tests/setup';
import { analyze } from '../geometry/analyze';
import { approximateId } from './approx';
import { blobs, memorySource } from './testData.test-util';

describe('approximate-kNN intrinsic dimension (usearch)', () => {
  it('on a small set finds the exact neighbours (recall 1) and the exact TwoNN/MLE over all rows', async () => {
    const emb = blobs(800, 6, 2, 13);
    const d = emb.dim;
    const queries = emb.vectors.slice(0, 40 * d);
    // One thread: the graph (and so every row's neighbours) is the same on every run; with all cores the insertion order varies.
    const approx = await approximateId(memorySource(emb, [128]), queries, { mleK: 10, threads: 1 });
    const exact = await analyze({ ...emb, labels: undefined, classNames: undefined }, { k: 10 });
    expect(approx.rows).toBe(800);
    expect(approx.recall).toEqual({ k: 10, queries: 40, value: 1 });
    expect(approx.twoNN! / exact.intrinsicDimension.twoNN!).toBeCloseTo(1, 5);
    expect(approx.mle.harmonic! / exact.intrinsicDimension.mle.harmonic!).toBeCloseTo(1, 5);
  });

  it('measures a recall below 1 when the graph is too sparse to be exact', async () => {
    const emb = blobs(3000, 24, 1, 17);
    const approx = await approximateId(memorySource(emb), emb.vectors.slice(0, 100 * 24), { mleK: 20, connectivity: 2 });
    expect(approx.recall.value).toBeLessThan(1);
    expect(approx.recall.value).toBeGreaterThan(0);
  });
});
