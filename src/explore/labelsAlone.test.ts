import { describe, expect, it } from 'vitest';
import { isInputError } from '../io/errors';
import { writeNpy } from '../io/npy';
import { LABELS_KEPT_FIX } from '../io/table';
import { parseFiles } from './sources';

const utf8 = (s: string) => new TextEncoder().encode(s);
const matrix = (n: number, d: number) => Float32Array.from({ length: n * d }, (_, t) => Math.sin(t + 1));

async function refusal(name: string, bytes: Uint8Array): Promise<{ problem: string; fix: string }> {
  try {
    await parseFiles({ name, bytes }, undefined, undefined);
  } catch (e) {
    if (isInputError(e)) return e;
    throw e;
  }
  throw new Error(`${name} was analysed`);
}

describe('a labels or metadata file given alone', () => {
  it('is recognised by its content (1-D .npy, one value per line, text-only table) and asks for the vectors', async () => {
    const cases: [string, Uint8Array, string][] = [
      ['y.npy', writeNpy(new BigInt64Array([0n, 1n, 1n, 0n]), [4]), 'y.npy holds labels or metadata (one value per row), not vectors.'],
      ['labels.txt', utf8('cat\ndog\ncat\n'), 'labels.txt holds labels or metadata (one value per row), not vectors.'],
      ['classes.txt', utf8('3\n1\n2\n0\n'), 'classes.txt holds labels or metadata (one value per row), not vectors.'],
      ['metadata.tsv', utf8('label\tcaption\ncat\ta\ndog\tb\ncat\tc\n'), 'metadata.tsv holds labels or metadata (columns "label", "caption"), not vectors.'],
    ];
    for (const [name, bytes, problem] of cases) expect(await refusal(name, bytes)).toEqual(expect.objectContaining({ problem, fix: LABELS_KEPT_FIX }));
  });

  it('is taken as vectors when it holds a matrix, whatever its name', async () => {
    const got = await parseFiles({ name: 'labels.npy', bytes: writeNpy(matrix(5, 3), [5, 3]) }, undefined, undefined);
    expect('emb' in got && [got.emb.n, got.emb.dim]).toEqual([5, 3]);
  });
});

describe('the label column of a metadata file with several columns', () => {
  const vectors = { name: 'emb.npy', bytes: writeNpy(matrix(4, 3), [4, 3]) };
  const meta = { name: 'metadata.tsv', bytes: utf8('species\tsize\ncat\tS\ndog\tL\ncat\tL\ndog\tS\n') };
  it('defaults to io\'s rule (a label-named column, else the first) and offers the others', async () => {
    const got = await parseFiles(vectors, meta, undefined);
    if (!('emb' in got)) throw new Error('asked for a choice');
    expect(got.choices).toMatchObject({ kind: 'plain', metadata: { file: 'metadata.tsv', columns: ['species', 'size'] }, chosen: { metaLabelColumn: 'species' } });
    expect(got.emb.classNames).toEqual(['cat', 'dog']);
  });

  it('follows the chosen column, as --label-column does in the CLI', async () => {
    const got = await parseFiles(vectors, meta, { metaLabelColumn: 'size' });
    if (!('emb' in got)) throw new Error('asked for a choice');
    expect(got.emb.classNames).toEqual(['L', 'S']);
    expect(Array.from(got.emb.labels!)).toEqual([1, 0, 0, 1]);
    expect(got.emb.meta?.columns).toEqual(['species', 'size']);
  });
});
