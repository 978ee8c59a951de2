/**
 * Explore mode's URL table: the view (projection and its parameters, 2D/3D), the colouring, the
 * overlays, the labels, the neighbour metric, the clicked point and the side panel's tab. The
 * data itself is `?data=` (a same-origin path) or the user's file kept in browser storage, never
 * the URL.
 */
import { DEFAULT_ID_SAMPLE, SAMPLE_STRATEGIES, type SampleSpec, type SampleStrategy } from '../geometry/sample';
import { parsePose, poseText, type CameraPose } from '../state/exploreCamera';
import type { Metric } from '../state/inspectStore';
import type { PanelTab } from '../state/uiStore';
import type { ViewSpec } from '../workers/analysisProtocol';
import { boolField, enumField, numberField, parseFields, textField, writeFields, type Field, type UrlNote } from './fields';

/** What Explore's URL holds; `view` null = the view the data opens with. */
export interface ExploreUrlState {
  view: ViewSpec | null;
  dims: 2 | 3;
  colorBy: string;
  showMeans: boolean;
  showEtf: boolean;
  showTicks: boolean;
  density: 'auto' | 'on' | 'off';
  labelBy: string | null;
  metric: Metric;
  point: number | null;
  tab: PanelTab;
  /** The camera moved by the user (null: the view's default camera). */
  camera: CameraPose | null;
  /** The sample TwoNN and MLE run on (Dimension tab): size, uniform or stratified, seed. */
  idSample: SampleSpec;
}

export const EXPLORE_BASE: ExploreUrlState = {
  view: null,
  dims: 3,
  colorBy: 'class',
  showMeans: false,
  showEtf: false,
  showTicks: true,
  density: 'auto',
  labelBy: null,
  metric: 'euclidean',
  point: null,
  tab: 'metrics',
  camera: null,
  idSample: DEFAULT_ID_SAMPLE,
};

type S = ExploreUrlState;
type ViewKind = ViewSpec['kind'];
const VIEW_KINDS: readonly ViewKind[] = ['pca', 'simplex', 'class', 'umap', 'tsne', 'raw'];
type Layout = Extract<ViewSpec, { kind: 'umap' | 'tsne' }>;
const layoutOf = (s: S): Layout | null => (s.view?.kind === 'umap' || s.view?.kind === 'tsne' ? s.view : null);

/** A number of the UMAP or t-SNE layout shown (`kinds`), written when the layout sets it. */
function layoutNumber(name: string, doc: string, range: { min: number; max: number; int?: boolean }, kinds: readonly Layout['kind'][], key: 'seed' | 'perplexity' | 'neighbours' | 'minDist' | 'maxPoints'): Field<S> {
  const of = (s: S) => {
    const v = layoutOf(s);
    return v && kinds.includes(v.kind) ? v : null;
  };
  return numberField(name, doc, range, {
    get: (s) => ((of(s) as Record<string, unknown> | null)?.[key] as number | undefined) ?? null,
    set: (s, x) => ({ ...s, view: { ...of(s)!, [key]: x } as Layout }),
    applies: (s) => of(s) !== null,
  });
}

/** The default spec of a view kind (PC1-3, the first class, UMAP seed 1 in the current dims). */
function specOf(kind: ViewKind, dims: 2 | 3): ViewSpec {
  if (kind === 'pca') return { kind, axes: [0, 1, 2] };
  if (kind === 'class') return { kind, classIndex: 0 };
  if (kind === 'umap') return { kind, dims, seed: 1 };
  if (kind === 'tsne') return { kind, dims, seed: 1, perplexity: 30 };
  return { kind } as ViewSpec;
}

/** Colourings and labels: 'class', 'uniform', 'localId' (colour only) or `meta:<column>`. */
function colourCheck(allowed: readonly string[]) {
  return (t: string) => (allowed.includes(t) || (t.startsWith('meta:') && t.length > 5) ? null : `is not one of ${allowed.join(', ')} or meta:<column>`);
}

/** Every Explore field, in the order they apply (the view kind before its parameters). */
export const EXPLORE_FIELDS: readonly Field<S>[] = [
  enumField('dims', '3D orbit or the first two axes from above', ['3', '2'], {
    get: (s) => String(s.dims) as '3' | '2',
    set: (s, v) => {
      const dims = v === '2' ? 2 : 3;
      const layout = layoutOf(s);
      return { ...s, dims, view: layout ? { ...layout, dims } : s.view };
    },
  }),
  enumField('proj', 'projection', VIEW_KINDS, { get: (s) => s.view?.kind ?? null, set: (s, v) => ({ ...s, view: specOf(v, s.dims) }), applies: () => true }),
  textField(
    'pcs',
    'the three principal axes shown, 1-based (e.g. 1,2,3; each 1..10)',
    {
      get: (s) => (s.view?.kind === 'pca' ? s.view.axes.map((a) => a + 1).join(',') : null),
      set: (s, t) => ({ ...s, view: { kind: 'pca', axes: t.split(',').map((x) => Number(x) - 1) as [number, number, number] } }),
    },
    (t) => {
      const xs = t.split(',').map(Number);
      return xs.length === 3 && xs.every((x) => Number.isInteger(x) && x >= 1 && x <= 10) ? null : 'is not three axes in 1..10 separated by commas';
    },
  ),
  numberField('class', 'the class whose subspace is shown (0-based)', { min: 0, max: 9999, int: true }, {
    get: (s) => (s.view?.kind === 'class' ? s.view.classIndex : null),
    set: (s, classIndex) => ({ ...s, view: { kind: 'class', classIndex } }),
  }),
  layoutNumber('umapseed', 'UMAP seed', { min: 0, max: 2 ** 31 - 1, int: true }, ['umap'], 'seed'),
  layoutNumber('umapk', 'UMAP neighbours', { min: 2, max: 200, int: true }, ['umap'], 'neighbours'),
  layoutNumber('mindist', 'UMAP min_dist', { min: 0, max: 1 }, ['umap'], 'minDist'),
  enumField<S, 'euclidean' | 'cosine'>('umapmetric', 'UMAP metric', ['euclidean', 'cosine'], {
    get: (s) => (s.view?.kind === 'umap' ? (s.view.metric ?? null) : null),
    set: (s, metric) => ({ ...s, view: s.view?.kind === 'umap' ? { ...s.view, metric } : s.view }),
    applies: (s) => s.view?.kind === 'umap',
  }),
  layoutNumber('tsneseed', 't-SNE seed', { min: 0, max: 2 ** 31 - 1, int: true }, ['tsne'], 'seed'),
  layoutNumber('perplexity', 't-SNE perplexity', { min: 2, max: 100 }, ['tsne'], 'perplexity'),
  layoutNumber('layoutpoints', 'UMAP or t-SNE: points at most (a seeded sample above it)', { min: 10, max: 10_000_000, int: true }, ['umap', 'tsne'], 'maxPoints'),
  enumField<S, SampleStrategy>('layoutsample', 'UMAP or t-SNE: how the sample above the cap is drawn', SAMPLE_STRATEGIES, {
    get: (s) => layoutOf(s)?.sample ?? null,
    set: (s, sample) => ({ ...s, view: { ...layoutOf(s)!, sample } }),
    applies: (s) => layoutOf(s) !== null,
  }),
  textField('color', 'what colours the points: class, uniform, localId or meta:<column>', { get: (s) => s.colorBy, set: (s, colorBy) => ({ ...s, colorBy }) }, colourCheck(['class', 'uniform', 'localId'])),
  boolField('means', 'class means with lines from the global mean', { get: (s) => s.showMeans, set: (s, showMeans) => ({ ...s, showMeans }) }),
  boolField('etf', 'the ideal simplex ETF aligned to the means', { get: (s) => s.showEtf, set: (s, showEtf) => ({ ...s, showEtf }) }),
  boolField('ticks', 'axis ticks in data units', { get: (s) => s.showTicks, set: (s, showTicks) => ({ ...s, showTicks }) }),
  enumField<S, 'auto' | 'on' | 'off'>('density', 'density shading', ['auto', 'on', 'off'], { get: (s) => s.density, set: (s, density) => ({ ...s, density }) }),
  textField('labelby', 'what labels the points: class or meta:<column>', { get: (s) => s.labelBy, set: (s, labelBy) => ({ ...s, labelBy }) }, colourCheck(['class'])),
  enumField<S, Metric>('metric', 'neighbour metric', ['euclidean', 'cosine'], { get: (s) => s.metric, set: (s, metric) => ({ ...s, metric }) }),
  numberField('point', 'the clicked point (0-based row)', { min: 0, max: 2 ** 31 - 1, int: true }, {
    get: (s) => s.point,
    set: (s, point) => ({ ...s, point }),
    applies: () => true,
  }),
  textField(
    'cam',
    'the camera: position then target, x,y,z,tx,ty,tz (rounded to 3 decimals; default: the view\'s own)',
    // Written only for the view it was taken in (after a 2D/3D switch the default camera is back).
    { get: (s) => (s.camera && s.camera.dims === s.dims ? poseText(s.camera) : null), set: (s, t) => ({ ...s, camera: parsePose(t, s.dims) }) },
    (t) => (parsePose(t, 3) ? null : 'is not six numbers x,y,z,tx,ty,tz (each within -100..100)'),
  ),
  numberField('idsample', 'unique rows TwoNN and MLE run on at most (a seeded sample above it)', { min: 3, max: 10_000_000, int: true }, {
    get: (s) => s.idSample.size,
    set: (s, size) => ({ ...s, idSample: { ...s.idSample, size } }),
  }),
  enumField<S, SampleStrategy>('idstrategy', 'how the ID sample is drawn: uniform, or stratified per class', SAMPLE_STRATEGIES, {
    get: (s) => s.idSample.strategy,
    set: (s, strategy) => ({ ...s, idSample: { ...s.idSample, strategy } }),
  }),
  numberField('idseed', 'seed of the ID sample', { min: 0, max: 2 ** 31 - 1, int: true }, {
    get: (s) => s.idSample.seed,
    set: (s, seed) => ({ ...s, idSample: { ...s.idSample, seed } }),
  }),
  enumField<S, PanelTab>('tab', 'side panel tab', ['metrics', 'classes', 'dimension', 'inspect'], { get: (s) => s.tab, set: (s, tab) => ({ ...s, tab }) }),
];

/** Explore state from a query string. */
export function parseExplore(params: URLSearchParams): { state: ExploreUrlState; notes: UrlNote[] } {
  return parseFields(EXPLORE_FIELDS, params, EXPLORE_BASE);
}

/** Writes Explore state into `params` (fields equal to EXPLORE_BASE are left out). */
export function writeExplore(state: ExploreUrlState, params: URLSearchParams): void {
  writeFields(EXPLORE_FIELDS, state, EXPLORE_BASE, params);
}

/** The query names Explore reads besides data and labels. */
export const EXPLORE_KEYS: readonly string[] = ['data', 'labels', ...EXPLORE_FIELDS.map((f) => f.name)];
