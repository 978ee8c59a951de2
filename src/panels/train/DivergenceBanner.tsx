/**
 * The banner of a diverged run: what the worker's divergence check saw (NaN/Inf, features at one
 * point, features vanishing under a normalising head) and the fix it names; the run is paused.
 */
import { getHistory } from '../../state/trainingBuffers';
import { useTrainingStore } from '../../state/trainingStore';

export function DivergenceBanner() {
  useTrainingStore((s) => s.version);
  const stopReason = useTrainingStore((s) => s.stopReason);
  const d = getHistory().divergence;
  if (stopReason !== 'diverged' && !d) return null;
  return (
    <div className="view-error train-error" role="alert" data-testid="train-diverged">
      <div className="view-error-text">
        <strong>Training paused: the run diverged.</strong>
        <p data-testid="train-diverged-problem">{d ? d.problem : 'The loss became NaN or infinite.'}</p>
        <p className="view-error-fix" data-testid="train-diverged-fix">{d ? d.fix : 'Lower the learning rate, then press Reset.'}</p>
      </div>
    </div>
  );
}
