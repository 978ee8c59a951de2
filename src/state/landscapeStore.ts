/**
 * Landscape mode's store: the sweep setup (a form), its plan from the worker, the sweep on screen
 * (one row per run, filled as the worker streams), and finished sweeps kept for overlay. d_int90
 * is recomputed after every run with the core's own formula, so a cancelled sweep keeps its value.
 */
import { create } from 'zustand';
import { compressionRatio, intrinsicDimension } from '../landscape/threshold';
import type { ModelConfig } from '../training/types';
import { createLandscapeClient, type LandscapeClient } from '../workers/landscapeClient';
import { asFailure } from '../workers/rpc/failure';
import { follow } from '../workers/rpc/latest';
import type { BackendChoice, LandscapeSetup, ProjectionInfo, RunResult, SweepPlan } from '../workers/landscapeProtocol';
import { formSetup, LANDSCAPE_PRESETS, parseDims, presetForm, type LandscapeForm } from './landscapeForm';

export { formSetup, LANDSCAPE_PRESETS, LI_MLP, parseDims, presetForm, type LandscapeForm, type LandscapePreset } from './landscapeForm';

/** One run of a sweep as shown: planned projection, live progress, then its result. */
export interface RunRow {
  run: number;
  d: number | null;
  projection: ProjectionInfo;
  step: number;
  steps: number;
  batchLoss: number | null;
  result: RunResult | null;
  featureTwoNN: number | null;
}

export type SweepStatus = 'preparing' | 'running' | 'done' | 'cancelled' | 'error';

/** A sweep on screen or kept for overlay. */
export interface SweepRecord {
  /** Serial number; the panel derives the sweep's colour from it. */
  key: number;
  label: string;
  setup: LandscapeSetup;
  plan: SweepPlan;
  rows: RunRow[];
  status: SweepStatus;
  stage: string;
  backend: BackendChoice | null;
  trainRows: number | null;
  testRows: number | null;
  inputTwoNN: number | null;
  idSampleRows: number | null;
  dInt90: number | null;
  compression: number | null;
  error: { problem: string; fix: string } | null;
}

export interface LandscapeState {
  form: LandscapeForm;
  plan: SweepPlan | null;
  planError: string | null;
  current: SweepRecord | null;
  kept: SweepRecord[];
  /** Plans the initial form (starts the worker); the mode calls it when it opens. */
  init: () => void;
  setForm: (patch: Partial<LandscapeForm>) => void;
  setModel: (patch: Partial<ModelConfig>) => void;
  applyPreset: (id: string) => void;
  /** Back to the default log-spaced grid for the current D. */
  resetDims: () => void;
  start: () => void;
  cancel: () => void;
  /** Keeps the finished sweep on the chart; the next one is drawn over it. */
  keep: () => void;
  removeKept: (key: number) => void;
}

/** d_int90 and D/d_int90 of the completed runs (intrinsicDimension with fraction 0.9), null without a baseline. */
export function liveIntrinsicDimension(rows: readonly RunRow[], numParams: number): { dInt90: number | null; compression: number | null } {
  const baseline = rows.find((r) => r.d === null)?.result;
  if (!baseline) return { dInt90: null, compression: null };
  const runs = rows.filter((r) => r.d !== null && r.result).map((r) => r.result as RunResult);
  const dInt90 = intrinsicDimension(runs, baseline, 0.9);
  return { dInt90, compression: compressionRatio(numParams, dInt90) };
}

/** One empty row per planned run: the baseline (d null), then each d. */
export function plannedRows(plan: SweepPlan, steps: number): RunRow[] {
  return plan.plans.map((projection, run) => ({
    run,
    d: run === 0 ? null : projection.d,
    projection,
    step: 0,
    steps,
    batchLoss: null,
    result: null,
    featureTwoNN: null,
  }));
}

/** "784-200-200-10 on Fashion-MNIST (seed 1)", "16-32-4 BN, GCR k=4 on ...": the label of a sweep in legends and exports. */
export function sweepLabel(plan: SweepPlan, presetLabel: string, seed: number, model?: ModelConfig): string {
  const head = model?.head.kind === 'etf' ? 'fixed ETF' : model?.head.kind === 'gcr' ? `GCR k=${model.head.k}` : '';
  const extras = [model?.batchNorm ? 'BN' : '', head].filter(Boolean).join(', ');
  return `${plan.widths.join('-')}${extras ? ` ${extras}` : ''} on ${presetLabel} (seed ${seed})`;
}

/** Creates the store over a client getter (the app's worker, or a fake in tests) and the page's base URL. */
export function createLandscapeStore(getClient: () => LandscapeClient, baseUrl: () => string) {
  let planTicket = 0;
  let sweepTicket: number | null = null;
  let nextKey = 1;

  return create<LandscapeState>()((set, get) => {
    const replan = () => {
      const { form } = get();
      if (form.dimsEdited) {
        const parsed = parseDims(form.dimsText);
        if ('error' in parsed) return set({ planError: parsed.error });
      }
      const ticket = getClient().plan(formSetup(form));
      planTicket = ticket.id;
      follow(
        ticket,
        () => planTicket,
        (plan) => {
          const f = get().form;
          set({ plan, planError: null, form: f.dimsEdited ? f : { ...f, dimsText: plan.dims.join(', ') } });
        },
        (f) => set({ planError: f.problem }),
      );
    };

    const update = (fn: (s: SweepRecord) => Partial<SweepRecord>) => {
      const cur = get().current;
      if (cur) set({ current: { ...cur, ...fn(cur) } });
    };
    const updateRow = (run: number, fn: (r: RunRow) => Partial<RunRow>) =>
      update((s) => ({ rows: s.rows.map((r) => (r.run === run ? { ...r, ...fn(r) } : r)) }));

    return {
      form: presetForm(LANDSCAPE_PRESETS[0]),
      plan: null,
      planError: null,
      current: null,
      kept: [],
      init: () => {
        if (!get().plan && !get().planError) replan();
      },
      setForm: (patch) => {
        set({ form: { ...get().form, ...patch } });
        replan();
      },
      setModel: (patch) => {
        const form = get().form;
        set({ form: { ...form, model: { ...form.model, ...patch } } });
        replan();
      },
      applyPreset: (id) => {
        const p = LANDSCAPE_PRESETS.find((x) => x.id === id);
        if (!p) return;
        set({ form: presetForm(p, get().form) });
        replan();
      },
      resetDims: () => {
        set({ form: { ...get().form, dimsEdited: false } });
        replan();
      },
      start: () => {
        const { form, plan, current, planError } = get();
        if (!plan || planError || current?.status === 'running' || current?.status === 'preparing') return;
        const setup = formSetup(form);
        const preset = LANDSCAPE_PRESETS.find((p) => p.id === form.presetId) ?? LANDSCAPE_PRESETS[0];
        const rows = plannedRows(plan, setup.steps);
        set({
          current: {
            key: nextKey++,
            label: sweepLabel(plan, preset.label, form.seed, form.model),
            setup,
            plan,
            rows,
            status: 'preparing',
            stage: 'starting',
            backend: null,
            trainRows: null,
            testRows: null,
            inputTwoNN: null,
            idSampleRows: null,
            dInt90: null,
            compression: null,
            error: null,
          },
        });
        const ticket = getClient().sweep(setup, form.backend, baseUrl(), {
          onProgress: (_f, stage) => update(() => ({ stage })),
          onBackend: (backend) => update(() => ({ backend })),
          onDataset: (r) => update(() => ({ trainRows: r.trainRows, testRows: r.testRows, plan: r.plan, rows: plannedRows(r.plan, setup.steps) })),
          onInputId: (r) => update(() => ({ inputTwoNN: r.twoNN, idSampleRows: r.sampleRows })),
          onRunStart: (r) => {
            update(() => ({ status: 'running', stage: r.d === null ? 'baseline' : `d = ${r.d}` }));
            updateRow(r.run, () => ({ projection: r.projection }));
          },
          onRunProgress: (p) => updateRow(p.run, () => ({ step: p.step, batchLoss: p.batchLoss })),
          onRunResult: (r) => {
            updateRow(r.run, () => ({ result: r.result, featureTwoNN: r.featureTwoNN, step: r.result.steps }));
            update((s) => liveIntrinsicDimension(s.rows, s.plan.numParams));
          },
        });
        sweepTicket = ticket.id;
        const mine = get().current?.key;
        const settle = (patch: Partial<SweepRecord>) => {
          if (get().current?.key === mine) update(() => patch);
          if (sweepTicket === ticket.id) sweepTicket = null;
        };
        ticket.result.then(
          ({ result }) => settle({ status: result.cancelled ? 'cancelled' : 'done', stage: result.cancelled ? 'cancelled' : 'done', dInt90: result.dInt90, compression: result.compression }),
          (e: unknown) => {
            const f = asFailure(e);
            if (f.kind === 'cancelled') settle({ status: 'cancelled', stage: 'cancelled' });
            else settle({ status: 'error', stage: 'failed', error: { problem: f.problem, fix: f.fix } });
          },
        );
      },
      cancel: () => {
        if (sweepTicket !== null) getClient().cancel(sweepTicket);
      },
      keep: () => {
        const { current, kept } = get();
        if (!current || current.status === 'running' || current.status === 'preparing' || !current.rows.some((r) => r.result)) return;
        set({ kept: [...kept, current], current: null });
      },
      removeKept: (key) => set({ kept: get().kept.filter((s) => s.key !== key) }),
    };
  });
}

let client: LandscapeClient | null = null;

/** The app's Landscape store, bound to the one Landscape worker (created on first use). */
export const useLandscapeStore = createLandscapeStore(
  () => (client ??= createLandscapeClient()),
  () => document.baseURI,
);
