import { describe, expect, it } from 'vitest';
import { matchRows } from './match';
import type { Embeddings } from '../geometry/types';

const emb = (n: number, d: number, ids?: string[], labels?: number[]): Embeddings => ({
  n, dim: d,
  vectors: Float32Array.from({ length: n * d }, (_, t) => t + 0.5),
  ...(ids ? { meta: { columns: ['name', 'id'], values: [ids.map((s) => `n-${s}`), ids] } } : {}),
  ...(labels ? { labels: Int32Array.from(labels), classNames: ['p', 'q', 'r'] } : {}),
});

describe('matchRows', () => {
  it('by order: row i with row i; a count mismatch says which side is longer and by how much', () => {
    const m = matchRows(emb(4, 2), emb(4, 3));
    expect([m.n, m.dA, m.dB, Array.from(m.rowsB)]).toEqual([4, 2, 3, [0, 1, 2, 3]]);
    expect(m.matching).toEqual({ by: 'order', idColumn: null, unmatchedA: 0, unmatchedB: 0, nonFiniteA: 0, nonFiniteB: 0 });
    expect(() => matchRows(emb(5, 2), emb(7, 2), { names: ['a.npy', 'b.npy'] })).toThrow(/^a\.npy has 5 rows but b\.npy has 7 \(b\.npy is longer by 2\)/);
  });

  it('by id: B reordered to A, labels carried (A first, else B)', () => {
    const a = emb(4, 1, ['w', 'x', 'y', 'z'], [0, 1, 2, 1]);
    const b = emb(4, 1, ['z', 'y', 'x', 'w']);
    const m = matchRows(a, b, { idColumn: 'id' });
    expect(Array.from(m.rowsB)).toEqual([3, 2, 1, 0]);
    expect(Array.from(m.B)).toEqual([3.5, 2.5, 1.5, 0.5]);
    expect([m.labelsFrom, Array.from(m.labels!)]).toEqual(['A', [0, 1, 2, 1]]);
    const fromB = matchRows(emb(4, 1, ['w', 'x', 'y', 'z']), emb(4, 1, ['z', 'y', 'x', 'w'], [0, 1, 2, 2]), { idColumn: 'id' });
    expect([fromB.labelsFrom, Array.from(fromB.labels!)]).toEqual(['B', [2, 2, 1, 0]]);
  });

  it('unmatched ids are counted per side and fail unless sharedOnly; duplicates and a missing column fail', () => {
    const a = emb(5, 1, ['a', 'b', 'c', 'd', 'e']);
    const b = emb(4, 1, ['c', 'a', 'q', 'e']);
    expect(() => matchRows(a, b, { idColumn: 'id' })).toThrow(/^2 of 5 ids of A are not in B \(first: "b"\); 1 of 4 ids of B are not in A \(first: "q"\)\. .*3 shared items/);
    const m = matchRows(a, b, { idColumn: 'id', sharedOnly: true });
    expect([m.n, Array.from(m.rowsA), Array.from(m.rowsB), m.matching.unmatchedA, m.matching.unmatchedB]).toEqual([3, [0, 2, 4], [1, 0, 3], 2, 1]);
    expect(() => matchRows(emb(3, 1, ['a', 'b', 'a']), b, { idColumn: 'id' })).toThrow(/^A has the id "a" twice \(rows 0 and 2\)/);
    expect(() => matchRows(a, b, { idColumn: 'key' })).toThrow(/^A has no id column "key" \(its columns: "name", "id"\)/);
  });

  it('drops and counts pairs with a NaN or Infinity on either side; fewer than 3 left is an error', () => {
    const a = emb(5, 2);
    const b = emb(5, 2);
    a.vectors[3] = Number.NaN;
    b.vectors[8] = Infinity;
    const m = matchRows(a, b);
    expect([m.n, Array.from(m.rowsA), m.matching.nonFiniteA, m.matching.nonFiniteB]).toEqual([3, [0, 2, 3], 1, 1]);
    a.vectors[0] = Number.NaN;
    expect(() => matchRows(a, b)).toThrow(/^Only 2 items have finite vectors on both sides \(5 matched\)/);
  });
});
