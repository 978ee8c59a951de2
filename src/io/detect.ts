/**
 * Picks the parser for an embeddings file by magic bytes, then extension, and assembles Embeddings
 * (vectors plus optional labels) from the bytes of the files. Pure: the caller reads the files.
 * Parquet is read asynchronously: loadEmbeddingsAsync in load.ts handles every format.
 */
import type { Embeddings } from '../geometry/types';
import { assembleEmbeddings, gunzipIfNeeded, type LoadOptions, type NamedBytes, type ParsedEmbeddings } from './assemble';
import { InputError } from './errors';
import { parseJsonEmbeddings, parseJsonLines } from './json';
import { labelsFromNpy } from './labels';
import { hasNpyMagic } from './npyHeader';
import { npyToMatrix, parseNpy } from './npy';
import { hasZipMagic, LABEL_KEYS, listNpz, parseNpz, pickNpzArrays } from './npz';
import { hasSafetensorsLayout, parseSafetensors } from './safetensors';
import { parseStore } from './arrayStore';
import { hasArrowMagic, hasArrowStreamStart } from './arrow';
import { hasHdf5Magic } from './hdf5';
import { isProjectorConfig } from './projector';
import { isTorchZip, torchStore } from './torch';
import { parseDelimited } from './table';
import { decodeUtf8, emptyFileError } from './text';

export { gunzipIfNeeded, type LoadOptions, type NamedBytes } from './assemble';

export type EmbeddingsFormat = 'npy' | 'npz' | 'delimited' | 'json' | 'jsonl' | 'parquet' | 'safetensors' | 'torch' | 'hdf5' | 'arrow' | 'bytes' | 'projector';

/** Formats read only by loadEmbeddingsAsync (load.ts). */
const ASYNC_FORMATS = new Set<EmbeddingsFormat>(['parquet', 'hdf5', 'arrow', 'bytes', 'projector']);

/** V8's longest string (2^29 - 24 UTF-16 units); longer text cannot be decoded into one string. */
const MAX_TEXT_BYTES = 0x1fffffe8;

const TEXT_EXTENSIONS = ['.csv', '.tsv', '.tab', '.txt'];
const JSONL_EXTENSIONS = ['.jsonl', '.ndjson'];
const ARROW_EXTENSIONS = ['.arrow', '.arrows', '.feather', '.ipc'];

const FOREIGN: [test: (b: Uint8Array) => boolean, what: string][] = [
  [(b) => b[0] === 0x80 && b[1] >= 2 && b[1] <= 5, 'a bare Python pickle (or a PyTorch file from before 1.6, not a zip)'],
  [(b) => String.fromCharCode(...b.subarray(0, 4)) === 'FEA1', 'a Feather v1 file'],
];

/** Bytes 0..3 of a Parquet file: 'PAR1'. */
export function hasParquetMagic(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x41 && bytes[2] === 0x52 && bytes[3] === 0x31;
}

function extensionOf(name: string): string {
  const base = name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot).toLowerCase() : '';
}

function hexStart(bytes: Uint8Array): string {
  return [...bytes.subarray(0, 4)].map((b) => b.toString(16).padStart(2, '0')).join(' ');
}

const SUPPORTED_FIX = 'Use .npy or .npz (numpy.save / numpy.savez), .parquet, .safetensors, .h5, .pt (torch.save), .arrow/.feather, Projector .bytes, .json/.jsonl, or .csv/.tsv/.txt with one point per line.';

/**
 * The embeddings format of a file: .npy, .npz, Parquet and safetensors by their leading bytes (safetensors
 * also by extension), JSON, JSON Lines and delimited text by extension.
 */
export function detectFormat(name: string, bytes: Uint8Array): EmbeddingsFormat {
  if (bytes.length === 0) throw emptyFileError(name);
  if (hasNpyMagic(bytes)) return 'npy';
  const ext = extensionOf(name);
  if (hasZipMagic(bytes)) return ext === '.pt' || ext === '.pth' || isTorchZip(bytes, name) ? 'torch' : 'npz';
  if (hasParquetMagic(bytes)) return 'parquet';
  if (hasHdf5Magic(bytes)) return 'hdf5';
  if (hasArrowMagic(bytes) || (ARROW_EXTENSIONS.includes(ext) && hasArrowStreamStart(bytes))) return 'arrow';
  if (ext === '.bytes') return 'bytes';
  if (ext === '.json' && isProjectorConfig(bytes)) return 'projector';
  if (ext === '.safetensors' || hasSafetensorsLayout(bytes)) return 'safetensors';
  for (const [test, what] of FOREIGN) {
    if (bytes.length >= 4 && test(bytes)) throw new InputError(`${name} is ${what}, which subspace-lab cannot read.`, SUPPORTED_FIX);
  }
  if (ext === '.h5' || ext === '.hdf5' || ARROW_EXTENSIONS.includes(ext) || ext === '.pt' || ext === '.pth') {
    const what = ext === '.pt' || ext === '.pth' ? 'a PyTorch file (torch.save writes a zip, starting PK)' : ext.startsWith('.h') ? 'an HDF5 file (it does not start with \\x89HDF)' : 'an Arrow IPC file (it does not start with ARROW1 or an IPC stream marker)';
    throw new InputError(`${name} is not ${what}; its first bytes are ${hexStart(bytes)}.`, 'Re-save it with the library that wrote it, or rename it if it is another format.');
  }
  if (ext === '.npy' || ext === '.npz' || ext === '.parquet') {
    const kind = ext === '.npy' ? '.npy file (it does not start with \\x93NUMPY)' : ext === '.npz' ? '.npz archive (it is not a zip)' : 'Parquet file (it does not start with PAR1)';
    const writer = ext === '.parquet' ? 'with pandas or pyarrow' : 'with numpy';
    throw new InputError(`${name} is not a ${kind}; its first bytes are ${hexStart(bytes)}.`, `Re-save it ${writer}, or rename it if it is really a text file.`);
  }
  const textFormat = TEXT_EXTENSIONS.includes(ext) ? 'delimited' : ext === '.json' ? 'json' : JSONL_EXTENSIONS.includes(ext) ? 'jsonl' : undefined;
  if (textFormat) {
    if (bytes.subarray(0, 4096).includes(0)) {
      throw new InputError(`${name} is named like a text file but holds binary data.`, SUPPORTED_FIX);
    }
    return textFormat;
  }
  throw new InputError(`${name} has an unknown format (extension ${JSON.stringify(ext || '(none)')}, first bytes ${hexStart(bytes)}).`, SUPPORTED_FIX);
}

function decodeText(file: NamedBytes, name: string): string {
  if (file.bytes.length > MAX_TEXT_BYTES) {
    throw new InputError(`${name} is too large to parse as text (${file.bytes.length} bytes).`, 'Convert it to .npy (numpy.save), which is read without a text copy.');
  }
  return decodeUtf8(file.bytes, name);
}

/** The vectors (and the labels array named in LABEL_KEYS, unless a labels file is given) of an .npz. */
function parseNpzFile(bytes: Uint8Array, name: string, opts: LoadOptions): ParsedEmbeddings {
  const withLabels = opts.labels === undefined;
  let picked: ReturnType<typeof pickNpzArrays>;
  if (opts.vectors === undefined) {
    picked = pickNpzArrays(bytes, name, withLabels, opts.budget);
  } else {
    const keys = listNpz(bytes, name);
    if (!keys.includes(opts.vectors)) {
      throw new InputError(`${name} has no array named ${JSON.stringify(opts.vectors)} (it holds ${keys.join(', ') || 'none'}).`, 'Pass one of those names with --vectors.');
    }
    const labelsKey = withLabels ? LABEL_KEYS.find((k) => k !== opts.vectors && keys.includes(k)) : undefined;
    const arrays = parseNpz(bytes, name, (k) => k === opts.vectors || k === labelsKey, opts.budget);
    picked = { vectorsKey: opts.vectors, vectors: arrays.get(opts.vectors)!, labelsKey, labels: labelsKey === undefined ? undefined : arrays.get(labelsKey) };
  }
  const { rows: n, cols: dim, data: vectors } = npyToMatrix(picked.vectors, `${name}:${picked.vectorsKey}`);
  const parsed: ParsedEmbeddings = { n, dim, vectors };
  if (picked.labels) {
    const source = `${name}:${picked.labelsKey}`;
    parsed.labels = { values: labelsFromNpy(picked.labels, source), source };
  }
  return parsed;
}

/**
 * Parses an embeddings file of any synchronous format (everything but Parquet), gzip layer included.
 * An unsupported format, or --vectors for a format that holds a single array, is an InputError.
 */
export function parseEmbeddingsSync(name: string, bytes: Uint8Array, opts: LoadOptions = {}): ParsedEmbeddings {
  const file = gunzipIfNeeded({ name, bytes }, opts.budget);
  return parseFormat(detectFormat(file.name, file.bytes), file, name, opts);
}

/** Parses `file` (already gunzipped) as `format`; `name` is the name the user gave, for messages. */
export function parseFormat(format: EmbeddingsFormat, file: NamedBytes, name: string, opts: LoadOptions = {}): ParsedEmbeddings {
  if (ASYNC_FORMATS.has(format)) throw new Error(`${name} is ${format}, which is read asynchronously: call loadEmbeddingsAsync (io/load.ts)`);
  if (opts.vectors !== undefined && (format === 'npy' || format === 'delimited')) {
    throw new InputError(`--vectors was given, but ${name} holds a single array.`, 'Drop --vectors; it names the vectors inside an .npz, JSON, Parquet or safetensors file.');
  }
  switch (format) {
    case 'npy': {
      const { rows: n, cols: dim, data: vectors } = npyToMatrix(parseNpy(file.bytes, name), name);
      return { n, dim, vectors };
    }
    case 'npz':
      return parseNpzFile(file.bytes, name, opts);
    case 'safetensors':
      return parseSafetensors(file.bytes, name, opts);
    case 'json':
      return parseJsonEmbeddings(decodeText(file, name), name, opts);
    case 'jsonl':
      return parseJsonLines(decodeText(file, name), name, opts);
    case 'delimited':
      return parseDelimited(decodeText(file, name), name, { labelColumn: opts.labelColumn, labelsGiven: opts.labels !== undefined });
    case 'torch':
      return parseStore(torchStore(file.bytes, name, opts.budget), name, { vectors: opts.vectors, withLabels: opts.labels === undefined });
    default:
      throw new Error(`${name} is ${format}, which is read asynchronously: call loadEmbeddingsAsync (io/load.ts)`);
  }
}

/**
 * Parses an embeddings file (.npy, .npz, .safetensors, .json, .jsonl, .csv, .tsv, .txt, optionally gzipped)
 * into Embeddings; labels and size checks as in assembleEmbeddings. Parquet needs loadEmbeddingsAsync.
 */
export function loadEmbeddingsFromBytes(name: string, bytes: Uint8Array, opts: LoadOptions = {}): Embeddings {
  return assembleEmbeddings(name, parseEmbeddingsSync(name, bytes, opts), opts);
}
