/**
 * Turns a DatasetSource into Embeddings inside the worker: reads the bytes (Files by streaming,
 * URLs by a same-origin fetch, synthetic sets by generating them), then parses with io
 * (loadEmbeddingsAsync), except where a file leaves a choice open (choices.ts).
 */
import type { Embeddings } from '../geometry/types';
import { gaussianBlobs } from '../datasets/blobs';
import { compactNonFinite } from '../geometry/clean';
import { assembleEmbeddings, gunzipIfNeeded, type NamedBytes } from '../io/assemble';
import { classifierFromFiles, type LoadedClassifier } from '../io/classifier';
import { detectFormat } from '../io/detect';
import { InputError } from '../io/errors';
import { loadEmbeddingsAsync } from '../io/load';
import { hasNpyMagic, parseNpyHeader } from '../io/npyHeader';
import { decodeUtf8 } from '../io/text';
import { isNpz, metadataChoice, metadataColumns, npzChoices, npzEntry, tableChoices, type FileChoices, type LoadChoice } from '../io/choices';
import { fetchBytes, fileNameOf, readBlob } from '../io/readFile';
import { LABELS_KEPT_FIX, labelsOnlyError, readTable } from '../io/table';
import type { ClusterChoice } from './clusterSource';
import { parseContainer, type Companion } from './containerSources';
import { baseName } from '../io/projector';
import { idxEmbeddings } from './idxSource';

/** A dataset the worker fetches itself (same origin only): vectors plus an optional labels/metadata file. */
export interface UrlDatasetSource {
  kind: 'url';
  /** Display name, e.g. "digits". */
  name: string;
  vectorsUrl: string;
  labelsUrl?: string;
  choice?: LoadChoice;
  /** Files holding the final-layer classifier W (and b) for nc3/nc4 (io/classifier.ts classifierFromFiles). */
  classifier?: File[];
  /** Names of the label values 0, 1, ... of an IDX labels file (idxSource.ts), e.g. Fashion-MNIST's classes. */
  classNames?: string[];
}

/** Files the user chose or dropped: the vectors file and an optional labels/metadata file. */
export interface FilesSource {
  kind: 'files';
  name: string;
  vectors: File;
  metadata?: File;
  /** Files dropped with a Projector config (its tensor, metadata and sprite), found by the names the config gives. */
  companions?: File[];
  choice?: LoadChoice;
  /** Files holding the final-layer classifier W (and b) for nc3/nc4 (io/classifier.ts classifierFromFiles). */
  classifier?: File[];
}

/** A seeded synthetic set generated in the worker (src/datasets). */
export interface SyntheticSource {
  kind: 'synthetic';
  name: string;
  generator: 'blobs';
  params: { n: number; dim: number; classes: number; separation: number; noise: number; seed: number };
}

/** Points of the dataset on screen (isolate and re-analyse): plotted-point indices of dataset `dataset`, loaded from `parent`. */
export interface RowsSource {
  kind: 'rows';
  name: string;
  dataset: number;
  points: Int32Array;
  /** The source of the dataset the points come from (to go back to all of them). */
  parent: DatasetSource;
  /** Unused (the rows are taken as they are); present so every non-synthetic source can carry one. */
  choice?: LoadChoice;
}

/** The dataset on screen labelled by its clusters (clusterSource.ts); its true labels become the metadata column "true class". */
export interface ClustersSource {
  kind: 'clusters';
  name: string;
  dataset: number;
  cluster: ClusterChoice;
  seed: number;
  parent: DatasetSource;
  /** Unused, as for RowsSource. */
  choice?: LoadChoice;
}

export type DatasetSource = UrlDatasetSource | FilesSource | SyntheticSource | RowsSource | ClustersSource;

/** Embeddings without their non-finite rows, the count dropped and the original row of each kept row. */
export interface FiniteRows {
  emb: Embeddings;
  nonFinite: number;
  rowIndex: Int32Array;
}

/**
 * A loaded source: its Embeddings (until finiteRowsOf compacts them: then only `finite` is
 * valid) and the choices in effect; or the choice the user must make first.
 */
export type Loaded = { emb: Embeddings; choices: FileChoices | null; finite?: FiniteRows } | { choose: FileChoices };

/**
 * The finite rows of a loaded source, compacted in place the first time (no second copy of the
 * matrix) and remembered on the object, so a cached source is compacted once.
 */
export function finiteRowsOf(loaded: Extract<Loaded, { emb: Embeddings }>): FiniteRows {
  loaded.finite ??= compactNonFinite(loaded.emb);
  return loaded.finite;
}

/** Reports reading progress: bytes done of the total over all files of the source. */
export type BytesProgress = (done: number, total: number) => void;

/** Bytes inspected to find a delimited file's header and column kinds. */
const HEADER_BYTES = 1 << 20;

/** Throws an InputError unless `url` is on the page's own origin. */
export function checkSameOrigin(url: string, origin: string): void {
  let parsed: URL;
  try {
    parsed = new URL(url, origin);
  } catch {
    throw new InputError(`${JSON.stringify(url)} is not a valid address.`, 'Give a path on this site, e.g. ?data=data/digits.npy.');
  }
  if (parsed.origin !== origin) {
    throw new InputError(
      `The data address ${parsed.origin} is on another site; Subspace Lab only loads files from its own origin (${origin}).`,
      'Download the file and drop it on the page, or serve it from this site (e.g. under public/data/).',
    );
  }
}

async function readAll(source: DatasetSource, signal: AbortSignal, onBytes: BytesProgress): Promise<{ vectors: NamedBytes; metadata?: NamedBytes }> {
  if (source.kind === 'files') {
    const total = source.vectors.size + (source.metadata?.size ?? 0);
    const vectors = { name: source.vectors.name, bytes: await readBlob(source.vectors, source.vectors.name, signal, (d) => onBytes(d, total)) };
    const meta = source.metadata;
    if (!meta) return { vectors };
    const base = source.vectors.size;
    return { vectors, metadata: { name: meta.name, bytes: await readBlob(meta, meta.name, signal, (d) => onBytes(base + d, total)) } };
  }
  if (source.kind !== 'url') throw new Error('readAll: not a file source');
  const origin = self.location.origin;
  checkSameOrigin(source.vectorsUrl, origin);
  if (source.labelsUrl) checkSameOrigin(source.labelsUrl, origin);
  const vectors = { name: fileNameOf(source.vectorsUrl), bytes: await fetchBytes(source.vectorsUrl, signal, onBytes) };
  if (!source.labelsUrl) return { vectors };
  const done = vectors.bytes.length;
  const labels = await fetchBytes(source.labelsUrl, signal, (d, t) => onBytes(done + d, done + t));
  return { vectors, metadata: { name: fileNameOf(source.labelsUrl), bytes: labels } };
}

/**
 * Parses the bytes of a vectors file (and optional metadata file) with the user's choice. A file
 * given alone that holds labels or metadata (no numeric column, or one value per row) is an
 * InputError with LABELS_KEPT_FIX: the app keeps it for the vectors file chosen next.
 */
export async function parseFiles(vectors: NamedBytes, metadata: NamedBytes | undefined, choice: LoadChoice | undefined, companion: Companion = async () => undefined, classNames?: readonly string[]): Promise<Loaded> {
  const idx = idxEmbeddings(vectors, metadata, classNames);
  if (idx) return { emb: idx, choices: null };
  const metaColumns = metadata ? metadataColumns(gunzipIfNeeded(metadata)) : null;
  const metaLabelColumn = metaColumns ? metadataChoice(metaColumns, choice?.metaLabelColumn) : undefined;
  if (!metadata && isLabelsNpy(gunzipIfNeeded(vectors))) throw labelsOnlyError(vectors.name, [], LABELS_KEPT_FIX);
  const loaded = await parseVectors(vectors, metadata, choice, metaLabelColumn, companion);
  if ('emb' in loaded && !metadata && loaded.emb.dim === 1) throw labelsOnlyError(vectors.name, [], LABELS_KEPT_FIX);
  if (!metaColumns || !('emb' in loaded)) return loaded;
  const base: FileChoices = loaded.choices ?? { file: vectors.name, kind: 'plain', chosen: { labelColumn: '', labelsArray: '' }, reason: '' };
  const chosen = { ...base.chosen, metaLabelColumn };
  return { ...loaded, choices: { ...base, chosen, metadata: { file: metadata!.name, columns: metaColumns } } };
}

/** A .npy of one value per row (1-D, or text): labels, not vectors. */
function isLabelsNpy(file: NamedBytes): boolean {
  if (!hasNpyMagic(file.bytes)) return false;
  const h = parseNpyHeader(file.bytes.subarray(0, 64 * 1024), file.name);
  return h.shape.length === 1 || /^[<>|=]?[US]/.test(h.dtype.descr);
}

async function parseVectors(vectors: NamedBytes, metadata: NamedBytes | undefined, choice: LoadChoice | undefined, labelColumn: string | undefined, companion: Companion): Promise<Loaded> {
  const file = gunzipIfNeeded(vectors);
  const name = vectors.name;
  const container = await parseContainer(detectFormat(file.name, file.bytes), file, name, metadata, choice, companion);
  if (container) return container;
  const labelOpts = { labels: metadata, labelColumn: metadata ? labelColumn : undefined };
  if (isNpz(file.bytes)) {
    const choices = npzChoices(file.bytes, name, choice);
    if (choices.reason && !choice) return { choose: choices };
    const { vectors: key, labelsArray } = choices.chosen;
    const labels = metadata ?? (labelsArray ? { name: `${name}:${labelsArray}`, bytes: npzEntry(file.bytes, labelsArray, name) } : undefined);
    const emb = await loadEmbeddingsAsync(file.name, file.bytes, { vectors: key, labels, labelColumn: labelOpts.labelColumn });
    if (!labels) {
      delete emb.labels;
      delete emb.classNames;
    }
    return { emb, choices };
  }
  if (detectFormat(file.name, file.bytes) === 'delimited') {
    const head = new TextDecoder('utf-8').decode(file.bytes.subarray(0, HEADER_BYTES));
    const found = tableChoices(head, name, choice);
    if (found && !metadata && found.header.columns.every((c) => !c.numeric)) throw labelsOnlyError(name, found.header.columns.map((c) => c.name), LABELS_KEPT_FIX);
    if (found) {
      if (found.choices.reason && !choice) return { choose: found.choices };
      const text = decodeUtf8(file.bytes, name);
      const { columns, labelColumn: tableLabel } = found.choices.chosen;
      const parsed = readTable(text, name, found.header, columns ?? [], metadata ? undefined : tableLabel || undefined);
      return { emb: assembleEmbeddings(name, parsed, labelOpts), choices: found.choices };
    }
  }
  return { emb: await loadEmbeddingsAsync(file.name, file.bytes, labelOpts), choices: null };
}

/** Finds a file a Projector config names among the dropped companions, by base name, and reads it. */
export function companionsOf(files: readonly File[], signal: AbortSignal): Companion {
  return async (path) => {
    const file = files.find((f) => f.name === baseName(path));
    return file ? { name: file.name, bytes: await readBlob(file, file.name, signal, () => undefined) } : undefined;
  };
}

/** Loads a source: its Embeddings and the choices in effect, or the choice the user must make first. */
export async function loadSource(source: DatasetSource, signal: AbortSignal, onBytes: BytesProgress): Promise<Loaded> {
  if (source.kind === 'synthetic') return { emb: gaussianBlobs(source.params), choices: null };
  if (source.kind === 'rows' || source.kind === 'clusters') throw new Error('A selection is taken from the dataset in the worker, not loaded.');
  const { vectors, metadata } = await readAll(source, signal, onBytes);
  return parseFiles(vectors, metadata, source.choice, source.kind === 'files' ? companionsOf(source.companions ?? [], signal) : undefined, source.kind === 'url' ? source.classNames : undefined);
}

/**
 * The classifier of a source's `classifier` files (W and b as separate files or one container),
 * shaped for the loaded rows (their dimension and class count), or null when the source has none.
 */
export async function readClassifier(source: DatasetSource, emb: Embeddings, signal: AbortSignal): Promise<LoadedClassifier | null> {
  const files = source.kind === 'files' || source.kind === 'url' ? source.classifier : undefined;
  if (!files?.length) return null;
  const read = await Promise.all(files.map(async (f) => gunzipIfNeeded({ name: f.name, bytes: await readBlob(f, f.name, signal, () => undefined) })));
  return classifierFromFiles(read, emb.dim, emb.classNames ? emb.classNames.length : null);
}
