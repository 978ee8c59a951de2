/** Seeded labelled data for unit tests: K Gaussian classes, row i in class i % K. */
import { createRng } from '../src/geometry/random';

/** n rows in D dims: centre_k ~ N(0, 3^2 I), row = centre_{i % K} + N(0, I), float32. */
export function gaussianClasses(seed: number, n: number, D: number, K: number): { X: Float32Array; labels: Int32Array } {
  const rng = createRng(seed);
  const centres = Array.from({ length: K * D }, () => 3 * rng.normal());
  const labels = Int32Array.from({ length: n }, (_, i) => i % K);
  const X = Float32Array.from({ length: n * D }, (_, t) => centres[labels[Math.floor(t / D)] * D + (t % D)] + rng.normal());
  return { X, labels };
}
