/**
 * One entry point for every embeddings format, for the app's worker and the CLI alike: Parquet is read
 * asynchronously (hyparquet, loaded on first use), every other format synchronously by detect.ts.
 */
import type { Embeddings } from '../geometry/types';
import { assembleEmbeddings, gunzipIfNeeded, type LoadOptions } from './assemble';
import { detectFormat, parseFormat } from './detect';

/**
 * Parses an embeddings file of any supported format (.npy, .npz, .parquet, .safetensors, .json, .jsonl,
 * .csv, .tsv, .txt; a gzip layer is removed first) into Embeddings. Every defect of the input is an InputError.
 */
export async function loadEmbeddingsAsync(name: string, bytes: Uint8Array, opts: LoadOptions = {}): Promise<Embeddings> {
  const file = gunzipIfNeeded({ name, bytes }, opts.budget);
  const format = detectFormat(file.name, file.bytes);
  if (format === 'parquet') {
    const { parseParquet } = await import('./parquet');
    return assembleEmbeddings(name, await parseParquet(name, file.bytes, opts), opts);
  }
  return assembleEmbeddings(name, parseFormat(format, file, name, opts), opts);
}
