import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import '../../tests/setup';
import { createRng, normalArray } from '../geometry/random';
import {
  createProjection,
  DEFAULT_DENSE_BUDGET,
  defaultSparseNonzeros,
  denseColumns,
  denseMatrix,
  MAX_PROJECTION_BYTES,
  planProjection,
  sparseColumns,
} from './projection';
import type { ProjectionInfo } from './types';

/** P^T as a dense d x D host matrix, from the host columns of either kind. */
function hostPt(info: ProjectionInfo, seed: number): Float64Array {
  const { D, d, nonzerosPerColumn: s } = info;
  if (info.kind === 'dense') return Float64Array.from(denseColumns(D, d, seed));
  const out = new Float64Array(d * D);
  const { rows, values } = sparseColumns(D, d, s, seed);
  for (let j = 0; j < d; j++) for (let t = 0; t < s; t++) out[j * D + rows[j * s + t]] += values[j * s + t];
  return out;
}

describe('projection columns', () => {
  it('dense columns have unit norm, are nearly orthogonal and nested in d', () => {
    const [D, d] = [400, 12];
    const Pt = denseColumns(D, d, 5);
    for (let j = 0; j < d; j++) {
      let ss = 0;
      for (let i = 0; i < D; i++) ss += Pt[j * D + i] ** 2;
      expect(Math.abs(Math.sqrt(ss) - 1)).toBeLessThan(1e-6);
    }
    let dot = 0;
    for (let i = 0; i < D; i++) dot += Pt[i] * Pt[D + i];
    expect(Math.abs(dot)).toBeLessThan(4 / Math.sqrt(D));
    expect(denseColumns(D, 5, 5)).toEqual(Pt.subarray(0, 5 * D));
    const P = denseMatrix(D, d, 5);
    expect(P.every((v, t) => v === Pt[(t % d) * D + Math.floor(t / d)])).toBe(true);
    expect(denseColumns(D, 5, 6)).not.toEqual(Pt.subarray(0, 5 * D));
  });

  it('sparse columns have s distinct rows of +-1/sqrt(s): unit norm, both signs, nested in d', () => {
    const [D, d, s] = [1000, 40, 32];
    const { rows, values } = sparseColumns(D, d, s, 9);
    let negative = 0;
    for (let j = 0; j < d; j++) {
      const col = Array.from(rows.subarray(j * s, j * s + s));
      expect(new Set(col).size).toBe(s);
      for (const r of col) expect(r >= 0 && r < D).toBe(true);
      let ss = 0;
      for (let t = 0; t < s; t++) {
        expect(Math.abs(Math.abs(values[j * s + t]) - 1 / Math.sqrt(s))).toBeLessThan(1e-7);
        ss += values[j * s + t] ** 2;
        if (values[j * s + t] < 0) negative++;
      }
      expect(Math.abs(ss - 1)).toBeLessThan(1e-6);
    }
    expect(negative / (d * s)).toBeGreaterThan(0.4);
    expect(negative / (d * s)).toBeLessThan(0.6);
    const prefix = sparseColumns(D, 10, s, 9);
    expect(prefix.rows).toEqual(rows.subarray(0, 10 * s));
    expect(prefix.values).toEqual(values.subarray(0, 10 * s));
    expect(() => sparseColumns(D, d, D + 1, 9)).toThrow(RangeError);
    const full = sparseColumns(20, 3, 20, 1);
    expect(new Set(full.rows.subarray(0, 20)).size).toBe(20);
  });
});

describe('planProjection', () => {
  it('picks dense within the budget and sparse beyond it; reports memory', () => {
    const small = planProjection(1000, 50, 'auto');
    expect(small).toEqual({ kind: 'dense', D: 1000, d: 50, nonzerosPerColumn: 1000, memoryBytes: 4 * 1000 * 50 });
    const D = 784 * 200 + 200 + 200 * 200 + 200 + 200 * 10 + 10;
    expect(D).toBe(199210);
    const big = planProjection(D, 5000, 'auto');
    expect(big.kind).toBe('sparse');
    expect(big.nonzerosPerColumn).toBe(defaultSparseNonzeros(D));
    expect(big.nonzerosPerColumn).toBe(447);
    expect(big.memoryBytes).toBe(8 * 5000 * 447);
    expect(big.memoryBytes).toBeLessThan(MAX_PROJECTION_BYTES);
    expect(planProjection(D, Math.floor(DEFAULT_DENSE_BUDGET / (4 * D)), 'auto').kind).toBe('dense');
    expect(planProjection(D, Math.floor(DEFAULT_DENSE_BUDGET / (4 * D)) + 1, 'auto').kind).toBe('sparse');
    expect(planProjection(1000, 50, 'sparse', { sparseNonzeros: 7 }).memoryBytes).toBe(8 * 50 * 7);
    expect(planProjection(1000, 50, 'auto', { denseBudgetBytes: 1000 }).kind).toBe('sparse');
  });

  it('refuses a dense P over 256 MiB and a d outside [1, D]', () => {
    expect(() => planProjection(199210, 1000, 'dense')).toThrow(/over the 256 MiB limit/);
    expect(() => planProjection(100, 101, 'auto')).toThrow(RangeError);
    expect(() => planProjection(100, 0, 'auto')).toThrow(RangeError);
    expect(() => planProjection(100, 10, 'sparse', { sparseNonzeros: 101 })).toThrow(RangeError);
  });
});

describe('createProjection on the backend', () => {
  for (const kind of ['dense', 'sparse'] as const) {
    it(`${kind}: apply is P x and its gradient is P^T y (adjoint check against the host matrix)`, async () => {
      const [D, d, seed] = [300, 17, 4];
      const info = planProjection(D, d, kind, { sparseNonzeros: 9 });
      const Pt = hostPt(info, seed);
      const rng = createRng(2);
      const x = normalArray(rng, d);
      const y = normalArray(rng, D);
      const before = tf.memory().numTensors;
      const P = createProjection(info, seed);
      const xt = tf.tensor1d(x);
      const yt = tf.tensor1d(y);
      const px = tf.tidy(() => P.apply(xt));
      const g = tf.tidy(() => tf.grad((v: tf.Tensor) => tf.sum(tf.mul(P.apply(v as tf.Tensor1D), yt)))(xt));
      const [pxv, gv] = [await px.data(), await g.data()];
      for (let i = 0; i < D; i++) {
        let s = 0;
        for (let j = 0; j < d; j++) s += Pt[j * D + i] * x[j];
        expect(Math.abs(pxv[i] - s)).toBeLessThan(1e-5);
      }
      for (let j = 0; j < d; j++) {
        let s = 0;
        for (let i = 0; i < D; i++) s += Pt[j * D + i] * y[i];
        expect(Math.abs(gv[j] - s)).toBeLessThan(1e-4);
      }
      tf.dispose([px, g, xt, yt]);
      P.dispose();
      expect(tf.memory().numTensors).toBe(before);
    });
  }

  it('builds and differentiates the sparse P of the 784-200-200-10 MLP at d = 5000', async () => {
    const info = planProjection(199210, 5000, 'auto');
    const P = createProjection(info, 1);
    const x = tf.ones([5000]) as tf.Tensor1D;
    const g = tf.tidy(() => tf.grad((v: tf.Tensor) => tf.sum(tf.square(P.apply(v as tf.Tensor1D))))(x));
    const gv = await g.data();
    expect(gv.length).toBe(5000);
    expect(gv.every(Number.isFinite)).toBe(true);
    tf.dispose([x, g]);
    P.dispose();
  });
});
