/** A Train-mode Dataset plus a flat MLP as a SubspaceTask: seeded minibatches, test-set evaluation. */
import * as tf from '@tensorflow/tfjs-core';
import type { Dataset } from '../datasets/types';
import { lossAndHits, smoothedTargets } from '../training/losses';
import { BatchSampler } from '../training/random';
import type { FlatMlpConfig } from './flatLayout';
import { FlatMlp, flatMlpModel, type ClassBatch } from './flatMlp';
import type { Evaluation, ModelState, SubspaceTask } from './types';

export interface ClassificationOptions {
  /** Minibatch size (clamped to the training rows). */
  batchSize: number;
  /** Seeds theta0 (Train mode's initialisation for this seed) and the batch order (the same in every run of a sweep). */
  seed: number;
  /** Rows per evaluation chunk (default 1024; fixed shapes, the last chunk zero-padded). */
  evalChunk?: number;
}

/** A classification SubspaceTask with its flat model (for features of a trained theta). */
export interface ClassificationTask extends SubspaceTask<ClassBatch> {
  readonly net: FlatMlp;
}

/**
 * The task of training `cfg` on `dataset`: batches of fixed size from Train mode's seeded
 * BatchSampler with targets (1 - eps) onehot + eps/K; evaluate() scores theta in eval mode (batch
 * norm with the run's running statistics) on the test rows (the training rows when there are
 * none) with score = accuracy and loss = the training objective (cfg.loss, label smoothing), both
 * in float64 from read-back logits.
 */
export function classificationTask(dataset: Dataset, cfg: FlatMlpConfig, opts: ClassificationOptions): ClassificationTask {
  const { dim, classes: K } = dataset;
  const nTrain = dataset.yTrain.length;
  if (cfg.widths[0] !== dim || cfg.widths[cfg.widths.length - 1] !== K) {
    throw new RangeError(`the MLP maps ${cfg.widths[0]} -> ${cfg.widths[cfg.widths.length - 1]} but the data have ${dim} dimensions and ${K} classes`);
  }
  if (nTrain < 1) throw new RangeError('the training set is empty');
  const net = new FlatMlp(cfg, opts.seed);
  const loss = cfg.loss ?? 'ce';
  const eps = cfg.labelSmoothing ?? 0;
  const batchSize = Math.min(opts.batchSize, nTrain);
  const useTest = dataset.yTest.length > 0;
  const evalX = useTest ? dataset.xTest : dataset.xTrain;
  const evalY = (useTest ? dataset.yTest : dataset.yTrain).slice();
  const n = evalY.length;
  const chunk = Math.min(opts.evalChunk ?? 1024, n);
  const chunks = Math.ceil(n / chunk);
  const padded = new Float32Array(chunks * chunk * dim);
  padded.set(evalX.subarray(0, n * dim));
  const xEval = tf.tensor2d(padded, [chunks * chunk, dim]);
  const xTrain = tf.tensor2d(dataset.xTrain, [nTrain, dim]);
  const targets = tf.tensor2d(smoothedTargets(dataset.yTrain, K, eps), [nTrain, K]);

  async function evaluate(theta: tf.Tensor1D, state?: ModelState | null): Promise<Evaluation> {
    let total = 0;
    let hits = 0;
    for (let c = 0; c < chunks; c++) {
      const start = c * chunk;
      const valid = Math.min(chunk, n - start);
      const logits = tf.tidy(() => net.forward(theta, tf.slice(xEval, [start, 0], [chunk, dim]), 'eval', state).logits);
      try {
        const Z = (await logits.data()) as Float32Array;
        const part = lossAndHits(loss, Z.subarray(0, valid * K), evalY.subarray(start, start + valid), K, eps);
        total += part.loss;
        hits += part.hits;
      } finally {
        logits.dispose();
      }
    }
    return { loss: total / n, score: hits / n, accuracy: hits / n };
  }

  return {
    net,
    model: flatMlpModel(net),
    batches() {
      const sampler = new BatchSampler(nTrain, batchSize, opts.seed);
      return {
        next() {
          const idx = tf.tensor1d(sampler.nextBatch(), 'int32');
          return { x: tf.gather(xTrain, idx), targets: tf.gather(targets, idx) };
        },
      };
    },
    evaluate,
    dispose: () => tf.dispose([xEval, xTrain, targets]),
  };
}
