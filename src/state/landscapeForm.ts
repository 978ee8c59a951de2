/**
 * Landscape mode's setup as the panel edits it: the preset table (Train-mode data and models with
 * a Landscape budget), the form, and the pure functions that turn a form into a LandscapeSetup.
 */
import type { DataConfig } from '../datasets/build';
import { DEFAULT_DATA, DEFAULT_MODEL, findPreset } from '../training/presets';
import type { LossKind, ModelConfig } from '../training/types';
import type { LandscapeSetup, ProjectionChoice } from '../workers/landscapeProtocol';
import type { BackendPreference } from '../workers/analysisProtocol';
import { initialBackend } from './backendQuery';

/** A data set and model of Train mode with a Landscape budget (steps, batch, learning rates). */
export interface LandscapePreset {
  id: string;
  label: string;
  description: string;
  data: DataConfig;
  model: ModelConfig;
  steps: number;
  batchSize: number;
  /** Adam step size of theta_d (subspace runs) and of theta (the baseline). */
  learningRate: number;
  baselineLearningRate: number;
}

/** Li et al.'s fully connected MNIST network: 784-200-200-10 (two ReLU hidden layers of 200). */
export const LI_MLP: ModelConfig = { depth: 2, width: 200, featureWidth: 200, activation: 'relu', batchNorm: false, head: { kind: 'linear' } };

function fromTrain(id: string, budget: Omit<LandscapePreset, 'id' | 'label' | 'description' | 'data' | 'model'>, model?: ModelConfig, label?: string): LandscapePreset {
  const p = findPreset(id);
  if (!p) throw new Error(`unknown Train preset '${id}'`);
  return { id: model ? `${id}-li` : id, label: label ?? p.label, description: p.description, data: p.config.data, model: model ?? p.config.model, ...budget };
}

/** A quick sweep for a first look: Train-mode Gaussian blobs in 16 dimensions and a 16-32-4 MLP (D = 676); a few seconds on wasm. */
const QUICK_BLOBS: LandscapePreset = {
  id: 'blobs-quick',
  label: 'Quick: Gaussian blobs in 16-d',
  description: 'Four Gaussian blobs in 16 dimensions (600 points) and one hidden layer of 32: D = 676, so a whole sweep takes seconds.',
  data: { ...DEFAULT_DATA, source: { kind: 'blobs', n: 600, dim: 16, classes: 4, separation: 3, noise: 1 }, testFraction: 0.3 },
  model: { ...DEFAULT_MODEL, depth: 1, featureWidth: 32 },
  steps: 200,
  batchSize: 32,
  learningRate: 0.05,
  baselineLearningRate: 0.01,
};

/** The presets of the Landscape menu: Train-mode data sets and models (any head, batch norm or not) with a Landscape budget. */
export const LANDSCAPE_PRESETS: readonly LandscapePreset[] = [
  QUICK_BLOBS,
  fromTrain('shells', { steps: 400, batchSize: 64, learningRate: 0.05, baselineLearningRate: 0.01 }),
  fromTrain('spirals', { steps: 600, batchSize: 64, learningRate: 0.05, baselineLearningRate: 0.01 }),
  fromTrain('checkerboard', { steps: 600, batchSize: 64, learningRate: 0.05, baselineLearningRate: 0.01 }),
  fromTrain('subspaces', { steps: 400, batchSize: 64, learningRate: 0.05, baselineLearningRate: 0.01 }),
  fromTrain('blobs-collapse', { steps: 300, batchSize: 32, learningRate: 0.05, baselineLearningRate: 0.003 }),
  fromTrain('digits', { steps: 500, batchSize: 64, learningRate: 0.03, baselineLearningRate: 0.003 }),
  fromTrain('fashion-mnist', { steps: 600, batchSize: 128, learningRate: 0.1, baselineLearningRate: 0.001 }, LI_MLP, 'Fashion-MNIST, 784-200-200-10 (Li et al.)'),
  fromTrain('fashion-mnist', { steps: 600, batchSize: 128, learningRate: 0.1, baselineLearningRate: 0.001 }),
];

/** The sweep's settings as the panel edits them. */
export interface LandscapeForm {
  presetId: string;
  model: ModelConfig;
  /** The d grid as typed ("10, 30, 100"); follows the default log grid until edited. */
  dimsText: string;
  dimsEdited: boolean;
  steps: number;
  batchSize: number;
  optimizer: 'adam' | 'sgd';
  /** SGD's heavy-ball momentum (Adam ignores it; with Adam a GCR baseline's Riemannian momentum is 0.9, as in Train mode). */
  momentum: number;
  /** Train mode's loss and label smoothing. */
  loss: LossKind;
  labelSmoothing: number;
  /** Learning-rate schedule of every run: constant, or cosine decay to 0 over the run's steps. */
  schedule: 'constant' | 'cosine';
  learningRate: number;
  baselineLearningRate: number;
  projection: ProjectionChoice;
  seed: number;
  backend: BackendPreference;
  /** Training rows in the TwoNN sample. */
  idSample: number;
}

/** Parses a d grid: integers separated by commas, spaces or semicolons; an error names the first bad entry. */
export function parseDims(text: string): { dims: number[] } | { error: string } {
  const tokens = text.split(/[\s,;]+/).filter((t) => t !== '');
  if (tokens.length === 0) return { error: 'Enter at least one subspace dimension d.' };
  const dims: number[] = [];
  for (const t of tokens) {
    const v = Number(t);
    if (!(Number.isInteger(v) && v >= 1)) return { error: `"${t}" is not a positive integer.` };
    dims.push(v);
  }
  return { dims };
}

/** The setup a form describes (dims 'default' until the grid is edited). */
export function formSetup(form: LandscapeForm): LandscapeSetup {
  const preset = LANDSCAPE_PRESETS.find((p) => p.id === form.presetId) ?? LANDSCAPE_PRESETS[0];
  const parsed = form.dimsEdited ? parseDims(form.dimsText) : null;
  const optimizer = (learningRate: number) => ({ kind: form.optimizer, learningRate, momentum: form.optimizer === 'sgd' ? form.momentum : 0, schedule: form.schedule });
  return {
    data: { ...preset.data, seed: form.seed },
    model: form.model,
    loss: form.loss,
    labelSmoothing: form.labelSmoothing,
    dims: parsed && 'dims' in parsed ? parsed.dims : 'default',
    steps: form.steps,
    batchSize: form.batchSize,
    optimizer: optimizer(form.learningRate),
    baselineOptimizer: optimizer(form.baselineLearningRate),
    projection: form.projection,
    seed: form.seed,
    idSample: form.idSample,
  };
}

/** The form a preset gives (seed, backend and projection carried over from `prev`). */
export function presetForm(p: LandscapePreset, prev?: LandscapeForm): LandscapeForm {
  return {
    presetId: p.id,
    model: p.model,
    dimsText: '',
    dimsEdited: false,
    steps: p.steps,
    batchSize: p.batchSize,
    optimizer: 'adam',
    momentum: prev?.momentum ?? 0.9,
    loss: prev?.loss ?? 'ce',
    labelSmoothing: prev?.labelSmoothing ?? 0,
    schedule: 'cosine',
    learningRate: p.learningRate,
    baselineLearningRate: p.baselineLearningRate,
    projection: prev?.projection ?? 'auto',
    seed: prev?.seed ?? 1,
    backend: prev?.backend ?? initialBackend(),
    idSample: prev?.idSample ?? 1000,
  };
}
