/**
 * Where every parameter of Train mode's MLP and head sits in one flat vector theta (length D), and
 * the Train-mode model settings as a flat-model configuration.
 */
import { checkModelConfig } from '../training/network';
import { layerWidths } from '../training/mlp';
import type { Activation, HeadConfig, LossKind, ModelConfig } from '../training/types';

/**
 * A flat MLP classifier: widths input, hidden..., classes (the last hidden width is the feature
 * width F; with no hidden layer the features are the inputs). Defaults: no batch norm, a linear
 * head, cross-entropy without label smoothing.
 */
export interface FlatMlpConfig {
  widths: readonly number[];
  activation: Activation;
  /** Batch norm after every hidden affine map, before the activation (as Train mode's Mlp). */
  batchNorm?: boolean;
  head?: HeadConfig;
  loss?: LossKind;
  /** Targets (1 - eps) onehot + eps / K, in training and in the reported loss. */
  labelSmoothing?: number;
}

/**
 * Hidden layer l in theta: W_l (fanIn x fanOut, row-major) at `offset`, b_l (fanOut) at `bias`,
 * then with batch norm its scale gamma_l and shift beta_l (fanOut each); null without.
 */
export interface LayerSlot {
  fanIn: number;
  fanOut: number;
  offset: number;
  bias: number;
  gamma: number | null;
  beta: number | null;
}

/**
 * The head's block, last in theta: linear W (K x F, row-major) then b (K); GCR bases K x F x k
 * (class c's F x k block at offset + c F k); the fixed ETF has none (size 0).
 */
export interface HeadSlot {
  kind: HeadConfig['kind'];
  offset: number;
  size: number;
}

export interface FlatLayout {
  layers: LayerSlot[];
  head: HeadSlot;
  /** Feature width F and classes K. */
  features: number;
  classes: number;
  /** D: every trainable number of Train mode's model; BN running statistics and the ETF are not in it. */
  numParams: number;
}

/** The head of a config (linear when absent). */
export function headOf(cfg: FlatMlpConfig): HeadConfig {
  return cfg.head ?? { kind: 'linear' };
}

/**
 * The layout of theta, in Train mode's variable order: per hidden layer [W_l, b_l, gamma_l, beta_l]
 * (the last two with batch norm only), then the head. D = sum_l (fanIn + 1 + 2 [BN]) fanOut
 * + (F + 1) K (linear) | 0 (ETF) | K F k (GCR). Throws a RangeError for impossible settings.
 */
export function flatMlpLayout(cfg: FlatMlpConfig): FlatLayout {
  const { widths } = cfg;
  if (widths.length < 2 || widths.some((w) => !(Number.isInteger(w) && w >= 1))) {
    throw new RangeError(`an MLP needs at least two positive integer widths (got ${widths.join(', ')})`);
  }
  const eps = cfg.labelSmoothing ?? 0;
  if (!(eps >= 0 && eps < 1)) throw new RangeError(`label smoothing must be in [0, 1) (got ${eps})`);
  const layers: LayerSlot[] = [];
  let offset = 0;
  for (let l = 0; l + 2 < widths.length; l++) {
    const [fanIn, fanOut] = [widths[l], widths[l + 1]];
    const bias = offset + fanIn * fanOut;
    const gamma = cfg.batchNorm ? bias + fanOut : null;
    const beta = cfg.batchNorm ? bias + 2 * fanOut : null;
    layers.push({ fanIn, fanOut, offset, bias, gamma, beta });
    offset = bias + (cfg.batchNorm ? 3 : 1) * fanOut;
  }
  const F = widths[widths.length - 2];
  const K = widths[widths.length - 1];
  const head = headOf(cfg);
  if (head.kind === 'gcr') {
    if (!(Number.isInteger(head.k) && head.k >= 1 && head.k <= F)) throw new RangeError(`the GCR subspace dimension k must be an integer in [1, feature width = ${F}] (got ${head.k})`);
    if (!(head.gamma > 0)) throw new RangeError(`the GCR logit scale gamma must be > 0 (got ${head.gamma})`);
    if (!(head.subspaceLearningRate > 0)) throw new RangeError(`the GCR Riemannian step size must be > 0 (got ${head.subspaceLearningRate})`);
  }
  const size = head.kind === 'linear' ? (F + 1) * K : head.kind === 'gcr' ? K * F * head.k : 0;
  return { layers, head: { kind: head.kind, offset, size }, features: F, classes: K, numParams: offset + size };
}

/** Train mode's model and loss settings as a flat MLP for inputDim inputs and `classes` classes; RangeError naming a bad field. */
export function flatMlpConfigFromModel(inputDim: number, classes: number, model: ModelConfig, objective: { loss?: LossKind; labelSmoothing?: number } = {}): FlatMlpConfig {
  checkModelConfig(model);
  return {
    widths: [...layerWidths(inputDim, model), classes],
    activation: model.activation,
    batchNorm: model.batchNorm,
    head: model.head,
    loss: objective.loss ?? 'ce',
    labelSmoothing: objective.labelSmoothing ?? 0,
  };
}
