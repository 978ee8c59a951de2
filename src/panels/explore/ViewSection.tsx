/**
 * The projection: PCA (which principal axes), the class-mean simplex, one class's subspace, UMAP
 * (computed in the worker with progress and cancel), or the raw coordinates when d <= 3; plus 2D/3D.
 */
import { useAnalysisStore, useJobsStore } from '../../state/appStore';
import { useViewStore } from '../../state/viewStore';
import type { ViewSpec } from '../../workers/protocol';

type Kind = ViewSpec['kind'];

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
      <div className="segmented segmented-5" role="group" aria-label="Projection">
        {KINDS.map((k) => (
          <button
            key={k.kind}
            type="button"
            aria-pressed={spec?.kind === k.kind}
            disabled={!enabled(k.kind)}
            title={k.title}
            data-testid={`view-${k.kind}`}
            onClick={() => showView(specFor(k.kind, shown, dims))}
          >
            {k.label}
          </button>
        ))}
      </div>
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
      <div className="segmented dims-toggle">
        <button type="button" aria-pressed={dims === 3} onClick={() => changeDims(3)} data-testid="dims-3">
          3D
        </button>
        <button type="button" aria-pressed={dims === 2} onClick={() => changeDims(2)} data-testid="dims-2" title="The first two axes seen from above">
          2D
        </button>
      </div>
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
