/** When the worker measures: a snapshot every N steps, the layer profile (and GCR angles) every M, the fixed sample's size. */
import type { TrainConfig } from '../../training/types';
import { patchTrain } from '../../state/trainingConfig';
import { useTrainingStore } from '../../state/trainingStore';
import { FieldRows, type FieldRow } from '../fields/FieldRows';

const EVERY = [5, 10, 25, 50, 100, 250] as const;
const PROFILE_MULTIPLES = [1, 2, 5, 10, 20, 40] as const;
const SAMPLES = [100, 200, 400, 500, 800, 1000] as const;
const steps = (v: number) => `${v} steps`;

const ROWS: FieldRow<TrainConfig>[] = [
  { pair: [
    { kind: 'select', key: 'snapshotEvery', label: 'snapshot every', testId: 'train-snapshot-every', options: EVERY, format: steps,
      help: 'Every N steps the worker measures the run (losses, accuracies, collapse metrics on all training rows, ID on the sample) and sends the 3D frame.' },
    { kind: 'select', key: 'profileEvery', label: 'profile every', testId: 'train-profile-every', format: steps,
      options: (t) => PROFILE_MULTIPLES.map((m) => m * t.snapshotEvery),
      help: 'Every M steps (a multiple of N) the snapshot adds the TwoNN ID of every layer and, for GCR heads, the principal angles between class subspaces.' },
  ] },
  { kind: 'select', key: 'sampleSize', label: 'sample rows', testId: 'train-sample-size', options: SAMPLES,
    help: 'Size of the fixed sample of training rows drawn in 3D and used for TwoNN, MLE, effective rank and the layer profile. The feature export (Runs tab) holds every training and test row, not just this sample.' },
];

export function SnapshotControls() {
  const t = useTrainingStore((s) => s.config.train);
  const edit = useTrainingStore((s) => s.edit);
  return <FieldRows rows={ROWS} values={t} onChange={(patch) => edit((c) => patchTrain(c, patch))} />;
}
