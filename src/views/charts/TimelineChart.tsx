/**
 * A metrics timeline: some SnapshotMetrics columns against the step, on a log y scale when they
 * span decades (timelineScale.ts), with every span of the terminal phase of training (snapshots
 * with train accuracy 1, terminalSpans.ts) shaded, and a kept run overlaid as dashed lines in the
 * same colours (a dashed line where its terminal phase began).
 */
import * as d3 from 'd3';
import type { SnapshotMetrics } from '../../training/types';
import { formatSig } from '../../format';
import { BottomAxis, GridRows, LeftAxis, YTitle } from './axes';
import { thinRows, yScaleFor } from './timelineScale';
import type { TerminalSpan } from '../../state/terminalSpans';

export interface TimelineSeries {
  key: keyof SnapshotMetrics;
  color: string;
}

interface Props {
  series: readonly TimelineSeries[];
  rows: readonly SnapshotMetrics[];
  kept: readonly SnapshotMetrics[] | null;
  /** Terminal-phase spans of `rows` (terminalSpans(rows)). */
  spans: readonly TerminalSpan[];
  keptTerminalStep: number | null;
  scale: 'auto' | 'linear' | 'log';
  /** A fixed y domain (fractions: [0, 1]). */
  domain?: [number, number];
  yLabel: string;
  testId: string;
  width?: number;
  height?: number;
}

const MARGIN = { top: 10, right: 20, bottom: 32, left: 54 };
/** Points drawn per series at most (long runs are thinned evenly). */
const MAX_POINTS = 600;
/** A span of one snapshot is still drawn this wide (px). */
const MIN_SPAN_PX = 2;

type Row = SnapshotMetrics;

function value(r: Row, key: keyof SnapshotMetrics): number | null {
  const v = r[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

export function TimelineChart({ series, rows, kept, spans, keptTerminalStep, scale, domain, yLabel, testId, width = 356, height = 150 }: Props) {
  const innerW = width - MARGIN.left - MARGIN.right;
  const innerH = height - MARGIN.top - MARGIN.bottom;
  const shown = thinRows(rows, MAX_POINTS);
  const keptShown = kept ? thinRows(kept, MAX_POINTS) : [];
  const lastStep = Math.max(rows.at(-1)?.step ?? 0, kept?.at(-1)?.step ?? 0, 1);
  const x = d3.scaleLinear().domain([0, lastStep]).range([0, innerW]);
  const all: number[] = [];
  for (const s of series) for (const r of [...shown, ...keptShown]) {
    const v = value(r, s.key);
    if (v !== null) all.push(v);
  }
  const spec = yScaleFor(all, scale, domain);
  const y = spec.type === 'log' ? d3.scaleLog().domain(spec.domain).range([innerH, 0]) : d3.scaleLinear().domain(spec.domain).range([innerH, 0]);
  const usable = (v: number | null): v is number => v !== null && (spec.type === 'linear' || v > 0);
  const path = (data: readonly Row[], key: keyof SnapshotMetrics) =>
    d3
      .line<Row>()
      .defined((r) => usable(value(r, key)))
      .x((r) => x(r.step))
      .y((r) => y(value(r, key) as number))(data as Row[]) ?? '';
  const yTicks = spec.type === 'log' ? logTicks(y as d3.ScaleLogarithmic<number, number>) : (y as d3.ScaleLinear<number, number>).ticks(4);
  const xTicks = x.ticks(5).filter(Number.isInteger);
  const linearTick = spec.type === 'linear' ? (y as d3.ScaleLinear<number, number>).tickFormat(4) : String;
  const last = rows.at(-1);
  return (
    <svg className="chart timeline" width={width} height={height} role="img" aria-label={`${yLabel} against step`} data-testid={testId} data-points={rows.length} data-scale={spec.type}>
      <g transform={`translate(${MARGIN.left},${MARGIN.top})`}>
        <GridRows ticks={yTicks} y={y} width={innerW} />
        {spans.length ? (
          <g className="tpt" data-testid={`${testId}-tpt`} data-spans={spans.map((t) => `${t.from}-${t.to}`).join(' ')}>
            {spans.map((t) => (
              <g key={t.from}>
                <rect x={x(t.from)} y={0} width={Math.max(MIN_SPAN_PX, x(t.to) - x(t.from))} height={innerH} />
                <line x1={x(t.from)} x2={x(t.from)} y1={0} y2={innerH} />
              </g>
            ))}
            <SpanLabel x={x(spans[0].from)} width={innerW} />
          </g>
        ) : null}
        {keptTerminalStep !== null ? <line className="tpt-kept" x1={x(keptTerminalStep)} x2={x(keptTerminalStep)} y1={0} y2={innerH} /> : null}
        {kept
          ? series.map((s) => <path key={`k-${String(s.key)}`} className="timeline-kept" d={path(keptShown, s.key)} stroke={s.color} />)
          : null}
        {series.map((s) => (
          <path key={String(s.key)} className="timeline-line" d={path(shown, s.key)} stroke={s.color} data-series={String(s.key)} />
        ))}
        {last
          ? series.map((s) => {
              const v = value(last, s.key);
              return usable(v) ? <circle key={`d-${String(s.key)}`} className="timeline-dot" cx={x(last.step)} cy={y(v)} r={2.6} fill={s.color} /> : null;
            })
          : null}
        <BottomAxis ticks={xTicks} at={x} length={innerW} top={innerH} format={(t) => formatSig(t, 3)} />
        <LeftAxis ticks={yTicks} at={y} length={innerH} format={spec.type === 'log' ? logTickText : linearTick} />
        <text className="axis-label" x={innerW / 2} y={innerH + 28} textAnchor="middle">
          step
        </text>
        <YTitle offset={44} height={innerH}>
          {spec.type === 'log' ? `${yLabel} (log)` : yLabel}
        </YTitle>
      </g>
    </svg>
  );
}

/** "train error 0" at the first span, inside the plot. */
function SpanLabel({ x, width }: { x: number; width: number }) {
  const right = x > width - 80;
  return (
    <text x={right ? width - 4 : x + 4} y={10} textAnchor={right ? 'end' : 'start'}>
      train error 0
    </text>
  );
}

/** A log-scale tick: short exponent form (1e-4) outside [1e-3, 1e4), else 2 significant digits. */
function logTickText(t: number): string {
  const a = Math.abs(t);
  return a !== 0 && (a < 1e-3 || a >= 1e4) ? t.toExponential().replace('e+', 'e') : formatSig(t, 2);
}

/** Powers of ten inside the domain (1-2-5 steps when it spans less than two decades), at most 5. */
function logTicks(y: d3.ScaleLogarithmic<number, number>): number[] {
  const [lo, hi] = y.domain();
  const decades: number[] = [];
  for (let e = Math.ceil(Math.log10(lo)); e <= Math.floor(Math.log10(hi)); e++) decades.push(10 ** e);
  if (decades.length >= 2) {
    const stride = Math.ceil(decades.length / 5);
    return decades.filter((_, i) => i % stride === 0);
  }
  return y.ticks(4).filter((t) => {
    const m = t / 10 ** Math.floor(Math.log10(t) + 1e-9);
    return [1, 2, 5].some((k) => Math.abs(m - k) < 1e-6);
  });
}
