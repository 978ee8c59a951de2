import { describe, expect, it } from 'vitest';
import { compactNonFinite, dedupRows, dropNonFinite } from './clean';
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

describe('compactNonFinite', () => {
  it('moves the finite rows to the front of the same buffer, with labels, metadata and original rows', () => {
    const vectors = new Float32Array([1, 2, NaN, 0, 3, 4, 5, -Infinity, 6, 7]);
    const emb: Embeddings = { n: 5, dim: 2, vectors, labels: new Int32Array([0, 1, 2, 3, 4]), meta: { columns: ['m'], values: [['a', 'b', 'c', 'd', 'e']] } };
    const r = compactNonFinite(emb);
    expect(r.nonFinite).toBe(2);
    expect(Array.from(r.rowIndex)).toEqual([0, 2, 4]);
    expect(Array.from(r.emb.vectors)).toEqual([1, 2, 3, 4, 6, 7]);
    expect(r.emb.vectors.buffer).toBe(vectors.buffer);
    expect(r.emb.n).toBe(3);
    expect(Array.from(r.emb.labels!)).toEqual([0, 2, 4]);
    expect(r.emb.meta?.values).toEqual([['a', 'c', 'e']]);
    expect(r.emb).toEqual(dropNonFinite({ ...emb, vectors: new Float32Array([1, 2, NaN, 0, 3, 4, 5, -Infinity, 6, 7]) }).emb);
  });

  it('returns the input itself and the identity rows when every row is finite', () => {
    const emb: Embeddings = { n: 2, dim: 1, vectors: new Float32Array([1, 2]) };
    const r = compactNonFinite(emb);
    expect(r.emb).toBe(emb);
    expect(Array.from(r.rowIndex)).toEqual([0, 1]);
  });
});
