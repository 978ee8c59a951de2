/**
 * Compare mode's URL table: the comparison's settings (kNN k, SVCCA k, anchors, seed, id column,
 * shared ids only), the backend, the colouring and 2D/3D, and the shipped example pair when it is
 * shown. The user's two files are their own and never go into the address.
 */
import { COMPARE_EXAMPLES, DEFAULT_SETTINGS, type ColourBy, type CompareExample } from '../state/compareStore';
import type { CompareSettings } from '../workers/compareProtocol';
import { BACKEND_NAMES, type BackendPreference } from '../workers/analysisProtocol';
import { BACKEND_ALIASES } from './backendAlias';
import { boolField, enumField, numberField, parseFields, textField, writeFields, type Field, type UrlNote } from './fields';

export interface CompareUrlState {
  settings: CompareSettings;
  preference: BackendPreference;
  colourBy: ColourBy;
  dims: 2 | 3;
  /** The shipped example pair on screen, or null. */
  example: CompareExample | null;
}

export const COMPARE_BASE: CompareUrlState = {
  settings: DEFAULT_SETTINGS,
  preference: 'auto',
  colourBy: 'displacement',
  dims: 3,
  example: null,
};

type S = CompareUrlState;

function setting<K extends keyof CompareSettings>(key: K) {
  return { get: (s: S) => s.settings[key], set: (s: S, v: CompareSettings[K]) => ({ ...s, settings: { ...s.settings, [key]: v } }) };
}

export const COMPARE_FIELDS: readonly Field<S>[] = [
  numberField('k', 'neighbours k of the mutual kNN', { min: 1, max: 1000, int: true }, setting('k')),
  numberField('svcca', 'SVCCA dimensions k', { min: 1, max: 10000, int: true }, setting('svccaK')),
  numberField('anchors', 'anchors of the relative representations', { min: 1, max: 100000, int: true }, setting('anchors')),
  numberField('seed', 'seed of the anchors and the alignment sample', { min: 0, max: 2 ** 31, int: true }, setting('seed')),
  textField('idcol', 'metadata column matching the rows (empty: by order)', { get: (s) => s.settings.idColumn, set: (s, idColumn) => ({ ...s, settings: { ...s.settings, idColumn } }) }),
  boolField('shared', 'compare only the ids both sides have', { get: (s) => s.settings.sharedOnly, set: (s, sharedOnly) => ({ ...s, settings: { ...s.settings, sharedOnly } }) }),
  enumField<S, BackendPreference>('backend', 'tfjs backend', ['auto', ...BACKEND_NAMES], { get: (s) => s.preference, set: (s, preference) => ({ ...s, preference }) }, BACKEND_ALIASES),
  enumField<S, ColourBy>('colour', 'colour items by', ['displacement', 'agreement', 'class'], { get: (s) => s.colourBy, set: (s, colourBy) => ({ ...s, colourBy }) }),
  enumField<S, 'none' | CompareExample>('example', 'the shipped example pair', ['none', ...COMPARE_EXAMPLES], { get: (s) => s.example ?? 'none', set: (s, e) => ({ ...s, example: e === 'none' ? null : e }) }),
  enumField<S, '2' | '3'>('dims', '2D or 3D view', ['2', '3'], { get: (s) => (s.dims === 2 ? '2' : '3'), set: (s, d) => ({ ...s, dims: d === '2' ? 2 : 3 }) }),
];

export function parseCompare(params: URLSearchParams): { state: CompareUrlState; notes: UrlNote[] } {
  return parseFields(COMPARE_FIELDS, params, COMPARE_BASE);
}

export function writeCompare(state: CompareUrlState, params: URLSearchParams): void {
  writeFields(COMPARE_FIELDS, state, COMPARE_BASE, params);
}

export const COMPARE_KEYS: readonly string[] = COMPARE_FIELDS.map((f) => f.name);
