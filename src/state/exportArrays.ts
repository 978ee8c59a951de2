/**
 * Explore's exports as arrays: the view's coordinates, the selection (with its original vectors) and the per-point values as
 * .npz (numpy.load reads them, and so does Explore: `embeddings` holds the coordinates and
 * `labels` each point's class name), and the whole table with coordinates as Arrow IPC (the
 * format Embedding Atlas and deepscatter read; written with flechette: no Parquet writer is
 * among the well-kept npm packages available here, while flechette is, and FORMATS reads Arrow with it).
 */
import { zipSync } from 'fflate';
import { fixedSizeList, float32, int32, tableFromArrays, tableToIPC, utf8 } from '@uwdata/flechette';
import { npyHeaderBytes, writeNpy } from '../io/npy';
import type { ViewResult } from '../workers/analysisProtocol';
import type { PointBuffers } from './pointBuffers';

/** A per-point numeric column (local ID, neighbour preservation), NaN where not computed. */
export interface PointValues {
  name: string;
  values: Float32Array;
}

/** The points an export covers, with their coordinates and everything known about them. */
export interface PointTable {
  /** Plotted-point indices (0..n-1 over the finite rows). */
  point: Int32Array;
  /** Row of each point in the file it came from. */
  row: Int32Array;
  /** The axes kept (the view's named ones; in 2D the first two). */
  axes: string[];
  /** point.length x axes.length, row-major. */
  coords: Float32Array;
  /** Class name per point, or null when unlabelled. */
  classes: string[] | null;
  meta: { columns: string[]; values: string[][] } | null;
  extra: PointValues[];
}

/**
 * The table of the points shown in `view` (those with coordinates: a UMAP sample leaves some out),
 * restricted to `selection` (1 = selected) when given.
 */
export function pointTable(view: ViewResult, b: PointBuffers, classNames: readonly string[] | null, dims: 2 | 3, extra: readonly PointValues[] = [], selection: Uint8Array | null = null): PointTable {
  const axes = view.axes.map((name, a) => ({ name, a })).filter((x) => x.name !== '' && x.a < dims);
  const all = view.sample ?? Int32Array.from({ length: b.rowIndex.length }, (_, i) => i);
  const point = selection ? all.filter((i) => selection[i] === 1) : Int32Array.from(all);
  const coords = new Float32Array(point.length * axes.length);
  point.forEach((i, r) => axes.forEach((x, c) => (coords[r * axes.length + c] = view.coords[i * 3 + x.a])));
  const pick = <T>(values: ArrayLike<T>) => Array.from(point, (i) => values[i]);
  return {
    point,
    row: Int32Array.from(point, (i) => b.rowIndex[i]),
    axes: axes.map((x) => x.name),
    coords,
    classes: b.labels && classNames ? Array.from(point, (i) => classNames[b.labels![i]] ?? '') : null,
    meta: b.meta ? { columns: b.meta.columns, values: b.meta.values.map((col) => pick(col)) } : null,
    extra: extra.map((x) => ({ name: x.name, values: Float32Array.from(point, (i) => x.values[i]) })),
  };
}

/** A 1-D .npy of unicode text ('<U{width}', UTF-32 little-endian code points), as numpy writes str arrays. */
export function textNpy(values: readonly string[]): Uint8Array {
  const points = values.map((v) => Array.from(v, (ch) => ch.codePointAt(0)!));
  const width = Math.max(1, ...points.map((p) => p.length));
  const head = npyHeaderBytes(`<U${width}`, [values.length]);
  const out = new Uint8Array(head.length + values.length * width * 4);
  out.set(head);
  const dv = new DataView(out.buffer, head.length);
  points.forEach((p, i) => p.forEach((cp, j) => dv.setUint32((i * width + j) * 4, cp, true)));
  return out;
}

/** Array names safe inside an .npz: meta columns become meta_<name> with non-word characters as '_'. */
const arrayName = (prefix: string, name: string) => `${prefix}${name.replace(/[^\w.-]+/g, '_') || 'column'}`;

/**
 * The table as an .npz: embeddings (the coordinates, float32 n x axes), labels (class names, text),
 * row and point (int32), axes (their names), meta_<column> (text) and each per-point value (float32).
 */
export function tableNpz(t: PointTable): Uint8Array {
  const files: Record<string, Uint8Array> = {
    'embeddings.npy': writeNpy(t.coords, [t.point.length, t.axes.length]),
    'row.npy': writeNpy(t.row, [t.row.length]),
    'point.npy': writeNpy(t.point, [t.point.length]),
    'axes.npy': textNpy(t.axes),
  };
  if (t.classes) files['labels.npy'] = textNpy(t.classes);
  t.meta?.columns.forEach((c, j) => (files[`${arrayName('meta_', c)}.npy`] = textNpy(t.meta!.values[j])));
  for (const x of t.extra) files[`${arrayName('', x.name)}.npy`] = writeNpy(x.values, [x.values.length]);
  return zipSync(files, { level: 0 });
}

/**
 * The selection as an .npz that opens again as the same data: embeddings (the points' original
 * vectors, float32 m x d, as analysed), labels (class names), row and point (int32), view (the
 * view's coordinates, m x axes) with view_axes, meta_<column> (text) and each per-point value.
 */
export function selectionNpz(t: PointTable, vectors: Float32Array, d: number): Uint8Array {
  const files: Record<string, Uint8Array> = {
    'embeddings.npy': writeNpy(vectors, [t.point.length, d]),
    'row.npy': writeNpy(t.row, [t.row.length]),
    'point.npy': writeNpy(t.point, [t.point.length]),
    'view.npy': writeNpy(t.coords, [t.point.length, t.axes.length]),
    'view_axes.npy': textNpy(t.axes),
  };
  if (t.classes) files['labels.npy'] = textNpy(t.classes);
  t.meta?.columns.forEach((c, j) => (files[`${arrayName('meta_', c)}.npy`] = textNpy(t.meta!.values[j])));
  for (const x of t.extra) files[`${arrayName('', x.name)}.npy`] = writeNpy(x.values, [x.values.length]);
  return zipSync(files, { level: 0 });
}

/** The per-point values alone as an .npz: row, point and one float32 array per value (NaN where not computed). */
export function valuesNpz(t: PointTable): Uint8Array {
  const files: Record<string, Uint8Array> = { 'row.npy': writeNpy(t.row, [t.row.length]), 'point.npy': writeNpy(t.point, [t.point.length]) };
  for (const x of t.extra) files[`${arrayName('', x.name)}.npy`] = writeNpy(x.values, [x.values.length]);
  return zipSync(files, { level: 0 });
}

/**
 * The table as Arrow IPC (file format): point, row, embedding (the coordinates as one
 * fixed_size_list<float32> column, which Explore and the CLI take as the vectors, so the table
 * opens again as the view), one float32 column per axis (for tools that plot x/y columns), class,
 * the metadata and per-point values.
 */
export function tableArrow(t: PointTable): Uint8Array {
  const k = t.axes.length;
  const columns: Record<string, unknown> = { point: t.point, row: t.row, embedding: Array.from(t.point, (_, r) => Array.from(t.coords.subarray(r * k, r * k + k))) };
  const types: Record<string, ReturnType<typeof float32> | ReturnType<typeof int32> | ReturnType<typeof utf8> | ReturnType<typeof fixedSizeList>> = {
    point: int32(),
    row: int32(),
    embedding: fixedSizeList(float32(), k),
  };
  t.axes.forEach((a, c) => {
    columns[a] = Float32Array.from(t.point, (_, r) => t.coords[r * t.axes.length + c]);
    types[a] = float32();
  });
  if (t.classes) {
    columns.class = t.classes;
    types.class = utf8();
  }
  t.meta?.columns.forEach((c, j) => {
    if (c in columns) return;
    columns[c] = t.meta!.values[j];
    types[c] = utf8();
  });
  for (const x of t.extra) {
    columns[x.name] = x.values;
    types[x.name] = float32();
  }
  return tableToIPC(tableFromArrays(columns as Parameters<typeof tableFromArrays>[0], { types }), { format: 'file' })!;
}
