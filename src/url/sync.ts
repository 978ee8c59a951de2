/**
 * Keeps the address and the stores in step: the address is applied on load, every change is
 * written back (history.replaceState for continuous changes such as settings, pushState for view
 * changes: the mode, the projection, the tab, the clicked point, so back and forward move between
 * views), and popstate applies the address again. Writes are coalesced to one per 120 ms.
 */
import { useAnalysisStore, useInspectStore, useJobsStore } from '../state/appStore';
import { useExploreCamera } from '../state/exploreCamera';
import { useLandscapeStore } from '../state/landscapeStore';
import { useModeStore } from '../state/modeStore';
import { useTrainingStore } from '../state/trainingStore';
import { useUiStore } from '../state/uiStore';
import { useViewStore } from '../state/viewStore';
import { usePresent } from '../teach/presentStore';
import { HIDE_MODES, MODE_TITLE, parseHidden, useHideStore, type HideMode } from '../teach/hideStore';
import { useTrainTab } from '../state/trainTabStore';
import { shownExample, useCompareStore } from '../state/compareStore';
import { useTeachStore } from '../teach/teachStore';
import type { UrlNote } from './fields';
import { useUrlNotes } from './notesStore';
import { applyState, currentState, dataArrived, explorePending, noteFirstView, notePreset } from './storeState';
import { noteText, parseUrl, writeUrl } from './urlState';

let applying = false;

/** The mode shown, when its controls can be hidden (the address's `hide` is that mode's). */
function hideMode(): HideMode | null {
  const mode = useModeStore.getState().mode;
  return (HIDE_MODES as readonly string[]).includes(mode) ? (mode as HideMode) : null;
}

/** Applies the address's `hide` to the shown mode's controls; the notes of names it cannot hide. */
function applyHidden(text: string | null): UrlNote[] {
  const mode = hideMode();
  if (mode === null) return text ? [{ field: 'hide', value: text, problem: 'hides controls of Train and Landscape only' }] : [];
  const hide = parseHidden(mode, text);
  useHideStore.setState((s) => ({ hidden: { ...s.hidden, [mode]: hide.hidden } }));
  return hide.unknown.map((name) => ({ field: 'hide', value: name, problem: `is not a ${MODE_TITLE[mode]} control that can be hidden` }));
}
let timer: ReturnType<typeof setTimeout> | null = null;
let push = false;

function flush(): void {
  timer = null;
  const wantPush = push;
  push = false;
  if (useModeStore.getState().mode === 'explore' && explorePending()) return;
  const params = new URLSearchParams(writeUrl(currentState()));
  if (usePresent.getState().on) params.set('present', '1');
  const mode = hideMode();
  const hidden = mode ? useHideStore.getState().hidden[mode] : [];
  if (hidden.length) params.set('hide', hidden.join(','));
  const search = params.size ? `?${params.toString()}` : '';
  if (search === window.location.search) return;
  const url = `${window.location.pathname}${search}${window.location.hash}`;
  if (wantPush) window.history.pushState(null, '', url);
  else window.history.replaceState(null, '', url);
}

/** Schedules a write of the address; `asNewEntry` makes it a new history entry. */
function write(asNewEntry: boolean): void {
  if (applying) return;
  push ||= asNewEntry;
  if (timer === null) timer = setTimeout(flush, 120);
}

/** Writes the address now (Copy link reads it). */
export function flushUrl(): string {
  if (timer !== null) {
    clearTimeout(timer);
    flush();
  }
  return window.location.href;
}

function apply(search: string, initial: boolean): void {
  const { state, notes } = parseUrl(search);
  applying = true;
  try {
    applyState(state, initial);
  } finally {
    applying = false;
  }
  usePresent.setState({ on: new URLSearchParams(search).get('present') === '1' });
  const hideNotes = applyHidden(new URLSearchParams(search).get('hide'));
  useUrlNotes.getState().setNotes([...notes, ...hideNotes].map(noteText));
}

/** Whether the data on screen is the address's `?data=` source. */
function fromDataParam(): boolean {
  const src = useAnalysisStore.getState().shownSource;
  const data = new URLSearchParams(window.location.search).get('data');
  if (!data || !src || src.kind !== 'url') return false;
  try {
    return src.vectorsUrl === new URL(data, document.baseURI).href;
  } catch {
    return false;
  }
}

/** Applies the address to the stores and starts keeping them in step (once, before the first render). */
export function startUrlSync(): void {
  apply(window.location.search, true);
  useModeStore.subscribe((s, p) => s.mode !== p.mode && write(true));
  useTrainingStore.subscribe((s, p) => {
    if (s.presetId !== p.presetId) notePreset(s.presetId);
    if (s.config !== p.config || s.speed !== p.speed || s.preference !== p.preference || s.frameMode !== p.frameMode) write(false);
  });
  useLandscapeStore.subscribe((s, p) => s.form !== p.form && write(false));
  useViewStore.subscribe((s, p) => {
    const keys = ['dims', 'colorBy', 'showMeans', 'showEtf', 'showTicks', 'density', 'labelBy'] as const;
    if (keys.some((k) => s[k] !== p[k])) write(false);
  });
  useJobsStore.subscribe((s, p) => {
    if (s.shown && !p.shown) {
      applying = true;
      try {
        noteFirstView(s.shown);
      } finally {
        applying = false;
      }
      write(false);
    } else if (s.wanted !== p.wanted) write(p.wanted !== null);
  });
  useUiStore.subscribe((s, p) => s.tab !== p.tab && write(true));
  useAnalysisStore.subscribe((s, p) => s.idSample !== p.idSample && write(false));
  useExploreCamera.subscribe((s, p) => s.pose !== p.pose && write(false));
  usePresent.subscribe((s, p) => s.on !== p.on && write(true));
  useHideStore.subscribe((s, p) => s.hidden !== p.hidden && write(false));
  useCompareStore.subscribe((s, p) => (s.settings !== p.settings || s.preference !== p.preference || s.colourBy !== p.colourBy || s.dims !== p.dims || shownExample(s) !== shownExample(p)) && write(false));
  useTrainTab.subscribe((s, p) => s.tab !== p.tab && useModeStore.getState().mode === 'train' && write(true));
  useTeachStore.subscribe((s, p) => (s.lessonId !== p.lessonId || s.step !== p.step) && write(true));
  useInspectStore.subscribe((s, p) => {
    if (s.selectedPoint !== p.selectedPoint) write(true);
    else if (s.metric !== p.metric) write(false);
  });
  useAnalysisStore.subscribe((s, p) => {
    if (s.dataVersion === p.dataVersion) return;
    applying = true;
    try {
      dataArrived(fromDataParam());
    } finally {
      applying = false;
    }
    write(false);
  });
  window.addEventListener('popstate', () => apply(window.location.search, false));
}
