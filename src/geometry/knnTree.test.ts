import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import '../../tests/setup';
import { f32, FIXTURES, ROOT } from '../../tests/fixtureFiles';
import { knn } from './knn';
import { bruteForce, expectSame } from './knnTesting';
import { createRng } from './random';
import { bruteCost, planKnn, TREE_MIN_WORK } from './knnChoice';
import { fashionMnistFromBytes } from '../datasets/fashionMnist';

type Shape = 'gaussian' | 'low-id' | 'lattice' | 'offset' | 'duplicates';

/** Seeded rows: isotropic, a curved 2-d latent in d, integers with ties, clustered far from the origin, or 3 distinct rows repeated. */
function rows(shape: Shape, n: number, d: number, seed: number): Float32Array {
  const rng = createRng(seed);
  const X = new Float32Array(n * d);
  const A = Array.from({ length: 3 * d }, () => rng.normal());
  for (let i = 0; i < n; i++) {
    const z = [rng.uniform() * 3, rng.uniform() * 3];
    for (let t = 0; t < d; t++) {
      const o = i * d + t;
      if (shape === 'gaussian') X[o] = rng.normal();
      else if (shape === 'low-id') X[o] = Math.sin(z[0]) * A[t] + Math.cos(z[1]) * A[d + t] + z[0] * z[1] * A[2 * d + t] + 1e-3 * rng.normal();
      else if (shape === 'lattice') X[o] = Math.floor(rng.uniform() * 3);
      else if (shape === 'offset') X[o] = 500 + (i % 5) + 0.01 * rng.normal();
      else X[o] = A[(i % 3) * d + t];
    }
  }
  return X;
}

describe('knn with the PCA tree equals float64 brute force (neighbour sets, order with ties by index, distances)', () => {
  it('on arbitrary shapes, sizes, k, projection sizes and both metrics', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom<Shape>('gaussian', 'low-id', 'lattice', 'offset', 'duplicates'),
        fc.integer({ min: 2, max: 160 }),
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 40 }),
        fc.boolean(),
        fc.integer({ min: 1, max: 1e6 }),
        async (shape, n, d, k, p, cosine, seed) => {
          const X = rows(shape, n, d, seed);
          const got = await knn(X, n, d, k, { method: 'pca tree', treeComponents: p, metric: cosine ? 'cosine' : 'euclidean' });
          expect(got.method).toBe('pca tree');
          expectSame(got, bruteForce(X, n, d, Math.min(k, n - 1), cosine));
        },
      ),
      { numRuns: 120, seed: 17 },
    );
  });

  it('bit for bit equal to the tile scan on the reference fixtures (synthetic 892 x 24, digits 1,797 x 64) and 1,000 Fashion-MNIST images', async () => {
    const fashion = fashionMnistFromBytes(
      new Uint8Array(readFileSync(resolve(ROOT, 'public/data/fashion-mnist-t10k-images-idx3-ubyte.gz'))),
      new Uint8Array(readFileSync(resolve(ROOT, 'public/data/fashion-mnist-t10k-labels-idx1-ubyte.gz'))),
      1000,
    );
    const synthetic = f32(resolve(FIXTURES, 'synthetic-vectors.npy'));
    const digits = f32(resolve(ROOT, 'public/data/digits.npy'));
    const sets = [
      { X: synthetic.data, n: synthetic.shape[0], d: synthetic.shape[1] },
      { X: digits.data, n: digits.shape[0], d: digits.shape[1] },
      { X: fashion.vectors, n: fashion.n, d: fashion.dim },
    ];
    for (const { X, n, d } of sets) {
      for (const metric of ['euclidean', 'cosine'] as const) {
        const brute = await knn(X, n, d, 20, { method: 'brute force', metric });
        const tree = await knn(X, n, d, 20, { method: 'pca tree', metric });
        expect(brute.method).toBe('brute force');
        expect(Array.from(tree.indices)).toEqual(Array.from(brute.indices));
        expect(Array.from(tree.distances)).toEqual(Array.from(brute.distances));
      }
    }
  });
});

describe('planKnn', () => {
  it('keeps brute force below TREE_MIN_WORK and on isotropic data, picks the tree on a 2-d manifold in 64-d', () => {
    const small = rows('low-id', 500, 8, 1);
    expect(planKnn(small, 500, 8, 10, false, 1).method).toBe('brute force');
    const n = 12_000;
    const d = 64;
    expect((n * n * d) / 2).toBeGreaterThan(TREE_MIN_WORK);
    const iso = planKnn(rows('gaussian', n, d, 2), n, d, 20, false, 1);
    expect(iso.method).toBe('brute force');
    const low = planKnn(rows('low-id', n, d, 3), n, d, 20, false, 1);
    expect(low.method).toBe('pca tree');
    expect(low.treeCost).toBeLessThan(low.bruteCost);
    expect(low.bruteCost).toBe(bruteCost(n, d, 20, 1));
  });
});
