/**
 * The projection: PCA (which principal axes), the class-mean simplex, one class's subspace, UMAP
 * (computed in the worker with progress and cancel), or the raw coordinates when d <= 3; plus 2D/3D.
 */
import { useAnalysisStore, useJobsStore } from '../../state/appStore';
import { useViewStore } from '../../state/viewStore';
import type { ViewSpec } from '../../workers/protocol';
import { Segmented, type SegmentOption } from '../fields/Segmented';

type Kind = ViewSpec['kind'];

const DIMS: readonly SegmentOption<2 | 3>[] = [
  { value: 3, label: '3D', testId: 'dims-3' },
  { value: 2, label: '2D', title: 'The first two axes seen from above', testId: 'dims-2' },
];

const KINDS: { kind: Kind; label: string; title: string }[] = [
  { kind: 'pca', label: 'PCA', title: 'Principal components of the centred data (choose the axes)' },
  { kind: 'simplex', label: 'Simplex', title: 'The span of the centred class means: under neural collapse they form a regular simplex' },
  { kind: 'class', label: 'Class', title: 'The principal directions of one class, every point projected onto them' },
  { kind: 'umap', label: 'UMAP', title: 'UMAP layout (computed in the worker; sampled above 50,000 points)' },
  { kind: 'raw', label: 'Raw', title: 'The raw coordinates (only when the data has at most 3 dimensions)' },
];

function specFor(kind: Kind, current: ViewSpec | null, dims: 2 | 3): ViewSpec {
  if (current?.kind === kind) return current;
  switch (kind) {
    case 'pca':
      return { kind, axes: [0, 1, 2] };
    case 'class':
      return { kind, classIndex: 0 };
    case 'umap':
      return { kind, dims, seed: 1 };
    default:
      return { kind };
  }
}

export function ViewSection() {
  const report = useAnalysisStore((s) => s.report);
  const classNames = useAnalysisStore((s) => s.classNames);
  const ready = useAnalysisStore((s) => s.dataVersion > 0);
  const wanted = useJobsStore((s) => s.wanted);
  const shown = useJobsStore((s) => s.shown);
  const job = useJobsStore((s) => s.view);
  const note = useJobsStore((s) => s.note);
  const showView = useJobsStore((s) => s.showView);
  const cancelView = useJobsStore((s) => s.cancelView);
  const { dims, setDims } = useViewStore();
  const d = report?.dim ?? 0;
  const labelled = (classNames?.length ?? 0) >= 2;
  const enabled = (k: Kind) => ready && (k === 'simplex' || k === 'class' ? labelled : k === 'raw' ? d <= 3 : true);
  const pcs = Math.min(d, 10);
  const spec = wanted ?? shown;
  /** 2D/3D; a UMAP layout is recomputed in the new number of dimensions (its third axis is not a projection). */
  const changeDims = (next: 2 | 3) => {
    setDims(next);
    if (spec?.kind === 'umap' && spec.dims !== next) showView({ ...spec, dims: next });
  };

  return (
    <fieldset className="control">
      <legend>Projection</legend>
      <Segmented
        value={spec?.kind}
        options={KINDS.map((k) => ({ value: k.kind, label: k.label, title: k.title, disabled: !enabled(k.kind), testId: `view-${k.kind}` }))}
        onChange={(kind) => showView(specFor(kind, shown, dims))}
        className="segmented-5"
        ariaLabel="Projection"
      />
      {spec?.kind === 'pca' && pcs >= 2 ? (
        <div className="axis-pickers">
          {(['x', 'y', 'z'] as const).slice(0, Math.min(3, pcs)).map((axis, a) => (
            <label key={axis}>
              {axis}
              <select
                value={spec.axes[a]}
                data-testid={`pca-axis-${axis}`}
                onChange={(e) => {
                  const axes = [...spec.axes] as [number, number, number];
                  axes[a] = Number(e.target.value);
                  showView({ kind: 'pca', axes });
                }}
              >
                {Array.from({ length: pcs }, (_, i) => (
                  <option key={i} value={i}>
                    PC{i + 1}
                  </option>
                ))}
              </select>
            </label>
          ))}
        </div>
      ) : null}
      {spec?.kind === 'class' && classNames ? (
        <label className="inline-select">
          class
          <select value={spec.classIndex} data-testid="class-select" onChange={(e) => showView({ kind: 'class', classIndex: Number(e.target.value) })}>
            {classNames.map((name, k) => (
              <option key={k} value={k}>
                {name}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <Segmented value={dims} options={DIMS} onChange={changeDims} className="dims-toggle" />
      {job.status === 'running' ? (
        <div className="job-progress" data-testid="view-progress">
          <progress max={1} value={job.progress} aria-label="Projection progress" />
          <span>
            {job.stage} {Math.round(job.progress * 100)}%
          </span>
          <button type="button" onClick={cancelView} data-testid="view-cancel">
            Cancel
          </button>
        </div>
      ) : null}
      {job.status === 'error' ? (
        <p className="control-error" role="alert">
          {job.error}
        </p>
      ) : null}
      {note ? (
        <p className="control-note" data-testid="view-note">
          {note}
        </p>
      ) : null}
    </fieldset>
  );
}
