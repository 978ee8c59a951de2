/**
 * Builders of lesson steps and checkpoints, so the lesson tables read as content: a step is its
 * title and text, the settings it opens with, what it plays, the charts to watch and the claims
 * checked at its end.
 */
import type { AnyCheckpoint, ChartId, Checkpoint, LessonStep, MetricName, Recording, SweepCheckpoint, SweepRecording } from './types';

/** A step's words. */
export interface StepText {
  title: string;
  text: string;
}

/** What a step plays: N steps more ("Play N steps", or `label`), or until `metric` reaches `atLeast` within `maxSteps`. */
export type Play = number | { steps: number; label: string } | { until: MetricName; atLeast: number; maxSteps: number; label: string };

function action(play: Play): LessonStep['action'] {
  if (typeof play === 'number') return { kind: 'play-for', steps: play, label: `Play ${play.toLocaleString('en')} steps` };
  if ('until' in play) return { kind: 'play-until', metric: play.until, atLeast: play.atLeast, maxSteps: play.maxSteps, label: play.label };
  return { kind: 'play-for', steps: play.steps, label: play.label };
}

/**
 * A step that (optionally) opens Train `settings`, plays, and checks `checkpoints` on the run;
 * `record` keeps values for later steps' comparisons. Fields left empty stay out of the step.
 */
export function playStep(words: StepText, settings: string | undefined, play: Play | null, watch: ChartId[], checkpoints: AnyCheckpoint[] = [], record: Recording[] = []): LessonStep {
  return {
    ...words,
    ...(settings ? { settings } : {}),
    ...(play !== null ? { action: action(play) } : {}),
    watch,
    ...(checkpoints.length ? { checkpoints } : {}),
    ...(record.length ? { record } : {}),
  };
}

/** "`metric` reached `value` at some snapshot" (by default: train accuracy reached 100%). */
export const reached = (claim: string, metric: MetricName = 'trainAccuracy', value = 1): Checkpoint => ({ kind: 'reached', metric, value, claim });
export const atLeast = (metric: MetricName, value: number, claim: string): Checkpoint => ({ kind: 'atLeast', metric, value, claim });
export const atMost = (metric: MetricName, value: number, claim: string): Checkpoint => ({ kind: 'atMost', metric, value, claim });
/** The metric fell `factor` times since the terminal phase began. */
export const fell = (metric: MetricName, factor: number, claim: string): Checkpoint => ({ kind: 'fell', metric, factor, claim });
/** The latest `metric` against the value recorded as `than` (above or below it, by `factor` times when given). */
export function compare(metric: MetricName, than: string, relation: 'above' | 'below', claim: string, factor?: number): Checkpoint {
  return { kind: 'compare', metric, than, relation, ...(factor !== undefined ? { factor } : {}), claim };
}
export const recording = (name: string, metric: MetricName): Recording => ({ name, metric });

/** A Landscape step (lesson 7): opens the sweep of the Landscape query `landscape`, runs it with `label` (null: no action) and checks it. */
export function sweepStep(words: StepText, landscape: string, label: string | null, checkpoints: SweepCheckpoint[] = [], sweepRecord: SweepRecording[] = []): LessonStep {
  return {
    ...words,
    landscape,
    ...(label !== null ? { action: { kind: 'sweep' as const, label } } : {}),
    ...(checkpoints.length ? { checkpoints } : {}),
    ...(sweepRecord.length ? { sweepRecord } : {}),
  };
}
