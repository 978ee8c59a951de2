/**
 * The right panel: every value of the AnalysisReport, grouped, from the metricDocs table, plus the
 * explained-variance chart. While a new analysis runs the previous values stay, dimmed.
 */
import { useAnalysisStore } from '../state/appStore';
import { VarianceBars } from '../views/charts/VarianceBars';
import { MetricRow } from './MetricRow';
import { EVR_DOC, METRIC_DOCS, SECTION_TITLES, TWO_COLUMN_SECTIONS, type MetricSection } from './metricDocs';

const SECTIONS: MetricSection[] = ['data', 'pca', 'id', 'collapse'];

export function MetricsPanel() {
  const report = useAnalysisStore((s) => s.report);
  const running = useAnalysisStore((s) => s.status === 'running');
  const dataset = useAnalysisStore((s) => s.dataset);
  return (
    <aside className={running && report ? 'panel metrics stale' : 'panel metrics'} aria-label="Metrics" data-testid="metrics-panel" aria-busy={running}>
      <h2 className="panel-title">
        Metrics <span className="panel-sub">{dataset ?? ''}</span>
      </h2>
      {SECTIONS.map((section) => (
        <section key={section} className="metric-section">
          <h3>{SECTION_TITLES[section]}</h3>
          {section === 'pca' ? (
            <figure className="chart-figure" tabIndex={0} aria-describedby="tip-evr" data-tip-placement="left">
              <VarianceBars ratios={report?.pca.explainedVarianceRatio ?? []} height={150} />
              <figcaption className="tip" role="tooltip" id="tip-evr">
                {EVR_DOC}
              </figcaption>
            </figure>
          ) : null}
          <div className={TWO_COLUMN_SECTIONS.includes(section) ? 'metric-grid metric-grid-2' : 'metric-grid'}>
            {METRIC_DOCS.filter((d) => d.section === section).map((d) => (
              <MetricRow key={d.id} doc={d} report={report} placeholder={running ? '…' : '—'} />
            ))}
          </div>
        </section>
      ))}
    </aside>
  );
}
