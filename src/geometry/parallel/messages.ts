/** Messages between a NodeTilePool and its worker threads (tileThread.ts). */
import type { Tile } from './tiles';

export type ToThread =
  | { type: 'warm' }
  | {
      type: 'scan';
      id: number;
      /** n x d float32 centred rows and their float64 squared norms, on SharedArrayBuffers. */
      C: SharedArrayBuffer;
      normSq: SharedArrayBuffer;
      /** Present for the int16 kernel: the quantised rows (nPad x dp int16) and their scales. */
      int16?: { q: SharedArrayBuffer; scale: SharedArrayBuffer; dp: number };
      n: number;
      d: number;
      T: number;
      c: number;
      tiles: Tile[];
    }
  | { type: 'abort'; id: number };

export type FromThread =
  | { type: 'ready' }
  | { type: 'tile'; id: number }
  | { type: 'done'; id: number; value: Float64Array; index: Int32Array; count: Int32Array; worst: Float64Array }
  | { type: 'failed'; id: number; name: string; message: string };
