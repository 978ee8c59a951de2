/** Builds a Snapshot of a network's state: losses, collapse metrics, feature geometry, optional layer profile. */
import type * as tf from '@tensorflow/tfjs-core';
import { gatherRows } from '../datasets/split';
import { DeviceRows, evaluateRows, layerOutputs } from './evaluate';
import { allFinite, effectiveRank, sampleIntrinsicDimension, sampleTwoNN, subspacePairs } from './featureGeometry';
import { orthonormalityError } from './grassmann';
import { GcrHead } from './heads';
import { snapshotCodingRate, snapshotCollapse } from './snapshotGeometry';
import { lossAndHits } from './losses';
import type { Network } from './network';
import type { LayerId, Snapshot, SubspaceAngles, TrainConfig } from './types';

/** What a snapshot reads: the model, both splits on the device, their labels and the fixed sample. */
export interface SnapshotContext {
  net: Network;
  train: DeviceRows;
  test: DeviceRows | null;
  yTrain: Int32Array;
  yTest: Int32Array;
  /** Training-row indices of the fixed sample, their inputs on the device (m x D) and host (m x D). */
  sampleIndices: Int32Array;
  sampleX: tf.Tensor2D;
  sampleHost: Float32Array;
  cfg: TrainConfig;
}

/** The snapshot at `step` (epoch = step / stepsPerEpoch); `profile` adds layer IDs and GCR angles. */
export async function buildSnapshot(ctx: SnapshotContext, step: number, stepsPerEpoch: number, profile: boolean): Promise<Snapshot> {
  const { net, cfg } = ctx;
  const K = net.classes;
  const F = net.cfg.featureWidth;
  const train = await evaluateRows(net, ctx.train, true);
  const features = train.features as Float32Array;
  const nTrain = ctx.yTrain.length;
  const trainScore = lossAndHits(cfg.loss, train.logits, ctx.yTrain, K, cfg.labelSmoothing);
  let testLoss: number | null = null;
  let testAccuracy: number | null = null;
  if (ctx.test && ctx.yTest.length > 0) {
    const test = await evaluateRows(net, ctx.test, false);
    const s = lossAndHits(cfg.loss, test.logits, ctx.yTest, K, cfg.labelSmoothing);
    testLoss = s.loss / ctx.yTest.length;
    testAccuracy = s.hits / ctx.yTest.length;
  }
  const classifier = await net.head.classifier();
  const { metrics: collapse, collapse: report } = await snapshotCollapse(features, nTrain, F, ctx.yTrain, K, classifier);
  const m = ctx.sampleIndices.length;
  const sample = gatherRows(features, F, Array.from(ctx.sampleIndices));
  const id = await sampleIntrinsicDimension(sample, m, F, cfg.mleK);
  const { means, globalMean } = classMeans(features, nTrain, F, ctx.yTrain, K);
  return {
    step,
    epoch: step / stepsPerEpoch,
    trainLoss: trainScore.loss / nTrain,
    trainAccuracy: trainScore.hits / nTrain,
    testLoss,
    testAccuracy,
    ...collapse,
    twoNN: id.twoNN,
    mle: id.mle,
    effectiveRank: effectiveRank(sample, m, F),
    ...snapshotCodingRate(features, nTrain, F, ctx.yTrain, K),
    classes: K,
    featureDim: F,
    sampleIndices: ctx.sampleIndices.slice(),
    sampleLabels: Int32Array.from(ctx.sampleIndices, (i) => ctx.yTrain[i]),
    features: sample,
    means,
    globalMean,
    classifier,
    layerIds: profile ? await layerProfile(ctx) : null,
    subspaceAngles: profile && net.head instanceof GcrHead ? await gcrAngles(net.head, K, F) : null,
    collapse: report,
  };
}

/** Class means (K x F) and their unweighted mean, float32 copies for the 3D view. */
function classMeans(X: Float32Array, n: number, F: number, y: Int32Array, K: number): { means: Float32Array; globalMean: Float32Array } {
  const sums = new Float64Array(K * F);
  const counts = new Float64Array(K);
  for (let i = 0; i < n; i++) {
    counts[y[i]]++;
    for (let t = 0; t < F; t++) sums[y[i] * F + t] += X[i * F + t];
  }
  const means = new Float32Array(K * F);
  const globalMean = new Float32Array(F);
  for (let k = 0; k < K; k++) {
    for (let t = 0; t < F; t++) {
      means[k * F + t] = counts[k] > 0 ? sums[k * F + t] / counts[k] : NaN;
      globalMean[t] += means[k * F + t] / K;
    }
  }
  return { means, globalMean };
}

/** TwoNN of the input and of every layer's output on the fixed sample. */
async function layerProfile(ctx: SnapshotContext): Promise<LayerId[]> {
  const m = ctx.sampleIndices.length;
  const D = ctx.net.inputDim;
  const outputs = await layerOutputs(ctx.net, ctx.sampleX);
  const L = outputs.length - 1;
  const profile: LayerId[] = [{ name: 'input', dim: D, twoNN: await sampleTwoNN(ctx.sampleHost, m, D) }];
  for (let l = 0; l < outputs.length; l++) {
    const name = l === L ? 'logits' : l === L - 1 ? 'features' : `hidden ${l + 1}`;
    profile.push({ name, dim: outputs[l].dim, twoNN: await sampleTwoNN(outputs[l].data, m, outputs[l].dim) });
  }
  return profile;
}

async function gcrAngles(head: GcrHead, K: number, F: number): Promise<SubspaceAngles> {
  const bases = (await head.bases.data()) as Float32Array;
  return {
    pairs: allFinite(bases) ? subspacePairs(bases, K, F, head.cfg.k) : [],
    orthonormalityError: orthonormalityError(bases, K, F, head.cfg.k),
  };
}
