/** Compare's status bar: the tfjs backend the exact kNN runs on and why, and the comparison's progress. */
import { useCompareStore } from '../../state/compareStore';

export function CompareStatusBar() {
  const backend = useCompareStore((s) => s.backend);
  const status = useCompareStore((s) => s.status);
  const progress = useCompareStore((s) => s.progress);
  return (
    <footer className="status-bar" data-testid="compare-status-bar">
      <div className="status-backend">
        <span className="status-key">tfjs backend</span>
        <strong data-testid="compare-backend-name" data-backend={backend?.backend ?? ''}>
          {backend?.backend ?? '—'}
        </strong>
        <span className="status-reason" title={backend?.reason ?? ''}>
          {backend?.reason ?? 'chosen when a comparison starts'}
        </span>
      </div>
      <div className="status-progress">
        <progress max={1} value={status === 'running' ? progress.fraction : status === 'done' ? 1 : 0} aria-label="Comparison progress" />
        <span className="status-stage">{status === 'running' ? `${progress.stage} · ${Math.round(progress.fraction * 100)}%` : status === 'done' ? 'compared' : status === 'error' ? 'failed' : 'no comparison yet'}</span>
      </div>
    </footer>
  );
}
