import { describe, expect, it } from 'vitest';
import '../../tests/setup';
import { crossKnn, selfKnn } from './crossKnn';
import { createRng, normalArray } from '../geometry/random';

function brute(Q: Float32Array, nq: number, T: Float32Array, nt: number, d: number, k: number, skipSelf = false): number[][] {
  return Array.from({ length: nq }, (_, i) => {
    const pairs: [number, number][] = [];
    for (let j = 0; j < nt; j++) {
      if (skipSelf && j === i) continue;
      let s = 0;
      for (let t = 0; t < d; t++) s += (Q[i * d + t] - T[j * d + t]) ** 2;
      pairs.push([s, j]);
    }
    return pairs.sort((a, b) => a[0] - b[0] || a[1] - b[1]).slice(0, k).map((p) => p[1]);
  });
}

describe('crossKnn', () => {
  it('equals brute force, far from the origin too (float32 scores, float64 ranks)', async () => {
    const rng = createRng(5);
    const d = 6;
    const T = normalArray(rng, 300 * d).map((v) => v + 1000);
    const Q = normalArray(rng, 70 * d).map((v) => v + 1000);
    const nn = await crossKnn(Q, 70, T, 300, d, 5);
    const want = brute(Q, 70, T, 300, d, 5);
    want.forEach((row, i) => expect(Array.from(nn.indices.subarray(i * 5, i * 5 + 5))).toEqual(row));
  });

  it('resolves distances float32 cannot tell apart (targets on a sphere 1e-9 apart) by retrying with more candidates', async () => {
    const d = 3;
    const rng = createRng(9);
    const T = new Float64Array(300 * d);
    for (let j = 0; j < 300; j++) {
      const v = [rng.normal(), rng.normal(), rng.normal()];
      const r = Math.hypot(...v) / (1 + 1e-9 * ((j * 37) % 300));
      for (let t = 0; t < d; t++) T[j * d + t] = v[t] / r;
    }
    const nn = await crossKnn(new Float64Array(d), 1, T, 300, d, 5);
    expect(Array.from(nn.indices)).toEqual([0, 73, 146, 219, 292]);
  });

  it('breaks exact ties by index (duplicated targets, a lattice) and clamps k to the targets', async () => {
    const d = 2;
    const T = Float32Array.from({ length: 40 * d }, (_, t) => (t % 2 ? Math.floor(t / 8) : (Math.floor(t / 2) % 4)));
    const Q = Float32Array.from([1, 1, 0, 0, 3, 4]);
    const nn = await crossKnn(Q, 3, T, 40, d, 7);
    brute(Q, 3, T, 40, d, 7).forEach((row, i) => expect(Array.from(nn.indices.subarray(i * 7, i * 7 + 7))).toEqual(row));
    expect((await crossKnn(Q, 3, T.subarray(0, 4), 2, d, 7)).k).toBe(2);
  });

  it('selfKnn: exact Euclidean neighbours among the other rows, duplicates included', async () => {
    const rng = createRng(8);
    const d = 3;
    const Z = normalArray(rng, 50 * d);
    Z.set(Z.subarray(0, d), 7 * d);
    const nn = await selfKnn(Float64Array.from(Z), 50, d, 4);
    brute(Z, 50, Z, 50, d, 4, true).forEach((row, i) => expect(Array.from(nn.indices.subarray(i * 4, i * 4 + 4))).toEqual(row));
    expect(nn.indices[0]).toBe(7);
    expect(nn.indices[7 * 4]).toBe(0);
  });
});
