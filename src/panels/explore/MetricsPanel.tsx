/**
 * The right panel, in tabs of fixed width: Metrics (every value of the AnalysisReport, with
 * formulas in tooltips), Classes (collapse geometry charts), Dimension (spectrum and intrinsic
 * dimension charts) and Inspect (the hovered/clicked point and its neighbours). While a new
 * analysis runs the previous values stay, dimmed.
 */
import { useAnalysisStore } from '../../state/appStore';
import { useUiStore, type PanelTab } from '../../state/uiStore';
import { ChartFrame } from '../../views/charts/ChartFrame';
import { VarianceBars } from '../../views/charts/VarianceBars';
import { MetricRow } from './MetricRow';
import { EVR_DOC, globalIdPendingText, idSampleNote, METRIC_DOCS, SECTION_TITLES, TWO_COLUMN_SECTIONS, type MetricSection } from './metricDocs';
import { ClassesTab } from './ClassesTab';
import { DimensionTab } from './DimensionTab';
import { InspectPanel } from './InspectPanel';
import { ClassifierLine } from './ClassifierLine';
import { CollapseCard } from './CollapseCard';
import { Nc1DominatedWarning } from './Nc1DominatedWarning';
import { PictureSection } from './PictureSection';
import { CodingRateSection } from './CodingRateSection';

const SECTIONS: MetricSection[] = ['data', 'pca', 'id', 'collapse'];

const TABS: { id: PanelTab; label: string }[] = [
  { id: 'metrics', label: 'Metrics' },
  { id: 'classes', label: 'Classes' },
  { id: 'dimension', label: 'Dimension' },
  { id: 'inspect', label: 'Inspect' },
];

/** How the exact kNN behind TwoNN and MLE ran (knnChoice.ts picks the cheaper). */
const SEARCH_TEXT = {
  'brute force': 'Exact kNN by brute force (the tile scan was estimated cheaper than the PCA tree).',
  'pca tree': 'Exact kNN by the PCA tree (exact distances only where the leading components cannot rule a row out).',
} as const;

function IdStageLine() {
  const stage = useAnalysisStore((s) => s.idStage);
  const sample = useAnalysisStore((s) => s.report?.intrinsicDimension.sample ?? null);
  const search = useAnalysisStore((s) => s.report?.intrinsicDimension.neighbourSearch);
  const computeId = useAnalysisStore((s) => s.computeId);
  const note = idSampleNote(sample);
  const stopped = stage.status === 'cancelled' || stage.status === 'error';
  return (
    <p className="metric-note" data-testid="id-stage" data-status={stage.status}>
      {note ? <span data-testid="id-sample-note">{note}. </span> : null}
      {stage.status === 'running' && !stage.global ? <span>TwoNN and MLE follow the first view (exact kNN); the status bar shows their progress. </span> : null}
      {search ? <span data-testid="id-search" data-search={search}>{SEARCH_TEXT[search]} </span> : null}
      {stage.error ? <span className="tip-reason">{stage.error} </span> : null}
      {stopped ? (
        <button type="button" className="link-button" onClick={computeId} data-testid="id-compute">
          Compute TwoNN and MLE
        </button>
      ) : null}
    </p>
  );
}

function MetricsTab() {
  const report = useAnalysisStore((s) => s.report);
  const dataset = useAnalysisStore((s) => s.dataset);
  const running = useAnalysisStore((s) => s.status === 'running');
  const idStage = useAnalysisStore((s) => s.idStage);
  const pending = globalIdPendingText(idStage);
  const sampleNote = idSampleNote(report?.intrinsicDimension.sample ?? null);
  return (
    <>
      <CollapseCard />
      {SECTIONS.map((section) => (
        <section key={section} className="metric-section">
          <h3>{SECTION_TITLES[section]}</h3>
          {section === 'collapse' && report ? <Nc1DominatedWarning nc={report.neuralCollapse} /> : null}
          {section === 'pca' ? (
            <ChartFrame title="Explained variance" file={dataset ?? 'data'} testId="chart-evr">
              <div className="chart-figure" tabIndex={0} aria-describedby="tip-evr" data-tip-placement="left">
                <VarianceBars ratios={report?.pca.explainedVarianceRatio ?? []} height={150} />
                <span className="tip" role="tooltip" id="tip-evr">
                  {EVR_DOC}
                </span>
              </div>
            </ChartFrame>
          ) : null}
          <div className={TWO_COLUMN_SECTIONS.includes(section) ? 'metric-grid metric-grid-2' : 'metric-grid'}>
            {METRIC_DOCS.filter((d) => d.section === section).map((d) => (
              <MetricRow
                key={d.id}
                doc={d}
                report={report}
                placeholder={running ? '…' : '—'}
                pending={d.idStage ? pending : null}
                note={d.idStage ? sampleNote : null}
              />
            ))}
          </div>
          {section === 'id' && report ? <IdStageLine /> : null}
          {section === 'collapse' && report ? <ClassifierLine /> : null}
        </section>
      ))}
      <PictureSection />
      <CodingRateSection />
    </>
  );
}

export function MetricsPanel() {
  const report = useAnalysisStore((s) => s.report);
  const running = useAnalysisStore((s) => s.status === 'running');
  const dataset = useAnalysisStore((s) => s.dataset);
  const { tab, setTab } = useUiStore();
  return (
    <aside className={running && report ? 'panel metrics stale' : 'panel metrics'} aria-label="Metrics" data-testid="metrics-panel" aria-busy={running}>
      <div className="panel-head">
        <h2 className="panel-title">
          Metrics <span className="panel-sub panel-file" data-testid="dataset-name" title={dataset ?? undefined}>{dataset ?? ''}</span>
        </h2>
        <div className="tabs" role="tablist" aria-label="Panels">
          {TABS.map((t) => (
            <button key={t.id} type="button" role="tab" aria-selected={tab === t.id} className="tab" onClick={() => setTab(t.id)} data-testid={`tab-${t.id}`}>
              {t.label}
            </button>
          ))}
        </div>
      </div>
      <div className="tab-body" role="tabpanel">
        {tab === 'metrics' ? <MetricsTab /> : tab === 'classes' ? <ClassesTab /> : tab === 'dimension' ? <DimensionTab /> : <InspectPanel />}
      </div>
    </aside>
  );
}
