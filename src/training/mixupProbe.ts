/**
 * The mixup probe: a fixed, seeded set of training-row pairs (i, j) of different classes with a
 * mixing weight lambda each, so that the features of x~ = lambda x_i + (1 - lambda) x_j can be
 * followed over a mixup run (Fisher et al. 2024, "Pushing Boundaries": mixed features lie between
 * the two class means, along the decision boundary). Built once per run; its features are read
 * in eval mode at every snapshot.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { Rng } from '../geometry/random';
import type { Network } from './network';
import { sampleBeta } from './random';

/** Pairs in the probe (fewer when the training set has fewer rows of two classes). */
export const PROBE_PAIRS = 96;

/** The probe as numbers: rows, classes and lambdas per pair. */
export interface MixupProbeSpec {
  rowA: Int32Array;
  rowB: Int32Array;
  classA: Int32Array;
  classB: Int32Array;
  /** Weight of row A, in (0, 1). */
  lambda: Float32Array;
}

/** The probe at one snapshot: its spec and the eval-mode features of the mixed inputs (pairs x F). */
export interface MixupProbeFeatures extends MixupProbeSpec {
  features: Float32Array;
}

/**
 * `count` pairs of training rows with different labels, lambda ~ Beta(alpha, alpha) (the run's own
 * mixup law), drawn from `rng`. Needs at least two classes present; otherwise no pairs.
 */
export function createProbeSpec(y: Int32Array, alpha: number, count: number, rng: Rng): MixupProbeSpec {
  const n = y.length;
  const rowA: number[] = [];
  const rowB: number[] = [];
  const lambda: number[] = [];
  const distinct = new Set(y).size >= 2;
  for (let tries = 0; distinct && rowA.length < count && tries < count * 50; tries++) {
    const i = Math.floor(rng.uniform() * n);
    const j = Math.floor(rng.uniform() * n);
    if (y[i] === y[j]) continue;
    rowA.push(i);
    rowB.push(j);
    lambda.push(Math.min(0.99, Math.max(0.01, sampleBeta(rng, alpha, alpha))));
  }
  return {
    rowA: Int32Array.from(rowA),
    rowB: Int32Array.from(rowB),
    classA: Int32Array.from(rowA, (i) => y[i]),
    classB: Int32Array.from(rowB, (j) => y[j]),
    lambda: Float32Array.from(lambda),
  };
}

/** The mixed inputs lambda x_A + (1 - lambda) x_B, row-major pairs x D. */
export function mixedInputs(spec: MixupProbeSpec, X: Float32Array, D: number): Float32Array {
  const P = spec.lambda.length;
  const out = new Float32Array(P * D);
  for (let p = 0; p < P; p++) {
    const a = spec.rowA[p] * D;
    const b = spec.rowB[p] * D;
    const l = spec.lambda[p];
    for (let t = 0; t < D; t++) out[p * D + t] = l * X[a + t] + (1 - l) * X[b + t];
  }
  return out;
}

/** A probe living on the device for one run: its mixed inputs as a tensor. */
export class MixupProbe {
  private readonly x: tf.Tensor2D | null;

  constructor(readonly spec: MixupProbeSpec, X: Float32Array, D: number) {
    const P = spec.lambda.length;
    this.x = P > 0 ? tf.tensor2d(mixedInputs(spec, X, D), [P, D]) : null;
  }

  /** The probe's features under `net` (eval mode), read back with await data(). */
  async read(net: Network): Promise<MixupProbeFeatures> {
    const s = this.spec;
    const copy = { rowA: s.rowA.slice(), rowB: s.rowB.slice(), classA: s.classA.slice(), classB: s.classB.slice(), lambda: s.lambda.slice() };
    if (!this.x) return { ...copy, features: new Float32Array(0) };
    const x = this.x;
    const h = tf.tidy(() => net.mlp.forward(x, 'eval').features);
    try {
      return { ...copy, features: (await h.data()).slice() as Float32Array };
    } finally {
      h.dispose();
    }
  }

  dispose(): void {
    this.x?.dispose();
  }
}

/**
 * Where each probe feature h lies relative to its two class means mu_A, mu_B (K x F `means`):
 * t = <h - mu_B, mu_A - mu_B> / ||mu_A - mu_B||^2 (0 at mu_B, 1 at mu_A) and the distance from
 * the line through them divided by ||mu_A - mu_B||. Float64.
 */
export function probePositions(probe: MixupProbeFeatures, means: Float32Array, F: number): { t: Float64Array; offLine: Float64Array } {
  const P = probe.lambda.length;
  const t = new Float64Array(P);
  const offLine = new Float64Array(P);
  for (let p = 0; p < P; p++) {
    const a = probe.classA[p] * F;
    const b = probe.classB[p] * F;
    let dd = 0;
    let hd = 0;
    let hh = 0;
    for (let k = 0; k < F; k++) {
      const d = means[a + k] - means[b + k];
      const h = probe.features[p * F + k] - means[b + k];
      dd += d * d;
      hd += h * d;
      hh += h * h;
    }
    t[p] = dd > 0 ? hd / dd : NaN;
    offLine[p] = dd > 0 ? Math.sqrt(Math.max(0, hh - (hd * hd) / dd) / dd) : NaN;
  }
  return { t, offLine };
}
