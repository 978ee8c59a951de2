/**
 * Teach mode: a lesson on the left drives the live Train run (its 3D view and curves in the middle
 * and on the right, as in Train mode); the step's charts to watch are outlined. Lesson 7 drives a
 * Landscape sweep instead (Landscape's charts and results beside the lesson); presented, its
 * checkpoints head the right column, above the results (its steps and five verdicts overran one
 * column at 1280 x 720).
 */
import { useEffect } from 'react';
import { useLandscapeStore } from '../../state/landscapeStore';
import { useTrainingStore } from '../../state/trainingStore';
import { useTeachStore } from '../../teach/teachStore';
import { findLesson } from '../../teach/lessons';
import { TrainCenter } from '../train/TrainCenter';
import { TrainSidePanel } from '../train/TrainSidePanel';
import { TrainStatusBar } from '../train/TrainStatusBar';
import { LandscapeStatusBar } from '../landscape/LandscapeStatusBar';
import { ResultsPanel } from '../landscape/ResultsPanel';
import { SweepCharts } from '../landscape/SweepCharts';
import '../landscape/landscape.css';
import '../train/train.css';
import './teach.css';
import { LessonPanel } from './LessonPanel';
import { LessonChecks } from './LessonChecks';
import { usePresent } from '../../teach/presentStore';

/** Outlines the curve charts named by the open step (they live in Train's side panel). */
function useWatchedCharts(): void {
  const watch = useTeachStore((s) => findLesson(s.lessonId)?.steps[s.step]?.watch);
  const version = useTrainingStore((s) => s.version);
  useEffect(() => {
    const marked = (watch ?? []).map((id) => document.querySelector(`[data-testid="train-timeline-${id}"]`));
    for (const el of marked) el?.classList.add('teach-watch');
    return () => {
      for (const el of marked) el?.classList.remove('teach-watch');
    };
  }, [watch, version]);
}

export function TeachMode() {
  const view = useTeachStore((s) => findLesson(s.lessonId)?.view ?? 'train');
  useEffect(() => {
    const t = useTeachStore.getState();
    if (!t.opened) t.open(t.lessonId, t.step);
  }, []);
  useEffect(() => {
    if (view === 'landscape') useLandscapeStore.getState().init();
    else useTrainingStore.getState().ensureRun();
  }, [view]);
  useWatchedCharts();
  const landscape = view === 'landscape';
  const checksAside = usePresent((s) => s.on) && landscape;
  return (
    <>
      <div className={landscape ? 'train-mode teach-mode teach-landscape' : 'train-mode teach-mode'} data-testid="teach-mode">
        <LessonPanel checksHere={!checksAside} />
        {landscape ? <SweepCharts /> : <TrainCenter />}
        {checksAside ? (
          <div className="teach-aside" data-testid="lesson-aside">
            <LessonChecks />
            <ResultsPanel />
          </div>
        ) : landscape ? (
          <ResultsPanel />
        ) : (
          <TrainSidePanel />
        )}
      </div>
      {landscape ? <LandscapeStatusBar override /> : <TrainStatusBar />}
    </>
  );
}
