/**
 * The whole query string: `mode`, then the shown mode's table (trainFields, landscapeFields,
 * exploreFields). Explore keeps `data` and `labels` (a same-origin source); only the shown mode's
 * fields are written, so a link names one view. Unknown parameters and refused values come back
 * as notes for the page to show.
 */
import type { LandscapeForm } from '../state/landscapeForm';
import type { AppMode } from '../state/modeStore';
import { COMPARE_KEYS, parseCompare, writeCompare, type CompareUrlState } from './compareFields';
import { EXPLORE_KEYS, parseExplore, writeExplore, type ExploreUrlState } from './exploreFields';
import { unknownFields, type UrlNote } from './fields';
import { LANDSCAPE_KEYS, parseLandscape, writeLandscape } from './landscapeFields';
import { parseTeach, TEACH_KEYS, writeTeach, type TeachUrlState } from './teachFields';
import { parseTrain, TRAIN_KEYS, writeTrain, type TrainUrlState } from './trainFields';

export const MODES: readonly AppMode[] = ['explore', 'train', 'landscape', 'compare', 'teach'];

/** The state a query string describes: its mode and that mode's state (the others absent). */
export type UrlState =
  | { mode: 'explore'; explore: ExploreUrlState; data: string | null; labels: string | null }
  | { mode: 'train'; train: TrainUrlState }
  | { mode: 'landscape'; landscape: LandscapeForm }
  | { mode: 'teach'; teach: TeachUrlState }
  /** Compare mode's settings and view (its two files are the user's own and stay out of the address). */
  | { mode: 'compare'; compare: CompareUrlState };

/** Parameters every mode accepts: the presentation switch and the controls hidden from students (src/url/sync.ts reads both). */
const COMMON_KEYS = ['mode', 'present', 'hide'];

type OtherMode = Exclude<AppMode, 'explore'>;
/** A mode's state in a UrlState of that mode. */
type StateOf<M extends OtherMode> = Extract<UrlState, { mode: M }> extends infer S ? S[M & keyof S] : never;

/** The field table of each mode but Explore (whose state also holds its data source): its parser and its keys. */
const MODE_TABLES: { [M in OtherMode]: { parse: (p: URLSearchParams) => { state: StateOf<M>; notes: UrlNote[] }; keys: readonly string[] } } = {
  train: { parse: parseTrain, keys: TRAIN_KEYS },
  landscape: { parse: parseLandscape, keys: LANDSCAPE_KEYS },
  teach: { parse: parseTeach, keys: TEACH_KEYS },
  compare: { parse: parseCompare, keys: COMPARE_KEYS },
};

/** The state of a query string and a note for everything in it that was not used. */
export function parseUrl(search: string): { state: UrlState; notes: UrlNote[] } {
  const params = new URLSearchParams(search);
  const m = params.get('mode');
  const notes: UrlNote[] = [];
  if (m !== null && !(MODES as readonly string[]).includes(m)) notes.push({ field: 'mode', value: m, problem: `is not one of ${MODES.join(', ')}` });
  const mode: AppMode = m !== null && (MODES as readonly string[]).includes(m) ? (m as AppMode) : 'explore';
  if (mode !== 'explore') {
    const { parse, keys } = MODE_TABLES[mode];
    const r = parse(params);
    return { state: { mode, [mode]: r.state } as UrlState, notes: [...notes, ...r.notes, ...unknownFields(params, new Set([...COMMON_KEYS, ...keys]))] };
  }
  const r = parseExplore(params);
  return {
    state: { mode, explore: r.state, data: params.get('data'), labels: params.get('labels') },
    notes: [...notes, ...r.notes, ...unknownFields(params, new Set([...COMMON_KEYS, ...EXPLORE_KEYS]))],
  };
}

/** The query string (with its '?', or '' when everything is default) of a state. */
export function writeUrl(state: UrlState): string {
  const params = new URLSearchParams();
  if (state.mode !== 'explore') params.set('mode', state.mode);
  if (state.mode === 'train') writeTrain(state.train, params);
  else if (state.mode === 'landscape') writeLandscape(state.landscape, params);
  else if (state.mode === 'teach') writeTeach(state.teach, params);
  else if (state.mode === 'compare') writeCompare(state.compare, params);
  else if (state.mode === 'explore') {
    if (state.data) params.set('data', state.data);
    if (state.labels) params.set('labels', state.labels);
    writeExplore(state.explore, params);
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

/** One sentence for a note, e.g. `Ignored "lr=abc": it is not a number.` */
export function noteText(n: UrlNote): string {
  return `Ignored "${n.field}=${n.value}" in the address: it ${n.problem}.`;
}
