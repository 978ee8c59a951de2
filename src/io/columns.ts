/**
 * Columnar tables (Parquet, Arrow): which top-level columns hold the vectors. One rule for both: the
 * list column named by --vectors, else the only list column (or the first named in VECTOR_FIELDS),
 * else every numeric column but the label column.
 */
import { InputError } from './errors';
import { VECTOR_FIELDS } from './json';

export type ColumnKind = 'list' | 'numeric' | 'scalar' | 'nested';

export interface Column {
  name: string;
  kind: ColumnKind;
  /** The physical or logical type, for messages. */
  type: string;
}

/** The vectors: opts.vectors (a list column), else the one list column (or the first in VECTOR_FIELDS), else the numeric columns. */
export function chooseVectors(columns: Column[], name: string, requested: string | undefined, labelColumn: string | undefined): Column[] {
  const listing = columns.map((c) => `${c.name} (${c.type})`).join(', ');
  if (requested !== undefined) {
    const c = columns.find((x) => x.name === requested);
    if (!c) throw new InputError(`${name} has no column named ${JSON.stringify(requested)} (columns: ${listing}).`, 'Pass one of those names with --vectors.');
    if (c.kind !== 'list') {
      throw new InputError(`${name} column ${JSON.stringify(requested)} is ${c.type}, not a list of numbers.`, 'Name a list<float> column with --vectors, or drop --vectors to use every numeric column.');
    }
    return [c];
  }
  const lists = columns.filter((c) => c.kind === 'list');
  if (lists.length === 1) return lists;
  if (lists.length > 1) {
    const named = VECTOR_FIELDS.map((k) => lists.find((c) => c.name === k)).find((c) => c !== undefined);
    if (named) return [named];
    throw new InputError(`${name} has several list columns (${lists.map((c) => c.name).join(', ')}), so the vectors are ambiguous.`, 'Choose one with --vectors NAME, or name the vectors column "embedding".');
  }
  const numeric = columns.filter((c) => c.kind === 'numeric' && c.name !== labelColumn);
  if (numeric.length === 0) {
    throw new InputError(`${name} has no list<float> column and no numeric columns to use as vectors (columns: ${listing}).`, 'Store the vectors as a list<float> column or as one float column per dimension.');
  }
  return numeric;
}
