/**
 * Horizontal bars with a value axis, value labels, and one or more series (a legend when several).
 * Missing values (null) show "n/a". A value label that would cross the marker line moves to the
 * line's far side, and the right margin grows to hold the longest label. Each bar carries
 * data-value (full precision) for tests.
 */
import * as d3 from 'd3';
import { formatSig } from '../../format';
import { BottomAxis } from './axes';
import { spansOverlap, textWidth } from './measure';
import { shortLabels } from '../shortLabels';

export interface BarSeries {
  name: string;
  color: string;
  /** One value per item (null: not available). */
  values: readonly (number | null)[];
}

interface Props {
  items: readonly string[];
  series: readonly BarSeries[];
  /** Value axis label, with units. */
  axis: string;
  width?: number;
  /** Tooltip of bar (item, series). */
  describe?: (item: number, series: number, v: number | null) => string;
  /** Vertical marker on the value axis (e.g. the global estimate). */
  marker?: { value: number; label: string };
  testId: string;
}

const MARGIN = { top: 6, right: 40, bottom: 34, left: 140 };
const MAX_LABEL = 19;
/** Font sizes of the value labels and the marker's label (metrics.css, charts.css). */
const VALUE_FONT = 10;
const MARKER_FONT = 11;
const LEGEND_FONT = 11.5;

/** The value label of a bar: its text and where it starts, clear of the marker line at `markerX`. */
export function valueLabel(v: number | null, x: (v: number) => number, markerX: number | null): { text: string; x: number } {
  const ok = v !== null && Number.isFinite(v);
  const text = ok ? formatSig(v, 3) : 'n/a';
  const at = ok ? x(v) + 3 : 3;
  if (markerX === null || !spansOverlap(at, textWidth(text, VALUE_FONT), markerX - 1, 2, 2)) return { text, x: at };
  return { text, x: markerX + 4 };
}

export function BarChart({ items, series, axis, width = 324, describe, marker, testId }: Props) {
  const band = series.length > 1 ? 9 * series.length + 6 : 18;
  const legendH = series.length > 1 ? 18 : 0;
  const longest = Math.max(1, ...items.map((name) => Math.min(name.length, MAX_LABEL)));
  const short = shortLabels(items, MAX_LABEL).labels;
  const left = Math.min(MARGIN.left, 14 + 6.6 * longest);
  const innerH = items.length * band;
  const max = Math.max(1e-12, d3.max(series.flatMap((s) => s.values.filter((v): v is number => v !== null && Number.isFinite(v)))) ?? 1, marker?.value ?? 0);
  const scale = (w: number) => d3.scaleLinear().domain([0, max]).nice(4).range([0, w]);
  const labelsEnd = (w: number) => {
    const sx = scale(w);
    const mx = marker ? sx(marker.value) : null;
    const ends = series.flatMap((s) => s.values.map((v) => { const l = valueLabel(v, sx, mx); return l.x + textWidth(l.text, VALUE_FONT) - w; }));
    return Math.max(0, ...ends, marker ? textWidth(marker.label, MARKER_FONT) / 2 + sx(marker.value) - w : 0);
  };
  const right = Math.max(MARGIN.right, Math.ceil(labelsEnd(width - left - MARGIN.right)) + 4);
  const innerW = width - left - right;
  const x = scale(innerW);
  const markerX = marker ? x(marker.value) : null;
  const barH = (band - 6) / series.length;
  // Series keys side by side (swatch, name, 16 px of air), starting over the bars unless that runs past the right edge.
  const keyW = series.map((s) => 14 + textWidth(s.name, LEGEND_FONT) + 16);
  const legendAt = keyW.map((_, j) => keyW.slice(0, j).reduce((a, b) => a + b, 0));
  const legendX = Math.max(4, Math.min(left, width - keyW.reduce((a, b) => a + b, 0)));
  return (
    <svg className="chart bars" width={width} height={MARGIN.top + legendH + innerH + MARGIN.bottom} role="img" aria-label={axis} data-testid={testId}>
      {series.length > 1 ? (
        <g className="legend-row" transform={`translate(${legendX},${MARGIN.top + 8})`}>
          {series.map((s, j) => (
            <g key={s.name} transform={`translate(${legendAt[j]},0)`}>
              <rect y={-7} width={10} height={10} fill={s.color} />
              <text x={14} dy="0.1em">
                {s.name}
              </text>
            </g>
          ))}
        </g>
      ) : null}
      <g transform={`translate(${left},${MARGIN.top + legendH})`}>
        <g className="grid">
          {x.ticks(4).map((t) => (
            <line key={t} x1={x(t)} x2={x(t)} y1={0} y2={innerH} />
          ))}
        </g>
        {items.map((name, i) => (
          <g key={i} transform={`translate(0,${i * band + 3})`}>
            <text className="bar-item" x={-6} y={(band - 6) / 2} dy="0.35em" textAnchor="end">
              {short[i]}
              <title>{name}</title>
            </text>
            {series.map((s, j) => {
              const v = s.values[i];
              const ok = v !== null && Number.isFinite(v);
              const label = valueLabel(v, x, markerX);
              return (
                <g key={s.name}>
                  <rect x={0} y={j * barH} width={ok ? Math.max(0, x(v as number)) : 0} height={Math.max(1, barH - 1)} fill={s.color} data-value={String(v)}>
                    <title>{describe ? describe(i, j, v) : `${name}: ${ok ? formatSig(v as number) : 'n/a'}`}</title>
                  </rect>
                  <text className="bar-label" x={label.x} y={j * barH + barH / 2} dy="0.35em">
                    {label.text}
                  </text>
                </g>
              );
            })}
          </g>
        ))}
        {marker ? (
          <g className="marker" transform={`translate(${x(marker.value)},0)`}>
            <line y1={-2} y2={innerH} />
            <text y={innerH + 26} textAnchor="middle" x={Math.max(0, textWidth(marker.label, MARKER_FONT) / 2 - x(marker.value) - left)}>
              {marker.label}
            </text>
          </g>
        ) : null}
        <BottomAxis ticks={x.ticks(4)} at={x} length={innerW} top={innerH} format={(t) => formatSig(t, 3)} stroke="#9aa3af" />
        <text className="axis-label" x={innerW / 2} y={innerH + (marker ? 26 : 30)} textAnchor="middle" visibility={marker ? 'hidden' : 'visible'}>
          {axis}
        </text>
      </g>
    </svg>
  );
}
