/**
 * Teach mode's store: the open lesson and step, and the runner that carries a step out on the live
 * Train run: it applies the step's settings (the run rebuilds from step 0), plays until the
 * action's goal is met or its budget spent, pauses, and evaluates the checkpoints on the run's
 * metrics history. Lesson 7's steps do the same on a Landscape sweep (sweepRunner.ts).
 */
import { create } from 'zustand';
import { getHistory } from '../state/trainingBuffers';
import { useTrainingStore } from '../state/trainingStore';
import { applyTrainQuery } from '../url/storeState';
import { actionDone } from './checks';
import { checkStep } from './stepChecks';
import { applySweepSettings, cancelLessonSweep, runLessonSweep, sweepView } from './sweepRunner';
import { lessonRows } from './rows';
import { findLesson, LESSONS } from './lessons';
import type { CheckResult } from './types';

export interface TeachState {
  lessonId: string;
  step: number;
  /** A lesson was opened (its settings applied) in this page. */
  opened: boolean;
  /** The step's action is playing. */
  running: boolean;
  /** Whether the last action met its goal (null before one ran). */
  met: boolean | null;
  /** Checkpoint verdicts of the open step (null until evaluated). */
  results: CheckResult[] | null;
  /** Values recorded by this lesson's steps (their `record`), for later steps' comparisons. */
  recorded: Record<string, number>;
  open: (lessonId: string, step?: number) => void;
  goTo: (step: number) => void;
  /** Runs the open step's action, then evaluates its checkpoints. */
  run: () => void;
  stop: () => void;
  /** Evaluates the open step's checkpoints on the run as it is. */
  check: () => void;
}

let unsubscribe: (() => void) | null = null;

export const useTeachStore = create<TeachState>()((set, get) => {
  const lesson = () => findLesson(get().lessonId) ?? LESSONS[0];
  const detach = () => {
    unsubscribe?.();
    unsubscribe = null;
  };
  return {
    lessonId: LESSONS[0].id,
    step: 0,
    opened: false,
    running: false,
    met: null,
    results: null,
    recorded: {},
    open: (lessonId, step = 0) => {
      // Stop the open lesson's action first (a Train run pauses, a sweep is cancelled): the next lesson may not drive the same view.
      if (get().running) get().stop();
      detach();
      const l = findLesson(lessonId) ?? LESSONS[0];
      const at = Math.min(Math.max(0, step), l.steps.length - 1);
      set({ lessonId: l.id, running: false, opened: true, recorded: {} });
      get().goTo(at);
      // Opened at a later step (a link): the settings in force there are the nearest earlier step's.
      const earlier = l.steps.slice(0, at + 1).reverse();
      const settings = earlier.find((x) => x.settings)?.settings;
      if (settings && !l.steps[at].settings) applyTrainQuery(settings);
      const landscape = earlier.find((x) => x.landscape)?.landscape;
      if (landscape && !l.steps[at].landscape) applySweepSettings(landscape);
    },
    goTo: (step) => {
      detach();
      const s = lesson().steps[step];
      if (!s) return;
      if (get().running) get().stop();
      set({ step, running: false, met: null, results: null });
      if (s.settings) applyTrainQuery(s.settings);
      if (s.landscape) applySweepSettings(s.landscape);
    },
    run: () => {
      const action = lesson().steps[get().step]?.action;
      if (!action || get().running) return;
      detach();
      set({ running: true, met: null, results: null });
      if (action.kind === 'sweep') {
        unsubscribe = runLessonSweep((finished) => {
          detach();
          set({ running: false, met: finished });
          get().check();
        });
        return;
      }
      const start = useTrainingStore.getState().latest?.step ?? 0;
      unsubscribe = useTrainingStore.subscribe((t, p) => {
        if (t.status === 'error') {
          detach();
          set({ running: false });
          return;
        }
        if (t.latest === p.latest) return;
        const d = actionDone(action, lessonRows(getHistory()), start);
        if (!d.done) return;
        detach();
        useTrainingStore.getState().pause();
        set({ running: false, met: d.met });
        get().check();
      });
      useTrainingStore.getState().play();
    },
    stop: () => {
      detach();
      if (lesson().view === 'landscape') cancelLessonSweep();
      else useTrainingStore.getState().pause();
      set({ running: false });
    },
    check: () => {
      const l = lesson();
      const landscape = l.view === 'landscape';
      set(checkStep(l.steps[get().step], landscape ? [] : lessonRows(getHistory()), landscape ? sweepView() : null, get().recorded));
    },
  };
});
