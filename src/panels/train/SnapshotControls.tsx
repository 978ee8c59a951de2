/** When the worker measures: a snapshot every N steps, the layer profile (and GCR angles) every M, the fixed sample's size. */
import { patchTrain } from '../../state/trainingConfig';
import { useTrainingStore } from '../../state/trainingStore';
import { SelectField } from '../fields/ChoiceFields';

const EVERY = [5, 10, 25, 50, 100, 250] as const;
const PROFILE_MULTIPLES = [1, 2, 5, 10, 20, 40] as const;
const SAMPLES = [100, 200, 400, 500, 800, 1000] as const;

export function SnapshotControls() {
  const t = useTrainingStore((s) => s.config.train);
  const edit = useTrainingStore((s) => s.edit);
  const set = (patch: Parameters<typeof patchTrain>[1]) => edit((c) => patchTrain(c, patch));
  return (
    <>
      <div className="train-pair">
        <SelectField
          label="snapshot every"
          help="Every N steps the worker measures the run (losses, accuracies, collapse metrics on all training rows, ID on the sample) and sends the 3D frame."
          testId="train-snapshot-every"
          value={t.snapshotEvery}
          options={EVERY}
          format={(v) => `${v} steps`}
          onChange={(v) => set({ snapshotEvery: v })}
        />
        <SelectField
          label="profile every"
          help="Every M steps (a multiple of N) the snapshot adds the TwoNN ID of every layer and, for GCR heads, the principal angles between class subspaces."
          testId="train-profile-every"
          value={t.profileEvery}
          options={PROFILE_MULTIPLES.map((m) => m * t.snapshotEvery)}
          format={(v) => `${v} steps`}
          onChange={(v) => set({ profileEvery: v })}
        />
      </div>
      <SelectField
        label="sample rows"
        help="Size of the fixed sample of training rows drawn in 3D and used for TwoNN, MLE, effective rank and the layer profile. The feature export (Runs tab) holds every training and test row, not just this sample."
        testId="train-sample-size"
        value={t.sampleSize}
        options={SAMPLES}
        onChange={(v) => set({ sampleSize: v })}
      />
    </>
  );
}
