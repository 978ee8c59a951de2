import { describe, expect, it } from 'vitest';
import { poolImages } from './pool';

describe('poolImages', () => {
  it('averages each 2 x 2 block of a 4 x 4 image, row-major (worked by hand)', () => {
    // Two 4 x 4 images: 0..15 and the constant 7.
    const rows = Float32Array.from([...Array.from({ length: 16 }, (_, t) => t), ...Array(16).fill(7)]);
    const { vectors, dim } = poolImages(rows, 2, 16, { width: 4, height: 4, factor: 2 }, 'x');
    expect(dim).toBe(4);
    // Block (0,0): 0,1,4,5 -> 2.5; (1,0): 2,3,6,7 -> 4.5; (0,1): 8,9,12,13 -> 10.5; (1,1): 10,11,14,15 -> 12.5.
    expect([...vectors]).toEqual([2.5, 4.5, 10.5, 12.5, 7, 7, 7, 7]);
  });

  it('keeps a non-square image in its orientation (6 wide x 2 high, factor 2)', () => {
    const rows = Float32Array.from({ length: 12 }, (_, t) => t);
    const { vectors, dim } = poolImages(rows, 1, 12, { width: 6, height: 2, factor: 2 }, 'x');
    expect(dim).toBe(3);
    expect([...vectors]).toEqual([(0 + 1 + 6 + 7) / 4, (2 + 3 + 8 + 9) / 4, (4 + 5 + 10 + 11) / 4]);
  });

  it('factor 1 is the identity', () => {
    const rows = Float32Array.from({ length: 8 }, (_, t) => t * 0.5);
    expect([...poolImages(rows, 2, 4, { width: 2, height: 2, factor: 1 }, 'x').vectors]).toEqual([...rows]);
  });

  it('refuses rows that are not images of the size, and factors that do not divide it', () => {
    expect(() => poolImages(new Float32Array(10), 1, 10, { width: 4, height: 4, factor: 2 }, 'f.npy')).toThrow(/f\.npy has 10 values per row, not 4 x 4 = 16 pixels/);
    expect(() => poolImages(new Float32Array(9), 1, 9, { width: 3, height: 3, factor: 2 }, 'f.npy')).toThrow(/3 x 3 images cannot be pooled in 2 x 2 blocks/);
  });
});
