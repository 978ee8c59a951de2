/**
 * The central area: the 3D view with its legend; a loading card (bytes read, stage, cancel) until
 * the first result; errors as a banner above the data, which stays on screen; the choice dialog.
 */
import { useAnalysisStore } from '../../state/appStore';
import { formatBytes } from '../../format';
import { PointView } from '../../views/three/PointView';
import { Legend } from './Legend';
import { ChoiceDialog } from './ChoiceDialog';
import { useDemoThumbnails } from './useDemoThumbnails';

function ErrorBanner() {
  const error = useAnalysisStore((s) => s.error);
  const dismiss = useAnalysisStore((s) => s.dismissError);
  const hasData = useAnalysisStore((s) => s.dataVersion > 0);
  const shown = useAnalysisStore((s) => s.dataset);
  if (!error) return null;
  return (
    <div className="view-error" role="alert" data-testid="analysis-error">
      <div className="view-error-text">
        <strong>{error.kind === 'input' ? `${error.source} cannot be loaded.` : 'The analysis failed.'}</strong>
        <p className="view-error-problem">{error.problem}</p>
        {error.fix ? <p className="view-error-fix">{error.fix}</p> : null}
        {hasData ? <p className="view-error-kept">Still showing {shown}.</p> : null}
      </div>
      <button type="button" className="view-error-close" onClick={dismiss} aria-label="Dismiss the message" data-testid="dismiss-error">
        ×
      </button>
    </div>
  );
}

function LoadingCard() {
  const status = useAnalysisStore((s) => s.status);
  const progress = useAnalysisStore((s) => s.progress);
  const hasData = useAnalysisStore((s) => s.dataVersion > 0);
  const source = useAnalysisStore((s) => s.source);
  const cancel = useAnalysisStore((s) => s.cancel);
  if (status !== 'running') return null;
  const bytes = progress.bytes;
  return (
    <div className={hasData ? 'view-loading view-loading-corner' : 'view-loading'} data-testid="view-loading">
      <p>
        <strong>Loading {source?.name}</strong> · {progress.stage}
      </p>
      <progress max={1} value={progress.fraction} aria-label="Loading progress" />
      <p className="view-loading-detail">
        {bytes && progress.stage === 'reading' ? `${formatBytes(bytes.done)} of ${formatBytes(bytes.total)} read` : `${Math.round(progress.fraction * 100)}%`}
        <button type="button" onClick={cancel} data-testid="load-cancel">
          Cancel
        </button>
      </p>
    </div>
  );
}

export function CenterView() {
  useDemoThumbnails();
  return (
    <main className="center" aria-label="3D view">
      <PointView />
      <Legend />
      <ErrorBanner />
      <LoadingCard />
      <ChoiceDialog />
    </main>
  );
}
