/**
 * Divergence of a run, read off one Snapshot: a NaN/Inf loss or features, features collapsed to
 * one point (a dead network), or features shrinking to zero under weight decay in front of a head
 * that normalises them (GCR). Each comes with the likely cause and a fix the user can apply; the
 * worker pauses the run when a snapshot carries one.
 */
import type { HeadKind, TrainConfig } from './types';

export type DivergenceKind = 'non-finite' | 'collapsed' | 'vanishing';

export interface Divergence {
  kind: DivergenceKind;
  /** The snapshot step where it was seen. */
  step: number;
  /** What happened, one sentence. */
  problem: string;
  /** The likely cause and the setting to change, one sentence. */
  fix: string;
}

/** What detection reads from a snapshot: the loss and the features of the fixed sample. */
export interface DivergenceInput {
  step: number;
  trainLoss: number;
  /** Row-major m x F features of the fixed sample. */
  features: Float32Array;
  featureDim: number;
}

/** Spread (RMS distance to the mean) below this fraction of the RMS norm, or below 1e-6 absolute: one point. */
export const COLLAPSE_RELATIVE = 1e-4;
/** RMS feature norm below this, with a normalising head and weight decay on: the features are vanishing. */
export const VANISHING_NORM = 1e-2;

/** A learning rate ten times lower, written short (0.05 -> "0.005"). */
export function lowerRate(lr: number): string {
  return String(Number((lr / 10).toPrecision(2)));
}

/** RMS norm of the rows and RMS distance of the rows to their mean, float64. */
export function featureSpread(X: Float32Array, m: number, F: number): { norm: number; spread: number } {
  if (m === 0) return { norm: 0, spread: 0 };
  const mean = new Float64Array(F);
  let sq = 0;
  for (let i = 0; i < m; i++) {
    for (let t = 0; t < F; t++) {
      const v = X[i * F + t];
      mean[t] += v / m;
      sq += v * v;
    }
  }
  let dev = 0;
  for (let i = 0; i < m; i++) for (let t = 0; t < F; t++) dev += (X[i * F + t] - mean[t]) ** 2;
  return { norm: Math.sqrt(sq / m), spread: Math.sqrt(dev / m) };
}

/** The divergence a snapshot shows, or null when the run is healthy. */
export function detectDivergence(s: DivergenceInput, train: TrainConfig, head: HeadKind): Divergence | null {
  const { step } = s;
  const F = s.featureDim;
  const m = F > 0 ? s.features.length / F : 0;
  let finite = Number.isFinite(s.trainLoss);
  for (let i = 0; finite && i < s.features.length; i++) finite = Number.isFinite(s.features[i]);
  if (!finite) {
    return {
      kind: 'non-finite',
      step,
      problem: `Training diverged at step ${step}: the loss or the features became NaN or infinite.`,
      fix: `Learning rate too high: try ${lowerRate(train.learningRate)}, then press Reset.`,
    };
  }
  if (m < 2) return null;
  const { norm, spread } = featureSpread(s.features, m, F);
  if (head === 'gcr' && train.weightDecay > 0 && norm < VANISHING_NORM) {
    return {
      kind: 'vanishing',
      step,
      problem: `The features are shrinking to zero (RMS norm ${norm.toPrecision(2)} at step ${step}): the GCR head normalises them, so weight decay shrinks them freely and the steps blow up.`,
      fix: 'Set weight decay to 0 for a GCR head, then press Reset.',
    };
  }
  if (spread <= Math.max(1e-6, COLLAPSE_RELATIVE * norm)) {
    return {
      kind: 'collapsed',
      step,
      problem: `Every feature is the same point at step ${step} (a dead network): no class can be told apart.`,
      fix: train.weightDecay > 0
        ? `Learning rate too high or weight decay too strong: try learning rate ${lowerRate(train.learningRate)} or weight decay ${lowerRate(train.weightDecay)}, then press Reset.`
        : `Learning rate too high: try learning rate ${lowerRate(train.learningRate)}, then press Reset.`,
    };
  }
  return null;
}
