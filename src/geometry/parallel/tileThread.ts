/** A worker thread of NodeTilePool: its own tfjs (wasm) or int16 kernel scans its share of the tiles over shared rows and posts the lists back. */
import { parentPort } from 'node:worker_threads';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-wasm';
import { scanTiles } from '../knnTiled';
import { scanTilesInt16 } from '../knnInt16';
import { CandidateLists } from './tiles';
import type { FromThread, ToThread } from './messages';

const port = parentPort;
if (!port) throw new Error('tileThread.ts runs only as a worker thread');
const ready = tf.setBackend('wasm').then(() => tf.ready());
const running = new Map<number, AbortController>();
const post = (m: FromThread, transfer: ArrayBuffer[] = []) => port.postMessage(m, transfer);

port.on('message', async (m: ToThread) => {
  if (m.type === 'warm') {
    await ready;
    post({ type: 'ready' });
  } else if (m.type === 'abort') {
    running.get(m.id)?.abort();
  } else {
    const controller = new AbortController();
    running.set(m.id, controller);
    try {
      await ready;
      const lists = new CandidateLists(m.n, m.c);
      const normSq = new Float64Array(m.normSq);
      const tick = () => post({ type: 'tile', id: m.id });
      if (m.int16) {
        const quant = { q: new Int16Array(m.int16.q), scale: new Float64Array(m.int16.scale), dp: m.int16.dp, n: m.n };
        await scanTilesInt16(quant, normSq, m.T, m.tiles, lists, controller.signal, tick);
      } else {
        await scanTiles({ C: new Float32Array(m.C), normSq, n: m.n, d: m.d }, m.T, m.tiles, lists, controller.signal, tick);
      }
      const { value, index, count, worst } = lists;
      post({ type: 'done', id: m.id, value, index, count, worst }, [value.buffer, index.buffer, count.buffer, worst.buffer] as ArrayBuffer[]);
    } catch (e) {
      const err = e instanceof Error ? e : new Error(String(e));
      post({ type: 'failed', id: m.id, name: err.name, message: err.message });
    } finally {
      running.delete(m.id);
    }
  }
});
