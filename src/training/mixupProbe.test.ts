import { describe, expect, it } from 'vitest';
import '../../tests/setup';
import { buildDataset } from '../datasets/build';
import { createRng } from '../geometry/random';
import { createProbeSpec, mixedInputs, probePositions, type MixupProbeFeatures } from './mixupProbe';
import { findPreset } from './presets';
import { createTrainer } from './trainer';
import type { Snapshot } from './types';

/** Fraction of probe features whose position t along mu_B -> mu_A lies in [-0.05, 1.05], and corr(t, lambda). */
function between(s: Snapshot): { inside: number; corr: number } {
  const probe = s.mixupProbe!;
  const { t } = probePositions(probe, s.means, s.featureDim);
  const P = t.length;
  const inside = Array.from(t).filter((v) => v >= -0.05 && v <= 1.05).length / P;
  const ml = probe.lambda.reduce((a, v) => a + v, 0) / P;
  const mt = t.reduce((a, v) => a + v, 0) / P;
  let sxy = 0, sxx = 0, syy = 0;
  for (let i = 0; i < P; i++) {
    sxy += (probe.lambda[i] - ml) * (t[i] - mt);
    sxx += (probe.lambda[i] - ml) ** 2;
    syy += (t[i] - mt) ** 2;
  }
  return { inside, corr: sxy / Math.sqrt(sxx * syy) };
}

describe('mixup probe', () => {
  it('draws seeded pairs of different classes with lambda in (0, 1), and mixes their inputs', () => {
    const y = Int32Array.from({ length: 40 }, (_, i) => i % 4);
    const a = createProbeSpec(y, 1, 32, createRng(7));
    const b = createProbeSpec(y, 1, 32, createRng(7));
    expect(a.lambda.length).toBe(32);
    expect(Array.from(a.rowA)).toEqual(Array.from(b.rowA));
    for (let p = 0; p < 32; p++) {
      expect(a.classA[p]).not.toBe(a.classB[p]);
      expect(a.classA[p]).toBe(y[a.rowA[p]]);
      expect(a.lambda[p]).toBeGreaterThan(0);
      expect(a.lambda[p]).toBeLessThan(1);
    }
    const X = Float32Array.from({ length: 40 * 2 }, (_, i) => i);
    const mixed = mixedInputs(a, X, 2);
    const l = a.lambda[0];
    expect(mixed[0]).toBeCloseTo(l * X[a.rowA[0] * 2] + (1 - l) * X[a.rowB[0] * 2], 4);
    expect(createProbeSpec(new Int32Array(10), 1, 8, createRng(1)).lambda.length).toBe(0);
  });

  it('positions: t = 1 at mu_A, 0 at mu_B, off-line distance relative to |mu_A - mu_B|', () => {
    const means = Float32Array.of(0, 0, 2, 0);
    const probe: MixupProbeFeatures = {
      rowA: Int32Array.of(0, 0), rowB: Int32Array.of(1, 1), classA: Int32Array.of(1, 1), classB: Int32Array.of(0, 0),
      lambda: Float32Array.of(0.5, 0.25), features: Float32Array.of(1, 1, 0.5, 0),
    };
    const { t, offLine } = probePositions(probe, means, 2);
    expect(Array.from(t)).toEqual([0.5, 0.25]);
    expect(offLine[0]).toBeCloseTo(0.5, 12);
    expect(offLine[1]).toBeCloseTo(0, 12);
  });

  // The preset's note: "within 250 steps" of its 1,000; checked at step 250 and at the end.
  it('the mixup preset puts the probe features between the two class means, ordered by lambda, from step 250 to its stated 1,000', async () => {
    const p = findPreset('blobs-mixup')!;
    expect(p.config.train.mixupAlpha).toBeGreaterThan(0);
    expect(p.description).toContain('within 250 steps');
    const trainer = createTrainer(await buildDataset(p.config.data), p.config.model, { ...p.config.train, snapshotEvery: 250, profileEvery: 1000 });
    const start = await trainer.snapshot(false);
    await trainer.step(250);
    const at250 = await trainer.snapshot(false);
    await trainer.step(p.steps - 250);
    const end = await trainer.snapshot(false);
    trainer.dispose();
    const before = between(start);
    expect(before.inside).toBeLessThan(0.8);
    for (const [name, s] of [['step 250', at250], [`step ${p.steps}`, end]] as const) {
      const after = between(s);
      expect(after.inside, name).toBeGreaterThanOrEqual(0.95);
      expect(after.corr, name).toBeGreaterThan(0.85);
      expect(after.corr, name).toBeGreaterThan(before.corr + 0.3);
    }
  });
});
