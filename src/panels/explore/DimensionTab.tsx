/**
 * Dimension charts: the covariance spectrum (log scale) with pcId90 marked, the global intrinsic
 * dimension estimates side by side, and TwoNN and MLE per class (each class on its own).
 */
import { useAnalysisStore } from '../../state/appStore';
import { globalIdPendingText, idPendingText } from './metricDocs';
import { IdSampleForm, idRowsText } from './IdSampleForm';
import { BarChart } from '../../views/charts/BarChart';
import { ChartFrame } from '../../views/charts/ChartFrame';
import { SpectrumChart } from '../../views/charts/SpectrumChart';

export function DimensionTab() {
  const report = useAnalysisStore((s) => s.report);
  const charts = useAnalysisStore((s) => s.charts);
  const file = useAnalysisStore((s) => s.dataset) ?? 'data';
  const idStage = useAnalysisStore((s) => s.idStage);
  const asked = useAnalysisStore((s) => s.idSample);
  const labelled = useAnalysisStore((s) => s.classNames !== null);
  if (!report || !charts) return <p className="tab-empty">Load data to see its spectrum and intrinsic dimension.</p>;
  const id = report.intrinsicDimension;
  const pcId90 = Number.isFinite(report.pca.pcId90) ? report.pca.pcId90 : null;
  const c = charts.classes;
  const shownSpectrum = Math.min(charts.eigenvalues.length, 256);
  const pending = idPendingText(idStage);
  const on = idRowsText(report, asked, labelled, idStage.global === true);
  const pendingNote = pending ? ` TwoNN and MLE: ${pending}.` : '';
  const globalPending = globalIdPendingText(idStage);
  const globalNote = globalPending ? ` TwoNN and MLE: ${globalPending}.` : '';
  return (
    <div className="chart-stack">
      <ChartFrame
        title="Covariance spectrum"
        file={file}
        testId="chart-spectrum"
        note={`σᵢ = √λᵢ, the standard deviation along principal axis i (singular value of the centred data / √N), ${charts.pcaMethod} PCA on all ${report.n.toLocaleString('en-US')} points${charts.eigenvalues.length > shownSpectrum ? `; first ${shownSpectrum} of ${charts.eigenvalues.length} shown` : ''}.`}
      >
        <SpectrumChart eigenvalues={charts.eigenvalues} pcId90={pcId90} testId="spectrum" />
      </ChartFrame>
      <ChartFrame
        title="Intrinsic dimension estimates"
        file={file}
        testId="chart-id"
        note={`${on}; PCA on all ${report.n.toLocaleString('en-US')} rows.${globalNote}`}
      >
        <IdSampleForm key={JSON.stringify(asked)} labelled={labelled} asked={asked} />
        <BarChart
          items={['TwoNN', 'MLE harmonic', 'MLE mean', 'participation ratio', 'PCs for 90%']}
          series={[{ name: 'dimension', color: '#0072B2', values: [id.twoNN, id.mle.harmonic, id.mle.mean, report.pca.participationRatio, pcId90] }]}
          axis="dimensions"
          testId="bars-id"
        />
      </ChartFrame>
      {c ? (
        <ChartFrame
          title="Intrinsic dimension per class"
          file={file}
          testId="chart-class-id"
          note={`Each class alone, on its ${id.sample ? 'rows in the sample' : 'unique rows'}: TwoNN and MLE (harmonic, k = min(${id.mle.k}, n_k − 1)). The line marks the global MLE.${pendingNote}`}
        >
          {c.dimension === null ? (
            <p className="tab-empty" data-testid="class-id-pending">
              {pending ?? 'not computed'}
            </p>
          ) : (
            <BarChart
              items={c.names}
              series={[
                { name: 'TwoNN', color: '#0072B2', values: c.dimension.twoNN },
                { name: 'MLE harmonic', color: '#E69F00', values: c.dimension.mleHarmonic },
              ]}
              axis="dimensions"
              marker={id.mle.harmonic !== null ? { value: id.mle.harmonic, label: `global MLE ${id.mle.harmonic.toFixed(2)}` } : undefined}
              testId="bars-class-id"
            />
          )}
        </ChartFrame>
      ) : null}
    </div>
  );
}
