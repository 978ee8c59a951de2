import { describe, expect, it } from 'vitest';
import { dedupRows, dropNonFinite } from './clean';
import type { Embeddings } from './types';

describe('dropNonFinite', () => {
  it('drops rows with NaN or Infinity together with their labels and metadata', () => {
    const emb: Embeddings = {
      n: 4,
      dim: 2,
      vectors: new Float32Array([1, 2, NaN, 0, 3, 4, 5, -Infinity]),
      labels: new Int32Array([0, 1, 2, 3]),
      classNames: ['a', 'b', 'c', 'd'],
      meta: { columns: ['name'], values: [['r0', 'r1', 'r2', 'r3']] },
    };
    const { emb: out, nonFinite } = dropNonFinite(emb);
    expect(nonFinite).toBe(2);
    expect(out.n).toBe(2);
    expect(Array.from(out.vectors)).toEqual([1, 2, 3, 4]);
    expect(Array.from(out.labels!)).toEqual([0, 2]);
    expect(out.meta!.values).toEqual([['r0', 'r2']]);
    expect(out.classNames).toEqual(emb.classNames);
    expect(emb.n).toBe(4);
  });

  it('returns the input unchanged when every row is finite', () => {
    const emb: Embeddings = { n: 1, dim: 2, vectors: new Float32Array([1, 2]) };
    expect(dropNonFinite(emb)).toEqual({ emb, nonFinite: 0 });
  });
});

describe('dedupRows', () => {
  it('keeps the first occurrence of each distinct row, treating 0 and -0 as equal', () => {
    const X = new Float32Array([1, 2, 3, 4, 1, 2, 0, -0, -0, 0, 3, 4, 1, 2.0000002]);
    const { keep, duplicates } = dedupRows(X, 7, 2);
    expect(Array.from(keep)).toEqual([0, 1, 3, 6]);
    expect(duplicates).toBe(3);
  });

  it('finds no duplicates among distinct random rows', () => {
    const n = 1000;
    const X = Float32Array.from({ length: n * 3 }, (_, i) => Math.sin(i * 12.9898) * 43758.5453);
    expect(dedupRows(X, n, 3).duplicates).toBe(0);
  });
});
