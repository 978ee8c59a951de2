/**
 * The array exports of Explore: the view's coordinates with labels and metadata (.npz, which
 * Explore and the CLI open again), the selection with its original vectors (opens again as that data), the per-point values (local ID,
 * neighbour preservation) and the whole table with coordinates as Arrow IPC.
 */
import { useState } from 'react';
import { useAnalysisStore, useInspectStore, useJobsStore, vectorsOf } from '../../state/appStore';
import { pointTable, selectionNpz, tableArrow, tableNpz, valuesNpz, type PointValues } from '../../state/exportArrays';
import { getLocalIdBuffer, getPointBuffers, getPreservationBuffer, getViewBuffers } from '../../state/pointBuffers';
import { useViewStore } from '../../state/viewStore';
import { download, slug } from '../../views/download';
import { OptionList } from '../fields/OptionList';

const KINDS = {
  view: { label: 'View coordinates (.npz)', ext: 'npz' },
  selection: { label: 'Selection with its vectors (.npz)', ext: 'npz' },
  values: { label: 'Per-point values (.npz)', ext: 'npz' },
  arrow: { label: 'Whole table (Arrow)', ext: 'arrow' },
} as const;
type Kind = keyof typeof KINDS;

/** The per-point values known now: the local ID once computed, the neighbour preservation once measured. */
function pointValues(): PointValues[] {
  const out: PointValues[] = [];
  const local = getLocalIdBuffer();
  const kept = getPreservationBuffer();
  if (local) out.push({ name: 'local_id_mle_k20', values: local });
  if (kept) out.push({ name: 'neighbour_preservation', values: kept });
  return out;
}

export function ArrayExports() {
  const report = useAnalysisStore((s) => s.report);
  const dataset = useAnalysisStore((s) => s.dataset) ?? 'data';
  const classNames = useAnalysisStore((s) => s.classNames);
  const selection = useInspectStore((s) => s.selection);
  const count = useInspectStore((s) => s.selectionCount);
  const shown = useJobsStore((s) => s.shown);
  useJobsStore((s) => s.localId.status);
  const dims = useViewStore((s) => s.dims);
  const [kind, setKind] = useState<Kind>('view');
  const exportArrays = async () => {
    const v = getViewBuffers();
    const b = getPointBuffers();
    if (!v || !b) return;
    const t = pointTable(v, b, classNames, dims, pointValues(), kind === 'selection' ? selection : null);
    const picked = kind === 'selection' ? await vectorsOf(t.point) : null;
    const bytes = picked ? selectionNpz(t, picked.vectors, picked.d) : kind === 'arrow' ? tableArrow(t) : kind === 'values' ? valuesNpz(t) : tableNpz(t);
    download(`${slug(dataset)}-${shown?.kind ?? 'view'}-${kind}.${KINDS[kind].ext}`, new Blob([bytes as BlobPart]));
  };
  const unavailable = !report || (kind === 'selection' && !count) || (kind === 'values' && !getLocalIdBuffer() && !getPreservationBuffer());
  return (
    <div className="button-row">
      <select value={kind} aria-label="Array export" data-testid="array-export-kind" onChange={(e) => setKind(e.target.value as Kind)}>
        <OptionList items={Object.keys(KINDS) as Kind[]} value={(k) => k} label={(k) => KINDS[k].label} />
      </select>
      <button type="button" disabled={unavailable} onClick={() => void exportArrays()} data-testid="export-arrays" title="embeddings = the coordinates, labels = class names, row = the file's row, meta_* = metadata; Explore and numpy.load open it">
        Save
      </button>
    </div>
  );
}
