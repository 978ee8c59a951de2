/**
 * Exports of a training run: its metrics as CSV (one row per snapshot, SNAPSHOT_METRIC_KEYS
 * columns, empty cells for null) or JSON (settings, run facts, metrics, layer profiles, GCR
 * angles), and the features of its fixed sample as .npy or an .npz that Explore opens with its
 * labels (arrays `embeddings` float32 n x F and `labels` int32 n).
 */
import { zipSync } from 'fflate';
import { writeNpy } from '../io/npy';
import { SNAPSHOT_METRIC_KEYS } from '../training/metricKeys';
import type { RunConfig, SnapshotMetrics } from '../training/types';
import type { BackendChoice } from '../workers/protocol';
import type { RunInfo } from '../workers/trainingProtocol';
import type { TrainHistory } from './trainingBuffers';

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

/** The sample's features as a float32 .npy (n x F). */
export function featuresNpy(features: Float32Array, dim: number): Uint8Array {
  return writeNpy(features, [features.length / dim, dim]);
}

/** An uncompressed .npz with `embeddings` (float32 n x F) and `labels` (int32 n): Explore opens it with its labels. */
export function featuresNpz(features: Float32Array, dim: number, labels: Int32Array): Uint8Array {
  const n = features.length / dim;
  if (labels.length !== n) throw new RangeError(`featuresNpz: ${labels.length} labels for ${n} rows`);
  return zipSync({ 'embeddings.npy': featuresNpy(features, dim), 'labels.npy': writeNpy(labels, [n]) }, { level: 0 });
}

/** Labels as text, one class name per line (Explore's labels file). */
export function labelsText(labels: Int32Array, classNames: readonly string[]): string {
  return `${Array.from(labels, (y) => classNames[y] ?? String(y)).join('\n')}\n`;
}
