/**
 * The interface between knn() and a pool of threads (Node worker_threads in the CLI, Web Workers
 * over a SharedArrayBuffer in the browser): the pool runs shares of the symmetric tile scan and
 * returns one merged CandidateLists. The core never creates threads itself.
 */
import type { CentredRows } from '../knnTiled';
import type { CandidateLists, Tile } from './tiles';
import type { QuantisedRows } from '../knnInt16';

export interface TileScanJob {
  rows: CentredRows;
  /** Present: the tiles' products come from the int16 kernel (scanTilesInt16), else from tfjs float32 (scanTiles). */
  quantised?: QuantisedRows;
  /** Tile size. */
  T: number;
  /** Candidates kept per row. */
  c: number;
  /** All tiles (upperTiles(n, T)); the pool splits them with splitTiles. */
  tiles: Tile[];
  signal?: AbortSignal;
  /** Fraction of the tiles done, in (0, 1]. */
  onProgress?: (fraction: number) => void;
}

export interface TileScanPool {
  /** Threads the pool runs at once. */
  readonly threads: number;
  /** The candidate lists of every row over all tiles, merged from the shares (mergeFrom). */
  scan(job: TileScanJob): Promise<CandidateLists>;
}
