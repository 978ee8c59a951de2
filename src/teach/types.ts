/** Lessons as data: steps of text, Train settings, an action to run, charts to watch and checkpoints on the live run. */
import type { SnapshotMetrics } from '../training/types';
import type { LessonMeasures } from './lessonMeasures';

/** One snapshot as the checkpoints see it: its metrics and its lesson measures. */
export type LessonRow = SnapshotMetrics & LessonMeasures;

/** A numeric metric of a snapshot or one of its lesson measures. */
export type MetricName = Exclude<keyof LessonRow, 'step' | 'epoch'>;

/** What a step does on the run: play until a metric reaches a value (at most maxSteps), or play a number of steps more. */
export type LessonAction =
  | { kind: 'play-until'; metric: MetricName; atLeast: number; maxSteps: number; label: string }
  | { kind: 'play-for'; steps: number; label: string }
  /** Runs the Landscape sweep of the step's `landscape` settings to its end (lesson 7). */
  | { kind: 'sweep'; label: string };

/**
 * A claim about the live run, checked on its metrics history:
 * 'reached': the metric reached `value` at some snapshot; 'fell': from the first snapshot of the
 * terminal phase (train accuracy 1) to the latest, the metric fell by at least `factor`;
 * 'below': the latest value is below `value`; 'atMost' / 'atLeast': the latest value is at most / at least `value`;
 * 'sinceStart': from the run's first snapshot (step 0) to the latest, the metric rose / fell by at least `factor`;
 * 'compare': the latest value against a value an earlier step of the lesson recorded (its `record`):
 * above it by more than `factor` times (default 1), or below it by more than `factor` times.
 */
export type Checkpoint =
  | { kind: 'reached'; metric: MetricName; value: number; claim: string }
  | { kind: 'fell'; metric: MetricName; factor: number; claim: string }
  | { kind: 'below'; metric: MetricName; value: number; claim: string }
  | { kind: 'atMost'; metric: MetricName; value: number; claim: string }
  | { kind: 'atLeast'; metric: MetricName; value: number; claim: string }
  | { kind: 'sinceStart'; metric: MetricName; relation: 'rose' | 'fell'; factor: number; claim: string }
  | { kind: 'compare'; metric: MetricName; than: string; relation: 'above' | 'below'; factor?: number; claim: string };

/** A number of a Landscape sweep: D, d_int90 or D / d_int90. */
export type SweepMetric = 'numParams' | 'dInt90' | 'compression';

/**
 * A claim about a finished Landscape sweep (src/teach/sweepChecks.ts): 'baseline': ordinary
 * training's test accuracy is at least `atLeast`; 'run': the subspace run at `d` reaches (or misses)
 * 90% of the baseline's accuracy; 'dInt90': d_int90 lies in [atLeast, atMost]; 'compression':
 * D / d_int90 is at least `atLeast`; 'sweepCompare': the sweep's `metric` over the value an earlier
 * step recorded as `than` (its `sweepRecord`) is at least / at most the given ratio.
 */
export type SweepCheckpoint =
  | { kind: 'baseline'; atLeast: number; claim: string }
  | { kind: 'run'; d: number; relation: 'reaches' | 'misses'; claim: string }
  | { kind: 'dInt90'; atLeast: number; atMost: number; claim: string }
  | { kind: 'compression'; atLeast: number; claim: string }
  | { kind: 'sweepCompare'; metric: SweepMetric; than: string; ratio: { atLeast?: number; atMost?: number }; claim: string };

/** A sweep number a step keeps for later steps' 'sweepCompare' checkpoints. */
export interface SweepRecording {
  name: string;
  metric: SweepMetric;
}

/** Any checkpoint a step may list: on the Train run's history, or on the Landscape sweep. */
export type AnyCheckpoint = Checkpoint | SweepCheckpoint;

/** A value a step keeps for later steps' 'compare' checkpoints: the latest `metric` when its action ends (or it is checked). */
export interface Recording {
  name: string;
  metric: MetricName;
}

/** The curve charts of Train mode a step points at (CurvesTab's ids). */
export type ChartId = 'loss' | 'accuracy' | 'nc1' | 'simplex' | 'classifier' | 'dimension';

export interface LessonStep {
  title: string;
  /** What to look at and why (plain sentences). */
  text: string;
  /** Train settings as a Train-mode query (src/url/trainFields.ts), applied when the step opens (the run rebuilds). */
  settings?: string;
  /** Landscape settings as a Landscape-mode query (src/url/landscapeFields.ts), applied when the step opens (lesson 7). */
  landscape?: string;
  action?: LessonAction;
  /** Charts highlighted while the step is open. */
  watch?: ChartId[];
  checkpoints?: AnyCheckpoint[];
  /** Values kept for later steps (see Recording). */
  record?: Recording[];
  /** Sweep numbers kept for later steps (lesson 7). */
  sweepRecord?: SweepRecording[];
}

export interface Lesson {
  id: string;
  title: string;
  /** One line for the lesson list. */
  summary: string;
  /** Which live view the lesson drives: Train's run (the default) or a Landscape sweep. */
  view?: 'train' | 'landscape';
  steps: LessonStep[];
}

/** A checkpoint's verdict on the run: the claim with the numbers that decide it. */
export interface CheckResult {
  pass: boolean;
  /** e.g. "NC1 fell 10x since the terminal phase began: yes (0.41 -> 0.012, 34x)". */
  text: string;
}
