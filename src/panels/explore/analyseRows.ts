/** Re-analysing some rows of the dataset on screen as a dataset of their own (every view and metric on them): a selection or the filtered rows. */
import { useAnalysisStore } from '../../state/appStore';

/** Runs the analysis on the `count` points where mask is 1; the dataset is named "<name> · <count> <what>". */
export function analyseRows(mask: Uint8Array, count: number, what: string): void {
  const a = useAnalysisStore.getState();
  if (!a.shownSource) return;
  const points = new Int32Array(count);
  let t = 0;
  for (let i = 0; i < mask.length; i++) if (mask[i]) points[t++] = i;
  const base = a.dataset ?? 'data';
  a.run({ kind: 'rows', name: `${base} · ${count.toLocaleString('en-US')} ${what}`, dataset: a.datasetId, points, parent: a.shownSource });
}
