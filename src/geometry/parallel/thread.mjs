// Entry of a Node worker thread: loads the TypeScript module named in workerData through tsx's loader (as bin/subspace-lab.mjs does).
import { register } from 'tsx/esm/api';
import { workerData } from 'node:worker_threads';

register();
await import(workerData.entry);
