/**
 * Landscape mode's setup, known without loading data: the input shape of a source, the flat MLP of
 * a setup, its budget check, the sweep plan (D, widths, dims, projections) and runSweep's
 * configuration; plus TwoNN of a row sample, used on the inputs and on the penultimate features.
 */
import { isRealSource, type SourceSpec } from '../datasets/build';
import { FASHION_MNIST_CLASSES } from '../datasets/fashionMnist';
import { twoNN } from '../geometry/dimension';
import { knn } from '../geometry/knn';
import { flatMlpConfigFromModel, flatMlpLayout, type FlatMlpConfig } from './flatLayout';
import { normaliseDims, planSweep } from './sweep';
import { defaultDims } from './threshold';
import type { LandscapeSetup, SweepConfig, SweepPlan } from './types';

/** Input size and classes of the shipped sets, known without reading them: 28 x 28 Fashion-MNIST images, 8 x 8 UCI digits. */
export const REAL_SHAPES = {
  'fashion-mnist': { dim: 28 * 28, classes: FASHION_MNIST_CLASSES.length },
  digits: { dim: 8 * 8, classes: 10 },
} as const;

/** Input dimension and number of classes of a data source. */
export function sourceShape(source: SourceSpec): { dim: number; classes: number } {
  if (isRealSource(source)) return REAL_SHAPES[source.kind];
  if (source.kind === 'file') throw new RangeError('the objective landscape runs on the synthetic and shipped data sets, not on a file');
  return { dim: source.dim, classes: source.classes };
}

/** The flat MLP of a setup: widths input, hidden..., classes, batch norm, head and loss (RangeError naming a setting out of range). */
export function setupMlp(setup: LandscapeSetup): FlatMlpConfig {
  const { dim, classes } = sourceShape(setup.data.source);
  return flatMlpConfigFromModel(dim, classes, setup.model, setup);
}

/** Throws a RangeError naming the first of steps, batch size and ID sample that is not a positive integer. */
export function checkBudget(setup: Pick<LandscapeSetup, 'steps' | 'batchSize' | 'idSample'>): void {
  for (const [name, v] of [['steps', setup.steps], ['the batch size', setup.batchSize], ['the ID sample', setup.idSample]] as const) {
    if (!(Number.isInteger(v) && v >= 1)) throw new RangeError(`${name} must be a positive integer (got ${v})`);
  }
}

/** The sweep a setup gives: D = the size of theta (flatMlpLayout), the dims ('default' = defaultDims(D)) and planSweep's projections. */
export function planSetup(setup: LandscapeSetup): SweepPlan {
  checkBudget(setup);
  const cfg = setupMlp(setup);
  const { numParams } = flatMlpLayout(cfg);
  const dims = normaliseDims(setup.dims === 'default' ? defaultDims(numParams) : setup.dims, numParams);
  const plans = planSweep(numParams, { dims, projection: setup.projection });
  return { numParams, widths: [...cfg.widths], dims, plans };
}

/** The runSweep configuration of a setup with its planned dims; progress about 50 times per run (every 25 steps at most). */
export function sweepConfig(setup: LandscapeSetup, dims: number[]): SweepConfig {
  return {
    dims,
    steps: setup.steps,
    optimizer: setup.optimizer,
    baselineOptimizer: setup.baselineOptimizer,
    projection: setup.projection,
    seed: setup.seed,
    progressEvery: Math.max(1, Math.min(25, Math.ceil(setup.steps / 50))),
  };
}

/** TwoNN (Facco) of the m x d rows of X via exact kNN with k = 2; null when m < 3 or the estimate is not finite. */
export async function sampleTwoNN(X: Float32Array, m: number, d: number): Promise<number | null> {
  if (m < 3) return null;
  for (let t = 0; t < X.length; t++) if (!Number.isFinite(X[t])) return null;
  const value = twoNN(await knn(X, m, d, 2));
  return Number.isFinite(value) ? value : null;
}

/** The sample rows of the training inputs, row-major m x dim. */
export function gatherRows(X: Float32Array, dim: number, rows: Int32Array): Float32Array {
  const out = new Float32Array(rows.length * dim);
  rows.forEach((r, i) => out.set(X.subarray(r * dim, (r + 1) * dim), i * dim));
  return out;
}
