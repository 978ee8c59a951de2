/**
 * Principal angles between GCR class subspaces: for every class pair, its k angles (ascending, in
 * degrees) against their index; the pair with the smallest first angle (the two classes whose
 * subspaces overlap most) is drawn in colour and named.
 */
import * as d3 from 'd3';
import type { SubspacePair } from '../../training/types';
import { formatSig } from '../../format';
import { BottomAxis, GridRows, LeftAxis, YTitle } from './axes';

interface Props {
  pairs: readonly SubspacePair[];
  classNames: readonly string[];
  testId: string;
  width?: number;
  height?: number;
}

const MARGIN = { top: 12, right: 16, bottom: 34, left: 46 };
const DEG = 180 / Math.PI;
const DEGREE_TICKS = [0, 30, 60, 90];

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
        <GridRows ticks={DEGREE_TICKS} y={y} width={innerW} />
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
        <BottomAxis ticks={xTicks} at={x} length={innerW} top={innerH} format={String} />
        <LeftAxis ticks={DEGREE_TICKS} at={y} length={innerH} format={(t) => `${t}°`} />
        <text className="axis-label" x={innerW / 2} y={innerH + 30} textAnchor="middle">
          angle index i (ascending)
        </text>
        <YTitle offset={34} height={innerH}>
          θᵢ (degrees)
        </YTitle>
      </g>
    </svg>
  );
}
