/**
 * Editing a Train-mode RunConfig from the controls: pure updates that keep the settings valid
 * together (minority classes below K, the GCR subspace dimension within the feature width,
 * profileEvery a multiple of snapshotEvery), the default settings of each data source (taken from
 * the presets), and a one-line label of a run for legends.
 */
import type { DataConfig, SourceKind, SourceSpec } from '../datasets/build';
import { FILE_ROW_LIMIT, type FileSourceSpec } from '../datasets/userData';
import { patchGcrHead, patchModelConfig, withHeadKind } from '../training/modelConfig';
import { DEFAULT_DATA, PRESETS } from '../training/presets';
import type { HeadKind, ModelConfig, RunConfig, TrainConfig } from '../training/types';

/** Every data source the controls offer, menu order. */
export const SOURCE_KINDS: readonly SourceKind[] = ['blobs', 'spirals', 'shells', 'subspaces', 'checkerboard', 'digits', 'fashion-mnist', 'file'];

export const SOURCE_LABELS: Record<SourceKind, string> = {
  blobs: 'Gaussian blobs',
  spirals: 'Spiral arms',
  shells: 'Concentric shells',
  subspaces: 'Union of subspaces',
  checkerboard: 'XOR checkerboard',
  digits: 'UCI digits (real)',
  'fashion-mnist': 'Fashion-MNIST (real)',
  file: 'Your file',
};

/** The source settings of the first preset using `kind` (every kind but 'file' has one; a file source starts empty until a file is chosen). */
export function defaultSource(kind: SourceKind): SourceSpec {
  if (kind === 'file') return emptyFileSource();
  const p = PRESETS.find((x) => x.config.data.source.kind === kind);
  return structuredClone(p ? p.config.data.source : DEFAULT_DATA.source);
}

/** A file source naming no file yet. */
export function emptyFileSource(): FileSourceSpec {
  return { kind: 'file', name: '', size: 0, hash: '', rows: 0, classes: 0, limit: FILE_ROW_LIMIT.default };
}

/** Number of classes K a source produces (10 for the real data sets; a file not yet read counts as 2). */
export function classesOf(s: SourceSpec): number {
  if (s.kind === 'file') return Math.max(2, s.classes);
  return s.kind === 'digits' || s.kind === 'fashion-mnist' ? 10 : s.classes;
}

function fitMinorities(data: DataConfig): DataConfig {
  const K = classesOf(data.source);
  return data.minorityClasses < K ? data : { ...data, minorityClasses: K - 1 };
}

/** Switches the data source to `kind` with its default settings. */
export function withSource(c: RunConfig, kind: SourceKind): RunConfig {
  return { ...c, data: fitMinorities({ ...c.data, source: defaultSource(kind) }) };
}

/** Changes fields of the current source (e.g. { n: 400 } or { separation: 3 }). */
export function patchSource(c: RunConfig, patch: Partial<Record<string, number>>): RunConfig {
  const source = { ...c.data.source, ...patch } as SourceSpec;
  return { ...c, data: fitMinorities({ ...c.data, source }) };
}

/** Changes split controls (test fraction, imbalance, minority classes, label noise, data seed). */
export function patchData(c: RunConfig, patch: Partial<Omit<DataConfig, 'source'>>): RunConfig {
  return { ...c, data: fitMinorities({ ...c.data, ...patch }) };
}

/** Changes model fields; a GCR head's k is clamped to the feature width (training/modelConfig.ts). */
export function patchModel(c: RunConfig, patch: Partial<Omit<ModelConfig, 'head'>>): RunConfig {
  return { ...c, model: patchModelConfig(c.model, patch) };
}

/** Switches the head kind (GCR starts from DEFAULT_GCR_HEAD, k clamped). */
export function withHead(c: RunConfig, kind: HeadKind): RunConfig {
  return kind === c.model.head.kind ? c : { ...c, model: withHeadKind(c.model, kind) };
}

/** Changes GCR head fields (ignored for other heads). */
export function patchHead(c: RunConfig, patch: Partial<{ k: number; gamma: number; subspaceLearningRate: number }>): RunConfig {
  return c.model.head.kind === 'gcr' ? { ...c, model: patchGcrHead(c.model, patch) } : c;
}

/** Changes training fields; a new snapshotEvery keeps profileEvery / snapshotEvery (at least 1). */
export function patchTrain(c: RunConfig, patch: Partial<TrainConfig>): RunConfig {
  const train = { ...c.train, ...patch };
  if (patch.snapshotEvery !== undefined && patch.profileEvery === undefined) {
    const ratio = Math.max(1, Math.round(c.train.profileEvery / c.train.snapshotEvery));
    train.profileEvery = train.snapshotEvery * ratio;
  }
  return { ...c, train };
}

const HEAD_LABELS: Record<HeadKind, string> = { linear: 'linear head', etf: 'fixed ETF head', gcr: 'GCR head' };

/** A short label of a run for legends: loss, optimiser, head, notable settings, data. */
export function runLabel(c: RunConfig): string {
  const t = c.train;
  const parts = [
    t.loss === 'ce' ? 'CE' : 'MSE',
    t.optimizer === 'sgd' ? 'SGD' : 'Adam',
    `lr ${t.learningRate}`,
    `wd ${t.weightDecay}`,
    HEAD_LABELS[c.model.head.kind],
  ];
  if (t.labelSmoothing > 0) parts.push(`smoothing ${t.labelSmoothing}`);
  if (t.mixupAlpha > 0) parts.push(`mixup ${t.mixupAlpha}`);
  if (c.data.imbalanceRatio > 1 && c.data.minorityClasses > 0) parts.push(`imbalance ${c.data.imbalanceRatio}x`);
  if (c.data.labelNoise > 0) parts.push(`noise ${c.data.labelNoise}`);
  parts.push(c.data.source.kind === 'file' ? c.data.source.name : SOURCE_LABELS[c.data.source.kind].replace(' (real)', ''));
  return parts.join(' · ');
}
