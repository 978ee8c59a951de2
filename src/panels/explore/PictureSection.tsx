/**
 * "How far this picture can be trusted": the view on screen as drawn, its trustworthiness and
 * continuity at k = 10, the mean neighbourhood preservation and the share of the variance it
 * shows (or the sentence that a layout has none), measured in the worker after every view change
 * with progress and cancel; and the PCA-3 picture's values as analyze --json reports them.
 */
import { AUTO_MEASURE_MAX_POINTS, measureShownView, useAnalysisStore, useFaithfulnessStore } from '../../state/appStore';
import { useViewStore } from '../../state/viewStore';
import { formatSig, formatPercent } from '../../format';
import { idPendingText } from './metricDocs';
import { MetricRow } from './MetricRow';
import { PCA3_DOCS } from './trustDocs';
import type { ViewSpec } from '../../workers/analysisProtocol';

const ROWS = [
  { key: 'trustworthiness', label: 'trustworthiness', tip: 'Trustworthiness (k = 10, scikit-learn\'s convention): 1 = no point among a point\'s 10 nearest in the picture that is far from it in the data.' },
  { key: 'continuity', label: 'continuity', tip: 'Continuity (k = 10): trustworthiness with the spaces swapped; 1 = no data neighbour torn apart in the picture.' },
  { key: 'meanPreservation', label: 'neighbours kept', tip: 'Mean over points of |N_data(i) ∩ N_picture(i)| / 10: the share of each point\'s 10 nearest data neighbours that are among its 10 nearest in the picture.' },
] as const;

const KIND_NAMES: Record<ViewSpec['kind'], string> = { pca: 'PCA', simplex: 'simplex', class: 'class subspace', custom: 'custom', umap: 'UMAP', tsne: 't-SNE', raw: 'raw' };

export function PictureSection() {
  const f = useFaithfulnessStore();
  const report = useAnalysisStore((s) => s.report);
  const idStage = useAnalysisStore((s) => s.idStage);
  const setColorBy = useViewStore((s) => s.setColorBy);
  const colorBy = useViewStore((s) => s.colorBy);
  if (!report) return null;
  const s = f.summary;
  const what = f.view ? `${KIND_NAMES[f.view.kind]}${f.view.spherize ? ', spherized' : ''}, ${f.dims}D` : '';
  return (
    <section className="metric-section" data-testid="picture-section" data-status={f.status}>
      <h3>How far this picture can be trusted{what ? ` (${what})` : ''}</h3>
      <div className="metric-grid">
        {ROWS.map((r) => (
          <div key={r.key} className="metric-row" tabIndex={0} aria-describedby={`tip-picture-${r.key}`} data-tip-placement="left">
            <span className="metric-label">{r.label}</span>
            <span className="metric-value" data-testid={`picture-${r.key}`} data-value={s ? String(s[r.key]) : undefined}>
              {s ? formatSig(s[r.key]) : f.status === 'running' ? `${Math.floor(f.progress * 100)}%` : '—'}
            </span>
            <span className="tip" role="tooltip" id={`tip-picture-${r.key}`}>
              {r.tip}
            </span>
          </div>
        ))}
        <div className="metric-row">
          <span className="metric-label">variance shown</span>
          <span className="metric-value" data-testid="picture-varianceShare" data-value={s ? String(s.varianceShare) : undefined}>
            {s ? (s.varianceShare === null ? 'n/a' : formatPercent(s.varianceShare)) : '—'}
          </span>
        </div>
      </div>
      {s ? (
        <p className="metric-note" data-testid="picture-statement">
          {s.statement}{' '}
          {colorBy !== 'preservation' ? (
            <button type="button" className="link-button" onClick={() => setColorBy('preservation')} data-testid="picture-colour">
              Colour the points by it
            </button>
          ) : null}
        </p>
      ) : null}
      {f.status === 'running' ? (
        <div className="job-progress" data-testid="picture-progress">
          <progress max={1} value={f.progress} aria-label="Picture faithfulness progress" />
          <span>nearest neighbours {Math.round(f.progress * 100)}%</span>
          <button type="button" onClick={f.cancel} data-testid="picture-cancel">
            Cancel
          </button>
        </div>
      ) : null}
      {f.status === 'cancelled' || f.status === 'error' || f.status === 'idle' ? (
        <p className="metric-note">
          {f.error ? <span className="tip-reason">{f.error} </span> : f.status === 'cancelled' ? 'Cancelled. ' : null}
          {f.status === 'idle' && report.n > AUTO_MEASURE_MAX_POINTS ? `Above ${AUTO_MEASURE_MAX_POINTS.toLocaleString('en-US')} points a picture is measured on request (exact kNN, minutes). ` : null}
          {f.status === 'idle' && idStage.status === 'running' ? 'Measured once TwoNN and MLE are done. ' : null}
          <button type="button" className="link-button" onClick={() => measureShownView(true)} data-testid="picture-measure">
            Measure this picture
          </button>
        </p>
      ) : null}
      <div className="metric-grid">
        {PCA3_DOCS.map((d) => (
          <MetricRow key={d.id} doc={d} report={report} placeholder="—" pending={idPendingText(idStage)} />
        ))}
      </div>
    </section>
  );
}
