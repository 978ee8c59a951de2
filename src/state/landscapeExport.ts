/**
 * Landscape results as files: one CSV row per run of every sweep (kept and current), and a JSON
 * document with each sweep's setup, plan, runs, d_int90 and both intrinsic-dimension estimates.
 */
import type { SweepRecord } from './landscapeStore';

const CSV_COLUMNS = [
  'sweep', 'label', 'D', 'run', 'd', 'projection', 'projection_bytes', 'steps', 'test_accuracy', 'test_loss',
  'train_batch_loss', 'seconds', 'feature_twonn', 'input_twonn', 'd_int90', 'compression',
] as const;

function csvCell(v: string | number | null): string {
  if (v === null) return '';
  const s = String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** CSV with header CSV_COLUMNS; run 0 is the baseline (d empty); sweep-level columns repeat on each row; unfinished runs are left out. */
export function sweepsToCsv(sweeps: readonly SweepRecord[]): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const s of sweeps) {
    for (const r of s.rows) {
      if (!r.result) continue;
      const e = r.result.evaluation;
      const row = [
        s.key, s.label, s.plan.numParams, r.run, r.d, r.result.projection.kind, r.result.projection.memoryBytes, r.result.steps,
        e.accuracy, e.loss, r.result.trainLoss, r.result.seconds, r.featureTwoNN, s.inputTwoNN, s.dInt90, s.compression,
      ];
      lines.push(row.map(csvCell).join(','));
    }
  }
  return `${lines.join('\n')}\n`;
}

/** A JSON document: { generator, sweeps: [{ label, status, setup, D, widths, dInt90, compression, inputTwoNN, baseline, runs }] }. */
export function sweepsToJson(sweeps: readonly SweepRecord[]): string {
  const doc = {
    generator: 'Subspace Lab, Landscape mode (Li et al. 2018 objective-landscape intrinsic dimension)',
    conventions: 'd_int90 = smallest d whose test accuracy reaches 0.9 x the baseline accuracy, interpolated linearly in log d; TwoNN (Facco et al.) on a fixed sample of training rows.',
    sweeps: sweeps.map((s) => {
      const done = s.rows.filter((r) => r.result);
      const base = done.find((r) => r.d === null);
      const run = (r: (typeof done)[number]) => ({ d: r.d, ...r.result, featureTwoNN: r.featureTwoNN });
      return {
        label: s.label,
        status: s.status,
        setup: s.setup,
        D: s.plan.numParams,
        widths: s.plan.widths,
        backend: s.backend?.backend ?? null,
        trainRows: s.trainRows,
        testRows: s.testRows,
        dInt90: s.dInt90,
        compression: s.compression,
        inputTwoNN: s.inputTwoNN,
        idSampleRows: s.idSampleRows,
        baseline: base ? run(base) : null,
        runs: done.filter((r) => r.d !== null).map(run),
      };
    }),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
