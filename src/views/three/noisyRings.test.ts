import * as THREE from 'three';
import { describe, expect, it } from 'vitest';
import { noisyRings } from './noisyRings';

describe('noisy-label rings', () => {
  it('draws a ring (alpha 1) exactly at the flagged points, over the points\' own positions', () => {
    const position = new THREE.BufferAttribute(new Float32Array(12), 3);
    const g = noisyRings(position, Uint8Array.of(0, 1, 0, 1))!;
    expect(g.getAttribute('position')).toBe(position);
    const c = g.getAttribute('aColor');
    expect([0, 1, 2, 3].map((i) => c.getW(i))).toEqual([0, 1, 0, 1]);
  });

  it('nothing without noise; a wrong flag count is an error', () => {
    const position = new THREE.BufferAttribute(new Float32Array(6), 3);
    expect(noisyRings(position, null)).toBeNull();
    expect(() => noisyRings(position, Uint8Array.of(1))).toThrow(RangeError);
  });
});
