/** Test data for the worker's view and chart tests: seeded blobs and the Dataset the worker builds from them. */
import { analyzeBase, prepareAnalysis } from '../geometry/analyze';
import { compactNonFinite } from '../geometry/clean';
import { createRng } from '../geometry/random';
import type { Embeddings } from '../geometry/types';
import { buildDataset, type Dataset } from './dataset';

export function blobs(n: number, d: number, K: number, offset = 0): Embeddings {
  const rng = createRng(3);
  const vectors = new Float32Array(n * d);
  const labels = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    labels[i] = i % K;
    for (let j = 0; j < d; j++) vectors[i * d + j] = offset + (j === labels[i] ? 5 : 0) + rng.normal();
  }
  return { n, dim: d, vectors, labels, classNames: Array.from({ length: K }, (_, k) => `c${k}`) };
}

export async function dataset(emb: Embeddings): Promise<Dataset> {
  const finite = compactNonFinite(emb);
  const input = prepareAnalysis(finite.emb, { nonFinite: finite.nonFinite });
  return buildDataset('t', finite, await analyzeBase(input), input.mleK);
}
