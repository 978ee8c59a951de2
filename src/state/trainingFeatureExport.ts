/**
 * The features export of Train mode's store: one request for the penultimate features of every row
 * at a time (a second call waits for the first), and the last answer reused while the run has not
 * moved. The store routes the worker's replies here and keeps `featureExport` in its state.
 */
import type { FeaturesReply } from '../workers/trainingProtocol';
import type { AllRowFeatures } from './trainingExport';

/** A features export in flight (progress in [0, 1]), or the reason the last one failed. */
export type FeatureExportState = { status: 'running'; fraction: number } | { status: 'error'; problem: string; fix: string };

export interface FeatureExportDeps {
  /** Writes the store's `featureExport`. */
  show: (state: FeatureExportState | null) => void;
  /** Sends the features request for run `run`; returns its id. */
  request: (run: number) => number;
  cancel: (id: number) => void;
}

export function createFeatureExport(deps: FeatureExportDeps) {
  /** The features request in flight and who waits for it. */
  let exporting: { id: number; done: Promise<AllRowFeatures | null>; resolve: (f: AllRowFeatures | null) => void } | null = null;
  /** The last features answered, reused while the run has not moved. */
  let last: AllRowFeatures | null = null;

  function finish(result: AllRowFeatures | null, state: FeatureExportState | null): void {
    const e = exporting;
    exporting = null;
    deps.show(state);
    e?.resolve(result);
  }

  return {
    /** True while a request is in flight. */
    active: (): boolean => exporting !== null,
    /** Whether `id` is the request in flight. */
    owns: (id: number): boolean => exporting?.id === id,
    /** A new run: the last answer no longer applies. */
    forget: (): void => {
      last = null;
    },
    /** The worker's answer; classNames of the run it names (or [] when that run is gone). */
    answer: (r: FeaturesReply, classNames: string[]): void => {
      if (!exporting || r.id !== exporting.id) return;
      last = { run: r.run, step: r.step, featureDim: r.featureDim, trainRows: r.trainRows, testRows: r.testRows, features: r.features, labels: r.labels, weights: r.weights, classNames };
      finish(last, null);
    },
    cancelled: (id: number): void => {
      if (exporting?.id === id) finish(null, null);
    },
    /** An error reply: ends the export when it is its own, or a worker-wide one (id 0). */
    failed: (id: number, problem: string, fix: string): void => {
      if (exporting && (id === exporting.id || id === 0)) finish(null, { status: 'error', problem, fix });
    },
    /** The export in flight, or null. */
    pending: (): Promise<AllRowFeatures | null> | null => exporting?.done ?? null,
    /** The last answer when it is of this run at this step, else null. */
    cached: (run: number, step: number): AllRowFeatures | null => (last?.run === run && last.step === step ? last : null),
    /** Asks for run `run`'s features. */
    start: (run: number): Promise<AllRowFeatures | null> => {
      let resolve: (f: AllRowFeatures | null) => void = () => undefined;
      const done = new Promise<AllRowFeatures | null>((r) => (resolve = r));
      exporting = { id: deps.request(run), done, resolve };
      deps.show({ status: 'running', fraction: 0 });
      return done;
    },
    cancel: (): void => {
      if (exporting) deps.cancel(exporting.id);
    },
  };
}
