/** The layer-ID profile over the run and, for GCR heads, the principal angles between class subspaces. */
import { getHistory } from '../../state/trainingBuffers';
import { useTrainingStore } from '../../state/trainingStore';
import { AnglesChart } from '../../views/charts/AnglesChart';
import { ChartFrame } from '../../views/charts/ChartFrame';
import { LayerProfileChart } from '../../views/charts/LayerProfileChart';
import { describeProfile } from '../../views/charts/layerProfileShape';
import { formatSig } from '../../format';
import { Tip } from '../Tip';
import { ANGLES_DOC, LAYER_PROFILE_DOC } from './trainMetricDocs';

/** One empty list: a selector returning a fresh [] before the run is built would re-render forever (React 19). */
const NO_NAMES: string[] = [];

export function LayersTab() {
  useTrainingStore((s) => s.version);
  const head = useTrainingStore((s) => s.config.model.head);
  const profileEvery = useTrainingStore((s) => s.config.train.profileEvery);
  const classNames = useTrainingStore((s) => s.info?.classNames ?? NO_NAMES);
  const sample = useTrainingStore((s) => s.info?.sampleSize ?? 0);
  const { profiles, angles } = getHistory();
  const latestAngles = angles.at(-1);
  return (
    <div className="chart-stack">
      <ChartFrame
        title="Intrinsic dimension by layer"
        file="training-run"
        testId="train-chart-layers"
        note={
          <Tip tip={LAYER_PROFILE_DOC}>
            TwoNN on {sample} sample rows, every {profileEvery} steps; light = early, dark = latest
            {profiles.length ? ` (step ${profiles.at(-1)!.step})` : ''}
          </Tip>
        }
      >
        {profiles.length ? (
          <>
            <LayerProfileChart profiles={profiles} testId="train-layer-profile" />
            <p className="chart-note" data-testid="train-layer-shape">{describeProfile(profiles.at(-1)!.layers)}</p>
          </>
        ) : (
          <p className="tab-empty">No profile yet.</p>
        )}
      </ChartFrame>
      <ChartFrame
        title="Principal angles between class subspaces"
        file="training-run"
        testId="train-chart-angles"
        note={
          head.kind === 'gcr' ? (
            <Tip tip={ANGLES_DOC}>
              GCR bases, k = {head.k}
              {latestAngles ? `, step ${latestAngles.step}; ||SᵀS − I||_F = ${formatSig(latestAngles.angles.orthonormalityError, 2)}` : ''}
            </Tip>
          ) : null
        }
      >
        {head.kind !== 'gcr' ? (
          <p className="tab-empty">Shown for the GCR head, whose classes are subspaces: choose “GCR” under Model (or the “Grassmann class subspaces” preset).</p>
        ) : latestAngles && latestAngles.angles.pairs.length ? (
          <AnglesChart pairs={latestAngles.angles.pairs} classNames={classNames} testId="train-angles" />
        ) : (
          <p className="tab-empty">No angles yet.</p>
        )}
      </ChartFrame>
    </div>
  );
}
