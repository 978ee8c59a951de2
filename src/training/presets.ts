/**
 * Train-mode presets: one declarative table of complete run settings. The UI offers them by id,
 * URL state starts from one and overrides fields, and the acceptance tests train DEFAULT_PRESET.
 */
import type { DataConfig } from '../datasets/build';
import type { HeadConfig, ModelConfig, RunConfig, TrainConfig } from './types';

export interface Preset {
  id: string;
  /** Short name for menus. */
  label: string;
  /** One line: what the run shows. */
  description: string;
  config: RunConfig;
}

const SPLIT = { testFraction: 0.2, imbalanceRatio: 1, minorityClasses: 0, labelNoise: 0, seed: 1 } as const;

/**
 * Gaussian blobs, K = 4: 200 points in 512 dimensions (160 for training). With more dimensions
 * than training points the features are nearly free parameters of the first layer, so
 * cross-entropy with weight decay drives them to collapse within a few thousand steps.
 * Every preset below starts from these defaults unless it says otherwise.
 */
export const DEFAULT_DATA: DataConfig = {
  source: { kind: 'blobs', n: 200, dim: 512, classes: 4, separation: 6, noise: 1 },
  ...SPLIT,
};

/** A 2-hidden-layer ReLU MLP 512 -> 64 -> 16 (features) with a learned linear head. */
export const DEFAULT_MODEL: ModelConfig = {
  depth: 2,
  width: 64,
  featureWidth: 16,
  activation: 'relu',
  batchNorm: false,
  head: { kind: 'linear' },
};

/** Cross-entropy, SGD lr 0.05 momentum 0.9, decoupled weight decay 0.02, batch 32; snapshots every 25 steps, profiles every 250. */
export const DEFAULT_TRAIN: TrainConfig = {
  loss: 'ce',
  labelSmoothing: 0,
  optimizer: 'sgd',
  learningRate: 0.05,
  momentum: 0.9,
  weightDecay: 2e-2,
  batchSize: 32,
  mixupAlpha: 0,
  seed: 1,
  snapshotEvery: 25,
  profileEvery: 250,
  sampleSize: 400,
  mleK: 20,
};

/** The GCR head's defaults: k = 8, gamma = 25 (GCR paper), Riemannian step 0.05. */
export const DEFAULT_GCR_HEAD: HeadConfig = { kind: 'gcr', k: 8, gamma: 25, subspaceLearningRate: 0.05 };

function preset(id: string, label: string, description: string, over: { data?: Partial<DataConfig>; model?: Partial<ModelConfig>; train?: Partial<TrainConfig> } = {}): Preset {
  return {
    id,
    label,
    description,
    config: {
      data: { ...DEFAULT_DATA, ...over.data },
      model: { ...DEFAULT_MODEL, ...over.model },
      train: { ...DEFAULT_TRAIN, ...over.train },
    },
  };
}

/** All presets, menu order; ids are stable (URL state refers to them). */
export const PRESETS: readonly Preset[] = [
  preset('blobs-collapse', 'Neural collapse on blobs', 'Four Gaussian blobs, cross-entropy with weight decay: train past 100% accuracy and watch NC1 fall and the means form a simplex.'),
  preset('blobs-mse', 'MSE loss', 'The same blobs with the MSE loss, which also collapses (Han et al.).', { train: { loss: 'mse' } }),
  preset('blobs-etf', 'Fixed ETF head', 'A frozen simplex ETF classifier: the features must align with it.', { model: { head: { kind: 'etf' } } }),
  preset('blobs-gcr', 'Grassmann class subspaces', 'Each class is an 8-dimensional subspace (GCR); logits are projection norms of normalised features.', {
    model: { featureWidth: 32, head: DEFAULT_GCR_HEAD },
  }),
  preset('blobs-narrow', 'Too narrow for a simplex', 'Feature width 2 < K - 1 = 3: no simplex ETF fits, so collapse cannot complete.', { model: { featureWidth: 2 } }),
  preset('blobs-imbalanced', 'Minority collapse', 'Two of four classes keep 1/10 of their training rows: their means crowd together.', {
    data: { imbalanceRatio: 10, minorityClasses: 2 },
  }),
  preset('blobs-mixup', 'Mixup', 'Mixup with alpha = 1: mixed features line up between the class means.', { train: { mixupAlpha: 1 } }),
  preset('spirals', 'Spiral arms', 'Four spiral arms in 2D: a deeper tanh MLP must unroll them.', {
    data: { source: { kind: 'spirals', n: 1200, dim: 2, classes: 4, turns: 1, noise: 0.03 } },
    model: { depth: 4, width: 64, featureWidth: 16, activation: 'tanh' },
    train: { learningRate: 0.05 },
  }),
  preset('shells', 'Concentric shells', 'Three concentric spheres in 8 dimensions: not linearly separable in the input.', {
    data: { source: { kind: 'shells', n: 900, dim: 8, classes: 3, gap: 0.5, noise: 0.05 } },
    model: { depth: 3 },
  }),
  preset('subspaces', 'Union of subspaces', 'Five classes, each a rank-3 Gaussian in 32 dimensions (a mixture of low-rank Gaussians).', {
    data: { source: { kind: 'subspaces', n: 1000, dim: 32, classes: 5, rank: 3, noise: 0.05 } },
    model: { depth: 3, featureWidth: 32, head: DEFAULT_GCR_HEAD },
  }),
  preset('checkerboard', 'XOR checkerboard', 'A 4 x 4 two-class checkerboard: XOR generalised.', {
    data: { source: { kind: 'checkerboard', n: 1600, dim: 2, classes: 2, cells: 4, noise: 0 } },
    model: { depth: 3, width: 64 },
  }),
  preset('digits', 'UCI digits', '1,797 8x8 handwritten digits (64 dimensions, 10 classes).', {
    data: { source: { kind: 'digits' } },
    model: { width: 128, featureWidth: 32 },
  }),
  preset('fashion-mnist', 'Fashion-MNIST', '10,000 28x28 clothing images (784 dimensions, 10 classes), batch 128.', {
    data: { source: { kind: 'fashion-mnist', limit: 10000 } },
    model: { width: 256, featureWidth: 64 },
    train: { batchSize: 128, snapshotEvery: 50, profileEvery: 500, sampleSize: 500 },
  }),
];

/** The preset the app opens with and the acceptance tests train. */
export const DEFAULT_PRESET: Preset = PRESETS[0];

/** The preset with this id (undefined when unknown). */
export function findPreset(id: string): Preset | undefined {
  return PRESETS.find((p) => p.id === id);
}
