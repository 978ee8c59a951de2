/**
 * The HDF5, PyTorch, Arrow and Embedding Projector readers on the golden files of tests/fixtures/io/new/
 * (make_new_format_fixtures.py, make_arrow_fixtures.ts): each loads back exactly the source .npy and labels.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isInputError } from './errors';
import { loadEmbeddingsAsync } from './load';
import { parseNpy } from './npy';
import type { LoadOptions, NamedBytes } from './assemble';

const DIR = new URL('../../tests/fixtures/io/new/', import.meta.url).pathname;
const bytes = (name: string) => new Uint8Array(readFileSync(join(DIR, name)));
const X = parseNpy(bytes('source.npy')).data as Float32Array;
const y = Array.from(parseNpy(bytes('source_labels.npy')).data as BigInt64Array, Number);
const NAMES = ['ant', 'bee', 'cat'];

/** Files next to `file`, as the CLI reads them. */
const besides = (file: string) => (p: string): NamedBytes | undefined => {
  try {
    const rel = join(dirname(file), p);
    return { name: rel, bytes: bytes(rel) };
  } catch {
    return undefined;
  }
};

async function load(file: string, opts: LoadOptions = {}) {
  return loadEmbeddingsAsync(file, bytes(file), { companion: besides(file), ...opts });
}

async function refusal(file: string, opts: LoadOptions = {}, data?: Uint8Array): Promise<string> {
  try {
    await loadEmbeddingsAsync(file, data ?? bytes(file), { companion: besides(file), ...opts });
  } catch (e) {
    if (isInputError(e)) return e.message;
    throw e;
  }
  throw new Error(`${file} loaded`);
}

/** Class names of each row, by the file's encoding. */
const rowClasses = (emb: { labels?: Int32Array; classNames?: string[] }) => Array.from(emb.labels!, (l) => emb.classNames![l]);

describe('new formats load the source set exactly', () => {
  it.each([
    ['simple.h5', {}, (i: number) => String(y[i])],
    ['several.h5', { vectors: 'model/layer1' }, (i: number) => String(y[i])],
    ['tensors.pt', {}, (i: number) => String(y[i])],
    ['state_dict.pth', {}, (i: number) => String(y[i])],
    ['vectors.arrow', {}, (i: number) => NAMES[y[i]]],
    ['columns.arrows', {}, (i: number) => NAMES[y[i]]],
    ['projector/projector_config.json', {}, (i: number) => NAMES[y[i]]],
    ['projector/vecs.bytes', { dim: 8 }, null],
    ['projector2/projector_config.json', { vectors: 'full' }, (i: number) => NAMES[y[i]]],
  ] as const)('%s', async (file, opts, label) => {
    const emb = await load(file, opts);
    expect([emb.n, emb.dim]).toEqual([60, 8]);
    expect(Array.from(emb.vectors)).toEqual(Array.from(X));
    if (label) expect(rowClasses(emb)).toEqual(y.map((_, i) => label(i)));
    else expect(emb.labels).toBeUndefined();
  });

  it('a list<float32> Feather file without labels, and a .bytes tensor shaped by its metadata rows', async () => {
    const f = await load('lists.feather');
    expect(Array.from(f.vectors)).toEqual(Array.from(X));
    const b = await load('projector/vecs.bytes', { labels: { name: 'meta.tsv', bytes: bytes('projector/meta.tsv') } });
    expect([b.n, b.dim]).toEqual([60, 8]);
    expect(rowClasses(b)).toEqual(y.map((v) => NAMES[v]));
    expect(b.meta?.columns).toEqual(['label', 'name']);
  });

  it('half-precision tensors widen exactly, and a config embedding without tensorShape takes the metadata rows', async () => {
    const half = Array.from(parseNpy(bytes('source_half.npy')).data as Float32Array);
    const h = await load('state_dict.pth', { vectors: 'state_dict.half' });
    expect([h.n, h.dim]).toEqual([60, 4]);
    expect(Array.from(h.vectors)).toEqual(half);
    const four = await load('projector2/projector_config.json', { vectors: 'first four' });
    expect([four.n, four.dim]).toEqual([60, 4]);
  });
});

describe('new formats: bad input is refused with what was found and the fix', () => {
  it('a pickle global outside the whitelist is named and never run', async () => {
    expect(await refusal('evil.pt')).toMatch(/^evil\.pt:archive\/data\.pkl: refused pickle global os\.system \(only tensors, storages and plain containers/);
  });

  it('several 2-D arrays without --vectors, and a missing name, list what the file holds', async () => {
    expect(await refusal('several.h5')).toMatch(/several\.h5 holds several 2-D arrays \(model\/layer1, model\/layer2\), so the vectors are ambiguous\. Choose one with --vectors/);
    expect(await refusal('several.h5', { vectors: 'emb' })).toMatch(/several\.h5 has no HDF5 dataset named "emb" \(it holds meta\/name str \(60,\), meta\/y <i4 \(60,\), model\/layer1 <f4 \(60, 8\)/);
    expect(await refusal('projector2/projector_config.json')).toMatch(/lists 2 embeddings \("full", "first four"\); which one should be read\?/);
  });

  it('a config without its files says which to give with it; a .bytes without shape asks for it', async () => {
    expect(await refusal('projector/projector_config.json', { companion: () => undefined })).toMatch(
      /projector_config\.json names vecs\.bytes and meta\.tsv, which were not given with it \(embedding "fixture"\)\. Drop or choose the config together with vecs\.bytes and meta\.tsv/,
    );
    expect(await refusal('projector/vecs.bytes')).toMatch(/vecs\.bytes is a raw float32 tensor \(480 values\) with no shape.*--dim D/);
    expect(await refusal('projector/vecs.bytes', { dim: 7 })).toMatch(/holds 480 float32 values, which is not a whole number of rows of 7/);
    expect(await refusal('x.bytes', {}, new Uint8Array(10))).toMatch(/x\.bytes is 10 bytes, not a whole number of float32 values/);
  });

  it('a config whose tensorShape disagrees with the tensor, and files named like a format they are not', async () => {
    const cfg = new TextEncoder().encode(JSON.stringify({ embeddings: [{ tensorPath: 'vecs.bytes', tensorShape: [50, 8] }] }));
    expect(await refusal('projector/bad_config.json', {}, cfg)).toMatch(/vecs\.bytes holds 480 float32 values, but tensorShape in projector\/bad_config\.json says 50 x 8 = 400/);
    expect(await refusal('x.h5', {}, new TextEncoder().encode('a,b\n1,2\n'))).toMatch(/x\.h5 is not an HDF5 file/);
    expect(await refusal('x.feather', {}, new TextEncoder().encode('FEA1....'))).toMatch(/x\.feather is a Feather v1 file/);
    const pkl = new Uint8Array([0x80, 0x02, 0x7d, 0x2e]);
    expect(await refusal('old.pt', {}, pkl)).toMatch(/old\.pt is a bare Python pickle \(or a PyTorch file from before 1\.6, not a zip\)/);
  });
});
