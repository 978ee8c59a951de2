/**
 * Times the analysis worker's pipeline in Node on one file (the app's stages, wasm backend), so a
 * slow stage can be found without a browser: `tsx scripts/bench/appPipeline.ts X.npy [labels.txt]`.
 */
import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-wasm';
import { createAnalysisService } from '../../src/workers/analysisService';
import { parseFiles } from '../../src/explore/sources';
import type { WorkerReply } from '../../src/workers/analysisProtocol';

const [vectorsPath, labelsPath] = process.argv.slice(2);
await tf.setBackend('wasm');
const bytes = (p: string) => ({ name: p.split('/').pop()!, bytes: new Uint8Array(readFileSync(p)) });
const t0 = performance.now();
let last = t0;
let stage = '';
let resolveDone: () => void = () => {};
const done = new Promise<void>((r) => (resolveDone = r));
const service = createAnalysisService({
  post: (r: WorkerReply) => {
    const now = performance.now();
    if (r.type === 'progress' && r.stage !== stage) {
      console.log(`${((now - t0) / 1000).toFixed(2)} s  +${((now - last) / 1000).toFixed(2)}  ${stage} -> ${r.stage}`);
      stage = r.stage;
      last = now;
    }
    if (r.type === 'result') {
      console.log(`${((now - t0) / 1000).toFixed(2)} s  result`);
      service.handle({ type: 'intrinsicDimension', id: 2, dataset: r.datasetId });
    }
    if (r.type === 'intrinsicDimension' || r.type === 'error') {
      console.log(`${((now - t0) / 1000).toFixed(2)} s  ${r.type}`, r.type === 'error' ? r.problem : '');
      resolveDone();
    }
  },
  selectBackend: async () => ({ backend: 'wasm', preference: 'wasm', reason: 'bench', probes: [] }),
  load: async () => parseFiles(bytes(vectorsPath), labelsPath ? bytes(labelsPath) : undefined, undefined),
});
service.handle({ type: 'analyze', id: 1, source: { kind: 'url', name: vectorsPath, vectorsUrl: vectorsPath }, backend: 'wasm' });
await done;
console.log(`memory rss ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB`);
