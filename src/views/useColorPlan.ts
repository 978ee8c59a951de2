/** The colour plan of the current colouring, shared by the point cloud and the legend (built once per change). */
import { useAnalysisStore, useJobsStore } from '../state/appStore';
import { getLocalIdBuffer, getPointBuffers } from '../state/pointBuffers';
import { useViewStore } from '../state/viewStore';
import { buildPlan, type ColorPlan } from './colors';

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
  const b = getPointBuffers();
  if (!b || dataVersion === 0) return null;
  return cached(`${dataVersion}|${colorBy}|${localIdVersion}`, () => buildPlan(colorBy, b, classNames, classCounts, getLocalIdBuffer()));
}
