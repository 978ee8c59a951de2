/** The line under the feature-export buttons: the worker's progress with a cancel button, or why the last export failed. */
import { useTrainingStore } from '../../state/trainingStore';

export function FeatureExportStatus() {
  const job = useTrainingStore((s) => s.featureExport);
  const cancel = useTrainingStore((s) => s.cancelFeatureExport);
  if (job?.status === 'running') {
    return (
      <div className="job-progress train-export-status" data-testid="train-features-progress">
        <progress max={1} value={job.fraction} aria-label="Feature export progress" />
        <span>features of every row {Math.round(job.fraction * 100)}%</span>
        <button type="button" onClick={cancel} data-testid="train-features-cancel">
          Cancel
        </button>
      </div>
    );
  }
  if (job?.status === 'error') {
    return (
      <p className="control-error train-export-status" role="alert" data-testid="train-features-error">
        {job.problem} {job.fix}
      </p>
    );
  }
  return <div className="train-export-status" />;
}
