/**
 * Every snapshot metric over the run, in seven timelines grouped by what they measure, with every
 * span of the terminal phase shaded; each legend entry shows the latest value and explains the
 * metric on hover (formula, meaning, reference). A kept run is overlaid dashed.
 */
import { getHistory } from '../../state/trainingBuffers';
import { useTrainingStore } from '../../state/trainingStore';
import { ChartFrame } from '../../views/charts/ChartFrame';
import { TimelineChart } from '../../views/charts/TimelineChart';
import { formatSig } from '../../format';
import { CLASS_COLORS } from '../../views/palette';
import { Tip } from '../Tip';
import { MeaningLines } from '../explore/MeaningLines';
import { terminalSpans, type TerminalSpan } from '../../state/terminalSpans';
import { STEP_DOC, TERMINAL_DOC, TRAIN_METRIC_DOCS, type MetricKey } from './trainMetricDocs';

interface Group {
  id: string;
  title: string;
  yLabel: string;
  scale: 'auto' | 'linear' | 'log';
  domain?: [number, number];
  keys: MetricKey[];
}

const GROUPS: readonly Group[] = [
  { id: 'loss', title: 'Loss', yLabel: 'loss', scale: 'auto', keys: ['trainLoss', 'testLoss'] },
  { id: 'accuracy', title: 'Accuracy and NCC mismatch', yLabel: 'fraction', scale: 'linear', domain: [0, 1], keys: ['trainAccuracy', 'testAccuracy', 'nc4'] },
  { id: 'nc1', title: 'Within-class variability (NC1)', yLabel: 'ratio', scale: 'auto', keys: ['nc1', 'nc1Quotient', 'cdnv'] },
  { id: 'simplex', title: 'Class means vs the simplex ETF (NC2)', yLabel: 'deviation', scale: 'auto', keys: ['etfDistance', 'equiangularity', 'equinorm'] },
  { id: 'classifier', title: 'Classifier rows (NC2, NC3)', yLabel: 'deviation', scale: 'auto', keys: ['equinormClassifier', 'nc3'] },
  { id: 'dimension', title: 'Dimension of the features', yLabel: 'dimensions', scale: 'linear', keys: ['twoNN', 'mle', 'effectiveRank'] },
  { id: 'coding', title: 'Coding rate (MCR², ε² = 0.5)', yLabel: 'nats', scale: 'linear', keys: ['codingRateR', 'codingRateRc', 'codingRateDeltaR'] },
];

const SERIES_COLORS = [CLASS_COLORS[0], CLASS_COLORS[1], CLASS_COLORS[3]];

function LegendItem({ k, color, value }: { k: MetricKey; color: string; value: number | null | undefined }) {
  const doc = TRAIN_METRIC_DOCS[k];
  const shown = value === undefined ? '…' : value === null || !Number.isFinite(value) ? '—' : formatSig(value);
  return (
    <Tip
      className="timeline-legend-item"
      placement="left"
      tip={
        <>
          {value === null && doc.nullReason ? <strong className="tip-reason">Not available: {doc.nullReason}. </strong> : null}
          {doc.doc}
          <MeaningLines meaning={doc.meaning} />
        </>
      }
    >
      <span className="timeline-swatch" style={{ background: color }} />
      <span className="timeline-legend-label">{doc.label}</span>
      <span className="timeline-legend-value" data-testid={`train-value-${k}`} data-value={value === undefined ? undefined : String(value)}>
        {shown}
      </span>
    </Tip>
  );
}

/** The key's words: the shaded spans, or that there are none yet. */
function terminalNote(spans: readonly TerminalSpan[]): string {
  if (spans.length === 0) return 'terminal phase (train error 0): not reached yet';
  const list = spans.slice(-3).map((t) => (t.from === t.to ? `step ${t.from}` : `steps ${t.from}–${t.to}`));
  return `terminal phase (train error 0): ${spans.length > 3 ? '…, ' : ''}${list.join(', ')}`;
}

export function CurvesTab() {
  useTrainingStore((s) => s.version);
  const kept = useTrainingStore((s) => s.kept);
  const info = useTrainingStore((s) => s.info);
  const rows = getHistory().metrics;
  const spans = terminalSpans(rows);
  const last = rows.at(-1);
  return (
    <div className="chart-stack train-curves">
      <p className="chart-note">
        <Tip tip={STEP_DOC}>x: optimisation step{info ? ` (1 epoch = ${info.stepsPerEpoch} steps)` : ''}</Tip>
        {' · '}
        <Tip tip={TERMINAL_DOC}>
          <span className="tpt-key" /> <span data-testid="train-tpt-note">{terminalNote(spans)}</span>
        </Tip>
        {kept ? (
          <>
            <br />
            solid: this run · dashed: kept run ({kept.label})
          </>
        ) : null}
      </p>
      {GROUPS.map((g) => (
        <ChartFrame key={g.id} title={g.title} file="training-run" testId={`train-chart-${g.id}`}>
          <TimelineChart
            series={g.keys.map((key, i) => ({ key, color: SERIES_COLORS[i] }))}
            rows={rows}
            kept={kept?.metrics ?? null}
            spans={spans}
            keptTerminalStep={kept?.terminalStep ?? null}
            scale={g.scale}
            domain={g.domain}
            yLabel={g.yLabel}
            testId={`train-timeline-${g.id}`}
          />
          <div className="timeline-legend">
            {g.keys.map((k, i) => (
              <LegendItem key={k} k={k} color={SERIES_COLORS[i]} value={last ? last[k] : undefined} />
            ))}
          </div>
        </ChartFrame>
      ))}
    </div>
  );
}
