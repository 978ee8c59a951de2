/**
 * Exports of a training run: its metrics as CSV (one row per snapshot, SNAPSHOT_METRIC_KEYS
 * columns, empty cells for null) or JSON (settings, run facts, metrics, layer profiles, GCR
 * angles), and the penultimate features of all its training and test rows as an .npz (features,
 * labels, split, row, class names) or an .npy plus a labels text file; Explore opens both.
 */
import { zipSync } from 'fflate';
import { writeNpy } from '../io/npy';
import { SNAPSHOT_METRIC_KEYS } from '../training/metricKeys';
import type { RunConfig, SnapshotMetrics } from '../training/types';
import type { BackendChoice } from '../workers/analysisProtocol';
import type { FeaturesReply, RunInfo } from '../workers/trainingProtocol';
import type { TrainHistory } from './trainingBuffers';
import { terminalSpans, type TerminalSpan } from './terminalSpans';

/** CSV of the metrics: header = SNAPSHOT_METRIC_KEYS, numbers at full precision, null as an empty cell. */
export function metricsCsv(rows: readonly SnapshotMetrics[]): string {
  const lines = [SNAPSHOT_METRIC_KEYS.join(',')];
  for (const r of rows) lines.push(SNAPSHOT_METRIC_KEYS.map((k) => (r[k] === null ? '' : String(r[k]))).join(','));
  return `${lines.join('\n')}\n`;
}

/** Everything needed to read a run later: settings, backend, facts, metrics rows, profiles and angles. */
export interface RunExport {
  format: 'subspace-lab-train-run';
  version: 1;
  config: RunConfig;
  backend: string | null;
  info: RunInfo | null;
  /** First step with train accuracy 1, or null. */
  terminalStep: number | null;
  /** The step of the last snapshot (the one on screen after a pause), or null before the first. */
  step: number | null;
  /** Every terminal-phase span (snapshots with train accuracy 1), as the timelines shade them. */
  terminalSpans: TerminalSpan[];
  metrics: SnapshotMetrics[];
  layerProfiles: TrainHistory['profiles'];
  subspaceAngles: { step: number; orthonormalityError: number; pairs: { a: number; b: number; anglesRadians: number[]; geodesic: number; chordal: number }[] }[];
}

/** The run as a plain JSON-serialisable object (Float64Arrays become number arrays). */
export function runExport(config: RunConfig, backend: BackendChoice | null, info: RunInfo | null, history: TrainHistory, terminalStep: number | null): RunExport {
  return {
    format: 'subspace-lab-train-run',
    version: 1,
    config,
    backend: backend?.backend ?? null,
    info,
    terminalStep,
    step: history.metrics.at(-1)?.step ?? null,
    terminalSpans: terminalSpans(history.metrics),
    metrics: history.metrics,
    layerProfiles: history.profiles,
    subspaceAngles: history.angles.map(({ step, angles }) => ({
      step,
      orthonormalityError: angles.orthonormalityError,
      pairs: angles.pairs.map((p) => ({ a: p.a, b: p.b, anglesRadians: Array.from(p.angles), geodesic: p.geodesic, chordal: p.chordal })),
    })),
  };
}

/** JSON text of a run export (NaN and infinities, which JSON lacks, become null). */
export function runJson(run: RunExport): string {
  return JSON.stringify(run, (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2);
}

/**
 * The penultimate features of every training and test row of a run at one step: training rows
 * first, each split in its own row order (what the training worker's features request answers).
 */
export type AllRowFeatures = Omit<FeaturesReply, 'type' | 'id'> & {
  /** Name of class k (empty when the data has none). */
  classNames: string[];
};

/** Features as a float32 .npy (n x F). */
export function featuresNpy(features: Float32Array, dim: number): Uint8Array {
  return writeNpy(features, [features.length / dim, dim]);
}

/**
 * A 1-D numpy unicode array ('<Uw', w = the longest string in code points; UTF-32LE, zero-padded),
 * as numpy.save writes np.array(values).
 */
export function stringsNpy(values: readonly string[]): Uint8Array {
  const points = values.map((v) => Array.from(v, (c) => c.codePointAt(0)!));
  const width = Math.max(1, ...points.map((p) => p.length));
  const dict = `{'descr': '<U${width}', 'fortran_order': False, 'shape': (${values.length},), }`;
  const headerLength = Math.ceil((10 + dict.length + 1) / 64) * 64 - 10;
  const header = new TextEncoder().encode(`${dict.padEnd(headerLength - 1, ' ')}\n`);
  const out = new Uint8Array(10 + header.length + values.length * width * 4);
  out.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0]);
  const view = new DataView(out.buffer);
  view.setUint16(8, header.length, true);
  out.set(header, 10);
  const offset = 10 + header.length;
  points.forEach((p, i) => p.forEach((cp, c) => view.setUint32(offset + (i * width + c) * 4, cp, true)));
  return out;
}

/**
 * An uncompressed .npz of all rows: `features` float32 N x F, `labels` int32 N, `split` int32 N
 * (0 train, 1 test), `row` int32 N (index within its split), and, when the data names its classes,
 * `class_names` (K strings) and `label_names` (each row's class name, N strings). Explore opens it
 * with `features` as the vectors and `labels` as the classes.
 */
export function allFeaturesNpz(f: AllRowFeatures): Uint8Array {
  return zipSync(allFeaturesEntries(f), { level: 0 });
}

/** The .npy entries of allFeaturesNpz, by file name. */
export function allFeaturesEntries(f: AllRowFeatures): Record<string, Uint8Array> {
  const n = f.trainRows + f.testRows;
  if (f.features.length !== n * f.featureDim) throw new RangeError(`allFeaturesNpz: ${f.features.length} values for ${n} rows x ${f.featureDim}`);
  if (f.labels.length !== n) throw new RangeError(`allFeaturesNpz: ${f.labels.length} labels for ${n} rows`);
  const split = new Int32Array(n).fill(1, f.trainRows);
  const row = Int32Array.from({ length: n }, (_, i) => (i < f.trainRows ? i : i - f.trainRows));
  const entries: Record<string, Uint8Array> = {
    'features.npy': featuresNpy(f.features, f.featureDim),
    'labels.npy': writeNpy(f.labels, [n]),
    'split.npy': writeNpy(split, [n]),
    'row.npy': writeNpy(row, [n]),
  };
  if (f.classNames.length > 0) {
    entries['class_names.npy'] = stringsNpy(f.classNames);
    entries['label_names.npy'] = stringsNpy(Array.from(f.labels, (y) => f.classNames[y] ?? String(y)));
  }
  return entries;
}

/** Labels as text, one class name per line and no header (Explore's and the Embedding Projector's single-column metadata). */
export function labelsText(labels: Int32Array, classNames: readonly string[]): string {
  return `${Array.from(labels, (y) => classNames[y] ?? String(y)).join('\n')}\n`;
}
