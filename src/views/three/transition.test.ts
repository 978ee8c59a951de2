import { describe, expect, it } from 'vitest';
import { displayPositions, easeInOut, lerpInto, progressAt } from './transition';

describe('transition', () => {
  it('eases from 0 to 1 symmetrically and clamps', () => {
    expect(easeInOut(-1)).toBe(0);
    expect(easeInOut(0.5)).toBe(0.5);
    expect(easeInOut(2)).toBe(1);
    expect(easeInOut(0.25) + easeInOut(0.75)).toBeCloseTo(1, 12);
  });

  it('interpolates into an existing array and maps coordinates into the unit ball', () => {
    const out = new Float32Array(3);
    lerpInto(out, new Float32Array([0, 2, 4]), new Float32Array([2, 2, 0]), 0.5);
    expect(Array.from(out)).toEqual([1, 2, 2]);
    const pos = new Float32Array(6);
    displayPositions(pos, new Float32Array([1, 2, 3, 3, 2, 1]), [1, 0, 0], 0.5, false);
    expect(Array.from(pos)).toEqual([0, 1, 1.5, 1, 1, 0.5]);
    displayPositions(pos, new Float32Array([1, 2, 3, 3, 2, 1]), [1, 0, 0], 0.5, true);
    expect(pos[2]).toBe(0);
  });

  it('reports progress of the shared clock', () => {
    expect(progressAt({ start: 0, serial: 0 }, 10)).toBe(1);
    expect(progressAt({ start: 100, serial: 1 }, 400)).toBe(0.5);
    expect(progressAt({ start: 100, serial: 1 }, 2000)).toBe(1);
  });
});
