/**
 * The bottom bar: the tfjs backend in use and why it was chosen, an override select (backends
 * that cannot start are disabled), progress with a cancel button (the load and first view, then the
 * intrinsic-dimension stage that follows it), and the last analysis time.
 * Every region has a fixed width so nothing jumps while an analysis runs.
 */
import { useAnalysisStore } from '../../state/appStore';
import { formatSig } from '../../format';
import { BackendOverride, BackendReadout } from '../BackendPicker';
import { usePick } from '../../views/usePick';

export function StatusBar() {
  const { backend, preference, status, progress, analysisMs, rerun, cancel, idStage } = usePick(useAnalysisStore, 'backend', 'preference', 'status', 'progress', 'analysisMs', 'rerun', 'cancel', 'idStage');
  const running = status === 'running';
  // After the first view the ID stage runs on: its progress takes the bar until it is done.
  const idRunning = !running && idStage.status === 'running';
  const busy = running || idRunning;
  const shown = idRunning ? idStage.progress : progress;

  return (
    <footer className="status-bar" data-testid="status-bar">
      <BackendReadout choice={backend} testIdPrefix="" />
      <BackendOverride value={preference} onChange={rerun} choice={backend} testId="backend-select" ariaLabel="tfjs backend override" />
      <div className="status-progress" data-testid="analysis-status" data-status={status} data-id-status={idStage.status}>
        <progress max={1} value={busy ? shown.fraction : status === 'done' ? 1 : 0} aria-label="Analysis progress" />
        <span className="status-stage" title={idRunning && analysisMs !== null ? `first view in ${formatSig(analysisMs / 1000, 3)} s` : undefined}>
          {busy
            ? `${shown.stage} ${Math.round(shown.fraction * 100)}%`
            : status === 'done' && analysisMs !== null
              ? `done in ${formatSig((analysisMs + (idStage.ms ?? 0)) / 1000, 3)} s`
              : status === 'cancelled'
                ? 'cancelled'
                : status === 'choosing'
                  ? 'waiting for your choice'
                : status === 'error'
                  ? 'failed'
                  : ''}
        </span>
        <span className="status-threads" data-testid="threads" data-threads={idStage.threads ?? ''} title="Threads the global nearest-neighbour scan behind TwoNN and MLE ran on: the page's pool of Web Workers over shared memory (one per core), or 1 for small data">
          {idStage.status === 'done' && idStage.threads ? `${idStage.threads} ${idStage.threads === 1 ? 'thread' : 'threads'}` : ''}
        </span>
        <button type="button" onClick={cancel} disabled={!busy} data-testid="cancel-button">
          Cancel
        </button>
      </div>
    </footer>
  );
}
