/**
 * A selection of the plotted points as a dataset of its own (isolate and re-analyse): their rows,
 * their labels renumbered over the classes present (in the original class order), their metadata,
 * and their rows in the original file, ready for the same analysis as a loaded file.
 */
import { selectRows } from '../geometry/rows';
import type { Dataset } from './dataset';
import type { Loaded } from './sources';
import { InputError } from '../io/errors';

/** The Loaded form of points `points` (plotted-point indices) of ds. */
export function subsetOf(ds: Dataset, points: Int32Array): Extract<Loaded, { emb: unknown }> {
  const m = points.length;
  if (m < 3) throw new InputError(`A selection of ${m} point${m === 1 ? '' : 's'} is too small to analyse.`, 'Select at least 3 points (shift-drag in the view, or search).');
  for (const i of points) if (!(i >= 0 && i < ds.n)) throw new InputError(`Point ${i} is not in the data on screen.`, 'Select the points again.');
  let labels: Int32Array | undefined;
  let classNames: string[] | undefined;
  if (ds.labels && ds.classNames) {
    const present = new Int32Array(ds.K).fill(-1);
    for (const i of points) present[ds.labels[i]] = 1;
    classNames = [];
    for (let k = 0; k < ds.K; k++) if (present[k] === 1) present[k] = classNames.push(ds.classNames[k]) - 1;
    labels = Int32Array.from(points, (i) => present[ds.labels![i]]);
  }
  const meta = ds.meta ? { columns: ds.meta.columns, values: ds.meta.values.map((col) => Array.from(points, (i) => col[i])) } : undefined;
  const emb = { n: m, dim: ds.d, vectors: selectRows(ds.X, ds.d, points), labels, classNames, meta };
  return { emb, choices: null, finite: { emb, nonFinite: 0, rowIndex: Int32Array.from(points, (i) => ds.rowIndex[i]) } };
}
