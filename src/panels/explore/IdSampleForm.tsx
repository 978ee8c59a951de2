/**
 * The ID sample of the Dimension tab: which rows TwoNN and MLE ran on (how many, uniform or
 * stratified per class, the seed), and a form to change the size, strategy and seed and run the
 * ID stage again. The same settings drawn by the CLI (`--id-sample N --sample-strategy S
 * --sample-seed N`) give the same rows for the same file.
 */
import { useState } from 'react';
import type { SampleSpec, SampleStrategy } from '../../geometry/sample';
import type { AnalysisReport } from '../../geometry/types';
import { useAnalysisStore } from '../../state/appStore';

const f = (v: number) => v.toLocaleString('en-US');
const STRATEGIES: readonly SampleStrategy[] = ['uniform', 'stratified'];

/** The sentence naming the rows the ID estimates used (or will use, while asked is not yet computed). */
export function idRowsText(report: AnalysisReport, asked: SampleSpec, labelled: boolean, computed: boolean): string {
  const unique = report.n - report.skipped.duplicates;
  const fallback = asked.strategy === 'stratified' && !labelled ? ' (stratified needs labels: drawn uniformly)' : '';
  if (!computed) {
    if (unique <= asked.size) return `TwoNN and MLE on all ${f(unique)} unique rows`;
    return `TwoNN and MLE on a seeded ${labelled ? asked.strategy : 'uniform'} sample of ${f(asked.size)} of ${f(unique)} unique rows (seed ${asked.seed})${fallback}`;
  }
  const s = report.intrinsicDimension.sample;
  if (!s) return `TwoNN and MLE (k = ${report.intrinsicDimension.mle.k}) on all ${f(unique)} unique rows (no more than the sample size, ${f(asked.size)})`;
  const how = s.strategy === 'stratified' ? 'stratified (per-class quotas, largest remainder)' : 'uniform';
  return `TwoNN and MLE (k = ${report.intrinsicDimension.mle.k}) on a seeded ${how} sample of ${f(s.size)} of ${f(s.of)} unique rows (seed ${s.seed})${fallback}`;
}

/** The form starts from the sample asked for (DimensionTab keys it by that sample, so a link's settings show). */
export function IdSampleForm({ labelled, asked }: { labelled: boolean; asked: SampleSpec }) {
  const running = useAnalysisStore((s) => s.idStage.status === 'running');
  const [p, setP] = useState(asked);
  const valid = Number.isInteger(p.size) && p.size >= 3 && Number.isInteger(p.seed) && p.seed >= 0 && p.seed < 2 ** 31;
  return (
    <form
      className="param-grid"
      data-testid="id-sample-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (!valid) return;
        const store = useAnalysisStore.getState();
        if (JSON.stringify(p) === JSON.stringify(store.idSample)) store.computeId();
        else store.setIdSample(p);
      }}
    >
      <label className="param-field">
        sample size
        <input type="number" min={3} step={1} value={p.size} data-testid="id-sample-size" onChange={(e) => setP({ ...p, size: Number(e.target.value) })} />
      </label>
      <label className="param-field">
        strategy
        <select value={p.strategy} data-testid="id-sample-strategy" onChange={(e) => setP({ ...p, strategy: e.target.value as SampleStrategy })}>
          {STRATEGIES.map((s) => (
            <option key={s} value={s} disabled={s === 'stratified' && !labelled}>
              {s === 'stratified' ? 'stratified (per class)' : 'uniform'}
            </option>
          ))}
        </select>
      </label>
      <label className="param-field">
        seed
        <input type="number" min={0} step={1} value={p.seed} data-testid="id-sample-seed" onChange={(e) => setP({ ...p, seed: Number(e.target.value) })} />
      </label>
      <button type="submit" data-testid="id-sample-run" disabled={!valid || running}>
        Re-run ID
      </button>
    </form>
  );
}
