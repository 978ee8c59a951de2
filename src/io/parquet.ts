/**
 * Parquet embeddings via hyparquet (uncompressed and snappy built in; gzip, zstd, brotli and lz4 through
 * hyparquet-compressors). The vectors are a list<number> column, or else every numeric column but the
 * label column, in schema order; every other scalar column becomes metadata.
 */
import { parquetMetadata, parquetRead, parquetSchema } from 'hyparquet';
import type { AsyncBuffer, ColumnData, FileMetaData, SchemaElement, SchemaTree } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import type { Embeddings, Metadata } from '../geometry/types';
import { assembleEmbeddings, type LoadOptions, type ParsedEmbeddings } from './assemble';
import { InputError } from './errors';
import { DEFAULT_BUDGET_BYTES, overBudgetError } from './inflate';
import { chooseVectors, type Column } from './columns';
import { isLabelColumnName } from './labels';

const PANDAS_INDEX = /^__index_level_\d+__$/;
const RESAVE = 'Re-save it, e.g. with pandas.DataFrame.to_parquet; the file may be truncated.';

/** float, double, float16 and plain or INTEGER-annotated int32/int64 hold numbers; dates, times and decimals do not. */
function isNumericLeaf(e: SchemaElement): boolean {
  const logical = e.logical_type?.type;
  if (e.type === 'FLOAT' || e.type === 'DOUBLE') return true;
  if (e.type === 'FIXED_LEN_BYTE_ARRAY') return logical === 'FLOAT16';
  if (e.type !== 'INT32' && e.type !== 'INT64') return false;
  return (logical === undefined || logical === 'INTEGER') && (e.converted_type === undefined || /^U?INT_/.test(e.converted_type));
}

/** A top-level column: a list of numbers (3-level LIST or a repeated leaf), a numeric or other scalar, or nested. */
function classify(node: SchemaTree): Column {
  const e = node.element;
  const name = e.name;
  const type = e.logical_type?.type ?? e.converted_type ?? e.type ?? 'group';
  if (node.children.length === 0) {
    if (e.repetition_type === 'REPEATED') return { name, kind: isNumericLeaf(e) ? 'list' : 'nested', type: `repeated ${type}` };
    return { name, kind: isNumericLeaf(e) && !PANDAS_INDEX.test(name) ? 'numeric' : 'scalar', type };
  }
  const isList = e.converted_type === 'LIST' || e.logical_type?.type === 'LIST';
  const repeated = node.children.length === 1 ? node.children[0] : undefined;
  if (isList && repeated && repeated.element.repetition_type === 'REPEATED') {
    const leaf = repeated.children.length === 0 ? repeated : repeated.children.length === 1 ? repeated.children[0] : undefined;
    if (leaf && leaf.children.length === 0 && isNumericLeaf(leaf.element)) return { name, kind: 'list', type: `list<${leaf.element.type}>` };
  }
  return { name, kind: 'nested', type };
}

/** Metadata text of one cell: '' for null, ISO dates, JSON for anything structured. */
function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'object') return JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? x.toString() : x));
  return String(v);
}

/** The footer metadata and top-level columns; a damaged footer or schema (or a row count the row groups deny) is an InputError. */
function readMetadata(bytes: Uint8Array, name: string): { metadata: FileMetaData; columns: Column[] } {
  let metadata: FileMetaData;
  let columns: Column[];
  try {
    // geoparquet off: hyparquet 1.33's markGeoColumns loops forever on a negative num_children (a damaged footer).
    metadata = parquetMetadata(bytes, { geoparquet: false });
    columns = parquetSchema(metadata).children.map(classify);
  } catch (e) {
    throw new InputError(`${name} is not a readable Parquet file (${e instanceof Error ? e.message : String(e)}).`, RESAVE);
  }
  const inGroups = metadata.row_groups.reduce((a, g) => a + Number(g.num_rows), 0);
  if (Number(metadata.num_rows) !== inGroups) {
    throw new InputError(`${name} is not a readable Parquet file (it declares ${metadata.num_rows} rows but its row groups hold ${inGroups}).`, RESAVE);
  }
  return { metadata, columns };
}

/**
 * Parses a Parquet file into ParsedEmbeddings. The label column (opts.labelColumn when no separate labels
 * file is given, else one named label/labels/class) is kept out of the vectors; missing numbers read as NaN,
 * a missing or wrong-length vector is an InputError naming the row index.
 */
export async function parseParquet(name: string, bytes: Uint8Array, opts: LoadOptions = {}): Promise<ParsedEmbeddings> {
  const { metadata, columns } = readMetadata(bytes, name);
  const embeddedLabel = opts.labels ? undefined : opts.labelColumn ?? columns.find((c) => isLabelColumnName(c.name))?.name;
  if (embeddedLabel !== undefined && !columns.some((c) => c.name === embeddedLabel)) {
    throw new InputError(
      `${name} has no column named ${JSON.stringify(embeddedLabel)} (columns: ${columns.map((c) => JSON.stringify(c.name)).join(', ')}).`,
      'Pass one of those names with --label-column.',
    );
  }
  const vectorColumns = chooseVectors(columns, name, opts.vectors, embeddedLabel);
  const metaColumns = columns.filter((c) => c.kind !== 'nested' && c.kind !== 'list' && !vectorColumns.includes(c));
  const n = Number(metadata.num_rows);
  const budget = opts.budget ?? DEFAULT_BUDGET_BYTES;
  if (n * 4 * Math.max(vectorColumns.length, 1) > budget) throw overBudgetError(name, n * 4 * vectorColumns.length, budget, true);
  const listMode = vectorColumns[0].kind === 'list';
  let dim = listMode ? -1 : vectorColumns.length;
  let dimRow = 0;
  let vectors = new Float32Array(listMode ? 0 : n * dim);
  const meta = new Map<string, string[]>(metaColumns.map((c) => [c.name, new Array<string>(n).fill('')]));
  // hyparquet calls onChunk inside promise callbacks that swallow errors, so the first one is kept and rethrown.
  let failure: unknown;

  const onList = (chunk: ColumnData) => {
    for (let k = 0; k < chunk.columnData.length; k++) {
      const row = chunk.rowStart + k;
      const v = chunk.columnData[k] as ArrayLike<unknown> | null | undefined;
      if (v === null || v === undefined) {
        throw new InputError(`${name} row index ${row} has no vector (null in ${JSON.stringify(chunk.columnName)}).`, 'Drop rows without an embedding before saving.');
      }
      if (typeof v !== 'object' || !Number.isSafeInteger(v.length)) {
        throw new InputError(`${name} row index ${row} holds ${typeof v} in ${JSON.stringify(chunk.columnName)}, not a list of numbers.`, RESAVE);
      }
      if (dim < 0) {
        dim = v.length;
        dimRow = row;
        if (n * dim * 4 > budget) throw overBudgetError(name, n * dim * 4, budget, true);
        vectors = new Float32Array(n * dim);
      }
      if (v.length !== dim) {
        throw new InputError(`${name} row index ${row} has ${v.length} values in ${JSON.stringify(chunk.columnName)} but row index ${dimRow} has ${dim}.`, 'Every point needs the same number of dimensions.');
      }
      for (let j = 0; j < dim; j++) {
        const x = v[j];
        vectors[row * dim + j] = x === null || x === undefined ? Number.NaN : Number(x);
      }
    }
  };
  const onChunk = (chunk: ColumnData) => {
    if (failure !== undefined) return;
    try {
      const text = meta.get(chunk.columnName);
      if (text) {
        for (let k = 0; k < chunk.columnData.length; k++) text[chunk.rowStart + k] = cellText(chunk.columnData[k]);
        return;
      }
      if (listMode) return onList(chunk);
      const c = vectorColumns.findIndex((x) => x.name === chunk.columnName);
      for (let k = 0; k < chunk.columnData.length; k++) {
        const x = chunk.columnData[k] as number | bigint | null | undefined;
        vectors[(chunk.rowStart + k) * dim + c] = x === null || x === undefined ? Number.NaN : Number(x);
      }
    } catch (e) {
      failure = e;
    }
  };
  const file: AsyncBuffer = {
    byteLength: bytes.byteLength,
    slice: (start, end) => bytes.buffer.slice(bytes.byteOffset + start, bytes.byteOffset + (end ?? bytes.byteLength)) as ArrayBuffer,
  };
  try {
    await parquetRead({ file, metadata, compressors, columns: [...vectorColumns, ...metaColumns].map((c) => c.name), onChunk });
  } catch (e) {
    throw new InputError(`${name} could not be decoded as Parquet (${e instanceof Error ? e.message : String(e)}).`, RESAVE);
  }
  if (failure !== undefined) throw failure;
  if (dim < 0) dim = 0;
  const parsed: ParsedEmbeddings = { n, dim, vectors };
  if (meta.size > 0) {
    const m: Metadata = { columns: [...meta.keys()], values: [...meta.values()] };
    parsed.meta = m;
    parsed.labelColumn = m.columns.find(isLabelColumnName);
  }
  return parsed;
}

/** Parquet bytes to Embeddings: parseParquet, then the label and size rules of assembleEmbeddings. */
export async function loadParquet(name: string, bytes: Uint8Array, opts: LoadOptions = {}): Promise<Embeddings> {
  return assembleEmbeddings(name, await parseParquet(name, bytes, opts), opts);
}
