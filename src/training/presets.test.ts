import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import '../../tests/setup';
import { buildDataset } from '../datasets/build';
import { DEFAULT_PRESET, findPreset, PRESETS } from './presets';
import { checkModelConfig } from './network';
import { checkTrainConfig, createTrainer } from './trainer';

const PUBLIC = new URL('../../public/', import.meta.url);
const read = async (path: string) => new Uint8Array(await readFile(new URL(path, PUBLIC)));

describe('PRESETS', () => {
  it('have unique ids, valid settings, and the default is blobs with K = 4', () => {
    expect(new Set(PRESETS.map((p) => p.id)).size).toBe(PRESETS.length);
    for (const p of PRESETS) {
      expect(() => checkModelConfig(p.config.model)).not.toThrow();
      expect(() => checkTrainConfig(p.config.train)).not.toThrow();
      expect(p.label.length).toBeGreaterThan(0);
    }
    expect(findPreset(DEFAULT_PRESET.id)).toBe(DEFAULT_PRESET);
    expect(findPreset('nope')).toBeUndefined();
    const src = DEFAULT_PRESET.config.data.source;
    expect(src.kind === 'blobs' && src.classes).toBe(4);
  });

  it.each(PRESETS.map((p) => [p.id, p] as const))('%s builds, takes 3 steps and gives a finite snapshot', async (_id, p) => {
    const ds = await buildDataset(p.config.data, read);
    const trainer = createTrainer(ds, p.config.model, p.config.train);
    await trainer.step(3);
    const s = await trainer.snapshot(true);
    trainer.dispose();
    expect(s.step).toBe(3);
    expect(Number.isFinite(s.trainLoss)).toBe(true);
    expect(Number.isFinite(s.nc1Quotient)).toBe(true);
    expect(s.layerIds?.length).toBe(p.config.model.depth + 2);
    expect(tf.memory().numTensors).toBeLessThan(20);
  });
});
