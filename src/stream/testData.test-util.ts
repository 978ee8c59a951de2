/** Seeded labelled data and an in-memory RowSource for the streaming tests. */
import { createRng } from '../geometry/random';
import type { Embeddings } from '../geometry/types';
import type { Chunk, RowSource } from './source';

/** K Gaussian classes in d dims (class k shifted by 3 on axis k mod d), every value + offset. */
export function blobs(n: number, d: number, K: number, seed: number, offset = 0): Embeddings {
  const rng = createRng(seed);
  const labels = Int32Array.from({ length: n }, (_, i) => (i * 7 + (i >> 3)) % K);
  const vectors = new Float32Array(n * d);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < d; j++) vectors[i * d + j] = offset + (j === labels[i] % d ? 3 : 0) + (1 + 0.1 * j) * rng.normal();
  }
  return { n, dim: d, vectors, labels, classNames: Array.from({ length: K }, (_, k) => String(k)) };
}

/** Rows [from, to) of emb. */
export function sliceRows(emb: Embeddings, from: number, to: number): Embeddings {
  const d = emb.dim;
  return { ...emb, n: to - from, vectors: emb.vectors.slice(from * d, to * d), labels: emb.labels?.slice(from, to) };
}

/** A RowSource over an in-memory matrix, in chunks of the given sizes (cycled). */
export function memorySource(emb: Embeddings, chunkSizes: number[] = [2048]): RowSource {
  const d = emb.dim;
  const names = emb.labels ? Array.from(emb.labels, (y) => emb.classNames?.[y] ?? String(y)) : null;
  return {
    name: 'memory',
    dim: d,
    rows: emb.n,
    distinctLabels: async () => (names ? [...new Set(names)] : null),
    async *chunks(): AsyncGenerator<Chunk> {
      let start = 0;
      for (let c = 0; start < emb.n; c++) {
        const rows = Math.min(chunkSizes[c % chunkSizes.length], emb.n - start);
        yield { rows, vectors: emb.vectors.slice(start * d, (start + rows) * d), labels: names ? names.slice(start, start + rows) : null };
        start += rows;
      }
    },
    close: async () => {},
    describe: () => ({ engine: 'memory' }),
  };
}
