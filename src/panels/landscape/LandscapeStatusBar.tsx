/**
 * Landscape's status bar: the backend the sweep runs on and why, and the sweep's overall progress
 * (steps of all runs). With `override` (Teach mode's lesson 7, where the setup panel is not shown)
 * it also holds the backend choice of the next sweep.
 */
import { useLandscapeStore } from '../../state/landscapeStore';
import { BackendOverride } from '../BackendPicker';

export function LandscapeStatusBar({ override = false }: { override?: boolean }) {
  const current = useLandscapeStore((s) => s.current);
  const preference = useLandscapeStore((s) => s.form.backend);
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
      {override ? (
        <BackendOverride value={preference} onChange={(backend) => useLandscapeStore.getState().setForm({ backend })} choice={backend} testId="ls-status-backend" ariaLabel="tfjs backend of the next sweep" />
      ) : null}
      <div className="status-progress" data-testid="ls-sweep-status" data-status={status}>
        <progress max={Math.max(total, 1)} value={done} aria-label="Sweep progress" />
        <span className="status-stage">{current ? `${current.stage}${status === 'running' ? ` · ${Math.round((100 * done) / Math.max(total, 1))}%` : ''}` : 'no sweep yet'}</span>
      </div>
    </footer>
  );
}
