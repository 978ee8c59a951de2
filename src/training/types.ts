/** Configuration and output types of Train mode (models, heads, the loop and its Snapshots). */
import type { DataConfig } from '../datasets/build';
import type { AnalysisReport, CollapseMetrics } from '../geometry/types';
import type { Divergence } from './divergence';
import type { MixupProbeFeatures } from './mixupProbe';

export type Activation = 'relu' | 'gelu' | 'tanh';

/** Learned affine classifier logits = W h + b (W K x F, b K). */
export interface LinearHeadConfig {
  kind: 'linear';
}

/** Frozen simplex ETF classifier logits = W h, rows of W the K unit vertices of a simplex ETF in R^F. */
export interface EtfHeadConfig {
  kind: 'etf';
}

/**
 * Grassmann class representation: per class an orthonormal F x k basis S_c,
 * logit_c = gamma ||S_c^T h/||h|| ||, trained by Riemannian SGD with a QR retraction.
 */
export interface GcrHeadConfig {
  kind: 'gcr';
  /** Subspace dimension k (1 <= k <= feature width). */
  k: number;
  /** Logit scale gamma. */
  gamma: number;
  /**
   * Step size of the Riemannian SGD on the bases, used with either optimiser; its momentum is
   * train.momentum with SGD and 0.9 with Adam. Weight decay never touches the bases.
   */
  subspaceLearningRate: number;
}

export type HeadConfig = LinearHeadConfig | EtfHeadConfig | GcrHeadConfig;
export type HeadKind = HeadConfig['kind'];

/**
 * An MLP of `depth` hidden layers: input -> width -> ... -> width -> featureWidth, each layer
 * affine -> optional batch norm -> activation; the last hidden layer's output is the feature h.
 */
export interface ModelConfig {
  /** Hidden layers, 1..6 (depth 1 = input -> featureWidth). */
  depth: number;
  /** Width of hidden layers before the last, 8..1024. */
  width: number;
  /** Width F of the penultimate (feature) layer, 1..1024; below K-1 a simplex ETF cannot form. */
  featureWidth: number;
  activation: Activation;
  batchNorm: boolean;
  head: HeadConfig;
}

export type LossKind = 'ce' | 'mse';
export type OptimizerKind = 'sgd' | 'adam';

export interface TrainConfig {
  /** Cross-entropy on softmax(logits), or MSE 1/2 ||logits - target||^2 (both averaged over the batch). */
  loss: LossKind;
  /** Targets (1 - eps) onehot + eps/K. */
  labelSmoothing: number;
  /** SGD with (heavy-ball) momentum, or Adam (beta1 0.9, beta2 0.999, eps 1e-8). */
  optimizer: OptimizerKind;
  learningRate: number;
  /** SGD momentum (ignored by Adam). */
  momentum: number;
  /** Decoupled weight decay lambda: theta <- theta - lr lambda theta after every step, all Euclidean parameters. */
  weightDecay: number;
  /** Fixed batch size B (clamped to the training set size); the last partial batch of an epoch is dropped. */
  batchSize: number;
  /** Mixup Beta(alpha, alpha) parameter; 0 = off. */
  mixupAlpha: number;
  /** Seeds initialisation, batch order and mixup draws. */
  seed: number;
  /** Emit a Snapshot every this many steps. */
  snapshotEvery: number;
  /** Add the layer-ID profile (and GCR principal angles) every this many steps (a multiple of snapshotEvery). */
  profileEvery: number;
  /** Size of the fixed training-row sample used for ID, effective rank and the 3D view. */
  sampleSize: number;
  /** Neighbours k of the Levina-Bickel MLE. */
  mleK: number;
}

/** One full run: data, model and training settings (a preset or a URL state). */
export interface RunConfig {
  data: DataConfig;
  model: ModelConfig;
  train: TrainConfig;
}

/**
 * The scalar metrics of a Snapshot, one row of the metrics timeline / CSV export. The collapse metrics (CollapseMetrics, ARCHITECTURE.md conventions) are of
 * the features of all training rows; equinormClassifier, nc3 and nc4 are against the head's
 * effective (W, b) and null for GCR heads (their logits are not affine in h).
 */
export interface SnapshotMetrics extends CollapseMetrics {
  step: number;
  /** step / stepsPerEpoch (fractional). */
  epoch: number;
  /** Training objective (loss with label smoothing, no mixup, no weight decay) over all training rows, eval mode. */
  trainLoss: number;
  /** Fraction of training rows whose argmax logit equals their (possibly noisy) label. */
  trainAccuracy: number;
  /** Same over the test rows; null when the test set is empty. */
  testLoss: number | null;
  testAccuracy: number | null;
  /** TwoNN and MLE (harmonic) intrinsic dimension of the features of the fixed sample; null if not computable. */
  twoNN: number | null;
  mle: number | null;
  /** exp(entropy of s_i / sum s) of the singular values s of the centred feature sample (Roy & Vetterli 2007). */
  effectiveRank: number;
  /** Coding rates (MCR^2, ARCHITECTURE.md) of the unit-normalised features of all training rows: R, R_c, deltaR = R - R_c (nats), with eps^2. */
  codingRateR: number;
  codingRateRc: number;
  codingRateDeltaR: number;
  codingRateEps2: number;
}

/**
 * The analysis report's neuralCollapse block for a snapshot's features: reasons for the values the
 * metrics leave NaN (null in the report), NC1's conditioning s_r/s_1, nc1Dominated and its notes.
 */
export type SnapshotCollapse = AnalysisReport['neuralCollapse'];

/** The ID of one layer's activations on the fixed sample. */
export interface LayerId {
  /** 'input', 'hidden 1', ..., 'features' (the last hidden layer), 'logits'. */
  name: string;
  dim: number;
  twoNN: number | null;
}

/** Principal angles between the subspaces of two GCR classes. */
export interface SubspacePair {
  a: number;
  b: number;
  /** Ascending, radians. */
  angles: Float64Array;
  geodesic: number;
  chordal: number;
}

export interface SubspaceAngles {
  pairs: SubspacePair[];
  /** max over classes of ||S_c^T S_c - I||_F. */
  orthonormalityError: number;
}

/** Penultimate features of every row of one split (row order of the split), with their labels. */
export interface SplitFeatures {
  /** Row-major rows x F. */
  features: Float32Array;
  labels: Int32Array;
}

/** The penultimate features of all training and all test rows at one step (eval mode). Fresh buffers. */
export interface RowFeatures {
  step: number;
  /** Feature width F. */
  featureDim: number;
  train: SplitFeatures;
  test: SplitFeatures;
}

/** What the loop emits every snapshotEvery steps. Buffers are fresh copies (safe to transfer). */
export interface Snapshot extends SnapshotMetrics {
  classes: number;
  /** Feature width F. */
  featureDim: number;
  /** Indices into the training rows of the fixed sample (same every snapshot). */
  sampleIndices: Int32Array;
  /** Training labels of the sample rows. */
  sampleLabels: Int32Array;
  /** Features of the sample rows, row-major sample x F. */
  features: Float32Array;
  /** Class means of the features of all training rows, K x F. */
  means: Float32Array;
  /** The global mean (unweighted mean of the class means), F. */
  globalMean: Float32Array;
  /** The head's effective classifier rows W (K x F) and bias b (K); null for GCR. */
  classifier: { weights: Float32Array; bias: Float32Array | null } | null;
  /** Every profileEvery steps (and at step 0): ID of every layer, the "hunchback" profile. */
  layerIds: LayerId[] | null;
  /** Every profileEvery steps for GCR heads: principal angles between class subspaces. */
  subspaceAngles: SubspaceAngles | null;
  /** The collapse metrics as the analysis report states them (null + reason for trivial cases, conditioning). */
  collapse: SnapshotCollapse;
  /** Set when this snapshot shows a diverged run (NaN/Inf, dead or vanishing features): the worker pauses. */
  divergence: Divergence | null;
  /** With mixup on: the fixed probe pairs, their lambdas and the features of their mixed inputs. */
  mixupProbe: MixupProbeFeatures | null;
}

/** How a 3D frame's axes were chosen. */
export type FrameMode = 'fixed' | 'procrustes';

/**
 * One snapshot's features drawn in 3D: display coordinates (centred at the global mean, scaled so
 * the cloud fits the unit ball). `fixed`: projected on the top-3 principal axes of the run's first
 * snapshot. `procrustes`: this snapshot's own top-3 principal axes, rotated by the 3 x 3 orthogonal
 * Procrustes map that best matches the previous frame's sample coordinates.
 */
/** Which axes a frame draws on: the sample's top-3 PCs, or (K > 4, when the PCs put two marks together) axes that keep the class means apart (meansAxes.ts). */
export type FrameAxes = 'pcs' | 'means';

export interface FeatureFrame {
  mode: FrameMode;
  axes: FrameAxes;
  /** sample x 3. */
  points: Float32Array;
  /** Class means, K x 3 (the global mean is the origin). */
  means: Float32Array;
  /** Classifier rows w_k projected and rescaled to the means' largest length (K x 3), or null (GCR). */
  classifier: Float32Array | null;
  /** The simplex ETF nearest the centred means, K x 3, or null (F < K - 1, or degenerate means). */
  simplex: Float32Array | null;
  /** Fraction of the sample's spread about the global mean that the three axes capture, in [0, 1]. */
  captured: number;
  /** Display units per feature unit. */
  scale: number;
  /** The mixup probe's features on the same axes (pairs x 3), or null/absent when mixup is off. */
  probe?: Float32Array | null;
}
