/**
 * Test accuracy (or loss) against the subspace dimension d on a log axis, one line per sweep:
 * completed runs as points, the baseline (ordinary training) as a dashed line, for accuracy its
 * 90% line, and d_int90 (the smallest d reaching 90% of the baseline, interpolated in log d) marked.
 * The x domain covers every planned d, so the axes stay put while points arrive.
 */
import * as d3 from 'd3';
import { formatSig } from '../../format';
import { BottomAxis, GridRows, LeftAxis, YTitle } from './axes';

export interface SweepSeries {
  key: number;
  label: string;
  color: string;
  /** Completed subspace runs. */
  points: { d: number; value: number }[];
  /** The baseline's value, or null before it finishes. */
  baseline: number | null;
  dInt90: number | null;
}

interface Props {
  series: SweepSeries[];
  metric: 'accuracy' | 'loss';
  /** Every planned d of every series (fixes the x domain). */
  dims: number[];
  width: number;
  height: number;
  testId: string;
  /** The loss's name on the y axis (default 'cross-entropy'). */
  lossName?: string;
}

const MARGIN = { top: 14, right: 18, bottom: 40, left: 54 };

function logTicks(lo: number, hi: number): number[] {
  const out: number[] = [];
  for (let e = Math.floor(Math.log10(lo)); e <= Math.ceil(Math.log10(hi)); e++) {
    for (const m of [1, 3]) {
      const t = m * 10 ** e;
      if (t >= lo && t <= hi) out.push(t);
    }
  }
  return out;
}

export function SweepChart({ series, metric, dims, width, height, testId, lossName = 'cross-entropy' }: Props) {
  const innerW = Math.max(60, width - MARGIN.left - MARGIN.right);
  const innerH = Math.max(40, height - MARGIN.top - MARGIN.bottom);
  const lo = Math.max(0.5, (d3.min(dims) ?? 1) / 1.5);
  const hi = Math.max(lo * 10, (d3.max(dims) ?? 10) * 1.5);
  const x = d3.scaleLog().domain([lo, hi]).range([0, innerW]).clamp(true);
  const values = series.flatMap((s) => [...s.points.map((p) => p.value), ...(s.baseline !== null ? [s.baseline] : [])]).filter(Number.isFinite);
  const yMax = metric === 'accuracy' ? 1 : Math.max(0.1, (d3.max(values) ?? 1) * 1.1);
  const y = d3.scaleLinear().domain([0, yMax]).range([innerH, 0]).nice();
  const yTicks = y.ticks(5);
  const line = d3.line<{ d: number; value: number }>().x((p) => x(p.d)).y((p) => y(p.value));
  const what = metric === 'accuracy' ? 'test accuracy' : `test loss (${lossName})`;
  return (
    <svg className="chart sweep-chart" width={width} height={height} role="img" aria-label={`${what} against subspace dimension d`} data-testid={testId}>
      <g transform={`translate(${MARGIN.left},${MARGIN.top})`}>
        <GridRows ticks={yTicks} y={y} width={innerW} />
        {series.map((s, rank) => {
          const pts = [...s.points].filter((p) => Number.isFinite(p.value)).sort((a, b) => a.d - b.d);
          const threshold = metric === 'accuracy' && s.baseline !== null ? 0.9 * s.baseline : null;
          return (
            <g key={s.key} className="sweep-series" data-testid={`${testId}-series`} data-label={s.label} style={{ color: s.color }}>
              {s.baseline !== null ? (
                <g className="sweep-baseline" data-testid={`${testId}-baseline`} data-value={String(s.baseline)}>
                  <line x1={0} x2={innerW} y1={y(s.baseline)} y2={y(s.baseline)} />
                  <text x={4} y={y(s.baseline) - 5 - 13 * rank}>{`baseline ${formatSig(s.baseline, 3)}`}</text>
                  <title>{`Ordinary training of all parameters: ${what} ${formatSig(s.baseline)}`}</title>
                </g>
              ) : null}
              {threshold !== null ? (
                <g className="sweep-threshold" data-testid={`${testId}-threshold`} data-value={String(threshold)}>
                  <line x1={0} x2={innerW} y1={y(threshold)} y2={y(threshold)} />
                  <text x={4} y={y(threshold) + 13 + 13 * rank}>{`90% of baseline = ${formatSig(threshold, 3)}`}</text>
                </g>
              ) : null}
              {s.dInt90 !== null ? (
                <g className="sweep-dint" transform={`translate(${x(s.dInt90)},0)`} data-testid={`${testId}-dint90`} data-value={String(s.dInt90)}>
                  <line y1={0} y2={innerH} />
                  <text x={x(s.dInt90) > 0.7 * innerW ? -5 : 5} y={12 + 13 * rank} textAnchor={x(s.dInt90) > 0.7 * innerW ? 'end' : 'start'}>
                    {`d_int90 ≈ ${formatSig(s.dInt90, 3)}`}
                  </text>
                  <title>{`Smallest d reaching 90% of the baseline accuracy, interpolated in log d: ${formatSig(s.dInt90)}`}</title>
                </g>
              ) : null}
              <path className="sweep-line" d={line(pts) ?? ''} />
              {pts.map((p) => (
                <circle key={p.d} className="sweep-point" cx={x(p.d)} cy={y(p.value)} r={4} data-d={p.d} data-value={String(p.value)}>
                  <title>{`d = ${p.d}: ${what} ${formatSig(p.value)}`}</title>
                </circle>
              ))}
            </g>
          );
        })}
        <BottomAxis ticks={logTicks(lo, hi)} at={x} length={innerW} top={innerH} format={(t) => (t >= 1000 ? `${t / 1000}k` : String(t))} labelY={15} />
        <LeftAxis ticks={yTicks} at={y} length={innerH} format={(t) => formatSig(t, 2)} />
        <text className="axis-label" x={innerW / 2} y={innerH + 33} textAnchor="middle">
          subspace dimension d (log scale)
        </text>
        <YTitle offset={42} height={innerH}>
          {what}
        </YTitle>
      </g>
    </svg>
  );
}
