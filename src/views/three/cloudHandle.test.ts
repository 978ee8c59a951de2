import { describe, expect, it } from 'vitest';
import { CloudHandle } from './cloudHandle';

describe('CloudHandle', () => {
  it('gives the drawn position of a point between the start and the target of a transition', () => {
    const h = new CloudHandle();
    h.attach(new Float32Array([0, 0, 0, 1, 2, 3]), new Float32Array([2, 2, 2, 1, 2, 3]), new Float32Array(8));
    h.mix = 0.25;
    const out = [9, 9, 9, 9];
    expect(h.positionOf(0, out, 1)).toBe(true);
    expect(out).toEqual([9, 0.5, 0.5, 0.5]);
    expect(h.positionOf(2, out)).toBe(false);
    expect(h.positionOf(-1, out)).toBe(false);
    h.attach(null, null, null);
    expect(h.positionOf(0, out)).toBe(false);
  });
});
