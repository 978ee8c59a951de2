/**
 * Train-mode presets: one declarative table of complete run settings. The UI offers them by id,
 * URL state starts from one and overrides fields, and the acceptance tests train DEFAULT_PRESET.
 */
import type { DataConfig } from '../datasets/build';
import type { HeadConfig, ModelConfig, RunConfig, TrainConfig } from './types';
import { DEFAULT_MLE_K } from '../geometry/dimension';

export interface Preset {
  id: string;
  /** Short name for menus. */
  label: string;
  /** One line: what the run shows within `steps` steps (checked by acceptance.test.ts and measured by scripts/presets/measure.ts). */
  description: string;
  /** The number of steps the description refers to. */
  steps: number;
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
  mleK: DEFAULT_MLE_K,
};

/** The GCR head's defaults: k = 8, gamma = 25 (GCR paper), Riemannian step 0.05. */
export const DEFAULT_GCR_HEAD: HeadConfig = { kind: 'gcr', k: 8, gamma: 25, subspaceLearningRate: 0.05 };

function preset(id: string, label: string, steps: number, description: string, over: { data?: Partial<DataConfig>; model?: Partial<ModelConfig>; train?: Partial<TrainConfig> } = {}): Preset {
  return {
    id,
    label,
    description,
    steps,
    config: {
      data: { ...DEFAULT_DATA, ...over.data },
      model: { ...DEFAULT_MODEL, ...over.model },
      train: { ...DEFAULT_TRAIN, ...over.train },
    },
  };
}

/**
 * All presets, menu order; ids are stable (URL state refers to them). Each description says only
 * what a seeded run of `steps` steps shows (the acceptance tests assert it; the README table
 * lists the measured numbers from scripts/presets/measure.ts).
 */
export const PRESETS: readonly Preset[] = [
  // Blobs closer together (separation 2) and a small learning rate: the fit takes ~100 steps, so
  // the phase before 100% train accuracy spans several snapshots; strong decoupled weight decay
  // (lr * wd = 2.5e-3 per step) then drives the collapse.
  preset('blobs-collapse', 'Neural collapse on blobs', 1000,
    'Four Gaussian blobs, cross-entropy with weight decay: train accuracy climbs over the first ~100 steps, then in the terminal phase NC1 falls more than 10x within 500 steps and the class means approach a simplex ETF.', {
      data: { source: { kind: 'blobs', n: 200, dim: 512, classes: 4, separation: 2, noise: 1 } },
      train: { learningRate: 0.005, weightDecay: 0.5, snapshotEvery: 10, profileEvery: 100 },
    }),
  // MSE needs stronger weight decay than 0.02 for the means to reach the simplex (Han et al.).
  preset('blobs-mse', 'MSE loss', 1500, 'The same blobs with the MSE loss and weight decay 0.1 also collapse (Han et al. 2022): NC1 and the ETF distance both fall more than 5x after train accuracy reaches 100%.', {
    train: { loss: 'mse', weightDecay: 0.1 },
  }),
  preset('blobs-etf', 'Fixed ETF head', 1500, 'A frozen simplex ETF classifier on K of the feature axes (Zhu et al. 2021): after train accuracy reaches 100% the ETF distance and NC3 both fall more than 5x.', {
    model: { head: { kind: 'etf' } },
  }),
  // The GCR head normalises the features, so weight decay would shrink them without bound (the
  // steps grow as 1/||h||^2 and the run falls to chance): no weight decay with this head.
  preset('blobs-gcr', 'Grassmann class subspaces', 2000, 'Each class is an 8-dimensional subspace (GCR); logits are projection norms of normalised features. No weight decay: train accuracy stays 100% with orthonormal bases.', {
    model: { featureWidth: 32, head: DEFAULT_GCR_HEAD },
    train: { weightDecay: 0 },
  }),
  preset('blobs-narrow', 'Too narrow for a simplex', 1000, 'Feature width 2 < K - 1 = 3: the within-class spread (NC1) still falls, but no simplex ETF fits in 2 dimensions, so the means cannot form one (the ETF distance is undefined).', { model: { featureWidth: 2 } }),
  preset('blobs-imbalanced', 'Minority collapse', 1500, 'Two of four classes keep 1/100 of their training rows (Fang et al. 2021): their classifier rows crowd together, their cosine rising from about -0.15 at ratio 10 to about 0 (a simplex has -1/3).', {
    data: { imbalanceRatio: 100, minorityClasses: 2 },
  }),
  preset('blobs-mixup', 'Mixup', 1000, 'Mixup with alpha = 1: the 96 probe pairs ("mixup probe" in 3D) show mixed features lying between their two class means, placed by lambda, within 250 steps.', { train: { mixupAlpha: 1 } }),
  preset('spirals', 'Spiral arms', 3000, 'Four spiral arms in 2D: a deeper tanh MLP trained with Adam at lr 0.001 (faster rates oscillate) unrolls them: train accuracy stays above 90% over steps 1,500 to 3,000 and ends at 100%.', {
    data: { source: { kind: 'spirals', n: 1200, dim: 2, classes: 4, turns: 1, noise: 0.03 } },
    model: { depth: 4, width: 64, featureWidth: 16, activation: 'tanh' },
    train: { optimizer: 'adam', learningRate: 0.001 },
  }),
  preset('shells', 'Concentric shells', 2000, 'Three concentric spheres in 8 dimensions: not linearly separable in the input.', {
    data: { source: { kind: 'shells', n: 900, dim: 8, classes: 3, gap: 0.5, noise: 0.05 } },
    model: { depth: 3 },
  }),
  preset('subspaces', 'Union of subspaces', 10000, 'Five classes, each a rank-3 Gaussian in 32 dimensions, with a GCR head and no weight decay: train accuracy stays at least 95% from step 1,000 on.', {
    data: { source: { kind: 'subspaces', n: 1000, dim: 32, classes: 5, rank: 3, noise: 0.05 } },
    model: { depth: 3, featureWidth: 32, head: DEFAULT_GCR_HEAD },
    train: { weightDecay: 0 },
  }),
  preset('checkerboard', 'XOR checkerboard', 3000, 'A 4 x 4 two-class checkerboard (XOR generalised), trained with Adam: test accuracy above 90% (SGD stays below it).', {
    data: { source: { kind: 'checkerboard', n: 1600, dim: 2, classes: 2, cells: 4, noise: 0 } },
    model: { depth: 3, width: 64 },
    train: { optimizer: 'adam', learningRate: 0.005 },
  }),
  preset('digits', 'UCI digits', 2000, '1,797 8x8 handwritten digits (64 dimensions, 10 classes).', {
    data: { source: { kind: 'digits' } },
    model: { width: 128, featureWidth: 32 },
  }),
  preset('fashion-mnist', 'Fashion-MNIST', 2000, '10,000 28x28 clothing images (784 dimensions, 10 classes), batch 128.', {
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
