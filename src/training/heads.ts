/** Classifier heads over the features h (B x F): learned linear, frozen simplex ETF, Grassmann (GCR). */
import * as tf from '@tensorflow/tfjs-core';
import type { Rng } from '../geometry/random';
import { mat, matmul, qr } from '../geometry/linalg';
import type { Mat } from '../geometry/types';
import { randomOrthonormal } from '../datasets/basis';
import { gaussian, variableFrom } from './mlp';
import { gcrLogits, retractInPlace, riemannianStep } from './grassmann';
import type { GcrHeadConfig, HeadConfig } from './types';

/** The classifier as numbers: W (K x F) and b (K), or null when the head is not affine. */
export type EffectiveClassifier = { weights: Float32Array; bias: Float32Array | null } | null;

/** A classifier head: logits from features, its parameters by update rule, its effective affine form. */
export interface Head {
  readonly kind: HeadConfig['kind'];
  /** Parameters updated by the Euclidean optimiser (and weight decay). */
  readonly euclidean: tf.Variable[];
  /** Parameters with their own Riemannian update (the GCR bases). */
  readonly manifold: tf.Variable[];
  logits(h: tf.Tensor2D): tf.Tensor2D;
  /**
   * The Riemannian step given the Euclidean gradients of `manifold` (no-op for affine heads),
   * called inside the training step's tidy; leaves the bases unretracted until retract().
   */
  manifoldStep(grads: tf.Tensor[], momentum: number): void;
  /** Restores the manifold constraint after manifoldStep (the QR retraction); awaited by the trainer. */
  retract(): Promise<void>;
  /** The effective W, b for NC3/NC4 (read back from the device). */
  classifier(): Promise<EffectiveClassifier>;
  dispose(): void;
}

/** Learned W ~ N(0, 1/F), b = 0: logits = h W^T + b. */
class LinearHead implements Head {
  readonly kind = 'linear';
  readonly manifold: tf.Variable[] = [];
  private readonly w: tf.Variable;
  private readonly b: tf.Variable;

  constructor(F: number, K: number, rng: Rng) {
    this.w = variableFrom(gaussian(rng, K * F, Math.sqrt(1 / F)), [K, F]);
    this.b = variableFrom(new Float32Array(K), [K]);
  }

  get euclidean(): tf.Variable[] {
    return [this.w, this.b];
  }

  logits(h: tf.Tensor2D): tf.Tensor2D {
    return tf.add(tf.matMul(h, this.w as tf.Tensor2D, false, true), this.b);
  }

  manifoldStep(): void {}

  async retract(): Promise<void> {}

  async classifier(): Promise<EffectiveClassifier> {
    return { weights: (await this.w.data()).slice() as Float32Array, bias: (await this.b.data()).slice() as Float32Array };
  }

  dispose(): void {
    tf.dispose([this.w, this.b]);
  }
}

/**
 * Simplex ETF rows in R^F. With F >= K the ETF lies on the first K coordinate axes:
 * W = sqrt(K/(K-1)) (I_K - 11^T/K) in the first K columns, zeros elsewhere, so the target
 * features h_c = a e_c are non-negative and a ReLU feature layer can reach them (a randomly
 * rotated ETF asks for negative coordinates a ReLU cannot give, and the features drift off it).
 * With F = K-1 (or less) the rows are sqrt(K/(K-1)) (I - 11^T/K) B U^T, B (K x (K-1)) an
 * orthonormal basis of 1-perp truncated to m = min(F, K-1) columns, U (F x m) random orthonormal;
 * below K-1 that is the projection of a simplex onto m of its axes (no ETF fits there).
 * In every case with F >= K-1 the rows are unit vectors with pairwise cosine -1/(K-1).
 */
export function simplexEtf(K: number, F: number, rng: Rng): Mat {
  const scale = Math.sqrt(K / (K - 1));
  if (F >= K) {
    const W = mat(K, F);
    for (let i = 0; i < K; i++) for (let j = 0; j < K; j++) W.data[i * F + j] = scale * ((i === j ? 1 : 0) - 1 / K);
    return W;
  }
  const centred = mat(K, K - 1);
  for (let i = 0; i < K; i++) for (let j = 0; j < K - 1; j++) centred.data[i * (K - 1) + j] = (i === j ? 1 : 0) - 1 / K;
  const B = qr(centred).q;
  const m = Math.min(F, K - 1);
  const M = mat(K, m);
  for (let i = 0; i < K; i++) for (let j = 0; j < m; j++) M.data[i * m + j] = scale * B.data[i * (K - 1) + j];
  const U = randomOrthonormal(rng, F, m);
  const Ut = mat(m, F);
  for (let t = 0; t < F; t++) for (let j = 0; j < m; j++) Ut.data[j * F + t] = U.data[t * m + j];
  return matmul(M, Ut);
}

/** Frozen simplex ETF classifier, no bias: logits = h W^T. */
class EtfHead implements Head {
  readonly kind = 'etf';
  readonly euclidean: tf.Variable[] = [];
  readonly manifold: tf.Variable[] = [];
  private readonly weights: Float32Array;
  private readonly w: tf.Tensor2D;

  constructor(F: number, K: number, rng: Rng) {
    this.weights = Float32Array.from(simplexEtf(K, F, rng).data);
    this.w = tf.tensor2d(this.weights, [K, F]);
  }

  logits(h: tf.Tensor2D): tf.Tensor2D {
    return tf.matMul(h, this.w, false, true);
  }

  manifoldStep(): void {}

  async retract(): Promise<void> {}

  async classifier(): Promise<EffectiveClassifier> {
    return { weights: this.weights.slice(), bias: null };
  }

  dispose(): void {
    this.w.dispose();
  }
}

/** GCR: bases S (K x F x k) initialised as Q of Gaussian matrices, momentum buffer M = 0. */
export class GcrHead implements Head {
  readonly kind = 'gcr';
  readonly euclidean: tf.Variable[] = [];
  readonly bases: tf.Variable;
  private readonly momentum: tf.Variable;

  constructor(F: number, K: number, readonly cfg: GcrHeadConfig, rng: Rng) {
    const init = new Float32Array(K * F * cfg.k);
    for (let c = 0; c < K; c++) init.set(Float32Array.from(randomOrthonormal(rng, F, cfg.k).data), c * F * cfg.k);
    this.bases = variableFrom(init, [K, F, cfg.k]);
    this.momentum = variableFrom(new Float32Array(init.length), [K, F, cfg.k], false);
  }

  get manifold(): tf.Variable[] {
    return [this.bases];
  }

  logits(h: tf.Tensor2D): tf.Tensor2D {
    return gcrLogits(h, this.bases as tf.Tensor3D, this.cfg.gamma);
  }

  manifoldStep(grads: tf.Tensor[], momentum: number): void {
    tf.tidy(() => {
      const [S, M] = riemannianStep(this.bases as tf.Tensor3D, grads[0] as tf.Tensor3D, this.momentum as tf.Tensor3D, this.cfg.subspaceLearningRate, momentum);
      this.bases.assign(S);
      this.momentum.assign(M);
    });
  }

  retract(): Promise<void> {
    return retractInPlace(this.bases);
  }

  async classifier(): Promise<EffectiveClassifier> {
    return null;
  }

  dispose(): void {
    tf.dispose([this.bases, this.momentum]);
  }
}

/** The head of a config for features of width F and K classes. */
export function createHead(cfg: HeadConfig, F: number, K: number, rng: Rng): Head {
  if (cfg.kind === 'linear') return new LinearHead(F, K, rng);
  if (cfg.kind === 'etf') return new EtfHead(F, K, rng);
  return new GcrHead(F, K, cfg, rng);
}
