/**
 * The thread side of a tile pool (Node worker thread or Web Worker): one scan request at a time per
 * id, its share of the tiles over the shared rows, the lists posted back (transferred), aborts by id.
 * float32 shares need tfjs in the thread (`floatScan`); a thread without it (the browser's int16
 * pool) refuses them.
 */
import { scanTilesInt16 } from '../knnInt16';
import type { CentredRows } from '../knnTiled';
import { CandidateLists, type Tile } from './tiles';
import type { FromThread, ToThread } from './messages';

type FloatScan = (rows: CentredRows, T: number, tiles: Tile[], lists: CandidateLists, signal: AbortSignal, tick: () => void) => Promise<void>;

/** Returns the message handler of a tile thread; `ready` resolves when the thread can scan. */
export function tileServer(post: (m: FromThread, transfer?: ArrayBuffer[]) => void, ready: Promise<unknown>, floatScan?: FloatScan): (m: ToThread) => Promise<void> {
  const running = new Map<number, AbortController>();
  return async (m) => {
    if (m.type === 'warm') {
      await ready;
      post({ type: 'ready' });
      return;
    }
    if (m.type === 'abort') {
      running.get(m.id)?.abort();
      return;
    }
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
      } else if (floatScan) {
        await floatScan({ C: new Float32Array(m.C), normSq, n: m.n, d: m.d }, m.T, m.tiles, lists, controller.signal, tick);
      } else {
        throw new Error('this tile thread scans int16 shares only');
      }
      const { value, index, count, worst } = lists;
      post({ type: 'done', id: m.id, value, index, count, worst }, [value.buffer, index.buffer, count.buffer, worst.buffer] as ArrayBuffer[]);
    } catch (e) {
      const err = e instanceof Error ? e : new Error(String(e));
      post({ type: 'failed', id: m.id, name: err.name, message: err.message });
    } finally {
      running.delete(m.id);
    }
  };
}
