/**
 * The headline numbers of the latest snapshot, large enough for a projector: step and epoch,
 * train / test accuracy, NC1, distance to the simplex ETF, and the terminal-phase badge.
 * Every cell has a fixed width (no layout jumps while a run streams) and explains itself on hover.
 */
import { useTrainingStore } from '../../state/trainingStore';
import { formatSig } from '../../views/format';
import { Tip } from '../Tip';
import { STEP_DOC, TERMINAL_DOC, TRAIN_METRIC_DOCS, type MetricKey } from './trainMetricDocs';

function percent(v: number | null | undefined): string {
  return v === null || v === undefined || !Number.isFinite(v) ? '—' : `${(100 * v).toFixed(1)}%`;
}

function Cell({ k, label, value, testId, text }: { k: MetricKey; label: string; value: number | null | undefined; testId: string; text: string }) {
  return (
    <Tip className="readout" tip={TRAIN_METRIC_DOCS[k].doc}>
      <span className="readout-label">{label}</span>
      <span className="readout-value" data-testid={testId} data-value={value === undefined ? undefined : String(value)}>
        {text}
      </span>
    </Tip>
  );
}

export function TrainReadouts() {
  const m = useTrainingStore((s) => s.latest);
  const terminalStep = useTrainingStore((s) => s.terminalStep);
  const sig = (v: number | null | undefined) => (v === null || v === undefined || !Number.isFinite(v) ? '—' : formatSig(v, 3));
  return (
    <div className="train-readouts" data-testid="train-readouts">
      <Tip className="readout readout-step" tip={STEP_DOC}>
        <span className="readout-label">step</span>
        <span className="readout-value" data-testid="train-step-count" data-value={m ? String(m.step) : undefined}>
          {m ? m.step.toLocaleString('en-US') : '—'}
        </span>
        <span className="readout-sub">{m ? `epoch ${m.epoch.toFixed(1)}` : ''}</span>
      </Tip>
      <Cell k="trainAccuracy" label="train acc." value={m?.trainAccuracy} testId="train-accuracy" text={percent(m?.trainAccuracy)} />
      <Cell k="testAccuracy" label="test acc." value={m?.testAccuracy} testId="train-test-accuracy" text={percent(m?.testAccuracy)} />
      <Cell k="nc1" label="NC1" value={m?.nc1} testId="train-nc1" text={sig(m?.nc1)} />
      <Cell k="etfDistance" label="dist. to ETF" value={m?.etfDistance} testId="train-etf" text={sig(m?.etfDistance)} />
      <Tip className={terminalStep !== null ? 'tpt-badge tpt-on' : 'tpt-badge'} tip={TERMINAL_DOC} testId="train-tpt">
        <strong>{terminalStep !== null ? 'terminal phase' : 'train error > 0'}</strong>
        <span>{terminalStep !== null ? `since step ${terminalStep}` : 'not yet terminal'}</span>
      </Tip>
    </div>
  );
}
