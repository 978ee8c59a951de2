/** Landscape's status bar: the backend the sweep runs on and why, and the sweep's overall progress (steps of all runs). */
import { useLandscapeStore } from '../../state/landscapeStore';

export function LandscapeStatusBar() {
  const current = useLandscapeStore((s) => s.current);
  const backend = current?.backend ?? null;
  const total = current ? current.rows.reduce((a, r) => a + r.steps, 0) : 0;
  const done = current ? current.rows.reduce((a, r) => a + (r.result ? r.steps : r.step), 0) : 0;
  const status = current?.status ?? 'idle';
  return (
    <footer className="status-bar" data-testid="ls-status-bar">
      <div className="status-backend">
        <span className="status-key">tfjs backend</span>
        <strong data-testid="ls-backend-name" data-backend={backend?.backend ?? ''}>
          {backend?.backend ?? '—'}
        </strong>
        <span className="status-reason" title={backend?.reason ?? ''}>
          {backend?.reason ?? 'chosen when a sweep starts'}
        </span>
      </div>
      <div className="status-progress" data-testid="ls-sweep-status" data-status={status}>
        <progress max={Math.max(total, 1)} value={done} aria-label="Sweep progress" />
        <span className="status-stage">{current ? `${current.stage}${status === 'running' ? ` · ${Math.round((100 * done) / Math.max(total, 1))}%` : ''}` : 'no sweep yet'}</span>
      </div>
    </footer>
  );
}
