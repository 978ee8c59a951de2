/** Compare's status bar: the tfjs backend the exact kNN runs on and why (with an override), and the comparison's progress. */
import { useCompareStore } from '../../state/compareStore';
import { BackendOverride, BackendReadout } from '../BackendPicker';
import { usePick } from '../../views/usePick';

export function CompareStatusBar() {
  const { backend, preference, status, progress } = usePick(useCompareStore, 'backend', 'preference', 'status', 'progress');
  return (
    <footer className="status-bar" data-testid="compare-status-bar">
      <BackendReadout choice={backend} testIdPrefix="compare-" />
      <BackendOverride value={preference} onChange={useCompareStore.getState().setPreference} choice={backend} testId="compare-backend-select" ariaLabel="tfjs backend override" />
      <div className="status-progress">
        <progress max={1} value={status === 'running' ? progress.fraction : status === 'done' ? 1 : 0} aria-label="Comparison progress" />
        <span className="status-stage">{status === 'running' ? `${progress.stage} · ${Math.round(progress.fraction * 100)}%` : status === 'done' ? 'compared' : status === 'error' ? 'failed' : 'no comparison yet'}</span>
      </div>
    </footer>
  );
}
