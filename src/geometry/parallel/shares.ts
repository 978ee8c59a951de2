/**
 * The part of a TileScanPool that does not depend on the kind of thread: split the tiles into one
 * contiguous share per thread, run share 0 here and the others remotely, wait for every share (so
 * no thread is left running when this returns or throws), and merge the candidate lists.
 */
import { scanTiles } from '../knnTiled';
import { scanTilesInt16 } from '../knnInt16';
import type { TileScanJob } from './pool';
import { CandidateLists, splitTiles, type Tile } from './tiles';

/** Scans job over `threads` shares; remote(share, s, tick) runs share s (>= 1) on another thread. */
export async function scanInShares(
  job: TileScanJob,
  threads: number,
  remote: (tiles: Tile[], share: number, tick: () => void) => Promise<CandidateLists>,
): Promise<CandidateLists> {
  const { rows, quantised, T, c, tiles, signal, onProgress } = job;
  const shares = splitTiles(tiles, threads);
  let done = 0;
  const tick = () => onProgress?.(++done / tiles.length);
  const others = shares.slice(1).map((share, s) => remote(share, s + 1, tick));
  const lists = new CandidateLists(rows.n, c);
  let failure: unknown = null;
  try {
    if (quantised) await scanTilesInt16(quantised, rows.normSq, T, shares[0], lists, signal, tick);
    else await scanTiles(rows, T, shares[0], lists, signal, tick);
  } catch (e) {
    failure = e;
  }
  const results = await Promise.allSettled(others);
  if (failure) throw failure;
  for (const r of results) if (r.status === 'rejected') throw r.reason;
  for (const r of results) if (r.status === 'fulfilled') lists.mergeFrom(r.value);
  return lists;
}

/** A SharedArrayBuffer copy of a typed array's bytes (threads read it without a copy each). */
export function shared(a: Float32Array | Float64Array | Int16Array): SharedArrayBuffer {
  const buf = new SharedArrayBuffer(a.byteLength);
  new Uint8Array(buf).set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
  return buf;
}

/** The scan message of one share: the rows (or their int16 quantisation) on SharedArrayBuffers. */
export function shareBuffers(job: TileScanJob): { C: SharedArrayBuffer; normSq: SharedArrayBuffer; int16?: { q: SharedArrayBuffer; scale: SharedArrayBuffer; dp: number } } {
  const { rows, quantised } = job;
  return {
    normSq: shared(rows.normSq),
    C: quantised ? new SharedArrayBuffer(0) : shared(rows.C),
    int16: quantised ? { q: shared(quantised.q), scale: shared(quantised.scale), dp: quantised.dp } : undefined,
  };
}
