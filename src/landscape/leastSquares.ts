/**
 * The known-answer task of Landscape mode: L(theta) = ||A theta - b||^2 with rank(A) = r, so the
 * loss depends on exactly r directions of parameter space. A random d-dimensional subspace
 * through theta0 reaches the optimum L* = 0 (almost surely) exactly when d >= r.
 */
import * as tf from '@tensorflow/tfjs-core';
import { createRng } from '../geometry/random';
import { mat, pinv } from '../geometry/linalg';
import { deriveSeed, randomOrthonormal } from '../datasets/basis';
import type { SubspaceTask } from './types';

export interface LeastSquaresSpec {
  /** Number of parameters D. */
  D: number;
  /** rank r of A (1 <= r <= active). */
  rank: number;
  /** A touches only the first `active` parameters (default D); the others are unused. */
  active?: number;
  /** Singular values of A log-spaced from 1 to this (default 2). */
  conditionNumber?: number;
  seed: number;
}

/** A = diag(sigma) V^T (r x D, V orthonormal on the first `active` coordinates), b = A theta*, theta0 ~ N(0, I_D). */
export interface LeastSquaresProblem {
  D: number;
  r: number;
  /** Row-major r x D. */
  A: Float64Array;
  b: Float64Array;
  theta0: Float32Array;
  /** L(theta0) = ||A theta0 - b||^2 (float64). */
  initialLoss: number;
}

/** A seeded problem: V uniform on the Stiefel manifold, theta* and theta0 independent N(0, I). */
export function leastSquaresProblem(spec: LeastSquaresSpec): LeastSquaresProblem {
  const { D, rank: r, seed } = spec;
  const active = spec.active ?? D;
  const kappa = spec.conditionNumber ?? 2;
  if (!(Number.isInteger(active) && active >= 1 && active <= D)) throw new RangeError(`active must be an integer in [1, ${D}] (got ${active})`);
  if (!(Number.isInteger(r) && r >= 1 && r <= active)) throw new RangeError(`rank must be an integer in [1, ${active}] (got ${r})`);
  const V = randomOrthonormal(createRng(deriveSeed(seed, 1)), active, r);
  const A = new Float64Array(r * D);
  for (let k = 0; k < r; k++) {
    const sigma = r === 1 ? 1 : Math.exp((Math.log(kappa) * k) / (r - 1));
    for (let i = 0; i < active; i++) A[k * D + i] = sigma * V.data[i * r + k];
  }
  const rng = createRng(deriveSeed(seed, 2));
  const thetaStar = Float64Array.from({ length: D }, () => rng.normal());
  const theta0 = Float32Array.from({ length: D }, () => rng.normal());
  const b = matVec(A, r, D, thetaStar);
  const problem = { D, r, A, b, theta0, initialLoss: 0 };
  problem.initialLoss = leastSquaresLoss(problem, theta0);
  return problem;
}

function matVec(A: Float64Array, rows: number, cols: number, x: ArrayLike<number>): Float64Array {
  const y = new Float64Array(rows);
  for (let k = 0; k < rows; k++) {
    let s = 0;
    for (let i = 0; i < cols; i++) s += A[k * cols + i] * x[i];
    y[k] = s;
  }
  return y;
}

/** ||A theta - b||^2 in float64. */
export function leastSquaresLoss(p: LeastSquaresProblem, theta: ArrayLike<number>): number {
  const y = matVec(p.A, p.r, p.D, theta);
  let s = 0;
  for (let k = 0; k < p.r; k++) s += (y[k] - p.b[k]) ** 2;
  return s;
}

/** The task's score: 1 - L(theta) / L(theta0), the fraction of the initial loss removed (1 at the optimum L* = 0). */
export function leastSquaresScore(p: LeastSquaresProblem, loss: number): number {
  return 1 - loss / p.initialLoss;
}

/**
 * The problem as a SubspaceTask with a single full "batch" (no data): the training loss is
 * ||A theta - b||^2 in float32 on the backend; evaluate() reads theta back and scores it in float64.
 */
export function leastSquaresTask(p: LeastSquaresProblem): SubspaceTask<null> {
  const A = tf.tensor2d(Float32Array.from(p.A), [p.r, p.D]);
  const b = tf.tensor2d(Float32Array.from(p.b), [p.r, 1]);
  return {
    model: {
      numParams: p.D,
      initialParams: () => p.theta0.slice(),
      loss: (theta) => tf.sum(tf.square(tf.sub(tf.matMul(A, tf.reshape(theta, [p.D, 1])), b))),
    },
    batches: () => ({ next: () => null }),
    async evaluate(theta) {
      const loss = leastSquaresLoss(p, await theta.data());
      return { loss, score: leastSquaresScore(p, loss), accuracy: null };
    },
    dispose: () => tf.dispose([A, b]),
  };
}

/**
 * The exact optimum over the subspace theta0 + P theta_d (P^T given row-major d x D, as
 * denseColumns returns it): theta_d* = (A P)^+ (b - A theta0), by the float64 SVD pseudo-inverse.
 */
export function subspaceOptimum(p: LeastSquaresProblem, Pt: Float32Array, d: number): { loss: number; score: number; thetaD: Float64Array } {
  const { D, r } = p;
  if (Pt.length !== d * D) throw new RangeError(`P^T must have d x D = ${d * D} entries (got ${Pt.length})`);
  const M = mat(r, d);
  for (let k = 0; k < r; k++) {
    for (let j = 0; j < d; j++) {
      let s = 0;
      for (let i = 0; i < D; i++) s += p.A[k * D + i] * Pt[j * D + i];
      M.data[k * d + j] = s;
    }
  }
  const y0 = matVec(p.A, r, D, p.theta0);
  const c = Float64Array.from(p.b, (bk, k) => bk - y0[k]);
  const thetaD = matVec(pinv(M).data, d, r, c);
  const theta = Float64Array.from(p.theta0);
  for (let j = 0; j < d; j++) for (let i = 0; i < D; i++) theta[i] += Pt[j * D + i] * thetaD[j];
  const loss = leastSquaresLoss(p, theta);
  return { loss, score: leastSquaresScore(p, loss), thetaD };
}
