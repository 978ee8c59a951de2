/** A worker thread of NodeTilePool: its own tfjs (wasm) or int16 kernel scans its share of the tiles over shared rows and posts the lists back. */
import { parentPort } from 'node:worker_threads';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-wasm';
import { scanTiles } from '../knnTiled';
import { tileServer } from './serveTiles';
import type { FromThread } from './messages';

const port = parentPort;
if (!port) throw new Error('tileThread.ts runs only as a worker thread');
const ready = tf.setBackend('wasm').then(() => tf.ready());
port.on('message', tileServer((m: FromThread, transfer: ArrayBuffer[] = []) => port.postMessage(m, transfer), ready, scanTiles));
