import { describe, expect, it } from 'vitest';
import { fitHead, patchGcrHead, patchModelConfig, withHeadKind } from './modelConfig';
import type { ModelConfig } from './types';

const base: ModelConfig = { depth: 2, width: 64, featureWidth: 16, activation: 'relu', batchNorm: false, head: { kind: 'linear' } };

describe('model config edits', () => {
  it('a new GCR head takes k = 8, gamma = 25, step 0.05, with k clamped to a narrow F', () => {
    expect(withHeadKind(base, 'gcr').head).toEqual({ kind: 'gcr', k: 8, gamma: 25, subspaceLearningRate: 0.05 });
    expect(withHeadKind({ ...base, featureWidth: 3 }, 'gcr').head).toEqual({ kind: 'gcr', k: 3, gamma: 25, subspaceLearningRate: 0.05 });
    expect(withHeadKind(base, 'etf').head).toEqual({ kind: 'etf' });
  });

  it('switching to the head already in use keeps its settings', () => {
    const gcr: ModelConfig = { ...base, head: { kind: 'gcr', k: 5, gamma: 40, subspaceLearningRate: 0.2 } };
    expect(withHeadKind(gcr, 'gcr')).toBe(gcr);
    expect(withHeadKind(base, 'linear')).toBe(base);
  });

  it('narrowing F clamps k; widening it leaves k; body edits keep other heads', () => {
    const gcr = withHeadKind(base, 'gcr');
    expect(patchModelConfig(gcr, { featureWidth: 2 }).head).toMatchObject({ kind: 'gcr', k: 2 });
    expect(patchModelConfig(gcr, { featureWidth: 1024 }).head).toMatchObject({ k: 8 });
    expect(patchModelConfig(base, { featureWidth: 1, depth: 6, batchNorm: true })).toEqual({ ...base, featureWidth: 1, depth: 6, batchNorm: true });
  });

  it('GCR fields: k clamped to F, gamma and the step as given; ignored for other heads', () => {
    const gcr = withHeadKind(base, 'gcr');
    expect(patchGcrHead(gcr, { k: 99, gamma: 5, subspaceLearningRate: 0.01 }).head).toEqual({ kind: 'gcr', k: 16, gamma: 5, subspaceLearningRate: 0.01 });
    expect(patchGcrHead(base, { k: 2 })).toBe(base);
    expect(fitHead({ kind: 'etf' }, 1)).toEqual({ kind: 'etf' });
  });
});
