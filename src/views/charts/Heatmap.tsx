/**
 * A K x K heatmap with row and column labels, a colour legend and a tooltip per cell (<title>).
 * Diverging (RdBu, for cosines in [-1, 1]) or sequential (YlGnBu, e.g. angles in degrees).
 * Cells are never smaller than MIN_CELL px (a large K scrolls in its frame); labels are written
 * every nth class so they never touch (full names in their tooltips), horizontally when they fit
 * a column, else upright. Each cell carries data-value (full precision) for tests.
 */
import * as d3 from 'd3';
import { formatSig } from '../../format';
import { textWidth } from './measure';
import { shortLabels } from '../shortLabels';

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
  /** Side of the matrix in px when K is small (cells grow to fill it). */
  size?: number;
  /** Draw the colour legend (default true) and the row labels (default true). */
  showLegend?: boolean;
  showRowLabels?: boolean;
  /** Width the chart should fit: past it, the colour legend moves under the matrix. */
  maxWidth?: number;
  testId: string;
}

const MARGIN = { top: 8, right: 58, bottom: 8, left: 6 };
/** Smallest cell side in px. */
export const MIN_CELL = 8;
/** Label font size and the least distance between the baselines of two labels set one above the other. */
const FONT = 10;
const PITCH = 10.5;
const MAX_LABEL = 8;

/** The label of each class: its name clipped (at the end or in the middle, shortLabels), or its number (from 1) when clipped names would repeat. */
export function heatmapLabels(labels: readonly string[]): string[] {
  const clipped = shortLabels(labels, MAX_LABEL);
  return clipped.distinct ? clipped.labels : labels.map((_, k) => String(k + 1));
}

/** Every how many classes a label is written so that labels `pitch` px tall (or wide) sit apart. */
export function labelStep(cell: number, pitch = PITCH): number {
  return Math.max(1, Math.ceil(pitch / cell));
}

/** The colour legend: a bar of length `length` with 4 ticks, upright beside the matrix or lying under it. */
function ColourKey({ domain, length, gradientId, below }: { domain: [number, number]; length: number; gradientId: string; below: boolean }) {
  const scale = d3.scaleLinear().domain(domain).range(below ? [0, length] : [length, 0]);
  return (
    <>
      <rect width={below ? length : 10} height={below ? 8 : length} fill={`url(#${gradientId})`} />
      {scale.ticks(4).map((t) => (
        <g key={t} transform={below ? `translate(${scale(t)},8)` : `translate(10,${scale(t)})`}>
          <line x2={below ? 0 : 4} y2={below ? 4 : 0} stroke="#9aa3af" />
          <text x={below ? 0 : 6} y={below ? 6 : 0} dy={below ? '0.8em' : '0.35em'} textAnchor={below ? 'middle' : 'start'}>
            {formatSig(t, 2)}
          </text>
        </g>
      ))}
    </>
  );
}

export function Heatmap({ labels, values, domain, scheme, legend, describe, size = 168, showLegend = true, showRowLabels = true, maxWidth = 324, testId }: Props) {
  const K = labels.length;
  const cell = Math.max(MIN_CELL, size / Math.max(K, 1));
  const side = cell * K;
  const step = labelStep(cell);
  const text = heatmapLabels(labels);
  const longest = Math.max(1, ...text.map((t) => textWidth(t, FONT)));
  // Column labels lie flat when each fits its column (with 2 px of air), else stand upright.
  const flatColumns = longest + 2 <= cell;
  const colStep = flatColumns ? 1 : step;
  const left = showRowLabels ? MARGIN.left + longest + 4 : MARGIN.left;
  const bottom = MARGIN.bottom + (flatColumns ? FONT + 4 : longest + 6);
  const below = showLegend && left + side + MARGIN.right > maxWidth;
  const right = showLegend && !below ? MARGIN.right : MARGIN.left;
  const keyH = below ? 34 : 0;
  const color =
    scheme === 'diverging'
      ? d3.scaleDiverging((t: number) => d3.interpolateRdBu(1 - t)).domain([domain[0], (domain[0] + domain[1]) / 2, domain[1]])
      : d3.scaleSequential(d3.interpolateYlGnBu).domain(domain);
  const gradientId = `${testId}-gradient`;
  const stops = d3.range(0, 1.0001, 0.1);
  return (
    <svg className="chart heatmap" width={left + side + right} height={MARGIN.top + side + bottom + keyH} role="img" aria-label={legend} data-testid={testId}>
      <defs>
        <linearGradient id={gradientId} x1="0" y1={below ? 0 : 1} x2={below ? 1 : 0} y2="0">
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
        <g className="axis heat-labels">
          {labels.map((name, k) =>
            k % step !== 0 && k % colStep !== 0 ? null : (
              <g key={k}>
                {showRowLabels && k % step === 0 ? (
                  <text x={-4} y={k * cell + cell / 2} dy="0.35em" textAnchor="end">
                    {text[k]}
                    <title>{name}</title>
                  </text>
                ) : null}
                {k % colStep !== 0 ? null : flatColumns ? (
                  <text x={k * cell + cell / 2} y={side + 4} dy="0.8em" textAnchor="middle">
                    {text[k]}
                    <title>{name}</title>
                  </text>
                ) : (
                  <text transform={`translate(${k * cell + cell / 2},${side + 4}) rotate(-90)`} dy="0.35em" textAnchor="end">
                    {text[k]}
                    <title>{name}</title>
                  </text>
                )}
              </g>
            ),
          )}
        </g>
        <g transform={below ? `translate(0,${side + bottom})` : `translate(${side + 12},0)`} className="axis" display={showLegend ? undefined : 'none'}>
          <ColourKey domain={domain} length={below ? Math.min(side, 160) : side} gradientId={gradientId} below={below} />
        </g>
      </g>
    </svg>
  );
}
