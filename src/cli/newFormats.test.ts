/**
 * subspace-lab analyze on the HDF5, PyTorch, Arrow and Projector golden files (tests/fixtures/io/new/):
 * each report equals the report of the same vectors as .npy with the same labels, and a projector config
 * is read as a config (its tensor and metadata next to it), never as 2-D points.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runInMemory, utf8 } from './cli.test-util';

const DIR = new URL('../../tests/fixtures/io/new/', import.meta.url).pathname;
const FILES = [
  'source.npy', 'source_labels.npy', 'simple.h5', 'several.h5', 'tensors.pt', 'state_dict.pth', 'evil.pt', 'vectors.arrow', 'columns.arrows',
  'projector/projector_config.json', 'projector/vecs.bytes', 'projector/meta.tsv', 'projector/half.bytes', 'projector2/projector_config.json',
];
const files: Record<string, Uint8Array> = Object.fromEntries(FILES.map((f) => [f, new Uint8Array(readFileSync(join(DIR, f)))]));
const NAMES = ['ant', 'bee', 'cat'];
const y = Array.from(new BigInt64Array(files['source_labels.npy'].slice(128).buffer), Number);
files['names.txt'] = utf8(`${y.map((v) => NAMES[v]).join('\n')}\n`);
const ARGS = ['--json', '--backend', 'cpu', '--k', '5'];

async function report(argv: string[]) {
  const r = await runInMemory(['analyze', ...argv, ...ARGS], files);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as Record<string, unknown>;
}

describe('subspace-lab analyze on HDF5, PyTorch, Arrow and Projector files', () => {
  it.each([
    [['simple.h5'], 'source_labels.npy'],
    [['several.h5', '--vectors', 'model/layer1'], 'source_labels.npy'],
    [['tensors.pt'], 'source_labels.npy'],
    [['state_dict.pth'], 'source_labels.npy'],
    [['vectors.arrow'], 'names.txt'],
    [['columns.arrows'], 'names.txt'],
    [['projector/projector_config.json'], 'names.txt'],
    [['projector2/projector_config.json', '--vectors', 'full'], 'names.txt'],
    [['projector/vecs.bytes', '--dim', '8', '--labels', 'projector/meta.tsv'], 'names.txt'],
    [['projector/vecs.bytes', '--labels', 'projector/meta.tsv'], 'names.txt'],
  ])('%j equals source.npy with the same labels', async (argv, labels) => {
    const got = await report(argv);
    const want = await report(['source.npy', '--labels', labels]);
    expect(got).toEqual(want);
    expect([got.n, got.dim, got.classes]).toEqual([60, 8, 3]);
  });

  it('refusals exit 2 with one line naming what was found and the fix', async () => {
    const cases: [string[], RegExp][] = [
      [['evil.pt'], /^evil\.pt:archive\/data\.pkl: refused pickle global os\.system /],
      [['several.h5'], /^several\.h5 holds several 2-D arrays \(model\/layer1, model\/layer2\).* --vectors NAME/],
      [['projector2/projector_config.json'], /lists 2 embeddings \("full", "first four"\)/],
      [['projector/vecs.bytes'], /^projector\/vecs\.bytes is a raw float32 tensor \(480 values\) with no shape/],
      [['projector/vecs.bytes', '--dim', 'x'], /^--dim must be a positive integer, got "x"/],
    ];
    for (const [argv, pattern] of cases) {
      const r = await runInMemory(['analyze', ...argv], files);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(r.stderr.slice('subspace-lab: '.length)).toMatch(pattern);
    }
    const alone = await runInMemory(['analyze', 'projector_config.json'], { 'projector_config.json': files['projector/projector_config.json'] });
    expect(alone.code).toBe(2);
    expect(alone.stderr).toMatch(/projector_config\.json names vecs\.bytes and meta\.tsv, which were not given with it/);
  });
});
