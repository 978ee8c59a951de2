import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runInMemory } from './cli.test-util';

const read = (dir: string, name: string) => new Uint8Array(readFileSync(new URL(`../../tests/fixtures/${dir}/${name}`, import.meta.url)));
const ref = JSON.parse(new TextDecoder().decode(read('dataout', 'dataout.json'))) as { nc3: number; nc4: number; nc4ZeroBias: number };
const files: Record<string, Uint8Array> = {
  'X.npy': read('reference', 'synthetic-vectors.npy'),
  'y.npy': read('reference', 'synthetic-labels.npy'),
  'W.npy': read('reference', 'synthetic-W.npy'),
  'b.npy': read('reference', 'synthetic-b.npy'),
  'head.npz': read('dataout', 'head.npz'),
  'head-dk.safetensors': read('dataout', 'head-dk.safetensors'),
  'weight-only.npz': read('dataout', 'weight-only.npz'),
};
const analyse = async (...extra: string[]) => {
  const r = await runInMemory(['analyze', 'X.npy', '--labels', 'y.npy', '--no-extras', '--json', ...extra], files);
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout).neuralCollapse as { nc3: number; nc4: number; biasAssumedZero: boolean | null; notes: string[] };
};

describe('the CLI classifier from .npy files or one container (numpy reference, make_dataout_fixtures.py)', () => {
  it('gives the reference nc3 and nc4 from W.npy + b.npy, head.npz and a D x K safetensors alike', async () => {
    for (const args of [['--weights', 'W.npy', '--bias', 'b.npy'], ['--weights', 'head.npz'], ['--weights', 'head-dk.safetensors']]) {
      const nc = await analyse(...args);
      expect(nc.nc3).toBeCloseTo(ref.nc3, 10);
      expect(nc.nc4).toBe(ref.nc4);
      expect(nc.biasAssumedZero).toBe(false);
    }
  });

  it('says b = 0 was used when the classifier has no bias, in the JSON and the table', async () => {
    const nc = await analyse('--weights', 'weight-only.npz');
    expect(nc.nc4).toBe(ref.nc4ZeroBias);
    expect(nc.biasAssumedZero).toBe(true);
    expect(nc.notes).toContain('b = 0 was used for nc4: the classifier came without a bias.');
    const table = await runInMemory(['analyze', 'X.npy', '--labels', 'y.npy', '--no-extras', '--weights', 'W.npy'], files);
    expect(table.stdout).toContain('note: b = 0 was used for nc4: the classifier came without a bias.');
    expect((await analyse()).biasAssumedZero).toBeNull();
  });
});
