import { describe, expect, it } from 'vitest';
import type { LayerId } from '../../training/types';
import { describeProfile, profileShape } from './layerProfileShape';

const NAMES = ['input', 'hidden 1', 'features', 'logits'];
const layers = (v: (number | null)[]): LayerId[] => v.map((twoNN, i) => ({ name: NAMES[i], dim: 10, twoNN }));

describe('layer-ID profile in words', () => {
  it('calls a profile "rises, then falls" only with an inner peak clear of both ends', () => {
    expect(profileShape(layers([5, 9, 6, 3]))).toBe('rises-then-falls');
    expect(profileShape(layers([8.6, 9, 6, 3]))).not.toBe('rises-then-falls');
    expect(profileShape(layers([9, 7, 5, 2]))).toBe('falls');
    expect(profileShape(layers([2, 4, 6, 9]))).toBe('rises');
    expect(profileShape(layers([5, 5.2, 5.1, 4.9]))).toBe('flat');
    expect(profileShape(layers([5, 3, 6, 4]))).toBe('mixed');
    expect(profileShape(layers([5, null, null, null]))).toBe('unmeasured');
  });

  it('names layer 0 as the input and states the measured values', () => {
    const text = describeProfile(layers([5, 9, 6, 3]));
    expect(text).toBe('Latest profile rises, then falls (a hunchback): layer 0 (input) 5, peak at layer 1 (hidden 1) 9, last layer 3 (logits) 3.');
    expect(describeProfile(layers([9, 7, 5, 2]))).not.toMatch(/hunchback/);
  });

  it('keeps layer numbers when a layer has no value', () => {
    expect(describeProfile(layers([4, null, 6, 2]))).toContain('peak at layer 2 (features) 6');
  });
});
