/**
 * Alignment against subspace dimension (after "Escaping Plato's Cave"): mutual kNN and cross-space
 * retrieval top-1 / top-5 after projecting both sides onto their own top-k principal subspaces,
 * k on a log axis, shares in [0, 1], one line per measure with a legend.
 */
import * as d3 from 'd3';
import type { AlignmentCurve } from '../../compare';
import { formatSig } from '../../format';
import { BottomAxis, GridRows, LeftAxis, YTitle } from '../charts/axes';
import { textWidth } from '../charts/measure';

const MARGIN = { top: 30, right: 18, bottom: 42, left: 54 };

export const CURVE_SERIES = [
  { key: 'mutualKnn', label: 'mutual kNN', color: '#0072B2' },
  { key: 'top1', label: 'retrieval top-1', color: '#D55E00' },
  { key: 'top5', label: 'retrieval top-5', color: '#009E73' },
] as const;

function kTicks(max: number): number[] {
  const out: number[] = [];
  for (let e = 0; 10 ** e <= max; e++) for (const m of [1, 2, 5]) if (m * 10 ** e <= max) out.push(m * 10 ** e);
  if (!out.includes(max)) out.push(max);
  return out;
}

export function AlignmentChart({ curve, width, height }: { curve: AlignmentCurve; width: number; height: number }) {
  const innerW = Math.max(80, width - MARGIN.left - MARGIN.right);
  const innerH = Math.max(60, height - MARGIN.top - MARGIN.bottom);
  const kmax = Math.max(2, d3.max(curve.k) ?? 2);
  const x = d3.scaleLog().domain([1, kmax]).range([0, innerW]);
  const y = d3.scaleLinear().domain([0, 1]).range([innerH, 0]);
  const yTicks = y.ticks(5);
  const texts = CURVE_SERIES.map((s) => (s.key === 'mutualKnn' ? `${s.label} (k = ${curve.knnK})` : s.label));
  const starts = texts.map((_, i) => texts.slice(0, i).reduce((sum, t) => sum + 42 + textWidth(t, 12), 0));
  const legend = CURVE_SERIES.map((s, i) => ({ ...s, text: texts[i], x: starts[i] }));
  const ticks = kTicks(kmax).filter((t, i, all) => i === 0 || x(t) - x(all[i - 1]) > 22 || t === kmax);
  return (
    <svg className="chart cmp-curve" width={width} height={height} role="img" aria-label="Alignment against subspace dimension k" data-testid="compare-curve-chart">
      <g transform={`translate(${MARGIN.left},${MARGIN.top})`}>
        <GridRows ticks={yTicks} y={y} width={innerW} />
        {CURVE_SERIES.map((s) => {
          const values = curve[s.key];
          const line = d3.line<number>().x((_, i) => x(curve.k[i])).y((v) => y(v));
          return (
            <g key={s.key} className="cmp-curve-series" data-testid={`compare-curve-${s.key}`} style={{ color: s.color }}>
              <path d={line(values) ?? ''} fill="none" stroke="currentColor" strokeWidth={2} />
              {values.map((v, i) => (
                <circle key={curve.k[i]} cx={x(curve.k[i])} cy={y(v)} r={3} fill="currentColor" data-k={curve.k[i]} data-value={String(v)}>
                  <title>{`k = ${curve.k[i]}: ${s.label} ${formatSig(v)}`}</title>
                </circle>
              ))}
            </g>
          );
        })}
        <BottomAxis ticks={ticks} at={x} length={innerW} top={innerH} format={String} labelY={15} />
        <LeftAxis ticks={yTicks} at={y} length={innerH} format={(t) => formatSig(t, 2)} />
        <text className="axis-label" x={innerW / 2} y={innerH + 34} textAnchor="middle">
          subspace dimension k (top-k principal axes of each side, log scale)
        </text>
        <YTitle offset={40} height={innerH}>
          share of items (0-1)
        </YTitle>
        <g className="cmp-curve-legend" transform="translate(0,-18)">
          {legend.map((s) => (
            <g key={s.key} transform={`translate(${s.x},0)`}>
              <line x1={0} x2={18} y1={0} y2={0} stroke={s.color} strokeWidth={2.5} />
              <text x={24} dy="0.35em">
                {s.text}
              </text>
            </g>
          ))}
        </g>
      </g>
    </svg>
  );
}
