/**
 * Scientific acceptance of Train mode (issue 4) on the default preset, wasm backend:
 * neural collapse continues after train accuracy reaches 100%, and the GCR head trains with
 * orthonormal bases.
 */
import { describe, expect, it } from 'vitest';
import '../../tests/setup';
import { buildDataset } from '../datasets/build';
import { DEFAULT_GCR_HEAD, DEFAULT_PRESET } from './presets';
import { createTrainer } from './trainer';
import type { Snapshot } from './types';

const { data, model, train } = DEFAULT_PRESET.config;

describe('acceptance on the default preset', () => {
  it('is Gaussian blobs with K = 4, a linear head, cross-entropy and weight decay', () => {
    expect(data.source.kind).toBe('blobs');
    expect(data.source.kind === 'blobs' && data.source.classes).toBe(4);
    expect(model.head.kind).toBe('linear');
    expect(train.loss).toBe('ce');
    expect(train.weightDecay).toBeGreaterThan(0);
  });

  it('terminal phase: nc1 falls at least 10x and etfDistance falls after train accuracy reaches 100%', async () => {
    const trainer = createTrainer(await buildDataset(data), model, train);
    const snaps: Snapshot[] = [await trainer.snapshot()];
    await trainer.step(2000, { onSnapshot: (s) => snaps.push(s) });
    trainer.dispose();
    const first = snaps.find((s) => s.trainAccuracy === 1);
    const last = snaps[snaps.length - 1];
    expect(first).toBeDefined();
    expect(first!.step).toBeLessThan(500);
    expect(last.step).toBe(2000);
    expect(last.trainAccuracy).toBe(1);
    expect(last.nc1).toBeLessThan(first!.nc1 / 10);
    expect(last.etfDistance).toBeLessThan(first!.etfDistance);
    expect(last.nc3!).toBeLessThan(first!.nc3!);
    expect(last.nc4).toBe(0);
  });

  it('the GCR head reaches >= 95% train accuracy in 2,000 steps with ||S^T S - I|| < 1e-4', async () => {
    const trainer = createTrainer(await buildDataset(data), { ...model, head: DEFAULT_GCR_HEAD }, { ...train, snapshotEvery: 2000, profileEvery: 2000 });
    const snaps: Snapshot[] = [];
    await trainer.step(2000, { onSnapshot: (s) => snaps.push(s) });
    trainer.dispose();
    expect(snaps).toHaveLength(1);
    const s = snaps[0];
    expect(s.step).toBe(2000);
    expect(s.trainAccuracy).toBeGreaterThanOrEqual(0.95);
    expect(s.subspaceAngles!.orthonormalityError).toBeLessThan(1e-4);
    expect(s.nc3).toBeNull();
  });
});
