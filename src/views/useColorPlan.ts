/** The colour plan of the current colouring, shared by the point cloud and the legend (built once per change). */
import { useAnalysisStore, useFaithfulnessStore, useJobsStore } from '../state/appStore';
import { getLocalIdBuffer, getPointBuffers, getPreservationBuffer } from '../state/pointBuffers';
import { useViewStore } from '../state/viewStore';
import { buildPlan, continuousPlan, type ColorPlan } from './colors';

/** The colouring by neighbour preservation: |N_X ∩ N_Y| / k on its full scale 0..1 (unmeasured points in the missing colour). */
function preservationPlan(values: Float32Array | null): ColorPlan {
  if (!values) return { kind: 'uniform' };
  const plan = continuousPlan('neighbour preservation (k = 10)', values);
  return plan.kind === 'continuous' ? { ...plan, min: 0, max: 1 } : plan;
}

let cache: { key: string; plan: ColorPlan } | null = null;

/** The cached plan for `key`, built by `build` when the key changed. */
function cached(key: string, build: () => ColorPlan): ColorPlan {
  if (cache?.key !== key) cache = { key, plan: build() };
  return cache.plan;
}

/** The plan for (dataset, colouring, local-ID version); null before any data. */
export function useColorPlan(): ColorPlan | null {
  const dataVersion = useAnalysisStore((s) => s.dataVersion);
  const classNames = useAnalysisStore((s) => s.classNames);
  const classCounts = useAnalysisStore((s) => s.classCounts);
  const colorBy = useViewStore((s) => s.colorBy);
  const localIdVersion = useJobsStore((s) => s.localId.version);
  const preservationVersion = useFaithfulnessStore((s) => s.version);
  const b = getPointBuffers();
  if (!b || dataVersion === 0) return null;
  if (colorBy === 'preservation') return cached(`${dataVersion}|${colorBy}|${preservationVersion}`, () => preservationPlan(getPreservationBuffer()));
  return cached(`${dataVersion}|${colorBy}|${localIdVersion}`, () => buildPlan(colorBy, b, classNames, classCounts, getLocalIdBuffer()));
}
