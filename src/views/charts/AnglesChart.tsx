/**
 * Principal angles between GCR class subspaces: for every class pair, its k angles (ascending, in
 * degrees) against their index; the pair with the smallest first angle (the two classes whose
 * subspaces overlap most) is drawn in colour and named.
 */
import * as d3 from 'd3';
import type { SubspacePair } from '../../training/types';
import { formatSig } from '../format';

interface Props {
  pairs: readonly SubspacePair[];
  classNames: readonly string[];
  testId: string;
  width?: number;
  height?: number;
}

const MARGIN = { top: 12, right: 16, bottom: 34, left: 46 };
const DEG = 180 / Math.PI;

export function AnglesChart({ pairs, classNames, testId, width = 356, height = 200 }: Props) {
  const innerW = width - MARGIN.left - MARGIN.right;
  const innerH = height - MARGIN.top - MARGIN.bottom;
  const k = d3.max(pairs, (p) => p.angles.length) ?? 1;
  const x = d3.scaleLinear().domain([1, Math.max(2, k)]).range([0, innerW]);
  const y = d3.scaleLinear().domain([0, 90]).range([innerH, 0]);
  const closest = pairs.reduce<SubspacePair | null>((best, p) => (best === null || p.angles[0] < best.angles[0] ? p : best), null);
  const line = (p: SubspacePair) => d3.line<number>().x((_, i) => x(i + 1)).y((a) => y(a * DEG))(Array.from(p.angles)) ?? '';
  const name = (c: number) => classNames[c] ?? String(c);
  const xTicks = k <= 10 ? d3.range(1, k + 1) : x.ticks(8).filter(Number.isInteger);
  return (
    <svg className="chart angles" width={width} height={height} role="img" aria-label="Principal angles between class subspaces" data-testid={testId} data-pairs={pairs.length}>
      <g transform={`translate(${MARGIN.left},${MARGIN.top})`}>
        <g className="grid">
          {[0, 30, 60, 90].map((t) => (
            <line key={t} x1={0} x2={innerW} y1={y(t)} y2={y(t)} />
          ))}
        </g>
        {pairs.map((p) => (
          <path key={`${p.a}-${p.b}`} className={p === closest ? 'angles-line angles-closest' : 'angles-line'} d={line(p)}>
            <title>{`${name(p.a)} vs ${name(p.b)}: ${Array.from(p.angles, (a) => formatSig(a * DEG, 3)).join(', ')} degrees`}</title>
          </path>
        ))}
        {closest ? (
          <text className="angles-label" x={x(1) + 4} y={Math.max(10, y(closest.angles[0] * DEG) - 6)}>
            {`closest: ${name(closest.a)} / ${name(closest.b)} (${formatSig(closest.angles[0] * DEG, 3)}°)`}
          </text>
        ) : null}
        <g className="axis" transform={`translate(0,${innerH})`}>
          <line x2={innerW} />
          {xTicks.map((t) => (
            <g key={t} transform={`translate(${x(t)},0)`}>
              <line y2={4} />
              <text y={14} textAnchor="middle">
                {t}
              </text>
            </g>
          ))}
        </g>
        <g className="axis">
          <line y2={innerH} />
          {[0, 30, 60, 90].map((t) => (
            <g key={t} transform={`translate(0,${y(t)})`}>
              <line x2={-4} />
              <text x={-6} dy="0.35em" textAnchor="end">
                {`${t}°`}
              </text>
            </g>
          ))}
        </g>
        <text className="axis-label" x={innerW / 2} y={innerH + 30} textAnchor="middle">
          angle index i (ascending)
        </text>
        <text className="axis-label" transform={`translate(${-34},${innerH / 2}) rotate(-90)`} textAnchor="middle">
          θᵢ (degrees)
        </text>
      </g>
    </svg>
  );
}
