/** Seeded labelled data for unit tests: K Gaussian classes, row i in class i % K. */
import { createRng, type Rng } from '../src/geometry/random';

/** n rows in D dims: centre_k ~ N(0, 3^2 I), row = centre_{i % K} + N(0, I), float32. */
export function gaussianClasses(seed: number, n: number, D: number, K: number): { X: Float32Array; labels: Int32Array } {
  const rng = createRng(seed);
  const centres = Array.from({ length: K * D }, () => 3 * rng.normal());
  const labels = Int32Array.from({ length: n }, (_, i) => i % K);
  const X = Float32Array.from({ length: n * D }, (_, t) => centres[labels[Math.floor(t / D)] * D + (t % D)] + rng.normal());
  return { X, labels };
}

/**
 * n rows in d dims, row i in class i % K, each row written by `fill(row, label, rng)` (the row
 * starts at zeros; one seeded rng runs through the rows in order).
 */
export function rowsByClass(seed: number, n: number, d: number, K: number, fill: (row: Float32Array, label: number, rng: Rng) => void): { X: Float32Array; labels: Int32Array } {
  const rng = createRng(seed);
  const X = new Float32Array(n * d);
  const labels = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    labels[i] = i % K;
    fill(X.subarray(i * d, (i + 1) * d), labels[i], rng);
  }
  return { X, labels };
}
