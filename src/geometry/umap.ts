/**
 * UMAP layout (umap-js) over exact nearest neighbours: the kNN graph comes from knn() (blocked,
 * on the active tfjs backend, cancellable) and is handed to umap-js as precomputed, so umap-js
 * only builds the fuzzy graph and runs its epochs, which are stepped here for progress and cancel.
 */
import { UMAP } from 'umap-js';
import { knn } from './knn';
import { mulberry32 } from './random';
import { checkpoint } from './abort';

export interface UmapOptions {
  /** Output dimensions, 2 or 3 (default 3). */
  dims?: 2 | 3;
  /** Neighbours of each point in the fuzzy graph, self included as in umap-learn (default 15). */
  neighbours?: number;
  /** umap-js minDist (default 0.1). */
  minDist?: number;
  /** Optimisation epochs (default: umap-js's choice by size, 200-500). */
  epochs?: number;
  /** Seed of the random initialisation and negative sampling (default 1). */
  seed?: number;
  signal?: AbortSignal;
  /** Fraction in [0, 1] and the stage ('neighbours' or 'layout'). */
  onProgress?: (fraction: number, stage: string) => void;
}

/** Share of the progress bar given to the kNN graph. */
const KNN_SHARE = 0.3;

/**
 * UMAP coordinates of the rows of X (n x d), n x 3 float32 (third column 0 for dims = 2).
 * Euclidean kNN with k = neighbours - 1 (self prepended at distance 0); deterministic for a seed.
 * Needs n > neighbours.
 */
export async function umapLayout(X: Float32Array, n: number, d: number, opts: UmapOptions = {}): Promise<Float32Array> {
  const dims = opts.dims ?? 3;
  const neighbours = Math.min(opts.neighbours ?? 15, n - 1);
  if (neighbours < 2) throw new RangeError(`umapLayout needs at least 3 rows (n = ${n})`);
  const { signal, onProgress } = opts;
  onProgress?.(0, 'neighbours');
  const nn = await knn(X, n, d, neighbours - 1, { signal, onProgress: (f) => onProgress?.(KNN_SHARE * f, 'neighbours') });
  const k = nn.k;
  const indices: number[][] = new Array(n);
  const distances: number[][] = new Array(n);
  for (let i = 0; i < n; i++) {
    const idx = [i];
    const dist = [0];
    for (let j = 0; j < k; j++) {
      idx.push(nn.indices[i * k + j]);
      dist.push(nn.distances[i * k + j]);
    }
    indices[i] = idx;
    distances[i] = dist;
  }
  const umap = new UMAP({
    nComponents: dims,
    nNeighbors: k + 1,
    minDist: opts.minDist ?? 0.1,
    nEpochs: opts.epochs,
    random: mulberry32(opts.seed ?? 1),
  });
  umap.setPrecomputedKNN(indices, distances);
  // umap-js reads only X.length once the kNN graph is given.
  const rows: number[][] = Array.from({ length: n }, () => []);
  await checkpoint(signal);
  const epochs = umap.initializeFit(rows);
  for (let e = 0; e < epochs; e++) {
    umap.step();
    if (e % 5 === 4 || e === epochs - 1) {
      await checkpoint(signal);
      onProgress?.(KNN_SHARE + (1 - KNN_SHARE) * ((e + 1) / epochs), 'layout');
    }
  }
  const embedding = umap.getEmbedding();
  const out = new Float32Array(n * 3);
  for (let i = 0; i < n; i++) for (let c = 0; c < dims; c++) out[i * 3 + c] = embedding[i][c];
  return out;
}
