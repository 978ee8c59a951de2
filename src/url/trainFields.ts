/**
 * Train mode's URL table: the preset the settings start from, then every control (data source and
 * its parameters, split, model, head, loss, optimiser, mixup, seeds, snapshot interval, speed,
 * backend, 3D frame). Defaults are the preset's values, so `?mode=train&seed=3` is the default
 * preset with seed 3.
 */
import type { SourceKind } from '../datasets/build';
import { DEFAULT_PRESET, findPreset, PRESETS } from '../training/presets';
import type { LossKind, OptimizerKind, RunConfig, TrainConfig } from '../training/types';
import type { FrameMode, TrainSpeed } from '../workers/trainingProtocol';
import { BACKEND_NAMES, type BackendPreference } from '../workers/analysisProtocol';
import { classesOf, emptyFileSource, patchData, patchSource, patchTrain, SOURCE_KINDS, withSource } from '../state/trainingConfig';
import { TRAIN_TABS, type TrainTab } from '../state/trainTabStore';
import { enumField, numberField, parseFields, textField, writeFields, type Field, type UrlNote } from './fields';
import { FILE_ROW_LIMIT, type FileSourceSpec } from '../datasets/userData';
import { modelFields } from './modelFields';
import { BACKEND_ALIASES } from './backendAlias';

/** What Train mode's URL holds. */
export interface TrainUrlState {
  /** The preset the settings started from (the base of the defaults). */
  preset: string;
  config: RunConfig;
  speed: TrainSpeed;
  preference: BackendPreference;
  frameMode: FrameMode;
  /** The side panel's tab shown. */
  sideTab: TrainTab;
}

/** The state a preset gives: its settings, full speed, the automatic backend, the Procrustes frame. */
export function trainBase(presetId: string = DEFAULT_PRESET.id): TrainUrlState {
  const p = findPreset(presetId) ?? DEFAULT_PRESET;
  return { preset: p.id, config: structuredClone(p.config), speed: 'max', preference: 'auto', frameMode: 'procrustes', sideTab: 'curves' };
}

type S = TrainUrlState;
const withConfig = (s: S, config: RunConfig): S => ({ ...s, config });

/** A numeric source parameter present only on some kinds (null elsewhere). */
function sourceParam(key: string, kinds: readonly SourceKind[]) {
  return {
    get: (s: S) => (kinds.includes(s.config.data.source.kind) ? ((s.config.data.source as unknown as Record<string, number>)[key] ?? null) : null),
    set: (s: S, v: number) => withConfig(s, patchSource(s.config, { [key]: v })),
  };
}

const SYNTHETIC: readonly SourceKind[] = ['blobs', 'spirals', 'shells', 'subspaces', 'checkerboard'];

function dataField(key: 'testFraction' | 'imbalanceRatio' | 'labelNoise' | 'seed') {
  return { get: (s: S) => s.config.data[key], set: (s: S, v: number) => withConfig(s, patchData(s.config, { [key]: v })) };
}

function trainField<K extends keyof TrainConfig>(key: K) {
  return { get: (s: S) => s.config.train[key], set: (s: S, v: TrainConfig[K]) => withConfig(s, patchTrain(s.config, { [key]: v } as Partial<TrainConfig>)) };
}

/** Every Train-mode field, in the order they are applied (source before its parameters, head before k). */
export const TRAIN_FIELDS: readonly Field<S>[] = [
  enumField('source', 'data source', SOURCE_KINDS, { get: (s) => s.config.data.source.kind, set: (s, v) => withConfig(s, withSource(s.config, v)) }),
  numberField('n', 'points generated', { min: 20, max: 20000, int: true }, sourceParam('n', SYNTHETIC)),
  numberField('dim', 'input dimension', { min: 2, max: 1024, int: true }, sourceParam('dim', SYNTHETIC)),
  numberField('classes', 'classes K', { min: 2, max: 20, int: true }, sourceParam('classes', SYNTHETIC)),
  numberField('separation', 'distance between blob means', { min: 0, max: 100 }, sourceParam('separation', ['blobs'])),
  numberField('turns', 'spiral turns', { min: 0.1, max: 10 }, sourceParam('turns', ['spirals'])),
  numberField('gap', 'gap between shells', { min: 0, max: 10 }, sourceParam('gap', ['shells'])),
  numberField('rank', 'rank of each class subspace', { min: 1, max: 1024, int: true }, sourceParam('rank', ['subspaces'])),
  numberField('cells', 'checkerboard cells per side', { min: 2, max: 16, int: true }, sourceParam('cells', ['checkerboard'])),
  numberField('noise', 'input noise', { min: 0, max: 100 }, sourceParam('noise', SYNTHETIC)),
  numberField('limit', 'Fashion-MNIST rows kept', { min: 100, max: 10000, int: true }, sourceParam('limit', ['fashion-mnist'])),
  textField<S>('file', "the user's file a run trains on, as hash:bytes:rows:name (the first 16 hex digits of its SHA-256; the file itself never goes into a link)", {
    get: (s) => (s.config.data.source.kind === 'file' && s.config.data.source.name ? formatFileRef(s.config.data.source) : null),
    set: (s, text) => withConfig(s, { ...s.config, data: { ...s.config.data, source: { ...fileSourceOf(s.config), ...parseFileRef(text)! } } }),
  }, (text) => (parseFileRef(text) ? null : 'is not hash:bytes:rows:name (16 hex digits, two integers, a name)')),
  numberField('keep', 'rows kept from the file (a larger file is sampled with the data seed)', { min: 100, max: FILE_ROW_LIMIT.max, int: true }, {
    get: (s) => (s.config.data.source.kind === 'file' ? s.config.data.source.limit : null),
    set: (s, v) => withConfig(s, { ...s.config, data: { ...s.config.data, source: { ...fileSourceOf(s.config), limit: v } } }),
  }),
  numberField('test', 'test fraction', { min: 0, max: 0.9 }, dataField('testFraction')),
  numberField('imbalance', 'imbalance ratio of the minority classes', { min: 1, max: 1000 }, dataField('imbalanceRatio')),
  numberField('minority', 'minority classes (below K)', { min: 0, max: 19, int: true }, {
    get: (s) => s.config.data.minorityClasses,
    set: (s, v) => withConfig(s, patchData(s.config, { minorityClasses: Math.min(v, classesOf(s.config.data.source) - 1) })),
  }),
  numberField('labelnoise', 'fraction of training labels flipped', { min: 0, max: 0.99 }, dataField('labelNoise')),
  numberField('dataseed', 'data seed (generation and split)', { min: 0, max: 2 ** 31 - 1, int: true }, dataField('seed')),
  ...modelFields<S>((s) => s.config.model, (s, model) => withConfig(s, { ...s.config, model })),
  enumField<S, LossKind>('loss', 'loss', ['ce', 'mse'], trainField('loss')),
  numberField('smoothing', 'label smoothing', { min: 0, max: 0.99 }, trainField('labelSmoothing')),
  enumField<S, OptimizerKind>('opt', 'optimiser', ['sgd', 'adam'], trainField('optimizer')),
  numberField('lr', 'learning rate', { min: 1e-6, max: 10 }, trainField('learningRate')),
  numberField('momentum', 'SGD momentum', { min: 0, max: 0.999 }, trainField('momentum')),
  numberField('wd', 'decoupled weight decay', { min: 0, max: 1 }, trainField('weightDecay')),
  numberField('batch', 'batch size', { min: 1, max: 4096, int: true }, trainField('batchSize')),
  numberField('mixup', 'mixup alpha (0 = off)', { min: 0, max: 10 }, trainField('mixupAlpha')),
  numberField('seed', 'training seed (initialisation, batches, mixup)', { min: 0, max: 2 ** 31 - 1, int: true }, trainField('seed')),
  numberField('every', 'steps between snapshots', { min: 1, max: 1000, int: true }, trainField('snapshotEvery')),
  numberField('profile', 'steps between layer-ID profiles (a multiple of the snapshot interval)', { min: 1, max: 100000, int: true }, {
    get: (s) => s.config.train.profileEvery,
    set: (s, v) => withConfig(s, patchTrain(s.config, { profileEvery: Math.max(1, Math.round(v / s.config.train.snapshotEvery)) * s.config.train.snapshotEvery })),
  }),
  numberField('sample', 'rows in the fixed ID / 3D sample', { min: 10, max: 5000, int: true }, trainField('sampleSize')),
  numberField('mlek', 'neighbours k of the MLE', { min: 2, max: 100, int: true }, trainField('mleK')),
  enumField<S, TrainSpeed>('speed', 'playback speed', ['slow', 'medium', 'max'], { get: (s) => s.speed, set: (s, speed) => ({ ...s, speed }) }),
  enumField<S, BackendPreference>('backend', 'tfjs backend', ['auto', ...BACKEND_NAMES], { get: (s) => s.preference, set: (s, preference) => ({ ...s, preference }) }, BACKEND_ALIASES),
  enumField<S, FrameMode>('frame', '3D frame of the features', ['procrustes', 'fixed'], { get: (s) => s.frameMode, set: (s, frameMode) => ({ ...s, frameMode }) }),
  enumField<S, TrainTab>('side', 'the side panel tab shown', TRAIN_TABS, { get: (s) => s.sideTab, set: (s, sideTab) => ({ ...s, sideTab }) }),
];

/** The file source of `c`, or an empty one. */
function fileSourceOf(c: RunConfig): FileSourceSpec {
  return c.data.source.kind === 'file' ? c.data.source : emptyFileSource();
}

/** A file source as the link writes it: hash:bytes:rows:name. */
export function formatFileRef(f: FileSourceSpec): string {
  return `${f.hash}:${f.size}:${f.rows}:${f.name}`;
}

/** The identity fields of a hash:bytes:rows:name text, or null when it is not one. */
export function parseFileRef(text: string): Pick<FileSourceSpec, 'hash' | 'size' | 'rows' | 'name'> | null {
  const m = /^([0-9a-f]{16}|):(\d+):(\d+):(.+)$/.exec(text);
  return m ? { hash: m[1], size: Number(m[2]), rows: Number(m[3]), name: m[4] } : null;
}

const PRESET_IDS = PRESETS.map((p) => p.id);

/** Train state from a query string: `preset` picks the base, then the table's fields apply. */
export function parseTrain(params: URLSearchParams): { state: TrainUrlState; notes: UrlNote[] } {
  const id = params.get('preset');
  const notes: UrlNote[] = [];
  if (id !== null && !PRESET_IDS.includes(id)) notes.push({ field: 'preset', value: id, problem: `is not one of ${PRESET_IDS.join(', ')}` });
  const base = trainBase(id !== null && PRESET_IDS.includes(id) ? id : undefined);
  const parsed = parseFields(TRAIN_FIELDS, params, base);
  return { state: parsed.state, notes: [...notes, ...parsed.notes] };
}

/** Writes Train state into `params`: the preset when not the default, then the fields that differ from it. */
export function writeTrain(state: TrainUrlState, params: URLSearchParams): void {
  if (state.preset === DEFAULT_PRESET.id) params.delete('preset');
  else params.set('preset', state.preset);
  writeFields(TRAIN_FIELDS, state, trainBase(state.preset), params);
}

/** The query names Train mode reads. */
export const TRAIN_KEYS: readonly string[] = ['preset', ...TRAIN_FIELDS.map((f) => f.name)];
