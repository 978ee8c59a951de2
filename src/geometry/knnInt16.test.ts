import { describe, expect, it } from 'vitest';
import '../../tests/setup';
import { int16KernelAvailable, int16LowerBound, quantise, scanTilesInt16 } from './knnInt16';
import { CandidateLists, upperTiles } from './parallel/tiles';
import { KnnRows } from './knnRows';
import { createRng } from './random';
import { DOT16_WASM_BASE64 } from './wasm/dot16';
import { generated } from '../../scripts/wasm/build';
import { knn } from './knn';
import { bruteForce, expectSame } from './knnTesting';

describe('the int16 kernel', () => {
  it('is the committed build of scripts/wasm/dot16.wat and runs here', async () => {
    expect(await generated()).toContain(`'${DOT16_WASM_BASE64}'`);
    expect(int16KernelAvailable()).toBe(true);
  });

  it('computes exact int32 dot products of quantised rows (tiles, padding, the diagonal)', async () => {
    const [n, d, T] = [37, 13, 8];
    const rng = createRng(4);
    const rows = new KnnRows(Float32Array.from({ length: n * d }, () => rng.normal()), n, d, false).centred();
    const quant = quantise(rows, Math.ceil(n / T) * T);
    const lists = new CandidateLists(n, n - 1);
    await scanTilesInt16(quant, rows.normSq, T, upperTiles(n, T), lists, undefined, undefined);
    for (const [i, j] of [[0, 1], [5, 36], [36, 35], [9, 17]]) {
      let dot = 0;
      for (let t = 0; t < d; t++) dot += quant.q[i * quant.dp + t] * quant.q[j * quant.dp + t];
      const want = rows.normSq[i] + rows.normSq[j] - 2 * quant.scale[i] * quant.scale[j] * dot;
      const at = Array.from(lists.candidates(i)).indexOf(j);
      expect(lists.value[i * (n - 1) + at]).toBe(want);
    }
  });

  it('bounds the quantisation error: no pair is closer than the bound says, on wide-ranged rows', () => {
    const rng = createRng(9);
    for (let trial = 0; trial < 40; trial++) {
      const [n, d] = [30, 1 + Math.floor(rng.uniform() * 300)];
      const heavy = trial % 3;
      const X = Float32Array.from({ length: n * d }, (_, t) => rng.normal() * (heavy && t % d === 0 ? 1e3 : 1) + (heavy === 2 ? 50 : 0));
      const rows = new KnnRows(X, n, d, false).centred();
      const quant = quantise(rows, n);
      const normSqMax = Math.max(...rows.normSq);
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < n; j++) {
          if (i === j) continue;
          let dot = 0;
          let r2 = 0;
          for (let t = 0; t < d; t++) {
            dot += quant.q[i * quant.dp + t] * quant.q[j * quant.dp + t];
            r2 += (X[i * d + t] - X[j * d + t]) ** 2;
          }
          const a = rows.normSq[i] + rows.normSq[j] - 2 * quant.scale[i] * quant.scale[j] * dot;
          expect(int16LowerBound(quant, i, a, rows.normSq[i], normSqMax)).toBeLessThanOrEqual(r2);
        }
      }
    }
  });

  it('gives the exact neighbours even where quantisation is coarse (one dominant coordinate)', async () => {
    const [n, d] = [300, 40];
    const rng = createRng(12);
    const X = Float32Array.from({ length: n * d }, (_, t) => (t % d === 0 ? 1e4 * rng.normal() : 1e-2 * rng.normal()));
    expectSame(await knn(X, n, d, 6, { kernel: 'int16', blockRows: 64 }), bruteForce(X, n, d, 6, false));
  });
});
