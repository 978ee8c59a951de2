/**
 * What a file leaves open and what was chosen: the vectors array and labels array of an .npz, the
 * vector columns and label column of a delimited file with a header. Defaults follow io's rules;
 * when no default is sensible the worker asks the user (a `choose` reply) instead of guessing.
 */
import { columnRoles, isLabelColumnName } from './columnRoles';
import { forEachLine, splitCells } from './delimited';
import { hasNpyMagic, parseNpyHeader } from './npyHeader';
import { defaultArrays, type ArrayInfo } from './arrayStore';
import { hasZipMagic, LABEL_KEYS, VECTOR_KEYS } from './npz';
import { InputError } from './errors';
import { listZip, readZipEntry } from './zip';
import { readHeader, type ColumnInfo, type TableHeader } from './table';

/** The user's choices for a file; absent fields take the defaults. */
export interface LoadChoice {
  /** .npz: the array holding the vectors. */
  vectors?: string;
  /** .npz: the labels array, '' for none. */
  labelsArray?: string;
  /** Delimited text with a header: the vector columns, in order. */
  columns?: string[];
  /** Delimited text with a header: the label column, '' for none. */
  labelColumn?: string;
  /** A raw .bytes tensor given alone: its values per point. */
  dim?: number;
  /** The metadata file's label column (a metadata file with several columns). */
  metaLabelColumn?: string;
}

/** One array of an .npz, an HDF5 file or a PyTorch file (or one embedding of a Projector config). */
export type { ArrayInfo } from '../io/arrayStore';

/** The alternatives a file offers and the choice in effect. */
export interface FileChoices {
  file: string;
  /** npz, hdf5, torch: named arrays; projector: a config's embeddings; bytes: a raw tensor's dimension; table: header columns; plain: nothing open but a metadata file's label column. */
  kind: 'npz' | 'table' | 'plain' | 'hdf5' | 'torch' | 'projector' | 'bytes';
  /** The arrays of an .npz, HDF5 or PyTorch file; the embeddings of a Projector config (shape [] when the config gives none). */
  arrays?: ArrayInfo[];
  /** bytes: how many float32 values the tensor holds. */
  floats?: number;
  /** projector: the chosen embedding's sprite sheet (its path as the config writes it, and one tile's width and height). */
  sprite?: { path: string; tile: [number, number] };
  /** Header columns of a delimited file. */
  columns?: ColumnInfo[];
  /** The metadata file given with the vectors, when it has several columns (chosen.metaLabelColumn picks the labels). */
  metadata?: { file: string; columns: string[] };
  chosen: Required<Pick<LoadChoice, 'labelColumn' | 'labelsArray'>> & LoadChoice;
  /** Why the user is asked ('' when the defaults were used). */
  reason: string;
}

const isMatrix = (a: ArrayInfo) => a.shape.length === 2 && /^[<>|=]?[fiu]\d$/.test(a.dtype);
const isVector = (a: ArrayInfo, rows: number) => (a.shape.length === 1 || (a.shape.length === 2 && a.shape[1] === 1)) && a.shape[0] === rows;

/** Bytes inflated to read one .npy header inside an .npz (numpy's headers are far shorter). */
const HEADER_PEEK = 64 * 1024;

/** The arrays of an .npz with their dtypes and shapes, read from the .npy headers (the data is not inflated). */
export function npzArrays(bytes: Uint8Array, name: string): ArrayInfo[] {
  const out: ArrayInfo[] = [];
  for (const entry of listZip(bytes, name)) {
    if (!entry.name.endsWith('.npy')) continue;
    const head = readZipEntry(bytes, entry, name, { headOnly: HEADER_PEEK });
    if (!hasNpyMagic(head)) continue;
    const h = parseNpyHeader(head, `${name}:${entry.name}`);
    out.push({ name: entry.name.replace(/\.npy$/, ''), dtype: h.dtype.descr, shape: h.shape });
  }
  return out;
}

/** Defaults for an .npz: io's vectors rule (a VECTOR_KEYS name, else the only 2-D numeric array) and a matching LABEL_KEYS array. */
export function npzChoices(bytes: Uint8Array, name: string, choice: LoadChoice = {}): FileChoices {
  const arrays = npzArrays(bytes, name);
  const matrices = arrays.filter(isMatrix);
  let vectors = choice.vectors ?? VECTOR_KEYS.find((k) => matrices.some((a) => a.name === k)) ?? (matrices.length === 1 ? matrices[0].name : undefined);
  let reason = '';
  if (vectors === undefined) {
    reason = matrices.length === 0 ? '' : `${name} holds several 2-D arrays; which one holds the vectors?`;
    vectors = matrices[0]?.name;
  }
  const rows = arrays.find((a) => a.name === vectors)?.shape[0] ?? -1;
  const labelsArray = choice.labelsArray ?? LABEL_KEYS.find((k) => arrays.some((a) => a.name === k && isVector(a, rows))) ?? '';
  return { file: name, kind: 'npz', arrays, chosen: { vectors, labelsArray, labelColumn: '' }, reason };
}

/**
 * Defaults for a delimited file with a header (null without one): io's columnRoles rule, the CLI's
 * too. Several text columns and none named like a label: the user is asked (the first is proposed).
 */
export function tableChoices(text: string, name: string, choice: LoadChoice = {}): { choices: FileChoices; header: TableHeader } | null {
  const header = readHeader(text, name);
  if (!header) return null;
  const roles = columnRoles(header.columns, { labelColumn: choice.labelColumn, vectorColumns: choice.columns });
  const reason = roles.ambiguousLabels ? `${name} has several text columns (${roles.ambiguousLabels.join(', ')}); which one holds the class labels?` : '';
  const labelColumn = roles.ambiguousLabels?.[0] ?? roles.labelColumn;
  return { choices: { file: name, kind: 'table', columns: header.columns, chosen: { columns: roles.vectorColumns, labelColumn, labelsArray: '' }, reason }, header };
}

/** True for bytes io would read as an .npz. */
export function isNpz(bytes: Uint8Array): boolean {
  return hasZipMagic(bytes);
}

/** The .npy bytes of one array inside an .npz (to hand to io as a labels file). */
export function npzEntry(bytes: Uint8Array, key: string, name = 'the .npz file'): Uint8Array {
  const entry = listZip(bytes, name).find((e) => e.name === `${key}.npy`);
  if (!entry) throw new InputError(`${name} has no array named ${JSON.stringify(key)}.`, 'Choose one of the arrays it lists.');
  return readZipEntry(bytes, entry, name);
}

/** Defaults for the arrays of an HDF5 or PyTorch file, by io's rule (arrayStore.ts); several unnamed 2-D arrays: the user is asked. */
export function storeChoices(arrays: ArrayInfo[], name: string, kind: 'hdf5' | 'torch', choice: LoadChoice = {}): FileChoices {
  const d = defaultArrays(arrays, choice.vectors);
  const what = kind === 'hdf5' ? 'datasets' : 'tensors';
  const reason = d.ambiguous ? `${name} holds several 2-D ${what}; which one holds the vectors?` : '';
  const vectors = d.vectors ?? arrays.find(isMatrix)?.name;
  const labels = d.vectors === undefined && vectors !== undefined ? defaultArrays(arrays, vectors).labels : d.labels;
  return { file: name, kind, arrays, chosen: { vectors, labelsArray: choice.labelsArray ?? labels, labelColumn: '' }, reason };
}

/**
 * The columns of a metadata file with a header row (a .tsv/.csv/.tab of several columns: the
 * Embedding-Projector rule of io/labels.ts), or null for a one-column or non-table labels file.
 */
export function metadataColumns(file: { name: string; bytes: Uint8Array }): string[] | null {
  const lower = file.name.toLowerCase().replace(/\.gz$/, '');
  if (!/\.(tsv|csv|tab)$/.test(lower) || hasNpyMagic(file.bytes)) return null;
  const head = new TextDecoder('utf-8').decode(file.bytes.subarray(0, 64 * 1024));
  let first: string[] | null = null;
  forEachLine(head, (start, end) => {
    first = splitCells(head, start, end, lower.endsWith('.csv') ? ',' : '\t');
    return false;
  });
  const cols = first as string[] | null;
  return cols && cols.length > 1 ? cols : null;
}

/** The metadata label column in effect: the chosen one, else io's default (pickLabelColumn: a label-named column, else the first). */
export function metadataChoice(columns: string[], chosen?: string): string {
  if (chosen !== undefined && columns.includes(chosen)) return chosen;
  return columns.find(isLabelColumnName) ?? columns[0];
}
