import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { goldenBytes, goldenEntry } from '../../tests/fixtures/io/golden';
import { listNpz, parseNpz, pickNpzArrays } from './npz';
import { expectInputError } from './testing.test-util';

describe('npz golden files written by numpy.savez / savez_compressed', () => {
  it.each([
    ['stored.npz', 'embeddings', 'labels'],
    ['deflated.npz', 'features', 'y'],
  ])('%s: vectors %s and labels %s', (file, vectorsKey, labelsKey) => {
    const want = goldenEntry(file);
    const picked = pickNpzArrays(goldenBytes(file), file, true);
    expect(picked.vectorsKey).toBe(vectorsKey);
    expect(picked.vectors.shape).toEqual(want.shape);
    expect(Array.from(picked.vectors.data as Float32Array)).toEqual(want.values);
    expect(picked.labelsKey).toBe(labelsKey);
    expect(Array.from(picked.labels!.data as BigInt64Array, Number)).toEqual(want.labels);
  });

  it('falls back to the only 2-D float array and skips labels when asked', () => {
    const picked = pickNpzArrays(goldenBytes('unnamed.npz'), 'u.npz', true);
    expect(picked.vectorsKey).toBe('arr_0');
    expect(picked.labels).toBeUndefined();
    expect(pickNpzArrays(goldenBytes('stored.npz'), 's.npz', false).labels).toBeUndefined();
  });

  it('lists and filters entries without decompressing the rest', () => {
    const bytes = goldenBytes('deflated.npz');
    expect(listNpz(bytes, 'd.npz').sort()).toEqual(['features', 'y']);
    expect([...parseNpz(bytes, 'd.npz', (k) => k === 'y').keys()]).toEqual(['y']);
  });

  it('rejects ambiguous, empty and damaged archives', () => {
    expectInputError(() => pickNpzArrays(goldenBytes('ambiguous.npz'), 'a.npz', true), /a\.npz has several 2-D float arrays \(a, b\).*Name the vectors array "embeddings"/);
    expectInputError(() => pickNpzArrays(zipSync({ 'notes.txt': new Uint8Array([65]) }), 'z.npz', true), /z\.npz contains no \.npy arrays/);
    const ints = zipSync({ 'ids.npy': goldenBytes('i4.npy') });
    expectInputError(() => pickNpzArrays(ints, 'i.npz', true), /i\.npz has no 2-D float array to use as embeddings \(it holds ids <i4 \(3, 4\)\)/);
    const stored = goldenBytes('stored.npz');
    expectInputError(() => pickNpzArrays(stored.subarray(0, stored.length - 30), 't.npz', true), /t\.npz is not a readable zip archive \(no end-of-directory record/);
    const deflated = goldenBytes('deflated.npz').slice();
    deflated.fill(0xff, 60, 120);
    expectInputError(() => pickNpzArrays(deflated, 'c.npz', true), /c\.npz/);
  });
});
