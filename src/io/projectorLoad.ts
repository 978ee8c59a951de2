/**
 * Loading the Projector's files: a config with the tensor and metadata it names (resolved by the
 * caller's `companion`), or a `.bytes` tensor alone, whose shape comes from --dim or from the row
 * count of the metadata file given with it; never guessed.
 */
import type { Embeddings } from '../geometry/types';
import { assembleEmbeddings, gunzipIfNeeded, type LoadOptions, type NamedBytes } from './assemble';
import { InputError } from './errors';
import { readLabels } from './labels';
import { bytesNeedShape, floatCount, missingFilesError, parseBytesTensor, parseProjectorConfig, pickEmbedding, type ProjectorEmbedding } from './projector';

/** A loaded config: the Embeddings of the chosen embedding, which one it was, and all it lists. */
export interface ProjectorLoaded {
  emb: Embeddings;
  embedding: ProjectorEmbedding;
  list: ProjectorEmbedding[];
}

/** Reads a projector config's chosen embedding (opts.vectors names it by tensorName) with its tensor and metadata. */
export async function loadProjector(config: NamedBytes, name: string, opts: LoadOptions = {}): Promise<ProjectorLoaded> {
  const list = parseProjectorConfig(config.bytes, name);
  const embedding = pickEmbedding(list, name, opts.vectors);
  const find = async (path: string | undefined) => (path && opts.companion ? await opts.companion(path) : undefined);
  const tensor = await find(embedding.tensorPath);
  const metadata = opts.labels ? undefined : await find(embedding.metadataPath);
  const missing = [!tensor && embedding.tensorPath, !opts.labels && embedding.metadataPath && !metadata && embedding.metadataPath].filter((x): x is string => !!x);
  if (missing.length > 0) throw missingFilesError(name, embedding, missing);
  const t = gunzipIfNeeded(tensor!, opts.budget);
  const shape = embedding.tensorShape;
  const parsed = shape
    ? parseBytesTensor(t.bytes, tensor!.name, shape[1], shape[0], `tensorShape in ${name}`)
    : parseBytesTensor(t.bytes, tensor!.name, shapeFromRows(t.bytes, tensor!.name, opts.labels ?? metadata, opts.labelColumn));
  const emb = assembleEmbeddings(tensor!.name, parsed, { ...opts, labels: opts.labels ?? metadata });
  return { emb, embedding, list };
}

/** The dimension a metadata file implies: its row count divides the tensor's float count. */
function shapeFromRows(bytes: Uint8Array, name: string, labels: NamedBytes | undefined, column?: string): number {
  const count = floatCount(bytes, name);
  if (!labels) throw bytesNeedShape(name, count);
  const lf = gunzipIfNeeded(labels);
  const rows = readLabels(lf.name, lf.bytes, column).values.length;
  if (rows === 0 || count % rows !== 0) {
    throw new InputError(
      `${name} holds ${count} float32 values, which ${labels.name}'s ${rows} rows do not divide, so the shape cannot be taken from it.`,
      'Give the dimension (--dim D; in the app, the dialog asks), or check that the metadata file belongs to this tensor.',
    );
  }
  return count / rows;
}

/** A `.bytes` tensor alone: opts.dim, else the row count of opts.labels. */
export function loadBytes(file: NamedBytes, name: string, opts: LoadOptions = {}): Embeddings {
  const dim = opts.dim ?? shapeFromRows(file.bytes, name, opts.labels, opts.labelColumn);
  return assembleEmbeddings(name, parseBytesTensor(file.bytes, name, dim), opts);
}
