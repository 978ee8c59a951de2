/**
 * A K x K heatmap with row and column labels, a colour legend and a tooltip per cell (<title>).
 * Diverging (RdBu, for cosines in [-1, 1]) or sequential (YlGnBu, e.g. angles in degrees).
 * Each cell carries data-value (full precision) for tests.
 */
import * as d3 from 'd3';
import { formatSig } from '../format';

interface Props {
  labels: readonly string[];
  /** Row-major K x K values (NaN: no value). */
  values: readonly number[];
  domain: [number, number];
  scheme: 'diverging' | 'sequential';
  /** Legend title, with units. */
  legend: string;
  /** Tooltip text of cell (i, j). */
  describe: (i: number, j: number, v: number) => string;
  size?: number;
  /** Draw the colour legend (default true) and the row labels (default true). */
  showLegend?: boolean;
  showRowLabels?: boolean;
  testId: string;
}

const MARGIN = { top: 8, right: 58, bottom: 44, left: 52 };
const NARROW = 8;
const MAX_LABEL = 6;

function clip(s: string): string {
  return s.length > MAX_LABEL ? `${s.slice(0, MAX_LABEL - 1)}…` : s;
}

export function Heatmap({ labels, values, domain, scheme, legend, describe, size = 168, showLegend = true, showRowLabels = true, testId }: Props) {
  const K = labels.length;
  const longest = Math.max(1, ...labels.map((l) => clip(l).length));
  const left = showRowLabels && K <= 16 ? Math.min(MARGIN.left, 12 + 7 * longest) : NARROW;
  const right = showLegend ? MARGIN.right : NARROW;
  const cell = size / Math.max(K, 1);
  const color =
    scheme === 'diverging'
      ? d3.scaleDiverging((t: number) => d3.interpolateRdBu(1 - t)).domain([domain[0], (domain[0] + domain[1]) / 2, domain[1]])
      : d3.scaleSequential(d3.interpolateYlGnBu).domain(domain);
  const showLabels = K <= 16;
  const legendScale = d3.scaleLinear().domain(domain).range([size, 0]);
  const gradientId = `${testId}-gradient`;
  const stops = d3.range(0, 1.0001, 0.1);
  return (
    <svg className="chart heatmap" width={left + size + right} height={MARGIN.top + size + MARGIN.bottom} role="img" aria-label={legend} data-testid={testId}>
      <defs>
        <linearGradient id={gradientId} x1="0" y1="1" x2="0" y2="0">
          {stops.map((t) => (
            <stop key={t} offset={`${t * 100}%`} stopColor={color(domain[0] + t * (domain[1] - domain[0])) as string} />
          ))}
        </linearGradient>
      </defs>
      <g transform={`translate(${left},${MARGIN.top})`}>
        {values.map((v, t) => {
          const i = Math.floor(t / K);
          const j = t % K;
          return (
            <rect key={t} className="heat-cell" x={j * cell} y={i * cell} width={cell} height={cell} fill={Number.isFinite(v) ? (color(v) as string) : '#eceff3'} data-value={String(v)}>
              <title>{describe(i, j, v)}</title>
            </rect>
          );
        })}
        {showLabels
          ? labels.map((name, k) => (
              <g key={k} className="axis">
                {showRowLabels ? (
                  <text x={-5} y={k * cell + cell / 2} dy="0.35em" textAnchor="end">
                    {clip(name)}
                  </text>
                ) : null}
                <text transform={`translate(${k * cell + cell / 2},${size + 6}) rotate(-45)`} textAnchor="end" dy="0.35em">
                  {clip(name)}
                </text>
              </g>
            ))
          : null}
        <g transform={`translate(${size + 12},0)`} className="axis" display={showLegend ? undefined : 'none'}>
          <rect width={10} height={size} fill={`url(#${gradientId})`} />
          {legendScale.ticks(4).map((t) => (
            <g key={t} transform={`translate(10,${legendScale(t)})`}>
              <line x2={4} stroke="#9aa3af" />
              <text x={6} dy="0.35em">
                {formatSig(t, 2)}
              </text>
            </g>
          ))}
        </g>
      </g>
    </svg>
  );
}
