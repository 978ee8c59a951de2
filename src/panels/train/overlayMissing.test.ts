import { describe, expect, it } from 'vitest';
import type { FeatureFrame } from '../../workers/trainingProtocol';
import { classifierMissing, simplexMissing } from './overlayMissing';

const frame = (simplex: boolean, classifier = true): FeatureFrame => ({
  mode: 'fixed',
  axes: 'pcs',
  points: new Float32Array(3),
  means: new Float32Array(9),
  classifier: classifier ? new Float32Array(9) : null,
  simplex: simplex ? new Float32Array(9) : null,
  captured: 1,
  scale: 1,
});

describe('3D legend: missing overlays', () => {
  it('"no simplex fits (F < K − 1)" appears only when F < K − 1', () => {
    expect(simplexMissing(frame(false), 5, 2)).toBe('no simplex fits (F = 2 < K − 1 = 4)');
    expect(simplexMissing(frame(false), 3, 2)).not.toMatch(/fits/);
    expect(simplexMissing(frame(false), 3, 2)).toMatch(/class means/);
    expect(simplexMissing(frame(true), 3, 16)).toBeNull();
    expect(simplexMissing(null, 5, 2)).toBeNull();
  });

  it('classifier rows are missing only without a classifier', () => {
    expect(classifierMissing(frame(true, false))).toMatch(/GCR/);
    expect(classifierMissing(frame(true, true))).toBeNull();
  });
});
