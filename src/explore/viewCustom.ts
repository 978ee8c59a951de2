/**
 * The custom projection (the Embedding Projector's "custom" view): the x axis runs from the mean
 * of one set of points to the mean of another (a class, or the points a text/regex query finds in
 * the labels and metadata); the y axis likewise when given (made orthogonal to x), else the first
 * principal axis with the x direction removed. Both are unit vectors; the centre is the data mean.
 */
import { InputError } from '../io/errors';
import { mat } from '../geometry/linalg';
import type { Mat } from '../geometry/types';
import { searchPoints, type TextColumn } from './search';
import type { Dataset } from './dataset';

/** One end of a custom axis: a class (by index) or a text/regex query over labels and metadata. */
export type AxisEnd = { class: number } | { text: string; regex: boolean };

/** A custom axis from the mean of `from` to the mean of `to`. */
export interface CustomAxis {
  from: AxisEnd;
  to: AxisEnd;
}

function columns(ds: Dataset): TextColumn[] {
  const cols: TextColumn[] = [];
  const { labels, classNames, meta } = ds;
  if (labels && classNames) cols.push({ name: 'class', at: (i) => classNames[labels[i]] ?? '' });
  meta?.columns.forEach((name, c) => cols.push({ name, at: (i) => meta.values[c][i] ?? '' }));
  return cols;
}

/** A short name of an axis end, for the axis title. */
export function endName(ds: Dataset, e: AxisEnd): string {
  if ('class' in e) return ds.classNames?.[e.class] ?? `class ${e.class}`;
  return e.regex ? `/${e.text}/` : `"${e.text}"`;
}

/** The mean row of the points an end names; an InputError when it names none. */
function endMean(ds: Dataset, e: AxisEnd): Float64Array {
  const { X, n, d } = ds;
  let mask: Uint8Array;
  if ('class' in e) {
    if (!ds.labels) throw new InputError('A class end of a custom axis needs labels.', 'Load a labels file, or use a text query instead.');
    mask = Uint8Array.from(ds.labels, (y) => (y === e.class ? 1 : 0));
  } else {
    const r = searchPoints(e.text, e.regex, columns(ds), n);
    if (r.error !== null) throw new InputError(r.error, 'Fix the regular expression, or untick "regular expression".');
    mask = r.mask;
  }
  const mean = new Float64Array(d);
  let count = 0;
  for (let i = 0; i < n; i++) {
    if (!mask[i]) continue;
    count++;
    for (let t = 0; t < d; t++) mean[t] += X[i * d + t];
  }
  if (count === 0) throw new InputError(`The query ${endName(ds, e)} matches no point.`, 'Type text that occurs in a label or metadata value (the search box shows what it finds).');
  for (let t = 0; t < d; t++) mean[t] /= count;
  return mean;
}

function norm2(v: Float64Array): number {
  let s = 0;
  for (const x of v) s += x * x;
  return Math.sqrt(s);
}

/** v minus its components along the unit vectors `against`, normalised; null when (almost) nothing is left. */
function orthonormal(v: Float64Array, against: Float64Array[]): Float64Array | null {
  const out = Float64Array.from(v);
  const size = norm2(v);
  for (const u of against) {
    let dot = 0;
    for (let t = 0; t < out.length; t++) dot += out[t] * u[t];
    for (let t = 0; t < out.length; t++) out[t] -= dot * u[t];
  }
  const norm = norm2(out);
  if (!(norm > 1e-9 * Math.max(size, 1e-300))) return null;
  for (let t = 0; t < out.length; t++) out[t] /= norm;
  return out;
}

function direction(ds: Dataset, a: CustomAxis): Float64Array {
  const from = endMean(ds, a.from);
  const to = endMean(ds, a.to);
  return Float64Array.from(to, (v, t) => v - from[t]);
}

/** The d x 2 basis of a custom view, its axis names and a sentence saying how it was built. */
export function customBasis(ds: Dataset, x: CustomAxis, y: CustomAxis | null): { basis: Mat; axes: [string, string, string]; note: string } {
  const { d } = ds;
  const u = orthonormal(direction(ds, x), []);
  if (!u) throw new InputError(`The two ends of the x axis (${endName(ds, x.from)}, ${endName(ds, x.to)}) have the same mean.`, 'Choose two different classes or queries.');
  let v: Float64Array | null = null;
  let yName: string;
  let yNote: string;
  if (y) {
    v = orthonormal(direction(ds, y), [u]);
    if (!v) throw new InputError('The y axis is parallel to the x axis.', 'Choose other ends for y, or leave y empty.');
    yName = `${endName(ds, y.from)} → ${endName(ds, y.to)}`;
    yNote = `y from the mean of ${endName(ds, y.from)} to that of ${endName(ds, y.to)}, made orthogonal to x`;
  } else {
    const pcs = ds.pca.components;
    for (let c = 0; c < pcs.rows && !v; c++) v = orthonormal(pcs.data.subarray(c * d, c * d + d), [u]);
    yName = 'PC⊥';
    yNote = 'y the first principal axis with the x direction removed';
  }
  const cols = v ? 2 : 1;
  const basis = mat(d, cols);
  for (let t = 0; t < d; t++) {
    basis.data[t * cols] = u[t];
    if (v) basis.data[t * cols + 1] = v[t];
  }
  const xName = `${endName(ds, x.from)} → ${endName(ds, x.to)}`;
  return {
    basis,
    axes: [xName, v ? yName : '', ''],
    note: `Custom: x from the mean of ${endName(ds, x.from)} to that of ${endName(ds, x.to)}${v ? `, ${yNote}` : ''}; unit axes through the data mean.`,
  };
}
