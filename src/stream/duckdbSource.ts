/**
 * Parquet, CSV/TSV and JSON/JSONL (single files or globs of shards, e.g. emb/*.parquet) through DuckDB:
 * out of core, only the vector and label columns projected, the vectors cast to FLOAT[D] so each
 * streamed chunk's values are one contiguous float32 block read without a copy per value.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection, type DuckDBDataChunk } from '@duckdb/node-api';
import duckdb from '@duckdb/node-bindings';
import { InputError } from '../io/errors';
import { VECTOR_FIELDS } from '../io/json';
import { isLabelColumnName } from '../io/labels';
import type { Chunk, RowSource } from './source';

export interface DuckdbOptions {
  vectors?: string;
  labelColumn?: string;
  /** Labels from a separate file, one per row in the engine's row order (insertion order is preserved). */
  labelValues?: readonly string[];
  /** DuckDB memory_limit (default '1GB'). */
  memoryLimit?: string;
}

/** Files DuckDB reads here (after an optional .gz). */
export const DUCKDB_EXTENSIONS = /\.(parquet|csv|tsv|json|jsonl|ndjson)(\.gz)?$/i;

const ident = (s: string) => `"${s.replace(/"/g, '""')}"`;
const literal = (s: string) => `'${s.replace(/'/g, "''")}'`;
const NUMERIC = /^(FLOAT|DOUBLE|REAL|TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT)$/;
const LIST = /^(FLOAT|DOUBLE|REAL|TINYINT|SMALLINT|INTEGER|BIGINT)\[(\d*)\]$/;

/** The table function reading `pattern`. */
export function readerSql(pattern: string): string {
  const lower = pattern.toLowerCase().replace(/\.gz$/, '');
  if (lower.endsWith('.parquet')) return `read_parquet(${literal(pattern)})`;
  if (lower.endsWith('.tsv')) return `read_csv(${literal(pattern)}, delim = '\t')`;
  if (lower.endsWith('.csv')) return `read_csv(${literal(pattern)})`;
  return `read_json_auto(${literal(pattern)})`;
}

function engineError(e: unknown, pattern: string): InputError {
  const msg = e instanceof Error ? e.message.split('\n')[0] : String(e);
  if (/No files found/i.test(msg)) return new InputError(`no file matches ${pattern}.`, 'Check the path or glob (quote it so the shell does not expand it).');
  return new InputError(`DuckDB could not read ${pattern}: ${msg}.`, 'Check that every file has the same columns and holds numbers in the vector column.');
}

async function query(c: DuckDBConnection, sql: string, pattern: string): Promise<Record<string, unknown>[]> {
  try {
    return (await c.runAndReadAll(sql)).getRowObjects();
  } catch (e) {
    throw engineError(e, pattern);
  }
}

/** The SELECT list projecting the vectors as FLOAT[D] (v) and the label as text (y). */
interface Projection {
  dim: number;
  vector: string;
  label: string | null;
}

async function project(c: DuckDBConnection, src: string, pattern: string, opts: DuckdbOptions): Promise<Projection> {
  const columns = (await query(c, `DESCRIBE SELECT * FROM ${src}`, pattern)).map((r) => ({ name: String(r.column_name), type: String(r.column_type) }));
  const listing = columns.map((x) => `${x.name} (${x.type})`).join(', ');
  const labelName = opts.labelValues ? undefined : opts.labelColumn ?? columns.find((x) => isLabelColumnName(x.name))?.name;
  if (labelName !== undefined && !columns.some((x) => x.name === labelName)) {
    throw new InputError(`${pattern} has no column named ${JSON.stringify(labelName)} (columns: ${listing}).`, 'Pass one of those names with --label-column.');
  }
  const label = labelName === undefined ? null : `CAST(${ident(labelName)} AS VARCHAR)`;
  const lists = columns.filter((x) => LIST.test(x.type));
  let vectorColumn = opts.vectors !== undefined ? columns.find((x) => x.name === opts.vectors) : undefined;
  if (opts.vectors !== undefined && !vectorColumn) throw new InputError(`${pattern} has no column named ${JSON.stringify(opts.vectors)} (columns: ${listing}).`, 'Pass one of those names with --vectors.');
  if (!vectorColumn && lists.length > 1) {
    vectorColumn = VECTOR_FIELDS.map((k) => lists.find((x) => x.name === k)).find((x) => x !== undefined);
    if (!vectorColumn) throw new InputError(`${pattern} has several list columns (${lists.map((x) => x.name).join(', ')}), so the vectors are ambiguous.`, 'Choose one with --vectors NAME, or name the vectors column "embedding".');
  }
  vectorColumn ??= lists[0];
  if (vectorColumn) {
    const m = LIST.exec(vectorColumn.type);
    if (!m) throw new InputError(`${pattern} column ${JSON.stringify(vectorColumn.name)} is ${vectorColumn.type}, not a list of numbers.`, 'Name a list<float> column with --vectors.');
    const first = await query(c, `SELECT len(${ident(vectorColumn.name)}) AS d FROM ${src} WHERE ${ident(vectorColumn.name)} IS NOT NULL LIMIT 1`, pattern);
    const dim = m[2] ? Number(m[2]) : Number(first[0]?.d ?? 0);
    if (!(dim >= 1)) throw new InputError(`${pattern} has no non-empty vectors in column ${JSON.stringify(vectorColumn.name)}.`, 'Check the file holds the embeddings.');
    return { dim, vector: `CAST(${ident(vectorColumn.name)} AS FLOAT[${dim}])`, label };
  }
  const numeric = columns.filter((x) => NUMERIC.test(x.type) && x.name !== labelName && !/^__index_level_\d+__$/.test(x.name));
  if (numeric.length === 0) {
    throw new InputError(`${pattern} has no list column and no numeric columns to use as vectors (columns: ${listing}).`, 'Store the vectors as a list<float> column or as one float column per dimension.');
  }
  return { dim: numeric.length, vector: `CAST(array_value(${numeric.map((x) => `CAST(${ident(x.name)} AS FLOAT)`).join(', ')}) AS FLOAT[${numeric.length}])`, label };
}

/** Row values of a chunk's FLOAT[D] column 0 (NaN where a vector is NULL) and its label column 1. */
function decodeChunk(chunk: DuckDBDataChunk, dim: number, hasLabel: boolean): Chunk {
  const rows = chunk.rowCount;
  const vec = duckdb.data_chunk_get_vector(chunk.chunk, 0);
  const child = duckdb.array_vector_get_child(vec);
  const bytes = duckdb.vector_get_data(child, rows * dim * 4);
  let vectors = new Float32Array(bytes.buffer, bytes.byteOffset, rows * dim);
  const validity = duckdb.vector_get_validity(vec, Math.ceil(rows / 64) * 8);
  if (validity) {
    vectors = vectors.slice();
    for (let r = 0; r < rows; r++) if (!duckdb.validity_row_is_valid(validity, r)) vectors.fill(Number.NaN, r * dim, r * dim + dim);
  }
  let labels: string[] | null = null;
  if (hasLabel) {
    const column = chunk.getColumnVector(1);
    labels = new Array<string>(rows);
    for (let r = 0; r < rows; r++) {
      const v = column.getItem(r);
      if (v === null) throw new InputError(`a row has no label (NULL in the label column).`, 'Fill in every label, or filter those rows out.');
      labels[r] = String(v);
    }
  }
  return { rows, vectors, labels };
}

/** A DuckDB-backed RowSource over `pattern`; call close() when done. */
export async function openDuckdbSource(pattern: string, opts: DuckdbOptions = {}): Promise<RowSource & { connection: DuckDBConnection; projectionSql: string }> {
  // Row order matters only to align a separate labels file; without one DuckDB may stream out of order (less buffering).
  const instance = await DuckDBInstance.create(':memory:', {
    memory_limit: opts.memoryLimit ?? '1GB',
    preserve_insertion_order: opts.labelValues ? 'true' : 'false',
    temp_directory: join(tmpdir(), 'subspace-lab-duckdb'),
  });
  const c = await instance.connect();
  const src = readerSql(pattern);
  const p = await project(c, src, pattern, opts);
  const total = Number((await query(c, `SELECT count(*) AS n FROM ${src}`, pattern))[0].n);
  if (opts.labelValues && opts.labelValues.length !== total) {
    throw new InputError(`The labels have ${opts.labelValues.length} entries but ${pattern} has ${total} rows.`, 'Give exactly one label per embeddings row, in the same order.');
  }
  const projectionSql = `SELECT ${p.vector} AS v${p.label ? `, ${p.label} AS y` : ''} FROM ${src}`;
  async function* chunks(signal?: AbortSignal): AsyncGenerator<Chunk> {
    let result;
    try {
      result = await c.stream(projectionSql);
    } catch (e) {
      throw engineError(e, pattern);
    }
    let start = 0;
    for (;;) {
      signal?.throwIfAborted();
      let chunk: DuckDBDataChunk | null;
      try {
        chunk = await result.fetchChunk();
      } catch (e) {
        throw engineError(e, pattern);
      }
      if (!chunk || chunk.rowCount === 0) return;
      const out = decodeChunk(chunk, p.dim, p.label !== null);
      if (opts.labelValues) out.labels = opts.labelValues.slice(start, start + out.rows);
      start += out.rows;
      yield out;
    }
  }
  return {
    name: pattern,
    dim: p.dim,
    rows: total,
    connection: c,
    projectionSql,
    async distinctLabels() {
      if (opts.labelValues) return [...new Set(opts.labelValues)];
      if (!p.label) return null;
      return (await query(c, `SELECT DISTINCT ${p.label} AS y FROM ${src}`, pattern)).map((r) => String(r.y));
    },
    chunks,
    async close() {
      c.closeSync();
      instance.closeSync();
    },
    describe: () => ({ engine: `duckdb ${duckdb.library_version()}`, reader: src.replace(/\(.*/, ''), columns: projectionSql }),
  };
}
