/**
 * The Landscape worker's logic as an ordinary module (testable in Node). A `plan` request says
 * what a setup will run (D, widths, each run's projection and its memory) without loading data;
 * a `sweep` request chooses the backend, builds the Dataset (cached across sweeps), measures TwoNN
 * of the inputs on a fixed sample of training rows, then runs runSweep: the baseline, then one
 * subspace run per d, streaming progress and each result with TwoNN of its penultimate features.
 */
import * as tf from '@tensorflow/tfjs-core';
import { buildDataset } from '../datasets/build';
import type { Dataset } from '../datasets/types';
import { throwIfAborted } from '../geometry/abort';
import { sampleRows } from '../geometry/sample';
import { classificationTask, flatMlpConfigFromModel, runSweep } from '../landscape';
import { gatherRows, planSetup, sampleTwoNN, sweepConfig } from '../landscape/setup';
import type { BackendChoice, BackendPreference } from './rpc/envelope';
import { failureReply, type FailureWording } from './rpc/failure';
import { createJobs } from './rpc/jobs';
import { LANDSCAPE_POLICY, type LandscapeReply, type LandscapeRequest, type LandscapeSetup, type SweepRequest } from './landscapeProtocol';

export interface LandscapeServiceDeps {
  post: (reply: LandscapeReply) => void;
  /** Activates a backend and explains the choice. */
  selectBackend: (preference: BackendPreference) => Promise<BackendChoice>;
  /** Reads a shipped data file (a path like 'data/...') relative to the page's base URL. */
  read: (path: string, baseUrl: string) => Promise<Uint8Array>;
}

const WORDING: FailureWording = { internalFix: 'Try another backend, or reload the page.', rangeFix: 'Change that setting and start again.', capitalise: true };

/** Creates the request handler. `handle` never throws: every failure becomes an error reply. */
export function createLandscapeService(deps: LandscapeServiceDeps): { handle: (msg: LandscapeRequest) => void; idle: () => Promise<void> } {
  const jobs = createJobs({ post: deps.post, policy: LANDSCAPE_POLICY, wording: WORDING });
  let datasetCache: { key: string; dataset: Promise<Dataset> } | null = null;

  function loadDataset(setup: LandscapeSetup, baseUrl: string): Promise<Dataset> {
    const key = JSON.stringify(setup.data);
    if (datasetCache?.key !== key) {
      const dataset = buildDataset(setup.data, (path) => deps.read(path, baseUrl));
      datasetCache = { key, dataset };
      dataset.catch(() => {
        if (datasetCache?.dataset === dataset) datasetCache = null;
      });
    }
    return datasetCache.dataset;
  }

  async function runSweepRequest(req: SweepRequest, signal: AbortSignal): Promise<void> {
    const { id, setup } = req;
    const progress = (fraction: number, stage: string) => deps.post({ type: 'progress', id, fraction, stage });
    throwIfAborted(signal);
    const planned = planSetup(setup);
    progress(0, 'choosing backend');
    const choice = await deps.selectBackend(req.backend);
    deps.post({ type: 'backend', id, choice });
    throwIfAborted(signal);
    progress(0.3, 'loading data');
    const dataset = await loadDataset(setup, req.baseUrl);
    throwIfAborted(signal);
    const cfg = flatMlpConfigFromModel(dataset.dim, dataset.classes, setup.model, setup);
    const task = classificationTask(dataset, cfg, { batchSize: setup.batchSize, seed: setup.seed });
    const nTrain = dataset.yTrain.length;
    const rows = sampleRows(nTrain, setup.idSample, setup.seed);
    const xSample = gatherRows(dataset.xTrain, dataset.dim, rows);
    const xs = tf.tensor2d(xSample, [rows.length, dataset.dim]);
    try {
      deps.post({ type: 'dataset', id, trainRows: nTrain, testRows: dataset.yTest.length, classNames: dataset.classNames, plan: planned });
      progress(0.6, 'TwoNN of the inputs');
      deps.post({ type: 'inputId', id, twoNN: await sampleTwoNN(xSample, rows.length, dataset.dim), sampleRows: rows.length, dim: dataset.dim });
      throwIfAborted(signal);
      progress(1, 'training');
      const featureId = new Map<number, number | null>();
      const result = await runSweep(task, sweepConfig(setup, planned.dims), {
        signal,
        onRunStart: (run, d, projection) => deps.post({ type: 'runStart', id, run, d, projection }),
        onProgress: (p) => deps.post({ type: 'runProgress', id, progress: p }),
        onTrained: async (run, _d, theta, state) => {
          const features = tf.tidy(() => task.net.forward(theta, xs, 'eval', state).features);
          try {
            const F = (await features.data()) as Float32Array;
            featureId.set(run, await sampleTwoNN(F, rows.length, features.shape[1]));
          } finally {
            features.dispose();
          }
        },
        onResult: (run, r) => deps.post({ type: 'runResult', id, run, result: r, featureTwoNN: featureId.get(run) ?? null }),
      });
      deps.post({ type: 'done', id, result });
    } finally {
      xs.dispose();
      task.dispose();
    }
  }

  function handle(msg: LandscapeRequest): void {
    if (msg.type === 'cancel') return jobs.cancel(msg.id);
    if (msg.type === 'plan') {
      try {
        deps.post({ type: 'plan', id: msg.id, plan: planSetup(msg.setup) });
      } catch (e) {
        deps.post(failureReply(msg.id, e, false, WORDING));
      }
      return;
    }
    jobs.start(msg, (signal) => runSweepRequest(msg, signal));
  }

  return { handle, idle: jobs.idle };
}
