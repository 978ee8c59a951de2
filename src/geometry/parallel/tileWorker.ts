/** A Web Worker of WebTilePool: the int16 kernel scans its share of the tiles over the shared rows. */
import { tileServer } from './serveTiles';
import type { FromThread, ToThread } from './messages';

const scope = self as unknown as { postMessage(m: FromThread, transfer?: Transferable[]): void; onmessage: ((e: MessageEvent<ToThread>) => void) | null };
const serve = tileServer((m, transfer = []) => scope.postMessage(m, transfer), Promise.resolve());
scope.onmessage = (e) => void serve(e.data);
