/** The central area: the 3D view with its legend, an empty state before the first result, and errors. */
import { useAnalysisStore } from '../state/appStore';
import { PointView } from '../views/three/PointView';
import { Legend } from './Legend';

export function CenterView() {
  const status = useAnalysisStore((s) => s.status);
  const error = useAnalysisStore((s) => s.error);
  const hasData = useAnalysisStore((s) => s.dataVersion > 0);
  const progress = useAnalysisStore((s) => s.progress);
  return (
    <main className="center" aria-label="3D view">
      <PointView />
      <Legend />
      {!hasData && status === 'running' ? (
        <div className="view-empty" data-testid="view-loading">
          <p>Analysing… {progress.stage}</p>
        </div>
      ) : null}
      {error ? (
        <div className="view-error" role="alert" data-testid="analysis-error">
          <strong>{error.kind === 'input' ? 'The data cannot be analysed.' : 'The analysis failed.'}</strong>
          <p>{error.problem}</p>
          {error.fix ? <p className="view-error-fix">{error.fix}</p> : null}
        </div>
      ) : null}
    </main>
  );
}
