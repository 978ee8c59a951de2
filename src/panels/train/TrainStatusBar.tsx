/**
 * Train mode's bottom bar: the training worker's tfjs backend and why it was chosen (as in
 * Explore's status bar), an override that rebuilds the run on another backend, and the run's state:
 * progress while building, steps per second while playing, the live tensor count. It subscribes
 * field by field, never to the whole store (a snapshot arrives many times a second).
 */
import { useTrainingStore } from '../../state/trainingStore';
import { formatSig } from '../../format';
import { BackendOverride, BackendReadout } from '../BackendPicker';
import { usePick } from '../../views/usePick';

/** The run's state in words; a string, so the bar re-renders only when the words change. */
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
  const { backend, preference, setPreference, status } = usePick(useTrainingStore, 'backend', 'preference', 'setPreference', 'status');
  const fraction = useTrainingStore((s) => s.progress.fraction);
  const text = useTrainingStore(runText);
  const tensors = useTrainingStore((s) => s.tensors);
  return (
    <footer className="status-bar" data-testid="train-status-bar">
      <BackendReadout choice={backend} testIdPrefix="train-" />
      <BackendOverride value={preference} onChange={setPreference} choice={backend} testId="train-backend-select" ariaLabel="tfjs backend override for training" />
      <div className="status-progress train-run-state" data-testid="train-status" data-status={status}>
        {status === 'building' ? <progress max={1} value={fraction} aria-label="Building the run" /> : null}
        <span className="status-stage">{text}</span>
        <span className="train-tensors" title="Live tensors in the training worker (tf.memory().numTensors): flat while training means no leak">
          {tensors !== null ? `${tensors} tensors` : ''}
        </span>
      </div>
    </footer>
  );
}
