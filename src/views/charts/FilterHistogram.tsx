/**
 * A numeric column's histogram with a brushable range: grey bars count every row, blue bars the
 * rows passing the other filters (crossfilter's convention); dragging across the bars keeps the
 * bins from where the drag started to where it is (snapped to bin edges), a click on the plot
 * without a drag clears it. Axis: the column's values (the file's units) below, rows on the left.
 */
import { useMemo, useRef } from 'react';
import { scaleLinear } from 'd3';
import { formatSig } from '../../format';
import { BottomAxis, LeftAxis } from './axes';

const W = 232;
const H = 96;
const M = { top: 8, right: 6, bottom: 30, left: 38 };
const IW = W - M.left - M.right;
const IH = H - M.top - M.bottom;

interface Props {
  name: string;
  edges: Float64Array;
  totals: Int32Array;
  counts: Int32Array;
  /** The kept bins [b0, b1], or null for none. */
  range: readonly [number, number] | null;
  /** A new range while dragging (or null: cleared); the caller throttles the work it starts. */
  onRange: (range: [number, number] | null) => void;
}

const countFormat = (c: number) => (c >= 10_000 ? `${Math.round(c / 1000)}k` : c.toLocaleString('en-US'));

export function FilterHistogram({ name, edges, totals, counts, range, onRange }: Props) {
  const bins = edges.length - 1;
  const x = useMemo(() => scaleLinear().domain([edges[0], edges[bins]]).range([0, IW]), [edges, bins]);
  const top = useMemo(() => Math.max(1, ...totals), [totals]);
  const y = useMemo(() => scaleLinear().domain([0, top]).range([IH, 0]).nice(2), [top]);
  const drag = useRef<{ from: number; moved: boolean } | null>(null);
  const binAt = (clientX: number, el: SVGSVGElement) => {
    const r = el.getBoundingClientRect();
    const px = ((clientX - r.left) * W) / r.width - M.left;
    return Math.min(bins - 1, Math.max(0, Math.floor((px / IW) * bins)));
  };
  const xTicks = x.ticks(4);
  const yTicks = y.ticks(2);
  const bw = IW / bins;
  return (
    <svg
      className="chart filter-histogram"
      viewBox={`0 0 ${W} ${H}`}
      width={W}
      height={H}
      role="img"
      aria-label={`Histogram of ${name}: drag across it to keep a range`}
      data-testid={`filter-hist-${name}`}
      onPointerDown={(e) => {
        (e.currentTarget as Element).setPointerCapture?.(e.pointerId);
        drag.current = { from: binAt(e.clientX, e.currentTarget), moved: false };
      }}
      onPointerMove={(e) => {
        const d = drag.current;
        if (!d) return;
        const b = binAt(e.clientX, e.currentTarget);
        if (b === d.from && !d.moved) return;
        d.moved = true;
        onRange([Math.min(d.from, b), Math.max(d.from, b)]);
      }}
      onPointerUp={(e) => {
        const d = drag.current;
        drag.current = null;
        if (!d) return;
        if (!d.moved) {
          const b = binAt(e.clientX, e.currentTarget);
          onRange(range && range[0] === b && range[1] === b ? null : [b, b]);
        }
      }}
    >
      <g transform={`translate(${M.left},${M.top})`}>
        {range ? <rect className="filter-brush" x={range[0] * bw} width={(range[1] - range[0] + 1) * bw} y={0} height={IH} /> : null}
        {Array.from(totals, (t, b) => (
          <rect key={`t${b}`} className="filter-bar-total" x={b * bw + 0.5} width={Math.max(0.5, bw - 1)} y={y(t)} height={IH - y(t)} />
        ))}
        {Array.from(counts, (c, b) => (
          <rect key={`c${b}`} className={range && (b < range[0] || b > range[1]) ? 'filter-bar-out' : 'filter-bar'} x={b * bw + 0.5} width={Math.max(0.5, bw - 1)} y={y(c)} height={IH - y(c)} />
        ))}
        <LeftAxis ticks={yTicks} at={y} length={IH} format={countFormat} />
        <BottomAxis ticks={xTicks} at={x} length={IW} format={(t) => formatSig(t, 3)} top={IH} />
        <text className="axis-label" x={IW / 2} y={IH + 27} textAnchor="middle">
          {name} (values as in the file)
        </text>
        <text className="axis-label" x={-IH / 2} y={-30} transform="rotate(-90)" textAnchor="middle">
          rows
        </text>
      </g>
    </svg>
  );
}
