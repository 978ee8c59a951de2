import { describe, expect, it } from 'vitest';
import type { SnapshotMetrics } from '../training/types';
import type { FeatureFrame } from '../workers/trainingProtocol';
import { appendSnapshot, getHistory, MAX_FRAMES, resetHistory, thinFrames, type FrameEntry } from './trainingBuffers';

const frame: FeatureFrame = { mode: 'fixed', axes: 'pcs', points: new Float32Array(3), means: new Float32Array(3), classifier: null, simplex: null, captured: 1, scale: 1 };

function snapshot(step: number, profile = false) {
  return {
    metrics: { step } as SnapshotMetrics,
    frames: { fixed: frame, procrustes: { ...frame, mode: 'procrustes' as const } },
    sampleLabels: Int32Array.of(step),
    features: Float32Array.of(step),
    featureDim: 1,
    layerIds: profile ? [{ name: 'input', dim: 1, twoNN: 1 }] : null,
    subspaceAngles: null,
  };
}

describe('training history', () => {
  it('appends snapshots of its run only; keeps the first labels and the latest features; profiles when present', () => {
    resetHistory(3);
    appendSnapshot(3, snapshot(0, true));
    appendSnapshot(2, snapshot(5));
    appendSnapshot(3, snapshot(10));
    const h = getHistory();
    expect(h.metrics.map((m) => m.step)).toEqual([0, 10]);
    expect(h.frames.map((f) => f.step)).toEqual([0, 10]);
    expect(Array.from(h.sampleLabels!)).toEqual([0]);
    expect(Array.from(h.features!.data)).toEqual([10]);
    expect(h.profiles.map((p) => p.step)).toEqual([0]);
  });

  it('thins the older half of the frames past MAX_FRAMES, keeping the first and the recent ones', () => {
    const entries: FrameEntry[] = Array.from({ length: 10 }, (_, i) => ({ step: i, frames: snapshot(i).frames }));
    expect(thinFrames(entries).map((e) => e.step)).toEqual([0, 2, 4, 5, 6, 7, 8, 9]);
    resetHistory(1);
    for (let s = 0; s <= MAX_FRAMES; s++) appendSnapshot(1, snapshot(s));
    const steps = getHistory().frames.map((f) => f.step);
    expect(steps.length).toBeLessThanOrEqual(MAX_FRAMES);
    expect(steps[0]).toBe(0);
    expect(steps.at(-1)).toBe(MAX_FRAMES);
    expect(getHistory().metrics).toHaveLength(MAX_FRAMES + 1);
  });
});
