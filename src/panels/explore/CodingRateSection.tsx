/**
 * The coding-rate rows of the metrics panel (R, R_c, ΔR, ε²), computed with the ID stage, equal to
 * analyze --json's codingRate; and, for data labelled by its clusters, their ARI and NMI against the true labels.
 */
import { useAnalysisStore } from '../../state/appStore';
import { idPendingText } from './metricDocs';
import { MetricRow } from './MetricRow';
import { CLUSTER_DOCS, CODING_RATE_DOCS } from './trustDocs';

export function CodingRateSection() {
  const report = useAnalysisStore((s) => s.report);
  const running = useAnalysisStore((s) => s.status === 'running');
  const idStage = useAnalysisStore((s) => s.idStage);
  const pending = idPendingText(idStage);
  return (
    <section className="metric-section" data-testid="coding-rate-section">
      <h3>Coding rate (MCR²)</h3>
      <div className="metric-grid metric-grid-2">
        {CODING_RATE_DOCS.map((d) => (
          <MetricRow key={d.id} doc={d} report={report} placeholder={running ? '…' : '—'} pending={pending} />
        ))}
      </div>
      {report?.clusters ? (
        <>
          <h3>Clusters as labels ({report.clusters.method}, seed {report.clusters.seed})</h3>
          <div className="metric-grid" data-testid="cluster-metrics">
            {CLUSTER_DOCS.map((d) => (
              <MetricRow key={d.id} doc={d} report={report} placeholder="—" />
            ))}
          </div>
        </>
      ) : null}
    </section>
  );
}
