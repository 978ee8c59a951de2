/** Seeded random orthonormal frames used to place low-dimensional structure in D dimensions. */
import type { Mat } from '../geometry/types';
import type { Rng } from '../geometry/random';
import { mat, qr } from '../geometry/linalg';

/** A D x r matrix with orthonormal columns, uniformly random (Q of the QR of a Gaussian D x r, diag R >= 0). */
export function randomOrthonormal(rng: Rng, D: number, r: number): Mat {
  if (!(r >= 1 && r <= D)) throw new RangeError(`randomOrthonormal: need 1 <= r <= D (r = ${r}, D = ${D})`);
  const g = mat(D, r);
  for (let t = 0; t < g.data.length; t++) g.data[t] = rng.normal();
  return qr(g).q;
}

/**
 * Writes y = Q p (Q a D x r orthonormal frame, p in R^r) into out at offset o. With D = r the
 * frame is the identity, so low-dimensional data keep their own coordinates.
 */
export function embedInto(out: Float32Array, o: number, Q: Mat | null, p: ArrayLike<number>): void {
  if (!Q) {
    for (let j = 0; j < p.length; j++) out[o + j] = p[j];
    return;
  }
  const r = Q.cols;
  for (let t = 0; t < Q.rows; t++) {
    let s = 0;
    for (let j = 0; j < r; j++) s += Q.data[t * r + j] * p[j];
    out[o + t] = s;
  }
}

/** The frame for r-dimensional data in D dimensions: null (identity) when D = r, else random orthonormal. */
export function planarFrame(rng: Rng, D: number, r: number): Mat | null {
  if (D < r) throw new RangeError(`this generator needs dim >= ${r} (dim = ${D})`);
  return D === r ? null : randomOrthonormal(rng, D, r);
}

/** A seed for an independent stream derived from (seed, stream) by an integer hash (murmur3 finaliser). */
export function deriveSeed(seed: number, stream: number): number {
  let h = (Math.imul(seed >>> 0, 0x9e3779b1) ^ Math.imul(stream + 1, 0x85ebca6b)) >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}
