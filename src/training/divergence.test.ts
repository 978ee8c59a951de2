import { describe, expect, it } from 'vitest';
import '../../tests/setup';
import { buildDataset } from '../datasets/build';
import { detectDivergence, featureSpread, lowerRate } from './divergence';
import { DEFAULT_PRESET } from './presets';
import { createTrainer } from './trainer';

const train = DEFAULT_PRESET.config.train;
const healthy = Float32Array.of(1, 0, 0, 1, -1, 0, 0, -1);

describe('detectDivergence', () => {
  it('is null for a healthy snapshot', () => {
    expect(detectDivergence({ step: 10, trainLoss: 0.3, features: healthy, featureDim: 2 }, train, 'linear')).toBeNull();
  });

  it('a NaN/Inf loss or feature: the learning rate is too high, try one ten times lower', () => {
    const lr = { ...train, learningRate: 5 };
    const d = detectDivergence({ step: 40, trainLoss: NaN, features: healthy, featureDim: 2 }, lr, 'linear')!;
    expect(d.kind).toBe('non-finite');
    expect(d.problem).toContain('step 40');
    expect(d.fix).toBe('Learning rate too high: try 0.5, then press Reset.');
    const f = Float32Array.of(1, Infinity, 0, 1);
    expect(detectDivergence({ step: 1, trainLoss: 1, features: f, featureDim: 2 }, lr, 'linear')!.kind).toBe('non-finite');
    expect(lowerRate(0.05)).toBe('0.005');
  });

  it('all features at one point (a dead ReLU network) is a collapse; a tiny but real spread is not', () => {
    const dead = new Float32Array(8);
    const d = detectDivergence({ step: 5, trainLoss: 1.38, features: dead, featureDim: 2 }, train, 'linear')!;
    expect(d.kind).toBe('collapsed');
    expect(d.fix).toContain('learning rate 0.0005');
    const same = Float32Array.of(3, 4, 3, 4, 3, 4);
    expect(detectDivergence({ step: 5, trainLoss: 1, features: same, featureDim: 2 }, train, 'linear')!.kind).toBe('collapsed');
    const small = Float32Array.of(1e-3, 0, -1e-3, 0);
    expect(detectDivergence({ step: 5, trainLoss: 1, features: small, featureDim: 2 }, train, 'linear')).toBeNull();
    expect(featureSpread(same, 3, 2)).toEqual({ norm: 5, spread: 0 });
  });

  it('GCR with weight decay and vanishing features: set weight decay to 0', () => {
    const tiny = healthy.map((v) => v * 1e-3);
    const wd = { ...train, weightDecay: 0.02 };
    expect(detectDivergence({ step: 9, trainLoss: 0.01, features: tiny, featureDim: 2 }, wd, 'gcr')!.fix).toBe('Set weight decay to 0 for a GCR head, then press Reset.');
    expect(detectDivergence({ step: 9, trainLoss: 0.01, features: tiny, featureDim: 2 }, { ...wd, weightDecay: 0 }, 'gcr')).toBeNull();
    expect(detectDivergence({ step: 9, trainLoss: 0.01, features: tiny, featureDim: 2 }, wd, 'linear')).toBeNull();
  });

  it('a real run with a huge learning rate carries a divergence on its snapshot; the default preset does not', async () => {
    const ds = await buildDataset(DEFAULT_PRESET.config.data);
    const bad = createTrainer(ds, DEFAULT_PRESET.config.model, { ...train, learningRate: 50, weightDecay: 0, snapshotEvery: 10, profileEvery: 10 });
    await bad.step(30);
    const s = await bad.snapshot(false);
    bad.dispose();
    expect(s.divergence).not.toBeNull();
    expect(s.divergence!.fix).toMatch(/try (learning rate )?5,/);
    const ok = createTrainer(ds, DEFAULT_PRESET.config.model, train);
    await ok.step(30);
    const t = await ok.snapshot(false);
    ok.dispose();
    expect(t.divergence).toBeNull();
  });
});
