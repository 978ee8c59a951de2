/**
 * Cancel wins at every stage of a real analysis (the analysis service in an in-process worker,
 * the real client and store): cancelled while reading, in the neural-collapse stage, while the
 * views are built, and after the
 * worker has already posted its result, the old dataset stays on screen and the cancelled file
 * never replaces it. The worker still serves the dataset the UI shows.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import type { Embeddings } from '../geometry/types';
import { gaussianBlobs } from '../datasets/blobs';
import { AnalysisClient, type WorkerLike } from '../workers/analysisClient';
import { createAnalysisService } from '../workers/analysisService';
import type { DatasetSource, WorkerReply } from '../workers/analysisProtocol';
import { InProcessWorker } from '../workers/rpc/inProcessWorker';
import { createAnalysisStore, type AnalysisState } from './analysisStore';
import { until } from './until.test-util';

const src = (name: string): DatasetSource => ({ kind: 'url', name, vectorsUrl: `http://x/${name}.npy` });
const SETS: Record<string, Embeddings> = {
  old: gaussianBlobs({ n: 90, dim: 5, classes: 3, seed: 1 }),
  next: gaussianBlobs({ n: 400, dim: 12, classes: 4, seed: 2 }),
};

function setup() {
  const worker = new InProcessWorker((post) => {
    const service = createAnalysisService({
      post: (reply) => post(reply),
      selectBackend: async () => ({ backend: 'cpu', preference: 'cpu', reason: 'test', probes: [] }),
      load: async (source) => {
        await new Promise((r) => setTimeout(r, 5));
        return { emb: SETS[source.name], choices: null };
      },
    });
    return service.handle as (msg: never) => void;
  });
  const client = new AnalysisClient(worker as unknown as WorkerLike);
  const store = createAnalysisStore(() => client);
  return { worker, client, store };
}

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('cancel wins at every stage of an analysis', () => {
  const stages: { name: string; at: (s: AnalysisState) => boolean }[] = [
    { name: 'while reading', at: (s) => s.progress.stage === 'reading' },
    { name: 'late, in the neural-collapse stage', at: (s) => s.progress.stage === 'neural collapse' },
    { name: 'later still, while the views are built', at: (s) => s.progress.stage === 'views' },
  ];
  for (const stage of stages) {
    it(`cancelled ${stage.name}: the old data stay`, async () => {
      const { store } = setup();
      store.getState().run(src('old'));
      await until(store, (s) => s.status === 'done' && s.idStage.status === 'done');
      const before = store.getState();
      store.getState().run(src('next'));
      await until(store, stage.at);
      store.getState().cancel();
      await until(store, (s) => s.status !== 'running');
      await new Promise((r) => setTimeout(r, 50));
      const after = store.getState();
      expect(after.status).toBe('cancelled');
      expect(after.dataset).toBe('old');
      expect(after.report?.n).toBe(90);
      expect(after.dataVersion).toBe(before.dataVersion);
    }, 30_000);
  }

  it('cancelled after the worker posted the result: it is never applied, and the old dataset is still served', async () => {
    const { store, worker, client } = setup();
    store.getState().run(src('old'));
    await until(store, (s) => s.status === 'done' && s.idStage.status === 'done');
    const oldId = store.getState().datasetId;
    store.getState().run(src('next'));
    await until(store, (s) => s.progress.stage === 'views');
    worker.hold();
    while (!worker.heldReplies().some((r) => (r as WorkerReply).type === 'result')) await new Promise((r) => setTimeout(r, 2));
    store.getState().cancel();
    worker.release();
    await until(store, (s) => s.status !== 'running');
    await new Promise((r) => setTimeout(r, 50));
    expect(store.getState()).toMatchObject({ status: 'cancelled', dataset: 'old', datasetId: oldId });
    expect(store.getState().report?.n).toBe(90);
    // The worker committed "next", yet a view of the dataset on screen is still served.
    const view = await client.project({ dataset: oldId, view: { kind: 'pca', axes: [0, 1, 2] } }).result;
    expect(view.result.coords.length).toBe(90 * 3);
  }, 30_000);
});
