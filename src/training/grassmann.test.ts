import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import '../../tests/setup';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { createRng } from '../geometry/random';
import { mat, qr } from '../geometry/linalg';
import { randomOrthonormal } from '../datasets/basis';
import { gcrLogits, orthonormalityError, projectTangent, qrFactorInverse, retractInPlace, riemannianStep } from './grassmann';

const [K, F, k, B] = [3, 6, 2, 4];

/** K x F x k bases, each class a random orthonormal F x k (float64 values). */
function randomBases(seed: number): Float64Array {
  const rng = createRng(seed);
  const out = new Float64Array(K * F * k);
  for (let c = 0; c < K; c++) out.set(randomOrthonormal(rng, F, k).data, c * F * k);
  return out;
}

/** Float64 reference: sum_{b,c} w_bc gamma ||S_c^T h_b/||h_b|| ||. */
function referenceLoss(h: Float64Array, S: Float64Array, w: Float64Array, gamma: number): number {
  let total = 0;
  for (let b = 0; b < B; b++) {
    let norm = 0;
    for (let t = 0; t < F; t++) norm += h[b * F + t] ** 2;
    norm = Math.sqrt(norm);
    for (let c = 0; c < K; c++) {
      let sq = 0;
      for (let j = 0; j < k; j++) {
        let p = 0;
        for (let t = 0; t < F; t++) p += S[(c * F + t) * k + j] * (h[b * F + t] / norm);
        sq += p * p;
      }
      total += w[b * K + c] * gamma * Math.sqrt(sq);
    }
  }
  return total;
}

/** Central finite differences of f at x, step eps, in float64. */
function numericGradient(f: (x: Float64Array) => number, x: Float64Array, eps = 1e-6): Float64Array {
  const g = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) {
    const xp = x.slice();
    const xm = x.slice();
    xp[i] += eps;
    xm[i] -= eps;
    g[i] = (f(xp) - f(xm)) / (2 * eps);
  }
  return g;
}

function maxAbs(a: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]));
  return m;
}

describe('gcrLogits', () => {
  const rng = createRng(11);
  const h = Float64Array.from({ length: B * F }, () => rng.normal());
  const w = Float64Array.from({ length: B * K }, () => rng.normal());
  const S = randomBases(12);
  const gamma = 25;

  it('equals gamma ||S_c^T h/||h|| || (float64 reference)', async () => {
    const z = tf.tidy(() => gcrLogits(tf.tensor2d(Float32Array.from(h), [B, F]), tf.tensor3d(Float32Array.from(S), [K, F, k]), gamma));
    const logits = await z.data();
    z.dispose();
    const onehot = (b: number, c: number) => Float64Array.from({ length: B * K }, (_, i) => (i === b * K + c ? 1 : 0));
    for (let b = 0; b < B; b++) {
      for (let c = 0; c < K; c++) expect(logits[b * K + c]).toBeCloseTo(referenceLoss(h, S, onehot(b, c), gamma), 4);
    }
  });

  it('gradients in h and S match central finite differences of the float64 reference', async () => {
    const [gh, gS] = tf.tidy(() => {
      const f = (ht: tf.Tensor, St: tf.Tensor) =>
        tf.sum(tf.mul(gcrLogits(ht as tf.Tensor2D, St as tf.Tensor3D, gamma), tf.tensor2d(Float32Array.from(w), [B, K])));
      return tf.grads(f)([tf.tensor2d(Float32Array.from(h), [B, F]), tf.tensor3d(Float32Array.from(S), [K, F, k])]);
    });
    const analytic = [await gh.data(), await gS.data()];
    tf.dispose([gh, gS]);
    const numeric = [numericGradient((x) => referenceLoss(x, S, w, gamma), h), numericGradient((x) => referenceLoss(h, x, w, gamma), S)];
    for (let p = 0; p < 2; p++) {
      const scale = maxAbs(numeric[p]);
      expect(scale).toBeGreaterThan(0.1);
      for (let i = 0; i < numeric[p].length; i++) expect(Math.abs(analytic[p][i] - numeric[p][i])).toBeLessThan(1e-4 * scale + 1e-5);
    }
  });

  it('depends only on the subspace: S_c O gives the same logits for orthogonal O', async () => {
    const O = randomOrthonormal(createRng(5), k, k);
    const rotated = new Float64Array(S.length);
    for (let c = 0; c < K; c++) {
      for (let t = 0; t < F; t++) {
        for (let j = 0; j < k; j++) {
          let s = 0;
          for (let i = 0; i < k; i++) s += S[(c * F + t) * k + i] * O.data[i * k + j];
          rotated[(c * F + t) * k + j] = s;
        }
      }
    }
    const ones = new Float64Array(B * K).fill(1);
    expect(referenceLoss(h, rotated, ones, gamma)).toBeCloseTo(referenceLoss(h, S, ones, gamma), 9);
  });
});

describe('Riemannian SGD on the Grassmannian', () => {
  it('the projected gradient is tangent: S^T P_S(G) = 0', async () => {
    const S = tf.tensor3d(Float32Array.from(randomBases(3)), [K, F, k]);
    const G = tf.randomNormal([K, F, k], 0, 1, 'float32', 4) as tf.Tensor3D;
    const StXi = tf.tidy(() => tf.matMul(S, projectTangent(S, G), true, false));
    expect(maxAbs(await StXi.data())).toBeLessThan(1e-5);
    tf.dispose([S, G, StXi]);
  });

  it('qrFactorInverse gives A R^-1 = the sign-fixed Householder Q (geometry qr)', () => {
    const rng = createRng(8);
    const A = mat(F, k, Float64Array.from({ length: F * k }, () => rng.normal()));
    const gram = new Float64Array(k * k);
    for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) for (let t = 0; t < F; t++) gram[i * k + j] += A.data[t * k + i] * A.data[t * k + j];
    const Ri = qrFactorInverse(gram, 1, k);
    const { q } = qr(A);
    for (let t = 0; t < F; t++) {
      for (let j = 0; j < k; j++) {
        let s = 0;
        for (let i = 0; i < k; i++) s += A.data[t * k + i] * Ri[i * k + j];
        expect(s).toBeCloseTo(q.data[t * k + j], 5);
      }
    }
    expect(Number.isNaN(qrFactorInverse(new Float64Array(k * k), 1, k)[0])).toBe(true);
  });

  it('retractInPlace matches geometry qr per class, on device', async () => {
    const rng = createRng(9);
    const A = Float32Array.from({ length: K * F * k }, () => rng.normal());
    const v = tf.variable(tf.tensor3d(A, [K, F, k]));
    await retractInPlace(v);
    const Q = await v.data();
    for (let c = 0; c < K; c++) {
      const { q } = qr(mat(F, k, A.subarray(c * F * k, (c + 1) * F * k)));
      for (let t = 0; t < F * k; t++) expect(Math.abs(Q[c * F * k + t] - q.data[t])).toBeLessThan(1e-5);
    }
    expect(orthonormalityError(await v.data(), K, F, k)).toBeLessThan(1e-5);
    v.dispose();
  });

  it('keeps S^T S = I over 500 steps with momentum', async () => {
    const S = tf.variable(tf.tensor3d(Float32Array.from(randomBases(10)), [K, F, k]));
    const M = tf.variable(tf.zeros([K, F, k]));
    for (let step = 0; step < 500; step++) {
      tf.tidy(() => {
        const G = tf.randomNormal([K, F, k], 0, 1, 'float32', step) as tf.Tensor3D;
        const [next, momentum] = riemannianStep(S as tf.Tensor3D, G, M as tf.Tensor3D, 0.05, 0.9);
        S.assign(next);
        M.assign(momentum);
      });
      await retractInPlace(S);
    }
    expect(orthonormalityError(await S.data(), K, F, k)).toBeLessThan(1e-5);
    tf.dispose([S, M]);
  });
});
