import { describe, expect, it } from 'vitest';
import { mat, svd } from '../geometry/linalg';
import { gaussianBlobs } from './blobs';
import { generateSynthetic, type SyntheticSpec } from './synthetic';
import type { LabelledPoints } from './types';

const SPECS: SyntheticSpec[] = [
  { kind: 'blobs', n: 90, dim: 5, classes: 3, separation: 4, noise: 1 },
  { kind: 'spirals', n: 120, dim: 6, classes: 4, turns: 1, noise: 0.02 },
  { kind: 'shells', n: 90, dim: 4, classes: 3, gap: 1, noise: 0.05 },
  { kind: 'subspaces', n: 100, dim: 12, classes: 5, rank: 2, noise: 0.01 },
  { kind: 'checkerboard', n: 80, dim: 3, classes: 2, cells: 4, noise: 0 },
];

/** Singular values of the rows of X (n x d). */
function singularValues(X: Float32Array, n: number, d: number): Float64Array {
  return svd(mat(n, d, X)).s;
}

function rowsOf(p: LabelledPoints, k: number): { X: Float32Array; m: number } {
  const rows: number[] = [];
  for (let i = 0; i < p.n; i++) if (p.labels[i] === k) rows.push(i);
  const X = new Float32Array(rows.length * p.dim);
  rows.forEach((i, r) => X.set(p.vectors.subarray(i * p.dim, (i + 1) * p.dim), r * p.dim));
  return { X, m: rows.length };
}

describe('generateSynthetic', () => {
  it.each(SPECS)('$kind: shape, balanced interleaved labels, finite values, seeded', (spec) => {
    const a = generateSynthetic(spec, 7);
    expect(a.n).toBe(spec.n);
    expect(a.dim).toBe(spec.dim);
    expect(a.vectors.length).toBe(spec.n * spec.dim);
    expect(a.classNames).toHaveLength(spec.classes);
    for (let i = 0; i < spec.n; i++) expect(a.labels[i]).toBe(i % spec.classes);
    expect(a.vectors.every(Number.isFinite)).toBe(true);
    expect(generateSynthetic(spec, 7).vectors).toEqual(a.vectors);
    expect(generateSynthetic(spec, 8).vectors).not.toEqual(a.vectors);
  });

  it('blobs are exactly gaussianBlobs', () => {
    const p = generateSynthetic({ kind: 'blobs', n: 40, dim: 3, classes: 4, separation: 5, noise: 0.5 }, 3);
    expect(p.vectors).toEqual(gaussianBlobs({ n: 40, dim: 3, classes: 4, separation: 5, noise: 0.5, seed: 3 }).vectors);
  });

  it('shells: class k lies at radius 1 + k gap', () => {
    const p = generateSynthetic({ kind: 'shells', n: 300, dim: 6, classes: 3, gap: 2, noise: 0 }, 1);
    for (let i = 0; i < p.n; i++) {
      const r = Math.hypot(...p.vectors.subarray(i * 6, i * 6 + 6));
      expect(r).toBeCloseTo(1 + 2 * p.labels[i], 4);
    }
  });

  it('subspaces: each noiseless class spans exactly `rank` dimensions, and the classes differ', () => {
    const p = generateSynthetic({ kind: 'subspaces', n: 200, dim: 10, classes: 4, rank: 3, noise: 0 }, 2);
    for (let k = 0; k < 4; k++) {
      const { X, m } = rowsOf(p, k);
      const s = singularValues(X, m, 10);
      expect(s[2] / s[0]).toBeGreaterThan(0.1);
      expect(s[3] / s[0]).toBeLessThan(1e-5);
    }
    const all = singularValues(p.vectors, p.n, 10);
    expect(all[9] / all[0]).toBeGreaterThan(1e-3);
  });

  it('spirals and the checkerboard lie in one plane of R^D', () => {
    for (const spec of [SPECS[1], SPECS[4]]) {
      const p = generateSynthetic(spec, 4);
      const s = singularValues(p.vectors, p.n, p.dim);
      expect(s[1] / s[0]).toBeGreaterThan(0.1);
      expect(s[2] / s[0]).toBeLessThan(1e-5);
    }
  });

  it('spirals in 2D: arm k starts at angle 2 pi k / K + 2 pi turns t, radius t', () => {
    const p = generateSynthetic({ kind: 'spirals', n: 400, dim: 2, classes: 4, turns: 0.5, noise: 0 }, 5);
    for (let i = 0; i < p.n; i++) {
      const [x, y] = [p.vectors[2 * i], p.vectors[2 * i + 1]];
      const t = Math.hypot(x, y);
      expect(t).toBeGreaterThanOrEqual(0.1 - 1e-6);
      const expected = (2 * Math.PI * p.labels[i]) / 4 + 2 * Math.PI * 0.5 * t;
      const diff = Math.atan2(y, x) - expected;
      expect(Math.abs(Math.atan2(Math.sin(diff), Math.cos(diff)))).toBeLessThan(1e-4);
    }
  });

  it('checkerboard in 2D without noise: class = (cell i + cell j) mod K', () => {
    const cells = 3;
    const p = generateSynthetic({ kind: 'checkerboard', n: 300, dim: 2, classes: 3, cells, noise: 0 }, 6);
    for (let i = 0; i < p.n; i++) {
      const u = (p.vectors[2 * i] + 1) / 2;
      const v = (p.vectors[2 * i + 1] + 1) / 2;
      expect((Math.floor(u * cells) + Math.floor(v * cells)) % 3).toBe(p.labels[i]);
    }
  });

  it('rejects impossible settings', () => {
    expect(() => generateSynthetic({ kind: 'checkerboard', n: 10, dim: 2, classes: 4, cells: 2, noise: 0 }, 1)).toThrow(RangeError);
    expect(() => generateSynthetic({ kind: 'subspaces', n: 10, dim: 3, classes: 2, rank: 4, noise: 0 }, 1)).toThrow(RangeError);
    expect(() => generateSynthetic({ kind: 'spirals', n: 10, dim: 1, classes: 2, turns: 1, noise: 0 }, 1)).toThrow(RangeError);
    expect(() => generateSynthetic({ kind: 'blobs', n: 1, dim: 2, classes: 2, separation: 1, noise: 1 }, 1)).toThrow(RangeError);
  });
});
