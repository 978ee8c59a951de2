/**
 * Play / pause, a single optimisation step, one snapshot interval, reset, and the speed cap. The play button keeps
 * its width whatever it says, so nothing jumps while a run starts and stops.
 */
import { useTrainingStore } from '../../state/trainingStore';
import type { TrainSpeed } from '../../workers/trainingProtocol';
import { SPEED_STEPS_PER_SECOND } from '../../workers/trainingProtocol';
import { Segmented } from '../fields/Segmented';

const SPEEDS: { value: TrainSpeed; label: string }[] = [
  { value: 'slow', label: `${SPEED_STEPS_PER_SECOND.slow}/s` },
  { value: 'medium', label: `${SPEED_STEPS_PER_SECOND.medium}/s` },
  { value: 'max', label: 'max' },
];

export function TrainTransport() {
  const status = useTrainingStore((s) => s.status);
  const every = useTrainingStore((s) => s.config.train.snapshotEvery);
  const speed = useTrainingStore((s) => s.speed);
  const { play, pause, step, stepOne, reset, setSpeed } = useTrainingStore.getState();
  const playing = status === 'playing';
  return (
    <div className="train-transport">
      <div className="train-transport-row">
        <button
          type="button"
          className="primary-button train-play"
          data-testid="train-play"
          data-state={playing ? 'playing' : 'paused'}
          onClick={playing ? pause : play}
          title={playing ? 'Pause after the current step' : 'Train until paused'}
        >
          <span aria-hidden="true">{playing ? '❚❚' : '▶'}</span> {playing ? 'Pause' : 'Play'}
        </button>
        <button type="button" className="train-button" data-testid="train-step-one" onClick={stepOne} disabled={status !== 'ready'} title="One optimisation step, then a snapshot, then pause">
          Step
        </button>
        <button type="button" className="train-button" data-testid="train-step" onClick={step} disabled={playing} title={`Train ${every} steps (one snapshot), then pause`}>
          +{every}
        </button>
        <button type="button" className="train-button" data-testid="train-reset" onClick={reset} title="Rebuild the run from step 0 with the same settings and seed">
          Reset
        </button>
      </div>
      <div className="train-speed" role="group" aria-label="Speed">
        <span className="train-speed-label">speed (steps/s)</span>
        <Segmented value={speed} options={SPEEDS} onChange={setSpeed} className="segmented-small" testId="train-speed" />
      </div>
    </div>
  );
}
