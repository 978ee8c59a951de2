/**
 * The Compare worker's inputs as Embeddings: files read and parsed exactly as Explore's worker does
 * (sources.ts), plus the tensor choice of a .safetensors file (so two arrays of one file can be
 * compared), and rows already in memory (a Train run's features).
 */
import type { Embeddings } from '../geometry/types';
import { detectFormat } from '../io/detect';
import { gunzipIfNeeded } from '../io/assemble';
import { loadEmbeddingsAsync } from '../io/load';
import { parseSafetensorsHeader, TENSOR_VECTOR_NAMES } from '../io/safetensors';
import type { FileChoices } from '../io/choices';
import { loadSource, parseFiles, type BytesProgress, type Loaded } from '../explore/sources';
import { readBlob } from '../io/readFile';
import type { CompareInput, SideInfo } from './types';
import { poolImages } from './pool';

/** A side loaded: its Embeddings and the choices in effect, or the choice the user must make. */
export type LoadedSide = { emb: Embeddings; choices: FileChoices | null } | { choose: FileChoices };

/** The tensors of a safetensors file as the choices of an .npz (2-D tensors hold vectors). */
function safetensorChoices(bytes: Uint8Array, name: string, vectors: string | undefined): FileChoices {
  const { tensors } = parseSafetensorsHeader(bytes, name);
  const arrays = tensors.map((t) => ({ name: t.name, dtype: t.dtype, shape: t.shape }));
  const matrices = arrays.filter((a) => a.shape.length === 2);
  const chosen = vectors ?? TENSOR_VECTOR_NAMES.find((k) => matrices.some((a) => a.name === k)) ?? matrices[0]?.name;
  return { file: name, kind: 'npz', arrays, chosen: { vectors: chosen, labelsArray: '', labelColumn: '' }, reason: '' };
}

async function loadFiles(source: Extract<CompareInput, { kind: 'source' }>['source'] & { kind: 'files' }, signal: AbortSignal, onBytes: BytesProgress): Promise<Loaded> {
  const total = source.vectors.size + (source.metadata?.size ?? 0);
  const vectors = { name: source.vectors.name, bytes: await readBlob(source.vectors, source.vectors.name, signal, (d) => onBytes(d, total)) };
  const meta = source.metadata;
  const metadata = meta ? { name: meta.name, bytes: await readBlob(meta, meta.name, signal, (d) => onBytes(source.vectors.size + d, total)) } : undefined;
  const file = gunzipIfNeeded(vectors);
  if (detectFormat(file.name, file.bytes) === 'safetensors') {
    const choices = safetensorChoices(file.bytes, file.name, source.choice?.vectors);
    const emb = await loadEmbeddingsAsync(file.name, file.bytes, { vectors: choices.chosen.vectors, labels: metadata });
    return { emb, choices: choices.arrays!.filter((a) => a.shape.length === 2).length > 1 ? choices : null };
  }
  return parseFiles(vectors, metadata, source.choice);
}

/** Loads one side of a comparison. */
export async function loadSide(input: CompareInput, signal: AbortSignal, onBytes: BytesProgress): Promise<LoadedSide> {
  if (input.kind === 'arrays') {
    const { n, dim, vectors, labels, classNames } = input;
    return { emb: { n, dim, vectors, ...(labels ? { labels, classNames } : {}) }, choices: null };
  }
  const loaded = input.source.kind === 'files' ? await loadFiles(input.source, signal, onBytes) : await loadSource(input.source, signal, onBytes);
  if ('choose' in loaded) return loaded;
  if (!input.pool) return { emb: loaded.emb, choices: loaded.choices };
  const { emb } = loaded;
  return { emb: { ...emb, ...poolImages(emb.vectors, emb.n, emb.dim, input.pool, input.source.name) }, choices: loaded.choices };
}

/** What the UI shows of a loaded side. */
export function sideInfo(input: CompareInput, emb: Embeddings, choices: FileChoices | null): SideInfo {
  const name = input.kind === 'arrays' ? input.name : input.source.name;
  return { name, n: emb.n, dim: emb.dim, labelled: Boolean(emb.labels), metaColumns: emb.meta?.columns ?? [], choices };
}
