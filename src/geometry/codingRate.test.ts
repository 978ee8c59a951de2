import { describe, expect, it } from 'vitest';
import { codingRate } from './codingRate';
import { createRng, normalArray } from './random';

describe('codingRate', () => {
  it('matches the closed form for Z = I_D, one class per row', () => {
    const D = 6;
    const eps2 = 0.5;
    const Z = new Float32Array(D * D);
    for (let i = 0; i < D; i++) Z[i * D + i] = 3;
    const labels = Int32Array.from({ length: D }, (_, i) => i);
    const { R, Rc, deltaR } = codingRate(Z, D, D, labels, D, eps2);
    expect(R).toBeCloseTo((D / 2) * Math.log(1 + 1 / eps2), 12);
    expect(Rc).toBeCloseTo(0.5 * Math.log(1 + D / eps2), 12);
    expect(deltaR).toBeCloseTo(R - Rc, 15);
  });

  it('matches the closed form for n copies of one direction, through both Gram sizes', () => {
    for (const [n, d] of [[3, 10], [25, 4]]) {
      const Z = Float32Array.from({ length: n * d }, (_, t) => ((t % d) + 1) * (1 + Math.floor(t / d)));
      const { R, Rc } = codingRate(Z, n, d, new Int32Array(n), 1, 0.1);
      expect(R).toBeCloseTo(0.5 * Math.log(1 + d / 0.1), 10);
      expect(Rc).toBeCloseTo(R, 10);
    }
  });

  it('grows with separation: orthogonal classes reduce more than mixed ones', () => {
    const n = 60;
    const d = 8;
    const rng = createRng(1);
    const noise = normalArray(rng, n * d);
    const labels = Int32Array.from({ length: n }, (_, i) => i % 2);
    const separated = noise.map((v, t) => 0.1 * v + (Math.floor(t / d) % 2 === (t % d < 4 ? 0 : 1) ? 1 : 0));
    const mixed = noise;
    const a = codingRate(separated, n, d, labels, 2);
    const b = codingRate(mixed, n, d, labels, 2);
    expect(a.deltaR).toBeGreaterThan(b.deltaR + 0.5);
    expect(b.deltaR).toBeGreaterThan(0);
  });
});
