/**
 * Landscape mode's URL table: the preset (data set, model and budget), then the model, the d grid,
 * the budget, the optimisers, the projection, the seed, the backend and the TwoNN sample. Defaults
 * are the preset's form.
 */
import type { LossKind } from '../training/types';
import { LANDSCAPE_PRESETS, parseDims, presetForm, type LandscapeForm } from '../state/landscapeForm';
import type { ProjectionChoice } from '../workers/landscapeProtocol';
import { BACKEND_NAMES, type BackendPreference } from '../workers/analysisProtocol';
import { enumField, numberField, parseFields, textField, writeFields, type Field, type UrlNote } from './fields';
import { modelFields } from './modelFields';
import { BACKEND_ALIASES } from './backendAlias';

type S = LandscapeForm;

const PRESET_IDS = LANDSCAPE_PRESETS.map((p) => p.id);

/** The form of preset `id` (the first preset when unknown). */
export function landscapeBase(id: string = LANDSCAPE_PRESETS[0].id): LandscapeForm {
  return presetForm(LANDSCAPE_PRESETS.find((p) => p.id === id) ?? LANDSCAPE_PRESETS[0]);
}

function formField<K extends 'steps' | 'batchSize' | 'momentum' | 'labelSmoothing' | 'learningRate' | 'baselineLearningRate' | 'seed' | 'idSample'>(key: K) {
  return { get: (s: S) => s[key], set: (s: S, v: number) => ({ ...s, [key]: v }) };
}

/** Every Landscape field after the preset, in the order they apply. */
export const LANDSCAPE_FIELDS: readonly Field<S>[] = [
  ...modelFields<S>((s) => s.model, (s, model) => ({ ...s, model })),
  textField(
    'dims',
    'the subspace dimensions d swept, comma-separated (default: the log grid for this D)',
    { get: (s) => (s.dimsEdited ? s.dimsText : null), set: (s, dimsText) => ({ ...s, dimsText, dimsEdited: true }) },
    (text) => {
      const p = parseDims(text);
      return 'error' in p ? p.error : null;
    },
  ),
  numberField('steps', 'optimisation steps of every run', { min: 1, max: 100000, int: true }, formField('steps')),
  numberField('batch', 'batch size', { min: 1, max: 4096, int: true }, formField('batchSize')),
  enumField<S, 'adam' | 'sgd'>('opt', 'optimiser', ['adam', 'sgd'], { get: (s) => s.optimizer, set: (s, optimizer) => ({ ...s, optimizer }) }),
  numberField('momentum', 'SGD momentum', { min: 0, max: 0.999 }, formField('momentum')),
  enumField<S, LossKind>('loss', 'loss', ['ce', 'mse'], { get: (s) => s.loss, set: (s, loss) => ({ ...s, loss }) }),
  numberField('smoothing', 'label smoothing', { min: 0, max: 0.99 }, formField('labelSmoothing')),
  enumField<S, 'constant' | 'cosine'>('schedule', 'learning-rate schedule', ['constant', 'cosine'], { get: (s) => s.schedule, set: (s, schedule) => ({ ...s, schedule }) }),
  numberField('lr', 'step size of the subspace runs', { min: 1e-6, max: 10 }, formField('learningRate')),
  numberField('baselr', 'step size of the full-space baseline', { min: 1e-6, max: 10 }, formField('baselineLearningRate')),
  enumField<S, ProjectionChoice>('proj', 'random projection P', ['auto', 'dense', 'sparse'], { get: (s) => s.projection, set: (s, projection) => ({ ...s, projection }) }),
  numberField('seed', 'seed of the data split, initialisation and P', { min: 0, max: 2 ** 31 - 1, int: true }, formField('seed')),
  enumField<S, BackendPreference>('backend', 'tfjs backend', ['auto', ...BACKEND_NAMES], { get: (s) => s.backend, set: (s, backend) => ({ ...s, backend }) }, BACKEND_ALIASES),
  numberField('idsample', 'training rows in the TwoNN sample', { min: 50, max: 20000, int: true }, formField('idSample')),
];

/** Landscape form from a query string: `preset` picks the base, then the table's fields apply. */
export function parseLandscape(params: URLSearchParams): { state: LandscapeForm; notes: UrlNote[] } {
  const id = params.get('preset');
  const notes: UrlNote[] = [];
  if (id !== null && !PRESET_IDS.includes(id)) notes.push({ field: 'preset', value: id, problem: `is not one of ${PRESET_IDS.join(', ')}` });
  const parsed = parseFields(LANDSCAPE_FIELDS, params, landscapeBase(id !== null && PRESET_IDS.includes(id) ? id : undefined));
  return { state: parsed.state, notes: [...notes, ...parsed.notes] };
}

/** Writes a Landscape form into `params`: the preset when not the first, then the fields that differ from it. */
export function writeLandscape(form: LandscapeForm, params: URLSearchParams): void {
  if (form.presetId === LANDSCAPE_PRESETS[0].id) params.delete('preset');
  else params.set('preset', form.presetId);
  writeFields(LANDSCAPE_FIELDS, form, landscapeBase(form.presetId), params);
}

/** The query names Landscape mode reads. */
export const LANDSCAPE_KEYS: readonly string[] = ['preset', ...LANDSCAPE_FIELDS.map((f) => f.name)];
