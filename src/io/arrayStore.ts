/**
 * Containers of named arrays (an HDF5 file's datasets, a PyTorch checkpoint's tensors): one rule, for
 * the app and the CLI alike, for which array holds the vectors and which the labels, and the
 * ParsedEmbeddings of a choice. The .npz rule is the same (VECTOR_KEYS, then the only 2-D array).
 */
import type { ParsedEmbeddings } from './assemble';
import { InputError } from './errors';
import { labelsFromNpy } from './labels';
import { formatShape } from './npyHeader';
import { npyToMatrix, type NpyArray } from './npy';
import { LABEL_KEYS, VECTOR_KEYS } from './npz';

/** One array of a container, as listed (its data is not read). dtype in numpy's notation ('<f4', '<i8', 'str'). */
export interface ArrayInfo {
  name: string;
  dtype: string;
  shape: number[];
}

/** A container of named arrays: the listing, and one array read on demand. */
export interface ArrayStore {
  /** The format, for messages ("HDF5 dataset", "tensor"). */
  what: string;
  arrays: ArrayInfo[];
  read(name: string): NpyArray;
}

/** Numeric 2-D arrays (vectors candidates). */
export const isMatrixInfo = (a: ArrayInfo): boolean => a.shape.length === 2 && /^[<>|=]?[fiu]\d$/.test(a.dtype);

/** 1-D (or N x 1) integer, boolean or text arrays of `rows` elements (labels candidates). */
export const isLabelsInfo = (a: ArrayInfo, rows: number): boolean =>
  (a.shape.length === 1 || (a.shape.length === 2 && a.shape[1] === 1)) && a.shape[0] === rows && /^([<>|=]?[iub]\d|str)$/.test(a.dtype);

/** The last segment of an array's path ('group/embeddings' and 'state_dict.embeddings' -> 'embeddings'). */
const leaf = (name: string) => name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('.')) + 1);

/** The default vectors (a VECTOR_KEYS name, else the only matrix) and labels (a LABEL_KEYS name of matching length); `ambiguous` when several matrices and none is named. */
export function defaultArrays(arrays: readonly ArrayInfo[], vectors?: string): { vectors?: string; labels: string; ambiguous: boolean } {
  const matrices = arrays.filter(isMatrixInfo);
  const named = VECTOR_KEYS.map((k) => matrices.find((a) => leaf(a.name) === k)).find((a) => a !== undefined);
  const chosen = vectors ?? named?.name ?? (matrices.length === 1 ? matrices[0].name : undefined);
  const rows = arrays.find((a) => a.name === chosen)?.shape[0] ?? -1;
  const labelled = LABEL_KEYS.map((k) => arrays.find((a) => leaf(a.name) === k && isLabelsInfo(a, rows))).find((a) => a !== undefined);
  return { vectors: chosen, labels: labelled?.name ?? '', ambiguous: chosen === undefined && matrices.length > 1 };
}

const describe = (a: ArrayInfo) => `${a.name} ${a.dtype} ${formatShape(a.shape)}`;

/**
 * ParsedEmbeddings from a container: `vectors` (else the default), and `labels` ('' for none, undefined
 * for the default, which is skipped when `withLabels` is false). Missing names and ambiguity are InputErrors.
 */
export function parseStore(store: ArrayStore, name: string, opts: { vectors?: string; labels?: string; withLabels?: boolean } = {}): ParsedEmbeddings {
  const { arrays } = store;
  const listing = arrays.map(describe).join(', ') || 'nothing';
  if (opts.vectors !== undefined && !arrays.some((a) => a.name === opts.vectors)) {
    throw new InputError(`${name} has no ${store.what} named ${JSON.stringify(opts.vectors)} (it holds ${listing}).`, 'Pass one of those names with --vectors.');
  }
  const d = defaultArrays(arrays, opts.vectors);
  if (d.vectors === undefined) {
    const matrices = arrays.filter(isMatrixInfo).map((a) => a.name);
    throw new InputError(
      d.ambiguous
        ? `${name} holds several 2-D arrays (${matrices.join(', ')}), so the vectors are ambiguous.`
        : `${name} has no 2-D numeric ${store.what} to use as embeddings (it holds ${listing}).`,
      d.ambiguous ? 'Choose one with --vectors NAME (in the app: the dialog that lists them).' : 'Store the vectors as a 2-D float array (points x dimensions).',
    );
  }
  const vectorsName = d.vectors;
  const { rows: n, cols: dim, data: vectors } = npyToMatrix(store.read(vectorsName), `${name}:${vectorsName}`);
  const parsed: ParsedEmbeddings = { n, dim, vectors };
  const labelsName = opts.labels ?? (opts.withLabels === false ? '' : d.labels);
  if (labelsName) {
    if (!arrays.some((a) => a.name === labelsName)) {
      throw new InputError(`${name} has no ${store.what} named ${JSON.stringify(labelsName)} (it holds ${listing}).`, 'Choose one of the arrays it lists as labels, or none.');
    }
    const source = `${name}:${labelsName}`;
    parsed.labels = { values: labelsFromNpy(store.read(labelsName), source), source };
  }
  return parsed;
}
