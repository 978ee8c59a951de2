import { describe, expect, it } from 'vitest';
import { zipSync } from 'fflate';
import { writeNpy } from '../io/npy';
import { checkSameOrigin, parseFiles } from './sources';
import { readBlob, tooLargeError } from '../io/readFile';
import { formatBytes } from '../format';

const utf8 = (s: string) => new TextEncoder().encode(s);
const matrix = (n: number, d: number) => Float32Array.from({ length: n * d }, (_, t) => Math.sin(t + 1));

describe('parseFiles', () => {
  it('reads a CSV whose header mixes vector columns with a label and a caption', async () => {
    const csv = 'id,x0,x1,label,caption\n1,0.5,1,cat,"a, b"\n2,1.5,-1,dog,c\n3,2,0,cat,d\n4,nan,3,dog,e\n';
    const got = await parseFiles({ name: 'pets.csv', bytes: utf8(csv) }, undefined, undefined);
    if (!('emb' in got)) throw new Error('asked for a choice');
    expect(got.choices?.chosen).toMatchObject({ columns: ['x0', 'x1'], labelColumn: 'label' });
    expect(got.emb.dim).toBe(2);
    expect(Array.from(got.emb.vectors.subarray(0, 4))).toEqual([0.5, 1, 1.5, -1]);
    expect(got.emb.classNames).toEqual(['cat', 'dog']);
    expect(got.emb.meta?.columns).toEqual(['id', 'label', 'caption']);
    expect(got.emb.meta?.values[2]).toEqual(['a, b', 'c', 'd', 'e']);
    const chosen = await parseFiles({ name: 'pets.csv', bytes: utf8(csv) }, undefined, { columns: ['id', 'x0', 'x1'], labelColumn: '' });
    if (!('emb' in chosen)) throw new Error('asked for a choice');
    expect(chosen.emb.dim).toBe(3);
    expect(chosen.emb.labels).toBeUndefined();
  });

  it('asks which text column is the label when several could be, and names line and column of bad cells', async () => {
    const csv = 'a,b,name,colour\n1,2,x,red\n3,4,y,blue\n5,6,z,red\n';
    const got = await parseFiles({ name: 't.csv', bytes: utf8(csv) }, undefined, undefined);
    expect('choose' in got && got.choose.reason).toMatch(/several text columns \(name, colour\)/);
    const bad = 'a,b,label\n1,2,x\n3,oops,y\n5,6,z\n';
    await expect(parseFiles({ name: 'bad.csv', bytes: utf8(bad) }, undefined, { columns: ['a', 'b'], labelColumn: 'label' })).rejects.toMatchObject({
      problem: 'bad.csv line 3, column 2 ("b") is not a number: "oops".',
    });
    const ragged = 'a,b,label\n1,2,x\n3,4\n5,6,z\n';
    await expect(parseFiles({ name: 'r.csv', bytes: utf8(ragged) }, undefined, undefined)).rejects.toMatchObject({
      problem: 'r.csv line 3 has 2 values but the header (line 1) has 3 columns.',
    });
  });

  it('lists .npz arrays, asks when the vectors are ambiguous, and honours the chosen arrays', async () => {
    const npz = zipSync({
      'a.npy': writeNpy(matrix(5, 3), [5, 3]),
      'b.npy': writeNpy(matrix(5, 2), [5, 2]),
      'y.npy': writeNpy(new Int32Array([0, 1, 0, 1, 1]), [5]),
      'tags.npy': writeNpy(new Int32Array([3, 3, 4, 4, 4]), [5]),
    });
    const ask = await parseFiles({ name: 'z.npz', bytes: npz }, undefined, undefined);
    if (!('choose' in ask)) throw new Error('expected a choice');
    expect(ask.choose.arrays?.map((a) => `${a.name} ${a.dtype} ${a.shape.join('x')}`)).toEqual(['a <f4 5x3', 'b <f4 5x2', 'y <i4 5', 'tags <i4 5']);
    expect(ask.choose.chosen.labelsArray).toBe('y');
    const got = await parseFiles({ name: 'z.npz', bytes: npz }, undefined, { vectors: 'b', labelsArray: 'tags' });
    if (!('emb' in got)) throw new Error('asked again');
    expect(got.emb.dim).toBe(2);
    expect(got.emb.classNames).toEqual(['3', '4']);
    const none = await parseFiles({ name: 'z.npz', bytes: npz }, undefined, { vectors: 'a', labelsArray: '' });
    if (!('emb' in none)) throw new Error('asked again');
    expect(none.emb.labels).toBeUndefined();
  });

  it('passes metadata files to io: a row-count mismatch says which side is longer', async () => {
    const npy = writeNpy(matrix(4, 2), [4, 2]);
    await expect(parseFiles({ name: 'v.npy', bytes: npy }, { name: 'm.tsv', bytes: utf8('label\tnote\na\tx\nb\ty\na\tz\n') }, undefined)).rejects.toMatchObject({
      problem: expect.stringContaining('the embeddings are longer by 1'),
    });
    const ok = await parseFiles({ name: 'v.npy', bytes: npy }, { name: 'm.tsv', bytes: utf8('label\tnote\na\tx\nb\ty\na\tz\nb\tw\n') }, undefined);
    if (!('emb' in ok)) throw new Error('asked');
    expect(ok.emb.meta?.columns).toEqual(['label', 'note']);
  });
});

describe('reading', () => {
  it('streams a Blob into one buffer with byte progress', async () => {
    const blob = new Blob([new Uint8Array(300_000).fill(7), new Uint8Array(5)]);
    const seen: number[] = [];
    const bytes = await readBlob(blob, 'b.bin', new AbortController().signal, (done) => seen.push(done));
    expect(bytes.length).toBe(300_005);
    expect(bytes[0]).toBe(7);
    expect(seen[0]).toBe(0);
    expect(seen.at(-1)).toBe(300_005);
  });

  it('refuses files larger than a tab and names the CLI', () => {
    expect(tooLargeError('big.npy', 9e9).message).toMatch(/big\.npy is 9\.0 GB, larger than this browser tab can hold.*command line/);
    expect(formatBytes(1536)).toBe('1.5 kB');
  });

  it('accepts same-origin paths and rejects other sites', () => {
    expect(() => checkSameOrigin('data/x.npy', 'http://127.0.0.1:4173')).not.toThrow();
    expect(() => checkSameOrigin('https://evil.example/x.npy', 'http://127.0.0.1:4173')).toThrow(/another site/);
    expect(() => checkSameOrigin('//evil.example/x.npy', 'http://127.0.0.1:4173')).toThrow(/another site/);
  });
});
