/**
 * Picks the parser for an embeddings file by magic bytes, then extension, and assembles Embeddings
 * (vectors plus optional labels) from the bytes of the files. Pure: the caller reads the files.
 */
import { gunzipSync } from 'fflate';
import type { Embeddings } from '../geometry/types.ts';
import { parseNumericTable } from './delimited.ts';
import { InputError } from './errors.ts';
import { encodeLabels, labelCountError, labelsFromNpy, readLabels, type RawLabels } from './labels.ts';
import { hasNpyMagic } from './npyHeader.ts';
import { npyToMatrix, parseNpy } from './npy.ts';
import { hasZipMagic, pickNpzArrays } from './npz.ts';

export type EmbeddingsFormat = 'npy' | 'npz' | 'delimited';

/** A file given as its name (for messages and the extension) and its bytes. */
export interface NamedBytes {
  name: string;
  bytes: Uint8Array;
}

/** V8's longest string (2^29 - 24 UTF-16 units); longer text cannot be decoded into one string. */
const MAX_TEXT_BYTES = 0x1fffffe8;

const TEXT_EXTENSIONS = ['.csv', '.tsv', '.tab', '.txt'];

const FOREIGN: [test: (b: Uint8Array) => boolean, what: string][] = [
  [(b) => b[0] === 0x89 && b[1] === 0x48 && b[2] === 0x44 && b[3] === 0x46, 'an HDF5 file'],
  [(b) => b[0] === 0x50 && b[1] === 0x41 && b[2] === 0x52 && b[3] === 0x31, 'a Parquet file'],
  [(b) => b[0] === 0x80 && b[1] >= 2 && b[1] <= 5, 'a Python pickle'],
];

function extensionOf(name: string): string {
  const base = name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot).toLowerCase() : '';
}

function hexStart(bytes: Uint8Array): string {
  return [...bytes.subarray(0, 4)].map((b) => b.toString(16).padStart(2, '0')).join(' ');
}

const SUPPORTED_FIX = 'Use .npy or .npz (numpy.save / numpy.savez), or .csv/.tsv/.txt with one point per line.';

/** The embeddings format of a file: .npy/.npz by magic bytes, delimited text by extension. */
export function detectFormat(name: string, bytes: Uint8Array): EmbeddingsFormat {
  if (hasNpyMagic(bytes)) return 'npy';
  const ext = extensionOf(name);
  if (hasZipMagic(bytes)) {
    if (ext === '.pt' || ext === '.pth') {
      throw new InputError(`${name} is a PyTorch checkpoint, which subspace-lab cannot read.`, 'Export the tensor with np.save(path, t.detach().cpu().numpy()).');
    }
    return 'npz';
  }
  for (const [test, what] of FOREIGN) {
    if (bytes.length >= 4 && test(bytes)) throw new InputError(`${name} is ${what}, which subspace-lab cannot read.`, SUPPORTED_FIX);
  }
  if (ext === '.npy' || ext === '.npz') {
    const kind = ext === '.npy' ? '.npy file (it does not start with \\x93NUMPY)' : '.npz archive (it is not a zip)';
    throw new InputError(`${name} is not a ${kind}; its first bytes are ${hexStart(bytes)}.`, 'Re-save it with numpy, or rename it if it is really a text file.');
  }
  if (TEXT_EXTENSIONS.includes(ext)) {
    if (bytes.subarray(0, 4096).includes(0)) {
      throw new InputError(`${name} is named like a text file but holds binary data.`, SUPPORTED_FIX);
    }
    return 'delimited';
  }
  throw new InputError(`${name} has an unknown format (extension ${JSON.stringify(ext || '(none)')}, first bytes ${hexStart(bytes)}).`, SUPPORTED_FIX);
}

/** Strips a gzip layer (magic 1f 8b), returning the inner name without '.gz'. */
export function gunzipIfNeeded(file: NamedBytes): NamedBytes {
  const b = file.bytes;
  if (b.length < 2 || b[0] !== 0x1f || b[1] !== 0x8b) return file;
  try {
    return { name: file.name.replace(/\.gz$/i, ''), bytes: gunzipSync(b) };
  } catch (e) {
    throw new InputError(`${file.name} is a damaged gzip file (${e instanceof Error ? e.message : String(e)}).`, 'Re-download or re-compress it.');
  }
}

export interface LoadOptions {
  /** A separate labels file (--labels). */
  labels?: NamedBytes;
  /** The metadata column holding the labels (--label-column). */
  labelColumn?: string;
}

/**
 * Parses an embeddings file (.npy, .npz, .csv, .tsv, .txt, optionally gzipped) into Embeddings. Labels come
 * from opts.labels, else from a 'labels'/'y' array inside an .npz; they are encoded by encodeLabels.
 * Fewer than 3 rows, or a label count that differs from the row count, is an InputError.
 */
export function loadEmbeddingsFromBytes(name: string, bytes: Uint8Array, opts: LoadOptions = {}): Embeddings {
  const file = gunzipIfNeeded({ name, bytes });
  const format = detectFormat(file.name, file.bytes);
  let n: number;
  let dim: number;
  let vectors: Float32Array;
  let inner: RawLabels | undefined;
  let innerName = name;
  if (format === 'npy') {
    ({ rows: n, cols: dim, data: vectors } = npyToMatrix(parseNpy(file.bytes, name), name));
  } else if (format === 'npz') {
    const picked = pickNpzArrays(file.bytes, name, opts.labels === undefined);
    ({ rows: n, cols: dim, data: vectors } = npyToMatrix(picked.vectors, `${name}:${picked.vectorsKey}`));
    if (picked.labels) {
      innerName = `${name}:${picked.labelsKey}`;
      inner = { values: labelsFromNpy(picked.labels, innerName), headerConsumed: false };
    }
  } else {
    if (file.bytes.length > MAX_TEXT_BYTES) {
      throw new InputError(`${name} is too large to parse as text (${file.bytes.length} bytes).`, 'Convert it to .npy (numpy.save), which is read without a text copy.');
    }
    ({ n, dim, vectors } = parseNumericTable(new TextDecoder('utf-8').decode(file.bytes), name));
  }
  if (n < 3) {
    throw new InputError(`${name} has ${n} point${n === 1 ? '' : 's'}; the analysis needs at least 3.`, 'Pass a file with at least 3 rows (one point per row).');
  }
  if (dim < 1) throw new InputError(`${name} has ${n} rows of 0 values.`, 'Pass vectors with at least one dimension.');

  const emb: Embeddings = { n, dim, vectors };
  let raw = inner;
  let rawName = innerName;
  if (opts.labels) {
    const lf = gunzipIfNeeded(opts.labels);
    raw = readLabels(lf.name, lf.bytes, opts.labelColumn);
    rawName = opts.labels.name;
  } else if (opts.labelColumn !== undefined) {
    throw new InputError('--label-column was given without --labels.', 'Pass the metadata file with --labels FILE.');
  }
  if (raw) {
    if (raw.values.length !== n) throw labelCountError(rawName, raw, name, n);
    const { labels, classNames } = encodeLabels(raw.values);
    emb.labels = labels;
    emb.classNames = classNames;
    if (raw.meta) emb.meta = raw.meta;
  }
  return emb;
}
