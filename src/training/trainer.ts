/**
 * The steppable training loop: one fixed-shape minibatch step at a time inside tf.tidy, a
 * Snapshot every snapshotEvery steps, and a yield to the event loop every few milliseconds so a
 * worker stays responsive to pause, cancel and new settings.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { Rng } from '../geometry/random';
import type { Dataset } from '../datasets/types';
import { gatherRows, shuffle } from '../datasets/split';
import { DeviceRows, penultimateFeatures } from './evaluate';
import { lossOp, smoothedTargets } from './losses';
import type { BatchMoments } from './mlp';
import { checkModelConfig, Network } from './network';
import { BatchSampler, fixedSample, sampleBeta, STREAM, streamRng } from './random';
import { buildSnapshot, type SnapshotContext } from './snapshot';
import { createProbeSpec, MixupProbe, PROBE_PAIRS } from './mixupProbe';
import type { ModelConfig, RowFeatures, Snapshot, TrainConfig } from './types';
import { networkWeights, type NamedArray } from './weights';

/** Rows per eval-mode chunk. */
const EVAL_CHUNK = 1024;

/** Options of one step() call. */
export interface StepOptions {
  /** Checked between steps: when aborted, step() stops early and resolves (no error). */
  signal?: AbortSignal;
  /** Called with every Snapshot emitted (at steps that are multiples of snapshotEvery). */
  onSnapshot?: (s: Snapshot) => void;
  /** Yield to the event loop after this many milliseconds of work (default 8). */
  yieldMs?: number;
}

/** Options of a features() call. */
export interface FeaturesOptions {
  /** Checked between chunks: when aborted, features() throws an AbortError. */
  signal?: AbortSignal;
  /** Called with the fraction of rows done, in (0, 1]. */
  onProgress?: (fraction: number) => void;
}

/** A live training run over one Dataset with fixed model and training settings. */
export interface Trainer {
  readonly model: ModelConfig;
  readonly train: TrainConfig;
  /** The batch size actually used: min(train.batchSize, training rows). */
  readonly batchSize: number;
  /** floor(training rows / batchSize). */
  readonly stepsPerEpoch: number;
  /** Steps taken so far. */
  readonly stepCount: number;
  /** True while step() runs. */
  readonly running: boolean;
  /** Takes up to n steps, emitting Snapshots on the way; resolves with the number of steps taken. */
  step(n: number, opts?: StepOptions): Promise<number>;
  /**
   * A Snapshot of the current state; profile (default: step % profileEvery === 0) adds layer IDs
   * and GCR angles. Call it between step() calls (step() emits its own through onSnapshot).
   */
  snapshot(profile?: boolean): Promise<Snapshot>;
  /**
   * The penultimate features (eval mode) of every training row and every test row at the current
   * step, with their labels. Reads the model only: a run continued afterwards is the same as one
   * never asked. Call it between step() calls.
   */
  features(opts?: FeaturesOptions): Promise<RowFeatures>;
  /** Every parameter of the network and its head by export name (weights.ts); call it between step() calls. */
  weights(): Promise<NamedArray[]>;
  /** Frees every tensor of the run (once the running step() or snapshot() returns); later calls throw. */
  dispose(): void;
}

/**
 * optimizer.dispose(), plus the learning-rate scalar `c` that tfjs 4.22's MomentumOptimizer
 * inherits from SGDOptimizer but never disposes (its dispose() skips the parent's).
 */
function disposeOptimizer(opt: tf.Optimizer): void {
  opt.dispose();
  const c = (opt as unknown as { c?: tf.Tensor }).c;
  if (c && !c.isDisposed) c.dispose();
}

/** Checks the training settings; throws a RangeError naming the field. */
export function checkTrainConfig(c: TrainConfig): void {
  const bad = (field: string, range: string, value: unknown) => new RangeError(`train.${field} must be ${range} (got ${String(value)})`);
  if (!(c.learningRate > 0)) throw bad('learningRate', '> 0', c.learningRate);
  if (!(c.momentum >= 0 && c.momentum < 1)) throw bad('momentum', 'in [0, 1)', c.momentum);
  if (!(c.weightDecay >= 0)) throw bad('weightDecay', '>= 0', c.weightDecay);
  if (!(c.labelSmoothing >= 0 && c.labelSmoothing < 1)) throw bad('labelSmoothing', 'in [0, 1)', c.labelSmoothing);
  if (!(c.mixupAlpha >= 0)) throw bad('mixupAlpha', '>= 0', c.mixupAlpha);
  if (!(Number.isInteger(c.batchSize) && c.batchSize >= 1)) throw bad('batchSize', 'a positive integer', c.batchSize);
  if (!(Number.isInteger(c.snapshotEvery) && c.snapshotEvery >= 1)) throw bad('snapshotEvery', 'a positive integer', c.snapshotEvery);
  if (!(Number.isInteger(c.profileEvery) && c.profileEvery >= c.snapshotEvery && c.profileEvery % c.snapshotEvery === 0)) {
    throw bad('profileEvery', 'a multiple of snapshotEvery', c.profileEvery);
  }
  if (!(Number.isInteger(c.sampleSize) && c.sampleSize >= 3)) throw bad('sampleSize', 'an integer >= 3', c.sampleSize);
  if (!(Number.isInteger(c.mleK) && c.mleK >= 2)) throw bad('mleK', 'an integer >= 2', c.mleK);
}

/**
 * A trainer for `dataset` (uploaded once; the training targets are precomputed smoothed one-hots).
 * Step: gather a batch (fixed size), optionally mixup x~ = lam x + (1 - lam) x[perm] with the same
 * mix of targets, lam ~ Beta(alpha, alpha) once per batch; gradients of the mean loss; decoupled
 * weight decay theta <- (1 - lr wd) theta on the Euclidean parameters; the optimiser step; the
 * Riemannian step of a GCR head; batch-norm running statistics.
 */
export function createTrainer(dataset: Dataset, model: ModelConfig, train: TrainConfig): Trainer {
  checkTrainConfig(train);
  checkModelConfig(model);
  const nTrain = dataset.yTrain.length;
  if (nTrain < 2) throw new RangeError(`training needs at least 2 training rows (got ${nTrain})`);
  return new LoopTrainer(dataset, model, train);
}

class LoopTrainer implements Trainer {
  readonly batchSize: number;
  readonly stepsPerEpoch: number;
  private steps = 0;
  private busy = false;
  /** Snapshots being built outside step(); dispose waits for them. */
  private pending = 0;
  private disposed = false;
  private freed = false;
  private readonly net: Network;
  private readonly sampler: BatchSampler;
  private readonly mixRng: Rng;
  /** Training rows on the device (zero-padded; batches index only the first nTrain rows). */
  private readonly xTrain: tf.Tensor2D;
  private readonly targets: tf.Tensor2D;
  private readonly optimizer: tf.Optimizer;
  private readonly ctx: SnapshotContext;

  constructor(dataset: Dataset, readonly model: ModelConfig, readonly train: TrainConfig) {
    const { dim, classes: K } = dataset;
    const nTrain = dataset.yTrain.length;
    const nTest = dataset.yTest.length;
    this.batchSize = Math.min(train.batchSize, nTrain);
    this.sampler = new BatchSampler(nTrain, this.batchSize, train.seed);
    this.stepsPerEpoch = this.sampler.batchesPerEpoch;
    this.mixRng = streamRng(train.seed, STREAM.mixup);
    this.net = new Network(dim, K, model, train.seed);
    this.targets = tf.tensor2d(smoothedTargets(dataset.yTrain, K, train.labelSmoothing), [nTrain, K]);
    this.optimizer = train.optimizer === 'adam' ? tf.train.adam(train.learningRate, 0.9, 0.999, 1e-8) : tf.train.momentum(train.learningRate, train.momentum);
    const chunk = Math.min(EVAL_CHUNK, Math.max(nTrain, nTest));
    const sampleIndices = fixedSample(nTrain, train.sampleSize, streamRng(train.seed, STREAM.sample));
    const sampleHost = gatherRows(dataset.xTrain, dim, Array.from(sampleIndices));
    const trainRows = new DeviceRows(dataset.xTrain, nTrain, dim, chunk);
    this.xTrain = trainRows.tensor;
    this.ctx = {
      net: this.net,
      train: trainRows,
      test: nTest > 0 ? new DeviceRows(dataset.xTest, nTest, dim, chunk) : null,
      yTrain: dataset.yTrain.slice(),
      yTest: dataset.yTest.slice(),
      sampleIndices,
      sampleX: tf.tensor2d(sampleHost, [sampleIndices.length, dim]),
      sampleHost,
      cfg: train,
      probe: train.mixupAlpha > 0 ? new MixupProbe(createProbeSpec(dataset.yTrain, train.mixupAlpha, PROBE_PAIRS, streamRng(train.seed, STREAM.probe)), dataset.xTrain, dim) : null,
    };
  }

  get stepCount(): number {
    return this.steps;
  }

  get running(): boolean {
    return this.busy;
  }

  async step(n: number, opts: StepOptions = {}): Promise<number> {
    if (this.disposed) throw new Error('this trainer has been disposed');
    if (this.busy) throw new Error('step() is already running on this trainer');
    this.busy = true;
    const yieldMs = opts.yieldMs ?? 8;
    let done = 0;
    try {
      let since = performance.now();
      while (done < n && !opts.signal?.aborted && !this.disposed) {
        await this.trainStep();
        this.steps++;
        done++;
        if (this.steps % this.train.snapshotEvery === 0 && opts.onSnapshot) {
          opts.onSnapshot(await this.snapshot());
          since = performance.now();
        }
        if (performance.now() - since >= yieldMs) {
          await new Promise((resolve) => setTimeout(resolve, 0));
          since = performance.now();
        }
      }
    } finally {
      this.busy = false;
      this.freeIfIdle();
    }
    return done;
  }

  async snapshot(profile = this.steps % this.train.profileEvery === 0): Promise<Snapshot> {
    if (this.disposed) throw new Error('this trainer has been disposed');
    this.pending++;
    try {
      return await buildSnapshot(this.ctx, this.steps, this.stepsPerEpoch, profile);
    } finally {
      this.pending--;
      this.freeIfIdle();
    }
  }

  async features(opts: FeaturesOptions = {}): Promise<RowFeatures> {
    if (this.disposed) throw new Error('this trainer has been disposed');
    if (this.busy) throw new Error('features() cannot run while step() runs');
    const { net, ctx } = this;
    const step = this.steps;
    const total = ctx.train.chunks + (ctx.test?.chunks ?? 0);
    let done = 0;
    const pass = { signal: opts.signal, onChunk: () => opts.onProgress?.(++done / total) };
    this.pending++;
    try {
      const train = await penultimateFeatures(net, ctx.train, pass);
      const test = ctx.test ? await penultimateFeatures(net, ctx.test, pass) : new Float32Array(0);
      return {
        step,
        featureDim: net.cfg.featureWidth,
        train: { features: train, labels: ctx.yTrain.slice() },
        test: { features: test, labels: ctx.yTest.slice() },
      };
    } finally {
      this.pending--;
      this.freeIfIdle();
    }
  }

  async weights(): Promise<NamedArray[]> {
    if (this.disposed) throw new Error('this trainer has been disposed');
    this.pending++;
    try {
      return await networkWeights(this.net);
    } finally {
      this.pending--;
      this.freeIfIdle();
    }
  }

  private async trainStep(): Promise<void> {
    const { train, net } = this;
    const batch = this.sampler.nextBatch();
    const B = batch.length;
    let lambda = 1;
    let perm: Int32Array | null = null;
    if (train.mixupAlpha > 0) {
      lambda = sampleBeta(this.mixRng, train.mixupAlpha, train.mixupAlpha);
      perm = Int32Array.from({ length: B }, (_, i) => i);
      shuffle(perm, this.mixRng);
    }
    const moments: BatchMoments = [];
    tf.tidy(() => {
      const idx = tf.tensor1d(batch, 'int32');
      let x: tf.Tensor2D = tf.gather(this.xTrain, idx);
      let t: tf.Tensor2D = tf.gather(this.targets, idx);
      if (perm) {
        const p = tf.tensor1d(perm, 'int32');
        x = tf.add(tf.mul(lambda, x), tf.mul(1 - lambda, tf.gather(x, p)));
        t = tf.add(tf.mul(lambda, t), tf.mul(1 - lambda, tf.gather(t, p)));
      }
      const euclidean = net.euclidean;
      const manifold = net.head.manifold;
      const { grads } = tf.variableGrads(() => lossOp(train.loss, net.forward(x, 'train', false, moments).logits, t), [...euclidean, ...manifold]);
      if (train.weightDecay > 0) {
        const keep = 1 - train.learningRate * train.weightDecay;
        for (const v of euclidean) v.assign(tf.mul(v, keep));
      }
      const named: tf.NamedTensorMap = {};
      for (const v of euclidean) if (grads[v.name]) named[v.name] = grads[v.name];
      this.optimizer.applyGradients(named);
      if (manifold.length > 0) {
        net.head.manifoldStep(manifold.map((v) => grads[v.name]), train.optimizer === 'sgd' ? train.momentum : 0.9);
      }
    });
    net.mlp.updateRunningStats(moments);
    await net.head.retract();
  }

  dispose(): void {
    this.disposed = true;
    this.freeIfIdle();
  }

  private freeIfIdle(): void {
    if (!this.disposed || this.busy || this.pending > 0 || this.freed) return;
    this.freed = true;
    this.net.dispose();
    disposeOptimizer(this.optimizer);
    tf.dispose([this.targets, this.ctx.sampleX]);
    this.ctx.train.dispose();
    this.ctx.test?.dispose();
    this.ctx.probe?.dispose();
  }
}
