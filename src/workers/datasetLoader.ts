/**
 * Fetches a dataset's files (same origin) and parses them with the same io code as the CLI
 * (loadEmbeddingsFromBytes), caching the parsed Embeddings per source so a backend switch does
 * not reload them.
 */
import type { Embeddings } from '../geometry/types';
import { loadEmbeddingsFromBytes } from '../io/detect';
import { InputError } from '../io/errors';
import type { DatasetSource } from './protocol';

/** The last path segment of a URL, used as the file name in messages and for the format. */
export function fileNameOf(url: string): string {
  const path = new URL(url, 'http://localhost/').pathname;
  return decodeURIComponent(path.slice(path.lastIndexOf('/') + 1)) || url;
}

async function fetchBytes(url: string, signal: AbortSignal): Promise<Uint8Array> {
  let res: Response;
  try {
    res = await fetch(url, { signal });
  } catch (e) {
    if (signal.aborted) throw e;
    throw new InputError(`Could not fetch ${fileNameOf(url)} (${(e as Error).message}).`, 'Check the connection and reload the page.');
  }
  if (!res.ok) {
    throw new InputError(`Could not fetch ${fileNameOf(url)}: HTTP ${res.status} ${res.statusText}.`, 'Check that the file is deployed under public/data/ and reload.');
  }
  return new Uint8Array(await res.arrayBuffer());
}

/** Loads a URL source: vectors (.npy, .npz or text) plus an optional labels file. */
export async function loadUrlDataset(source: DatasetSource, signal: AbortSignal): Promise<Embeddings> {
  const [vectors, labels] = await Promise.all([
    fetchBytes(source.vectorsUrl, signal),
    source.labelsUrl ? fetchBytes(source.labelsUrl, signal) : Promise.resolve(null),
  ]);
  return loadEmbeddingsFromBytes(fileNameOf(source.vectorsUrl), vectors, {
    labels: labels && source.labelsUrl ? { name: fileNameOf(source.labelsUrl), bytes: labels } : undefined,
  });
}

/** A loader that keeps the most recent dataset parsed, keyed by its URLs. */
export function createDatasetCache(
  load: (s: DatasetSource, signal: AbortSignal) => Promise<Embeddings> = loadUrlDataset,
): (s: DatasetSource, signal: AbortSignal) => Promise<Embeddings> {
  let cached: { key: string; emb: Promise<Embeddings> } | null = null;
  return (source, signal) => {
    const key = `${source.vectorsUrl}\n${source.labelsUrl ?? ''}`;
    if (cached?.key !== key) {
      const emb = load(source, signal);
      cached = { key, emb };
      emb.catch(() => {
        if (cached?.emb === emb) cached = null;
      });
    }
    return cached.emb;
  };
}
