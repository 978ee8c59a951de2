import type { Embeddings } from '../geometry/types';
import { createRng } from '../geometry/random';

export interface BlobsOptions {
  n: number;
  dim: number;
  classes: number;
  /** Norm of each class mean (means point in random Gaussian directions). */
  separation?: number;
  /** Standard deviation of the isotropic Gaussian noise around each mean. */
  noise?: number;
  seed?: number;
}

/**
 * Seeded Gaussian blobs: class k = i mod K for row i, x_i = mu_k + noise * N(0, I),
 * mu_k = separation * g_k / ||g_k|| with g_k ~ N(0, I). Used by the benchmarks and Train mode.
 */
export function gaussianBlobs({ n, dim, classes, separation = 4, noise = 1, seed = 1 }: BlobsOptions): Embeddings {
  const rng = createRng(seed);
  const means = new Float64Array(classes * dim);
  for (let k = 0; k < classes; k++) {
    let norm2 = 0;
    for (let j = 0; j < dim; j++) {
      const g = rng.normal();
      means[k * dim + j] = g;
      norm2 += g * g;
    }
    const scale = separation / Math.sqrt(norm2);
    for (let j = 0; j < dim; j++) means[k * dim + j] *= scale;
  }
  const vectors = new Float32Array(n * dim);
  const labels = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const k = i % classes;
    labels[i] = k;
    for (let j = 0; j < dim; j++) vectors[i * dim + j] = means[k * dim + j] + noise * rng.normal();
  }
  const classNames = Array.from({ length: classes }, (_, k) => `class ${k}`);
  return { n, dim, vectors, labels, classNames };
}
