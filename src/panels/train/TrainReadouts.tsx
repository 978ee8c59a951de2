/**
 * The headline numbers of the latest snapshot, large enough for a projector: step and epoch,
 * train / test accuracy, NC1, the NC2 ETF distance, the rate reduction deltaR, and the
 * terminal-phase badge (in the phase, never reached, or left when accuracy dropped below 100%).
 * A collapse value the snapshot leaves undefined shows "—" with the core's reason in a few words
 * (the whole sentence in the tooltip); reasons and the badge wrap, never clip. Every cell has
 * a fixed width (no layout jumps while a run streams) and explains itself on hover.
 */
import { useMemo } from 'react';
import type { CollapseMetricKey } from '../../geometry/types';
import { getHistory } from '../../state/trainingBuffers';
import { useTrainingStore } from '../../state/trainingStore';
import { terminalBadgeText, terminalSpans, terminalState } from '../../state/terminalSpans';
import { formatSig, formatPercent } from '../../format';
import { MeaningLines } from '../explore/MeaningLines';
import { shortReason } from './readoutReason';
import { Tip } from '../Tip';
import { STEP_DOC, TERMINAL_DOC, TRAIN_METRIC_DOCS, type MetricKey } from './trainMetricDocs';
import { usePick } from '../../views/usePick';

function percent(v: number | null | undefined): string {
  return v === null || v === undefined || !Number.isFinite(v) ? '—' : formatPercent(v);
}

const sig = (v: number | null | undefined) => (v === null || v === undefined || !Number.isFinite(v) ? '—' : formatSig(v, 3));

interface CellProps {
  k: MetricKey;
  label: string;
  value: number | null | undefined;
  testId: string;
  text: string;
  /** Why the value is missing (the snapshot's reason), shown under it. */
  reason?: string | null;
}

function Cell({ k, label, value, testId, text, reason }: CellProps) {
  const doc = TRAIN_METRIC_DOCS[k];
  return (
    <Tip
      className="readout"
      tip={
        <>
          {reason ? <strong className="tip-reason">Not available: {reason}. </strong> : null}
          {doc.doc}
          <MeaningLines meaning={doc.meaning} />
        </>
      }
    >
      <span className="readout-label">{label}</span>
      <span className="readout-value" data-testid={testId} data-value={value === undefined ? undefined : String(value)}>
        {text}
      </span>
      {reason ? (
        <span className="readout-sub readout-reason" data-testid={`${testId}-reason`}>
          {shortReason(reason)}
        </span>
      ) : null}
    </Tip>
  );
}

export function TrainReadouts() {
  const { version, latest: m, collapse } = usePick(useTrainingStore, 'version', 'latest', 'collapse');
  // The history's rows change in place; `version` says when.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const state = useMemo(() => terminalState(terminalSpans(getHistory().metrics)), [version]);
  const badge = terminalBadgeText(state);
  const why = (k: CollapseMetricKey, v: number | null | undefined) => (v !== undefined && v !== null && !Number.isFinite(v) ? (collapse?.reasons?.[k] ?? null) : null);
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
      <Cell k="nc1" label="NC1" value={m?.nc1} testId="train-nc1" text={sig(m?.nc1)} reason={why('nc1', m?.nc1)} />
      <Cell k="etfDistance" label="NC2 ETF" value={m?.etfDistance} testId="train-etf" text={sig(m?.etfDistance)} reason={why('etfDistance', m?.etfDistance)} />
      <Cell k="codingRateDeltaR" label="ΔR (MCR²)" value={m?.codingRateDeltaR} testId="train-delta-r" text={sig(m?.codingRateDeltaR)} />
      <Tip className={`tpt-badge tpt-${state.kind}`} tip={TERMINAL_DOC} testId="train-tpt">
        <strong data-testid="train-tpt-state" data-state={state.kind}>{badge.title}</strong>
        <span>{badge.detail}</span>
      </Tip>
    </div>
  );
}
