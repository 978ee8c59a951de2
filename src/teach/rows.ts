/** The rows the checkpoints read: each snapshot's metrics with its lesson measures (src/teach/measures.ts). */
import type { TrainHistory } from '../state/trainingBuffers';
import type { LayerId, SubspaceAngles } from '../training/types';
import { derivedMeasures, NO_SNAPSHOT_MEASURES, profileMeasures } from './lessonMeasures';
import type { LessonRow } from './types';

/** The latest entry at or before `step` of a step-ordered list, or null. */
function atOrBefore<T extends { step: number }>(list: readonly T[], step: number): T | null {
  let hit: T | null = null;
  for (const e of list) {
    if (e.step > step) break;
    hit = e;
  }
  return hit;
}

/** One row per snapshot; the profile measures come from the latest layer profile and GCR angles at or before it. */
export function lessonRows(h: Pick<TrainHistory, 'metrics' | 'measures' | 'profiles' | 'angles'>): LessonRow[] {
  return h.metrics.map((m, i) => {
    const layers: LayerId[] | null = atOrBefore(h.profiles, m.step)?.layers ?? null;
    const angles: SubspaceAngles | null = atOrBefore(h.angles, m.step)?.angles ?? null;
    return { ...m, ...(h.measures[i] ?? NO_SNAPSHOT_MEASURES), ...profileMeasures(layers, angles), ...derivedMeasures(m) };
  });
}
