/**
 * The bridge between the URL tables and the app's stores: the UrlState the stores show now, and
 * applying a UrlState to them. Explore's view, colouring and clicked point need the data loaded, so
 * they wait in `pendingExplore` until the next dataset arrives (applyPendingExplore).
 */
import { useAnalysisStore, useInspectStore, useJobsStore } from '../state/appStore';
import { useExploreCamera } from '../state/exploreCamera';
import { useLandscapeStore } from '../state/landscapeStore';
import { shownExample, useCompareStore } from '../state/compareStore';
import { useModeStore } from '../state/modeStore';
import { useTrainingStore } from '../state/trainingStore';
import { useTrainTab } from '../state/trainTabStore';
import { useUiStore } from '../state/uiStore';
import { useViewStore } from '../state/viewStore';
import { findPreset } from '../training/presets';
import type { ViewSpec } from '../workers/analysisProtocol';
import type { ExploreUrlState } from './exploreFields';
import { useUrlNotes } from './notesStore';
import { parseLandscape } from './landscapeFields';
import { parseTrain, trainBase, type TrainUrlState } from './trainFields';
import type { UrlState } from './urlState';
import { useTeachStore } from '../teach/teachStore';

const bridge = {
  /** The preset the Train settings started from (the store forgets it once a setting is edited). */
  trainPreset: trainBase().preset,
  /** The view the data on screen opened with (left out of the URL). */
  openingView: null as ViewSpec | null,
  /** Explore state waiting for the data to load; null when applied. */
  pendingExplore: null as ExploreUrlState | null,
  /** The `?data=` and `&labels=` of the address while their data is on screen. */
  data: null as string | null,
  labels: null as string | null,
};

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Called when the training store's preset changes (a chosen preset becomes the URL's base). */
export function notePreset(id: string | null): void {
  if (id) bridge.trainPreset = id;
}

/** Whether Explore still waits for data to apply the address's view. */
export const explorePending = (): boolean => bridge.pendingExplore !== null;

function trainState(): TrainUrlState {
  const t = useTrainingStore.getState();
  return { preset: t.presetId ?? bridge.trainPreset, config: t.config, speed: t.speed, preference: t.preference, frameMode: t.frameMode, sideTab: useTrainTab.getState().tab };
}

function exploreState(): ExploreUrlState {
  const v = useViewStore.getState();
  const wanted = useJobsStore.getState().wanted;
  const i = useInspectStore.getState();
  return {
    view: wanted && !sameJson(wanted, bridge.openingView) ? wanted : null,
    dims: v.dims,
    colorBy: v.colorBy,
    showMeans: v.showMeans,
    showEtf: v.showEtf,
    showTicks: v.showTicks,
    density: v.density,
    labelBy: v.labelBy,
    metric: i.metric,
    point: i.selectedPoint,
    tab: useUiStore.getState().tab,
    camera: useExploreCamera.getState().pose,
    idSample: useAnalysisStore.getState().idSample,
  };
}

/** The UrlState of the mode on screen. */
export function currentState(): UrlState {
  const mode = useModeStore.getState().mode;
  if (mode === 'train') return { mode, train: trainState() };
  if (mode === 'landscape') return { mode, landscape: useLandscapeStore.getState().form };
  if (mode === 'compare') {
    const c = useCompareStore.getState();
    return { mode, compare: { settings: c.settings, preference: c.preference, colourBy: c.colourBy, dims: c.dims, example: shownExample(c) } };
  }
  if (mode === 'teach') return { mode, teach: { lesson: useTeachStore.getState().lessonId, step: useTeachStore.getState().step } };
  return { mode: 'explore', explore: bridge.pendingExplore ?? exploreState(), data: bridge.data, labels: bridge.labels };
}

function applyTrain(s: TrainUrlState, fresh = false): void {
  const store = useTrainingStore.getState();
  bridge.trainPreset = s.preset;
  const preset = findPreset(s.preset);
  const rebuild = !sameJson(store.config, s.config) || store.preference !== s.preference;
  useTrainingStore.setState({ config: structuredClone(s.config), presetId: preset && sameJson(preset.config, s.config) ? s.preset : null, preference: s.preference });
  if (store.speed !== s.speed) store.setSpeed(s.speed);
  store.setFrameMode(s.frameMode);
  useTrainTab.getState().setTab(s.sideTab);
  if ((rebuild || fresh) && store.status !== 'idle') useTrainingStore.getState().reset();
}

function applyExploreNow(s: ExploreUrlState): void {
  useViewStore.setState({ dims: s.dims, showMeans: s.showMeans, showEtf: s.showEtf, showTicks: s.showTicks, density: s.density, labelBy: s.labelBy });
  useUiStore.getState().setTab(s.tab);
  if (!sameJson(useExploreCamera.getState().pose, s.camera)) useExploreCamera.getState().applyPose(s.camera);
  const inspect = useInspectStore.getState();
  if (inspect.metric !== s.metric) inspect.setMetric(s.metric);
  useAnalysisStore.getState().setIdSample(s.idSample);
}

/** Applies the part of a pending Explore state that needs the data (view, colouring, clicked point), with notes for what this data cannot show. */
export function applyPendingExplore(): void {
  const s = bridge.pendingExplore;
  bridge.pendingExplore = null;
  if (!s) return;
  const a = useAnalysisStore.getState();
  const n = a.report?.n ?? 0;
  const notes = useUrlNotes.getState();
  const view = s.view ?? bridge.openingView;
  if (view && !sameJson(view, useJobsStore.getState().wanted)) {
    const K = a.classNames?.length ?? 0;
    if (view.kind === 'class' && view.classIndex >= K) notes.add(`Ignored "class=${view.classIndex}" in the address: this data has ${K} classes.`);
    else useJobsStore.getState().showView(view);
  }
  const okColour = s.colorBy === 'uniform' || s.colorBy === 'localId' || (s.colorBy === 'class' && a.classNames) || a.metaColumns.includes(s.colorBy.slice(5));
  if (okColour) {
    if (useViewStore.getState().colorBy !== s.colorBy) useViewStore.getState().setColorBy(s.colorBy);
  } else if (s.colorBy !== 'class') notes.add(`Ignored "color=${s.colorBy}" in the address: this data has no such column.`);
  if (s.point !== null) {
    if (s.point < n) useInspectStore.getState().selectPoint(s.point);
    else notes.add(`Ignored "point=${s.point}" in the address: this data has ${n} points.`);
  } else if (useInspectStore.getState().selectedPoint !== null) useInspectStore.getState().selectPoint(null);
}

/** Applies a UrlState: the mode, then that mode's settings (Explore's data-bound part waits for the data when `waitForData`). */
export function applyState(state: UrlState, waitForData: boolean): void {
  if (useModeStore.getState().mode !== state.mode) useModeStore.getState().setMode(state.mode);
  if (state.mode === 'train') applyTrain(state.train);
  else if (state.mode === 'teach') {
    const t = useTeachStore.getState();
    if (t.lessonId !== state.teach.lesson || t.step !== state.teach.step || !t.opened) t.open(state.teach.lesson, state.teach.step);
  } else if (state.mode === 'compare') {
    const c = useCompareStore.getState();
    const { settings, preference, colourBy, dims, example } = state.compare;
    const rerun = !sameJson(c.settings, settings) || c.preference !== preference;
    useCompareStore.setState({ settings, preference, colourBy, dims });
    if (example && shownExample(c) !== example) c.loadExample(document.baseURI);
    else if (rerun) c.run();
  } else if (state.mode === 'landscape') {
    const l = useLandscapeStore.getState();
    if (l.plan || l.planError) l.setForm(state.landscape);
    else useLandscapeStore.setState({ form: state.landscape });
  } else {
    bridge.data = state.data;
    bridge.labels = state.labels;
    applyExploreNow(state.explore);
    bridge.pendingExplore = state.explore;
    if (!waitForData && useAnalysisStore.getState().report) applyPendingExplore();
  }
}

/** The first view of the data on screen arrived after the data (it becomes the default left out of the address). */
export function noteFirstView(spec: ViewSpec): void {
  if (bridge.openingView) return;
  bridge.openingView = spec;
  applyPendingExplore();
}

/** A new dataset is on screen: its opening view is the default, and a pending Explore state applies. */
export function dataArrived(fromDataParam: boolean): void {
  bridge.openingView = useJobsStore.getState().shown;
  if (!fromDataParam) forgetDataParam();
  // With progressive loading the first view comes after the data: the pending view waits for it (noteFirstView).
  if (bridge.openingView) applyPendingExplore();
}

/** Drops `?data=` from the address once other data is on screen. */
export function forgetDataParam(): void {
  bridge.data = null;
  bridge.labels = null;
}

/** Applies Train settings given as a Train query (a lesson step's) and starts a fresh run from step 0; the backend and speed stay unless the query names them. */
export function applyTrainQuery(query: string): void {
  const params = new URLSearchParams(query);
  const t = useTrainingStore.getState();
  const s = parseTrain(params).state;
  const sideTab = params.has('side') ? s.sideTab : useTrainTab.getState().tab;
  applyTrain({ ...s, preference: params.has('backend') ? s.preference : t.preference, speed: params.has('speed') ? s.speed : t.speed, sideTab }, true);
}

/** Applies Landscape settings given as a Landscape query (lesson 7's) and plans them; the backend stays unless the query names it. */
export function applyLandscapeQuery(query: string): void {
  const params = new URLSearchParams(query);
  const l = useLandscapeStore.getState();
  const form = parseLandscape(params).state;
  l.setForm({ ...form, backend: params.has('backend') ? form.backend : l.form.backend });
}
