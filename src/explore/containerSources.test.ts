/** parseFiles on the new formats: the defaults, the questions the dialog asks, and the choices that answer them. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFiles } from './sources';
import type { NamedBytes } from '../io/assemble';

const DIR = new URL('../../tests/fixtures/io/new/', import.meta.url).pathname;
const file = (name: string): NamedBytes => ({ name: name.slice(name.lastIndexOf('/') + 1), bytes: new Uint8Array(readFileSync(join(DIR, name))) });
const dropped = (...names: string[]) => async (p: string) => names.map(file).find((f) => f.name === p.slice(p.lastIndexOf('/') + 1));

describe('parseFiles: HDF5, PyTorch and Projector files', () => {
  it('asks which HDF5 dataset holds the vectors when several are unnamed, then loads the choice with the y labels', async () => {
    const ask = await parseFiles(file('several.h5'), undefined, undefined);
    expect('choose' in ask && [ask.choose.reason, ask.choose.chosen.labelsArray]).toEqual(['several.h5 holds several 2-D datasets; which one holds the vectors?', 'meta/y']);
    const got = await parseFiles(file('several.h5'), undefined, { vectors: 'model/layer2', labelsArray: 'meta/y' });
    expect('emb' in got && [got.emb.n, got.emb.dim, got.emb.classNames]).toEqual([60, 4, ['0', '1', '2']]);
  });

  it('takes a state_dict\'s features and y by default', async () => {
    const got = await parseFiles(file('state_dict.pth'), undefined, undefined);
    if (!('emb' in got)) throw new Error('asked');
    expect(got.choices?.chosen).toMatchObject({ vectors: 'state_dict.features', labelsArray: 'state_dict.y' });
    expect(got.choices?.kind).toBe('torch');
  });

  it('reads a config with its dropped files and keeps the sprite; asks among several embeddings', async () => {
    const got = await parseFiles(file('projector/projector_config.json'), undefined, undefined, dropped('projector/vecs.bytes', 'projector/meta.tsv', 'projector/sprite.png'));
    if (!('emb' in got)) throw new Error('asked');
    expect([got.emb.n, got.emb.dim, got.emb.classNames]).toEqual([60, 8, ['ant', 'bee', 'cat']]);
    expect(got.choices?.sprite).toEqual({ path: 'sprite.png', tile: [8, 8] });
    const ask = await parseFiles(file('projector2/projector_config.json'), undefined, undefined, dropped('projector/vecs.bytes', 'projector/meta.tsv'));
    expect('choose' in ask && ask.choose.arrays?.map((a) => a.name)).toEqual(['full', 'first four']);
    await expect(parseFiles(file('projector/projector_config.json'), undefined, undefined)).rejects.toMatchObject({ problem: expect.stringMatching(/names vecs\.bytes and meta\.tsv, which were not given with it/) });
  });

  it('asks a lone .bytes tensor for its dimension; its metadata file fixes it', async () => {
    const ask = await parseFiles(file('projector/vecs.bytes'), undefined, undefined);
    expect('choose' in ask && [ask.choose.kind, ask.choose.floats]).toEqual(['bytes', 480]);
    const chosen = await parseFiles(file('projector/vecs.bytes'), undefined, { dim: 16 });
    expect('emb' in chosen && [chosen.emb.n, chosen.emb.dim]).toEqual([30, 16]);
    const withMeta = await parseFiles(file('projector/vecs.bytes'), file('projector/meta.tsv'), undefined);
    expect('emb' in withMeta && [withMeta.emb.n, withMeta.emb.dim, withMeta.choices?.chosen.dim]).toEqual([60, 8, 8]);
  });
});
