/** When `analyze` streams instead of reading the whole file: merge, --stream, --partial, a glob, or a file over 1 GiB. */
import { statSync } from 'node:fs';
import type { AnalyzeArgs } from './args';

/** Files larger than this stream without --stream (the in-memory reader holds the whole file, at most 2 GiB). */
export const STREAM_ABOVE_BYTES = 2 ** 30;

/** True for a path with glob characters (DuckDB expands them: emb/*.parquet). */
export function isGlob(path: string): boolean {
  return /[*?[]/.test(path);
}

export function wantsStream(args: AnalyzeArgs): boolean {
  if (args.command === 'merge' || args.stream || args.partial !== undefined || args.approxKnn || args.sqlCheck || args.idStratified || args.idSampler !== 'hash') return true;
  if (isGlob(args.embeddings)) return true;
  try {
    return statSync(args.embeddings).size > STREAM_ABOVE_BYTES;
  } catch {
    return false;
  }
}
