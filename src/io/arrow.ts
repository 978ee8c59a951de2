/**
 * Arrow IPC (the file format, .arrow/.feather v2, and the stream format, .arrows/.ipc) through
 * flechette (loaded on first use). The columns follow Parquet's rule (columns.ts): a list or
 * fixed-size-list column of numbers holds the vectors, else every numeric column but the label
 * column; every other scalar column (text, dictionary, boolean, dates) becomes metadata.
 */
import type { Metadata } from '../geometry/types';
import type { LoadOptions, ParsedEmbeddings } from './assemble';
import { chooseVectors, type Column } from './columns';
import { InputError } from './errors';
import { DEFAULT_BUDGET_BYTES, overBudgetError } from './inflate';
import { isLabelColumnName } from './labels';

const RESAVE = 'Re-save it, e.g. with pyarrow.feather.write_feather(table, path, compression="uncompressed"); the file may be truncated.';

/** Bytes 0..5 of an Arrow IPC file: 'ARROW1'. */
export function hasArrowMagic(b: Uint8Array): boolean {
  return b.length >= 6 && String.fromCharCode(...b.subarray(0, 6)) === 'ARROW1';
}

/** Bytes 0..3 of an Arrow IPC stream: the continuation marker 0xFFFFFFFF. */
export function hasArrowStreamStart(b: Uint8Array): boolean {
  return b.length >= 8 && b[0] === 0xff && b[1] === 0xff && b[2] === 0xff && b[3] === 0xff;
}

interface ArrowType {
  typeId: number;
  children?: { type: ArrowType }[];
  dictionary?: ArrowType;
}

const NUMERIC = new Set([2, 3]); // Int, Float
const LISTS = new Set([12, 16, 21]); // List, FixedSizeList, LargeList
const SCALAR = new Set([-1, 5, 6, 7, 8, 9, 10, 18, 20]); // Dictionary, Utf8, Bool, Decimal, Date, Time, Timestamp, Duration, LargeUtf8
const TYPE_NAMES: Record<number, string> = { [-1]: 'dictionary', 2: 'int', 3: 'float', 5: 'utf8', 6: 'bool', 12: 'list', 16: 'fixed_size_list', 20: 'large_utf8', 21: 'large_list' };

function classify(name: string, type: ArrowType): Column {
  const t = TYPE_NAMES[type.typeId] ?? `type ${type.typeId}`;
  if (LISTS.has(type.typeId)) {
    const child = type.children?.[0]?.type;
    return { name, kind: child && NUMERIC.has(child.typeId) ? 'list' : 'nested', type: `${t}<${child ? TYPE_NAMES[child.typeId] ?? child.typeId : '?'}>` };
  }
  if (NUMERIC.has(type.typeId)) return { name, kind: /^__index_level_\d+__$/.test(name) ? 'scalar' : 'numeric', type: t };
  return { name, kind: SCALAR.has(type.typeId) ? 'scalar' : 'nested', type: t };
}

function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'object') return JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? x.toString() : x));
  return String(v);
}

/** Parses an Arrow IPC file or stream into ParsedEmbeddings (labels as for Parquet: opts.labelColumn, else a label-named column). */
export async function parseArrow(name: string, bytes: Uint8Array, opts: LoadOptions = {}): Promise<ParsedEmbeddings> {
  const { tableFromIPC } = await import('@uwdata/flechette');
  type Table = ReturnType<typeof tableFromIPC>;
  let table: Table;
  try {
    table = tableFromIPC(bytes, { useBigInt: false });
  } catch (e) {
    throw new InputError(`${name} is not a readable Arrow IPC file (${e instanceof Error ? e.message : String(e)}).`, RESAVE);
  }
  const columns = table.schema.fields.map((f) => classify(f.name, f.type as unknown as ArrowType));
  const embeddedLabel = opts.labels ? undefined : opts.labelColumn ?? columns.find((c) => isLabelColumnName(c.name))?.name;
  if (embeddedLabel !== undefined && !columns.some((c) => c.name === embeddedLabel)) {
    throw new InputError(`${name} has no column named ${JSON.stringify(embeddedLabel)} (columns: ${columns.map((c) => JSON.stringify(c.name)).join(', ')}).`, 'Pass one of those names with --label-column.');
  }
  const vectorColumns = chooseVectors(columns, name, opts.vectors, embeddedLabel);
  const n = table.numRows;
  const budget = opts.budget ?? DEFAULT_BUDGET_BYTES;
  let dim = vectorColumns[0].kind === 'list' ? -1 : vectorColumns.length;
  let vectors = new Float32Array(0);
  let meta: Metadata | undefined;
  try {
    if (dim < 0) {
      const col = table.getChild(vectorColumns[0].name)!;
      let r = 0;
      for (const v of col) {
        if (v === null || v === undefined) throw new InputError(`${name} row index ${r} has no vector (null in ${JSON.stringify(vectorColumns[0].name)}).`, 'Drop rows without an embedding before saving.');
        const row = v as ArrayLike<number | null>;
        if (dim < 0) {
          dim = row.length;
          if (n * dim * 4 > budget) throw overBudgetError(name, n * dim * 4, budget, true);
          vectors = new Float32Array(n * dim);
        }
        if (row.length !== dim) throw new InputError(`${name} row index ${r} has ${row.length} values but row index 0 has ${dim}.`, 'Every point needs the same number of dimensions.');
        for (let j = 0; j < dim; j++) vectors[r * dim + j] = row[j] === null ? Number.NaN : Number(row[j]);
        r++;
      }
      if (dim < 0) dim = 0;
    } else {
      if (n * dim * 4 > budget) throw overBudgetError(name, n * dim * 4, budget, true);
      vectors = new Float32Array(n * dim);
      vectorColumns.forEach((c, j) => {
        let r = 0;
        for (const x of table.getChild(c.name)!) vectors[r++ * dim + j] = x === null || x === undefined ? Number.NaN : Number(x);
      });
    }
    const metaColumns = columns.filter((c) => c.kind === 'scalar' || (c.kind === 'numeric' && !vectorColumns.includes(c)));
    if (metaColumns.length > 0) meta = { columns: metaColumns.map((c) => c.name), values: metaColumns.map((c) => Array.from(table.getChild(c.name)!, cellText)) };
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(`${name} could not be decoded as Arrow (${e instanceof Error ? e.message : String(e)}).`, RESAVE);
  }
  const parsed: ParsedEmbeddings = { n, dim, vectors };
  if (meta) {
    parsed.meta = meta;
    parsed.labelColumn = meta.columns.find(isLabelColumnName);
  }
  return parsed;
}
