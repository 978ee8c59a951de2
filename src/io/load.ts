/**
 * One entry point for every embeddings format, for the app's worker and the CLI alike: Parquet, Arrow,
 * HDF5 and the Projector's files are read asynchronously (their libraries load on first use), every
 * other format synchronously by detect.ts.
 */
import type { Embeddings } from '../geometry/types';
import { parseStore } from './arrayStore';
import { assembleEmbeddings, gunzipIfNeeded, type LoadOptions } from './assemble';
import { detectFormat, parseFormat } from './detect';

/**
 * Parses an embeddings file of any supported format (.npy, .npz, .parquet, .safetensors, .h5, .pt, .arrow,
 * Projector .bytes or projector_config.json, .json, .jsonl, .csv, .tsv, .txt; a gzip layer is removed
 * first) into Embeddings. Every defect of the input is an InputError.
 */
export async function loadEmbeddingsAsync(name: string, bytes: Uint8Array, opts: LoadOptions = {}): Promise<Embeddings> {
  const file = gunzipIfNeeded({ name, bytes }, opts.budget);
  const format = detectFormat(file.name, file.bytes);
  switch (format) {
    case 'parquet': {
      const { parseParquet } = await import('./parquet');
      return assembleEmbeddings(name, await parseParquet(name, file.bytes, opts), opts);
    }
    case 'arrow': {
      const { parseArrow } = await import('./arrow');
      return assembleEmbeddings(name, await parseArrow(name, file.bytes, opts), opts);
    }
    case 'hdf5': {
      const store = await (await import('./hdf5')).hdf5Store(file.bytes, name);
      try {
        return assembleEmbeddings(name, parseStore(store, name, { vectors: opts.vectors, withLabels: opts.labels === undefined }), opts);
      } finally {
        store.close();
      }
    }
    case 'projector':
      return (await (await import('./projectorLoad')).loadProjector(file, name, opts)).emb;
    case 'bytes':
      return (await import('./projectorLoad')).loadBytes(file, name, opts);
    default:
      return assembleEmbeddings(name, parseFormat(format, file, name, opts), opts);
  }
}
