/**
 * Train mode's bottom bar: the training worker's tfjs backend and why it was chosen (as in
 * Explore's status bar), an override that rebuilds the run on another backend, and the run's state:
 * progress while building, steps per second while playing, the live tensor count.
 */
import { useTrainingStore } from '../../state/trainingStore';
import { formatSig } from '../../views/format';
import { BACKEND_NAMES, type BackendPreference } from '../../workers/protocol';

const LABELS: Record<BackendPreference, string> = { auto: 'auto', webgpu: 'WebGPU', webgl: 'WebGL', wasm: 'WASM', cpu: 'CPU' };

function runText(s: ReturnType<typeof useTrainingStore.getState>): string {
  switch (s.status) {
    case 'idle':
      return '';
    case 'building':
      return `${s.progress.stage || 'building'} ${Math.round(100 * s.progress.fraction)}%`;
    case 'playing':
      return s.stepsPerSecond !== null ? `training · ${formatSig(s.stepsPerSecond, 3)} steps/s` : 'training…';
    case 'ready':
      return s.stopReason === 'diverged' ? 'stopped: loss diverged' : `paused at step ${s.latest?.step ?? 0}`;
    case 'error':
      return 'failed';
  }
}

export function TrainStatusBar() {
  const state = useTrainingStore();
  const { backend, preference, status, setPreference } = state;
  const available = (name: string) => backend?.probes.find((p) => p.name === name)?.available ?? true;
  return (
    <footer className="status-bar" data-testid="train-status-bar">
      <div className="status-backend">
        <span className="status-key">tfjs backend</span>
        <strong data-testid="train-backend-name" data-backend={backend?.backend ?? ''}>
          {backend ? backend.backend : '…'}
        </strong>
        <span className="status-reason" data-testid="train-backend-reason" title={backend?.reason ?? ''}>
          {backend ? `— ${backend.reason}` : 'probing backends…'}
        </span>
      </div>
      <label className="status-override">
        <span className="status-key">override</span>
        <select data-testid="train-backend-select" value={preference} onChange={(e) => setPreference(e.target.value as BackendPreference)} aria-label="tfjs backend override for training">
          <option value="auto">{LABELS.auto}</option>
          {BACKEND_NAMES.map((b) => (
            <option key={b} value={b} disabled={!available(b)}>
              {LABELS[b]}
              {available(b) ? '' : ' (unavailable)'}
            </option>
          ))}
        </select>
      </label>
      <div className="status-progress train-run-state" data-testid="train-status" data-status={status}>
        {status === 'building' ? <progress max={1} value={state.progress.fraction} aria-label="Building the run" /> : null}
        <span className="status-stage">{runText(state)}</span>
        <span className="train-tensors" title="Live tensors in the training worker (tf.memory().numTensors): flat while training means no leak">
          {state.tensors !== null ? `${state.tensors} tensors` : ''}
        </span>
      </div>
    </footer>
  );
}
