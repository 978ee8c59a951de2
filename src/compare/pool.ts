/**
 * Average pooling of images stored as rows (row-major grey levels): each factor x factor block of a
 * width x height image becomes its mean, so an 8 x 8 digit becomes a 4 x 4 one (factor 2). Compare's
 * example pair sets the digits against their pooled selves: the same items, a coarser representation.
 */
import { InputError } from '../io/errors';
import type { ImagePool } from './types';

/** The pooled rows, n x (width / factor) * (height / factor). */
export function poolImages(vectors: Float32Array, n: number, dim: number, pool: ImagePool, name: string): { vectors: Float32Array; dim: number } {
  const { width, height, factor } = pool;
  if (width * height !== dim) throw new InputError(`${name} has ${dim} values per row, not ${width} x ${height} = ${width * height} pixels.`, 'Pool only rows that are images of that size.');
  if (!(factor >= 1) || width % factor !== 0 || height % factor !== 0) throw new InputError(`${width} x ${height} images cannot be pooled in ${factor} x ${factor} blocks.`, 'Choose a factor that divides both sides.');
  const w = width / factor;
  const h = height / factor;
  const out = new Float32Array(n * w * h);
  const scale = 1 / (factor * factor);
  for (let i = 0; i < n; i++) {
    const row = i * dim;
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        let sum = 0;
        for (let dy = 0; dy < factor; dy++) for (let dx = 0; dx < factor; dx++) sum += vectors[row + (y * factor + dy) * width + x * factor + dx];
        out[i * w * h + y * w + x] = sum * scale;
      }
    }
  }
  return { vectors: out, dim: w * h };
}
