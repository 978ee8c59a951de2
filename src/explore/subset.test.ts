import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { blobs, dataset } from './testDataset';
import { subsetOf } from './subset';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('subsetOf', () => {
  it('keeps the chosen rows, renumbers the classes present in order, maps rows to the file', async () => {
    const ds = await dataset(blobs(30, 4, 3));
    // Points of classes 0 and 2 only (labels are i % 3).
    const points = Int32Array.from([0, 2, 3, 5, 8]);
    const { emb, finite } = subsetOf(ds, points);
    expect(emb.n).toBe(5);
    expect(emb.classNames).toEqual(['c0', 'c2']);
    expect(Array.from(emb.labels!)).toEqual([0, 1, 0, 1, 1]);
    expect(Array.from(emb.vectors.subarray(4, 8))).toEqual(Array.from(ds.X.subarray(2 * 4, 3 * 4)));
    expect(Array.from(finite!.rowIndex)).toEqual(Array.from(points, (i) => ds.rowIndex[i]));
  });

  it('refuses fewer than 3 points with the fix', async () => {
    const ds = await dataset(blobs(30, 4, 3));
    expect(() => subsetOf(ds, Int32Array.from([1, 2]))).toThrow('Select at least 3 points');
  });
});
