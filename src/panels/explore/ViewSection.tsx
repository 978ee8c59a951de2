/**
 * The projection: PCA (which principal axes, up to PC50), the class-mean simplex, one class's
 * subspace, a custom axis, UMAP and t-SNE (computed in the worker with progress and cancel, their
 * parameters in LayoutParams), or the raw coordinates when d <= 3; spherize; plus 2D/3D.
 */
import { useState } from 'react';
import { useAnalysisStore, useJobsStore } from '../../state/appStore';
import { useViewStore } from '../../state/viewStore';
import type { ViewSpec } from '../../workers/analysisProtocol';
import { Segmented, type SegmentOption } from '../fields/Segmented';
import { CustomParams, TsneParams, UmapParams } from './LayoutParams';
import { usePick } from '../../views/usePick';

/** Principal axes the pickers offer (the worker computes those beyond the report's ten on demand). */
const PC_CHOICES = 50;

type Kind = ViewSpec['kind'];

const DIMS: readonly SegmentOption<2 | 3>[] = [
  { value: 3, label: '3D', testId: 'dims-3' },
  { value: 2, label: '2D', title: 'The first two axes seen from above', testId: 'dims-2' },
];

const KINDS: { kind: Kind; label: string; title: string }[] = [
  { kind: 'pca', label: 'PCA', title: 'Principal components of the centred data (choose the axes)' },
  { kind: 'simplex', label: 'Simplex', title: 'The span of the centred class means: under neural collapse they form a regular simplex' },
  { kind: 'class', label: 'Class', title: 'The principal directions of one class, every point projected onto them' },
  { kind: 'custom', label: 'Custom', title: 'An axis from one class or text query to another (the Embedding Projector\'s custom view)' },
  { kind: 'umap', label: 'UMAP', title: 'UMAP layout (computed in the worker; sampled above 50,000 points)' },
  { kind: 'tsne', label: 't-SNE', title: 'Barnes-Hut t-SNE layout (computed in the worker; sampled above 20,000 points)' },
  { kind: 'raw', label: 'Raw', title: 'The raw coordinates (only when the data has at most 3 dimensions)' },
];

function specFor(kind: Kind, current: ViewSpec | null, dims: 2 | 3, classNames: readonly string[] | null): ViewSpec | null {
  if (current?.kind === kind) return current;
  const spherize = current?.spherize;
  switch (kind) {
    case 'pca':
      return { kind, axes: [0, 1, 2], spherize };
    case 'class':
      return { kind, classIndex: 0, spherize };
    case 'umap':
      return { kind, dims, seed: 1, spherize };
    case 'tsne':
      return { kind, dims, seed: 1, perplexity: 30, spherize };
    case 'custom':
      // With two classes the first axis runs from the first to the second; else the user fills in the ends.
      return classNames && classNames.length >= 2 ? { kind, x: { from: { class: 0 }, to: { class: 1 } }, y: null, spherize } : null;
    case 'raw':
      return { kind };
    default:
      return { kind, spherize };
  }
}

export function ViewSection() {
  const report = useAnalysisStore((s) => s.report);
  const classNames = useAnalysisStore((s) => s.classNames);
  const ready = useAnalysisStore((s) => s.dataVersion > 0);
  const { wanted, shown, view: job, note, showView, cancelView } = usePick(useJobsStore, 'wanted', 'shown', 'view', 'note', 'showView', 'cancelView');
  const { dims, setDims } = useViewStore();
  const d = report?.dim ?? 0;
  const labelled = (classNames?.length ?? 0) >= 2;
  const enabled = (k: Kind) => ready && (k === 'simplex' || k === 'class' ? labelled : k === 'raw' ? d <= 3 : true);
  const pcs = Math.min(d, PC_CHOICES);
  const spec = wanted ?? shown;
  const [customOpen, setCustomOpen] = useState(false);
  const kind = customOpen ? 'custom' : spec?.kind;
  /** 2D/3D; a UMAP layout is recomputed in the new number of dimensions (its third axis is not a projection). */
  const changeDims = (next: 2 | 3) => {
    setDims(next);
    if ((spec?.kind === 'umap' || spec?.kind === 'tsne') && spec.dims !== next) showView({ ...spec, dims: next });
  };

  return (
    <fieldset className="control">
      <legend>Projection</legend>
      <Segmented
        value={kind}
        options={KINDS.map((k) => ({ value: k.kind, label: k.label, title: k.title, disabled: !enabled(k.kind), testId: `view-${k.kind}` }))}
        onChange={(next) => {
          const s = specFor(next, spec, dims, classNames);
          setCustomOpen(next === 'custom' && s === null);
          if (s) showView(s);
        }}
        className="segmented-5 segmented-wrap"
        ariaLabel="Projection"
      />
      {spec?.kind === 'pca' && pcs >= 2 && !customOpen ? (
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
                  showView({ kind: 'pca', axes, spherize: spec.spherize });
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
          <select value={spec.classIndex} data-testid="class-select" onChange={(e) => showView({ kind: 'class', classIndex: Number(e.target.value), spherize: spec.spherize })}>
            {classNames.map((name, k) => (
              <option key={k} value={k}>
                {name}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      {spec?.kind === 'umap' && !customOpen ? <UmapParams key={JSON.stringify(spec)} spec={spec} onRun={showView} labelled={classNames !== null} /> : null}
      {spec?.kind === 'tsne' && !customOpen ? <TsneParams key={JSON.stringify(spec)} spec={spec} onRun={showView} labelled={classNames !== null} /> : null}
      {kind === 'custom' ? (
        <CustomParams
          key={spec?.kind === 'custom' ? JSON.stringify(spec) : 'new'}
          spec={spec?.kind === 'custom' ? spec : null}
          classNames={classNames}
          onRun={(s) => {
            setCustomOpen(false);
            showView(s);
          }}
        />
      ) : null}
      {spec && spec.kind !== 'raw' ? (
        <label className="check" title="Centre every row on the mean row and scale it to unit length before projecting (the Embedding Projector's spherize)">
          <input type="checkbox" checked={spec.spherize === true} onChange={(e) => showView({ ...spec, spherize: e.target.checked })} data-testid="spherize" />
          spherize (centre + unit norm)
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
