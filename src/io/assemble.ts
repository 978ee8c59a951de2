/**
 * The format-independent half of loading: every parser returns ParsedEmbeddings (vectors plus whatever
 * per-row columns or labels the file holds), and assembleEmbeddings turns that, with the user's options,
 * into Embeddings: size checks, the label source, label encoding, metadata.
 */
import type { Embeddings, Metadata } from '../geometry/types';
import { InputError } from './errors';
import { inflateCapped } from './inflate';
import { encodeLabels, labelCountError, pickLabelColumn, readLabels, type RawLabels } from './labels';
import { quoteShort } from './text';

/** A file given as its name (for messages and the extension) and its bytes. */
export interface NamedBytes {
  name: string;
  bytes: Uint8Array;
}

export interface LoadOptions {
  /** A separate labels file (--labels). */
  labels?: NamedBytes;
  /** The metadata column holding the labels (--label-column): of the --labels file, else of the embeddings file. */
  labelColumn?: string;
  /** The array, field, column or tensor holding the vectors inside an .npz, JSON, Parquet or safetensors file (--vectors). */
  vectors?: string;
  /** Most bytes one decompressed file or array may take (default DEFAULT_BUDGET_BYTES in inflate.ts). */
  budget?: number;
  /** A raw float32 .bytes tensor's dimension (--dim). */
  dim?: number;
  /** A file a Projector config names, by the path it writes (the CLI reads it next to the config, the app among the dropped files). */
  companion?: (path: string) => NamedBytes | undefined | Promise<NamedBytes | undefined>;
}

/** What a parser found: an n x dim float32 matrix plus the per-row data stored next to it. */
export interface ParsedEmbeddings {
  n: number;
  dim: number;
  /** Row-major n x dim. */
  vectors: Float32Array;
  /** Per-row columns stored with the vectors (JSON fields, Parquet columns), as text ('' when missing). */
  meta?: Metadata;
  /** The meta column used as labels when --label-column names none. */
  labelColumn?: string;
  /** Labels stored as their own array (an .npz 'labels', a safetensors 'labels' tensor); `source` names it in messages. */
  labels?: { values: string[]; source: string };
}

/**
 * Strips a gzip layer (magic 1f 8b), returning the inner name without '.gz'. Inflation is capped at
 * `budget` bytes (default: DEFAULT_BUDGET_BYTES), and at the declared size of an inner .npy.
 */
export function gunzipIfNeeded(file: NamedBytes, budget?: number): NamedBytes {
  const b = file.bytes;
  if (b.length < 2 || b[0] !== 0x1f || b[1] !== 0x8b) return file;
  return { name: file.name.replace(/\.gz$/i, ''), bytes: inflateCapped(b, file.name, { gzip: true, budget }) };
}

/** The column named `column` of a table stored in the embeddings file, with the InputError of labels.ts when absent. */
function embeddedColumn(meta: Metadata, name: string, column: string): RawLabels {
  const picked = pickLabelColumn(meta, name, column);
  return { values: picked.values, headerConsumed: false, column: picked.column };
}

/**
 * Embeddings from a parser's output. Labels, first match wins: opts.labels (a separate file, read by
 * readLabels with opts.labelColumn); opts.labelColumn naming a column of parsed.meta; parsed.labelColumn;
 * parsed.labels. Fewer than 3 rows, 0 dimensions, a label count that differs from the row count, or an
 * empty label in a column of the embeddings file is an InputError.
 */
export function assembleEmbeddings(name: string, parsed: ParsedEmbeddings, opts: LoadOptions = {}): Embeddings {
  const { n, dim, vectors } = parsed;
  if (n < 3) {
    throw new InputError(`${name} has ${n} point${n === 1 ? '' : 's'}; the analysis needs at least 3.`, 'Pass a file with at least 3 rows (one point per row).');
  }
  if (dim < 1) throw new InputError(`${name} has ${n} rows of 0 values.`, 'Pass vectors with at least one dimension.');

  const emb: Embeddings = { n, dim, vectors };
  let raw: RawLabels | undefined;
  let rawName = name;
  let embedded = false;
  if (opts.labels) {
    const lf = gunzipIfNeeded(opts.labels, opts.budget);
    raw = readLabels(lf.name, lf.bytes, opts.labelColumn);
    rawName = opts.labels.name;
  } else if (opts.labelColumn !== undefined) {
    if (!parsed.meta) {
      throw new InputError(
        `--label-column was given without --labels, and ${name} has no columns besides the vectors.`,
        'Pass the metadata file with --labels FILE.',
      );
    }
    raw = embeddedColumn(parsed.meta, name, opts.labelColumn);
    embedded = true;
  } else if (parsed.meta && parsed.labelColumn !== undefined) {
    raw = embeddedColumn(parsed.meta, name, parsed.labelColumn);
    embedded = true;
  } else if (parsed.labels) {
    raw = { values: parsed.labels.values, headerConsumed: false };
    rawName = parsed.labels.source;
  }
  if (raw) {
    if (raw.values.length !== n) throw labelCountError(rawName, raw, name, n);
    if (embedded) {
      const missing = raw.values.indexOf('');
      if (missing >= 0) {
        const count = raw.values.reduce((c, v) => c + (v === '' ? 1 : 0), 0);
        throw new InputError(
          `${name} has no ${quoteShort(raw.column ?? '')} value in ${count} row${count === 1 ? '' : 's'} (the first is row index ${missing}).`,
          'Give every point a label, or choose another column with --label-column.',
        );
      }
    }
    const { labels, classNames } = encodeLabels(raw.values);
    emb.labels = labels;
    emb.classNames = classNames;
  }
  const meta = raw?.meta ?? parsed.meta;
  if (meta) emb.meta = meta;
  return emb;
}
