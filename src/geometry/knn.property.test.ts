import { describe, it } from 'vitest';
import fc from 'fast-check';
import '../../tests/setup';
import { knn } from './knn';
import { bruteForce, expectSame } from './knnTesting';
import { createRng } from './random';

type Shape = 'gaussian' | 'low-id' | 'lattice' | 'offset';

/** Seeded rows of one of four shapes: isotropic, a 2-d latent embedded in d, integers with ties, or clustered far from the origin. */
function rows(shape: Shape, n: number, d: number, seed: number): Float32Array {
  const rng = createRng(seed);
  const X = new Float32Array(n * d);
  const A = Array.from({ length: 2 * d }, () => rng.normal());
  for (let i = 0; i < n; i++) {
    const z = [rng.normal(), rng.normal()];
    for (let t = 0; t < d; t++) {
      const o = i * d + t;
      if (shape === 'gaussian') X[o] = rng.normal();
      else if (shape === 'low-id') X[o] = z[0] * A[t] + z[1] * A[d + t] + 1e-3 * rng.normal();
      else if (shape === 'lattice') X[o] = Math.floor(rng.uniform() * 3);
      else X[o] = 500 + (i % 5) + 0.01 * rng.normal();
    }
  }
  return X;
}

describe('knn equals float64 brute force (neighbour sets, order with ties by index, distances)', () => {
  it('on arbitrary shapes, sizes, k, tile sizes, both metrics and both tile kernels', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom<Shape>('gaussian', 'low-id', 'lattice', 'offset'),
        fc.integer({ min: 2, max: 140 }),
        fc.integer({ min: 1, max: 24 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 70 }),
        fc.boolean(),
        fc.constantFrom<'int16' | 'float32'>('int16', 'float32'),
        fc.integer({ min: 1, max: 1e6 }),
        async (shape, n, d, k, blockRows, cosine, kernel, seed) => {
          const X = rows(shape, n, d, seed);
          const got = await knn(X, n, d, k, { blockRows, kernel, metric: cosine ? 'cosine' : 'euclidean' });
          expectSame(got, bruteForce(X, n, d, Math.min(k, n - 1), cosine));
        },
      ),
      { numRuns: 80, seed: 13 },
    );
  });
});
