/**
 * Compare mode's state: the two sides (a file, Explore's data, or a Train run's features at one
 * step), further captured representations for the CKA matrix, the user-set measures, and the
 * comparison in flight or on screen. The outcome's arrays stay out of reactive state: the store
 * keeps the outcome by reference and bumps `version`. A failed comparison keeps the last result.
 */
import { create } from 'zustand';
import { COMPARE_DEFAULTS } from '../compare/types';
import type { ArraysInput, BackendChoice, BackendPreference, CompareInput, CompareOutcome, CompareSettings, DatasetSource } from '../workers/compareProtocol';
import { createCompareClient, type CompareClient, type CompareFailure } from '../workers/compareClient';
import type { FileChoices } from '../io/choices';
import { DEMO_DATASETS, demoSource } from './datasets';

export type Side = 'A' | 'B';

/** One side as the user set it: what to load and where it came from. */
export interface SideInput {
  label: string;
  origin: 'file' | 'explore' | 'train' | 'example';
  input: CompareInput;
}

/** The shipped example pair: the digits as 8 x 8 images (A) and average-pooled to 4 x 4 (B). */
export const COMPARE_EXAMPLES = ['digits-pooled'] as const;
export type CompareExample = (typeof COMPARE_EXAMPLES)[number];

/** A and B of the example pair, the digits fetched from this site (`base`: the app's base URL). */
export function exampleSides(base: string): { A: SideInput; B: SideInput } {
  const digits = DEMO_DATASETS.find((d) => d.id === 'digits')!;
  const source = demoSource(digits, base);
  return {
    A: { label: 'digits, 8×8', origin: 'example', input: { kind: 'source', source } },
    B: { label: 'digits pooled to 4×4', origin: 'example', input: { kind: 'source', source: { ...source, name: 'digits pooled 4x4' }, pool: { width: 8, height: 8, factor: 2 } } },
  };
}

/** The example on screen, or null when either side is something else. */
export function shownExample(s: Pick<CompareState, 'A' | 'B'>): CompareExample | null {
  return s.A?.origin === 'example' && s.B?.origin === 'example' && s.B.input.kind === 'source' && s.B.input.pool ? 'digits-pooled' : null;
}

export type ColourBy = 'displacement' | 'agreement' | 'class';

export interface CompareState {
  A: SideInput | null;
  B: SideInput | null;
  /** Train captures beyond A and B (the CKA matrix's further rows). */
  more: ArraysInput[];
  settings: CompareSettings;
  status: 'idle' | 'running' | 'done' | 'error';
  progress: { fraction: number; stage: string };
  error: { problem: string; fix: string } | null;
  /** A file that leaves its vectors array open, for its side's picker. */
  choose: { side: Side; choices: FileChoices } | null;
  backend: BackendChoice | null;
  /** The tfjs backend asked for (the exact kNN runs on it; the Grams and SVDs are float64 JS). */
  preference: BackendPreference;
  /** Bumped when the outcome on screen changes (getCompareOutcome()). */
  version: number;
  colourBy: ColourBy;
  dims: 2 | 3;
  /** Items selected in any view (indices of matched items). */
  selected: number[];

  setSide: (side: Side, value: SideInput | null) => void;
  /** Loads the example pair (exampleSides) as A and B and compares them. */
  loadExample: (base: string) => void;
  /** B becomes another array of A's file. */
  otherArrayOfA: () => void;
  /** Picks the vectors array of a side's file (an .npz or .safetensors). */
  chooseArray: (side: Side, vectors: string) => void;
  setSettings: (patch: Partial<CompareSettings>) => void;
  setPreference: (p: BackendPreference) => void;
  /** A Train run's features at one step: fills A, then B, then the CKA matrix's further rows. */
  addCapture: (capture: ArraysInput) => void;
  clearCaptures: () => void;
  run: () => void;
  cancel: () => void;
  setColourBy: (c: ColourBy) => void;
  setDims: (d: 2 | 3) => void;
  setSelected: (items: number[]) => void;
}

export const DEFAULT_SETTINGS: CompareSettings = {
  k: COMPARE_DEFAULTS.k, svccaK: COMPARE_DEFAULTS.svccaK, anchors: COMPARE_DEFAULTS.anchors, seed: COMPARE_DEFAULTS.seed, idColumn: '', sharedOnly: false,
};

/** A files source of one vectors file and an optional labels/metadata file. */
export function fileSide(vectors: File, metadata?: File): SideInput {
  const source: DatasetSource = { kind: 'files', name: vectors.name, vectors, ...(metadata ? { metadata } : {}) };
  return { label: metadata ? `${vectors.name} + ${metadata.name}` : vectors.name, origin: 'file', input: { kind: 'source', source } };
}

/** Explore's data on screen as a side. */
export function exploreSide(source: DatasetSource): SideInput {
  return { label: `${source.name} (from Explore)`, origin: 'explore', input: { kind: 'source', source } };
}

function withVectors(s: SideInput, vectors: string): SideInput {
  if (s.input.kind !== 'source' || s.input.source.kind === 'synthetic') return s;
  const source = { ...s.input.source, choice: { ...s.input.source.choice, vectors } };
  return { ...s, label: `${source.name}:${vectors}`, input: { ...s.input, source } };
}

let outcome: CompareOutcome | null = null;

/** The outcome on screen (read it when `version` changes). */
export function getCompareOutcome(): CompareOutcome | null {
  return outcome;
}

export function createCompareStore(connect: () => CompareClient) {
  let client: CompareClient | null = null;
  let current: number | null = null;
  const api = () => (client ??= connect());
  return create<CompareState>()((set, get) => ({
    A: null,
    B: null,
    more: [],
    settings: DEFAULT_SETTINGS,
    status: 'idle',
    progress: { fraction: 0, stage: '' },
    error: null,
    choose: null,
    backend: null,
    preference: 'auto',
    version: 0,
    colourBy: 'displacement',
    dims: 3,
    selected: [],

    setSide: (side, value) => {
      set(side === 'A' ? { A: value } : { B: value });
      get().run();
    },
    loadExample: (base) => {
      set({ ...exampleSides(base), more: [] });
      get().run();
    },
    otherArrayOfA: () => {
      const a = get().A;
      if (a?.input.kind !== 'source') return;
      set({ B: { label: `another array of ${a.input.source.name}`, origin: a.origin, input: { kind: 'source', source: { ...a.input.source, choice: {} } as DatasetSource, otherArray: true } } });
      get().run();
    },
    chooseArray: (side, vectors) => {
      const s = get()[side];
      if (!s) return;
      set(side === 'A' ? { A: withVectors(s, vectors) } : { B: withVectors(s, vectors) });
      get().run();
    },
    setSettings: (patch) => {
      set({ settings: { ...get().settings, ...patch } });
      get().run();
    },
    setPreference: (preference) => {
      set({ preference });
      get().run();
    },
    addCapture: (capture) => {
      const side = { label: capture.name, origin: 'train' as const, input: capture };
      const { A, B, more } = get();
      if (!A || A.origin !== 'train') set({ A: side, B: B?.origin === 'train' ? B : null, more: [] });
      else if (!B || B.origin !== 'train') set({ B: side });
      else set({ more: [...more, capture] });
      get().run();
    },
    clearCaptures: () => {
      const { A, B } = get();
      set({ A: A?.origin === 'train' ? null : A, B: B?.origin === 'train' ? null : B, more: [] });
    },
    run: () => {
      const { A, B, more, settings, preference } = get();
      if (!A || !B) return;
      if (current !== null) api().cancel(current);
      let id = -1;
      const ticket = api().compare(
        { a: A.input, b: B.input, more, settings, backend: preference },
        {
          onProgress: (fraction, stage) => {
            if (current === id) set({ progress: { fraction, stage } });
          },
          onBackend: (backend) => set({ backend }),
        },
      );
      id = ticket.id;
      current = id;
      set({ status: 'running', error: null, choose: null, progress: { fraction: 0, stage: 'starting' } });
      ticket.result.then(
        (o) => {
          if (current !== ticket.id) return;
          current = null;
          outcome = o;
          set({ status: 'done', version: get().version + 1, selected: [] });
        },
        (e: CompareFailure) => {
          if (current !== ticket.id) return;
          current = null;
          const restore = outcome ? 'done' : 'idle';
          if (e.kind === 'cancelled') set({ status: restore, progress: { fraction: 0, stage: 'cancelled' } });
          else if (e.kind === 'choose' && e.choose) set({ status: restore, choose: e.choose });
          else set({ status: 'error', error: { problem: e.problem, fix: e.fix } });
        },
      );
    },
    cancel: () => {
      if (current !== null) api().cancel(current);
    },
    setColourBy: (colourBy) => set({ colourBy }),
    setDims: (dims) => set({ dims }),
    setSelected: (selected) => set({ selected }),
  }));
}

/** The hovered item, outside the main store so pointer moves re-render nothing (views subscribe). */
export const useCompareHover = create<{ item: number | null; set: (item: number | null) => void }>()((set) => ({
  item: null,
  set: (item) => set({ item }),
}));

/** The app's Compare store, bound to the Compare worker (started on the first comparison). */
export const useCompareStore = createCompareStore(createCompareClient);
