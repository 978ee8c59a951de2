import { describe, expect, it } from 'vitest';
import { pairFiles } from './files';

const f = (name: string, size = 10) => ({ name, size });

describe('pairFiles', () => {
  it('takes a single file as the vectors', () => {
    expect(pairFiles([f('x.npy')])).toEqual({ vectors: f('x.npy') });
  });

  it('recognises metadata by name, then binary formats, then size', () => {
    expect(pairFiles([f('metadata.tsv'), f('vectors.tsv', 5)])).toEqual({ vectors: f('vectors.tsv', 5), metadata: f('metadata.tsv') });
    expect(pairFiles([f('emb.npy'), f('labels.txt', 99)])).toEqual({ vectors: f('emb.npy'), metadata: f('labels.txt', 99) });
    expect(pairFiles([f('a.csv', 5), f('b.npy', 1)])).toEqual({ vectors: f('b.npy', 1), metadata: f('a.csv', 5) });
    expect(pairFiles([f('a.tsv', 5), f('b.tsv', 50)])).toEqual({ vectors: f('b.tsv', 50), metadata: f('a.tsv', 5) });
  });

  it('refuses none or more than two files', () => {
    expect(pairFiles([])).toEqual({ error: 'No file was given.' });
    expect(pairFiles([f('a'), f('b'), f('c')])).toMatchObject({ error: expect.stringContaining('3 files') });
  });
});
