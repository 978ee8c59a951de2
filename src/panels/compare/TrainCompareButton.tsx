/**
 * Train's entry to Compare: the penultimate features of every row of the current run at its current
 * step become a Compare representation (the first A, the second B, more for the CKA matrix), so
 * step a vs step b of one run, or two runs, can be compared; then a button opens Compare.
 */
import { useCompareStore } from '../../state/compareStore';
import { useModeStore } from '../../state/modeStore';
import { useTrainingStore } from '../../state/trainingStore';
import { usePick } from '../../views/usePick';

async function capture(): Promise<void> {
  const f = await useTrainingStore.getState().exportFeatures();
  const s = useTrainingStore.getState();
  if (!f || !s.info) return;
  const name = `${s.presetId ?? 'custom'} run ${s.info.run} step ${f.step}`;
  useCompareStore.getState().addCapture({
    kind: 'arrays', name, n: f.trainRows + f.testRows, dim: f.featureDim, vectors: f.features, labels: f.labels,
    ...(f.classNames.length ? { classNames: f.classNames } : {}),
  });
}

export function TrainCompareButton({ disabled }: { disabled: boolean }) {
  const { A, B, more } = usePick(useCompareStore, 'A', 'B', 'more');
  const held = [A, B].filter((x) => x?.origin === 'train').map((x) => x!.label).concat(more.map((m) => m.name));
  return (
    <div className="train-compare" data-testid="train-compare">
      <div className="button-row">
        <button type="button" data-testid="train-add-compare" disabled={disabled} onClick={() => void capture()} title="Compare two snapshots or runs: add this step, train on (or change the seed), add another">
          Add this step to Compare
        </button>
        <button type="button" data-testid="train-open-compare" disabled={held.length === 0} onClick={() => useModeStore.getState().setMode('compare')}>
          Open Compare
        </button>
      </div>
      <p className="chart-note" data-testid="train-compare-held">
        {held.length === 0
          ? 'Compare two snapshots or runs: add this step, train on (or change the training seed or the head), add it again. Rows are matched by order (training rows first), so two runs must keep the same data settings.'
          : `In Compare: ${held.join('; ')}${held.length === 1 ? ' (add one more)' : ''}.`}
      </p>
    </div>
  );
}
