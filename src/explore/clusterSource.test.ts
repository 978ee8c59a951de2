import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { adjustedRandIndex, normalizedMutualInfo } from '../geometry/clusterScores';
import { kmeans } from '../geometry/kmeans';
import { blobs, dataset } from './testDataset';
import { clusteredOf } from './clusterSource';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('clusteredOf', () => {
  it('k-means labels the rows, keeps the true labels as "true class", scores them as the CLI does', async () => {
    const ds = await dataset(blobs(120, 6, 4));
    const { loaded, clusters } = await clusteredOf(ds, { method: 'kmeans', k: 4 }, 2);
    const km = await kmeans(ds.X, ds.n, ds.d, 4, { seed: 2 });
    expect(clusters).toMatchObject({ method: 'kmeans', k: 4, seed: 2 });
    expect(clusters.ari).toBeCloseTo(adjustedRandIndex(ds.labels!, km.labels), 12);
    expect(clusters.nmi).toBeCloseTo(normalizedMutualInfo(ds.labels!, km.labels), 12);
    expect(loaded.emb.meta!.columns).toEqual(['true class']);
    expect(loaded.emb.meta!.values[0][5]).toBe(ds.classNames![ds.labels![5]]);
    expect(loaded.emb.classNames).toEqual(['cluster 0', 'cluster 1', 'cluster 2', 'cluster 3']);
  });

  it('k by silhouette finds the 4 separated blobs', async () => {
    const ds = await dataset(blobs(160, 6, 4));
    const { clusters } = await clusteredOf(ds, { method: 'kmeans', k: 'auto' }, 1);
    expect(clusters.k).toBe(4);
    expect(clusters.ari).toBeGreaterThan(0.9);
  });
});
