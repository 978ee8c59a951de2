/**
 * The covariance spectrum: sigma_i = sqrt(lambda_i) (the standard deviation along principal axis i,
 * = singular value / sqrt(N) of the centred data) on a log scale against i, with pcId90 marked.
 */
import * as d3 from 'd3';
import { formatSig } from '../../format';
import { BottomAxis, GridRows, LeftAxis, YTitle } from './axes';
import { textWidth } from './measure';

interface Props {
  eigenvalues: readonly number[];
  pcId90: number | null;
  width?: number;
  height?: number;
  /** Components drawn at most. */
  max?: number;
  testId: string;
}

const MARGIN = { top: 10, right: 16, bottom: 36, left: 52 };

export function SpectrumChart({ eigenvalues, pcId90, width = 324, height = 190, max = 256, testId }: Props) {
  const top = eigenvalues[0] ?? 0;
  const shown = eigenvalues.slice(0, max).map((l, i) => ({ i: i + 1, s: Math.sqrt(Math.max(l, 0)) })).filter((p) => p.s > Math.sqrt(top) * 1e-7);
  const innerH = height - MARGIN.top - MARGIN.bottom;
  const lo = d3.min(shown, (p) => p.s) ?? 1e-3;
  const hi = d3.max(shown, (p) => p.s) ?? 1;
  const y = d3.scaleLog().domain([lo * 0.8, hi * 1.25]).range([innerH, 0]);
  const yTicks = y.ticks(4).filter((_, k, all) => all.length <= 5 || k % Math.ceil(all.length / 5) === 0);
  const yFormat = (t: number) => formatSig(t, 2);
  // The y title sits clear of the widest tick label (labels end 6 px left of the axis; 11 px text).
  const titleOffset = Math.max(34, 6 + Math.max(0, ...yTicks.map((t) => textWidth(yFormat(t), 11))) + 8);
  const left = Math.max(MARGIN.left, titleOffset + 12);
  const innerW = width - left - MARGIN.right;
  const last = Math.max(2, shown.length ? shown[shown.length - 1].i : 2);
  const x = d3.scaleLinear().domain([1, last]).range([0, innerW]);
  const line = d3.line<{ i: number; s: number }>().x((p) => x(p.i)).y((p) => y(p.s))(shown) ?? '';
  const pcLabel = `90% variance: ${pcId90} PCs`;
  // The marker's label goes left of its line when it would run past the chart's right edge.
  const flip = pcId90 !== null && x(pcId90) + 4 + textWidth(pcLabel, 11) > innerW + MARGIN.right;
  return (
    <svg className="chart spectrum" width={width} height={height} role="img" aria-label="Covariance spectrum" data-testid={testId}>
      <g transform={`translate(${left},${MARGIN.top})`}>
        <GridRows ticks={yTicks} y={y} width={innerW} />
        <path className="spectrum-line" d={line} />
        {shown.length <= 80
          ? shown.map((p) => (
              <circle key={p.i} className="spectrum-dot" cx={x(p.i)} cy={y(p.s)} r={2.2} data-value={String(p.s)}>
                <title>{`PC${p.i}: sigma = ${formatSig(p.s)}`}</title>
              </circle>
            ))
          : null}
        {pcId90 !== null && pcId90 <= last ? (
          <g className="marker" transform={`translate(${x(pcId90)},0)`} data-testid={`${testId}-pcid90`} data-value={String(pcId90)}>
            <line y1={0} y2={innerH} />
            <text x={flip ? -4 : 4} y={10} textAnchor={flip ? 'end' : 'start'}>
              {pcLabel}
            </text>
          </g>
        ) : null}
        <BottomAxis ticks={x.ticks(6).filter(Number.isInteger)} at={x} length={innerW} top={innerH} format={String} stroke="#9aa3af" />
        <LeftAxis ticks={yTicks} at={y} length={innerH} format={yFormat} stroke="#9aa3af" />
        <text className="axis-label" x={innerW / 2} y={innerH + 30} textAnchor="middle">
          principal component i
        </text>
        <YTitle offset={titleOffset} height={innerH}>
          σᵢ = √λᵢ (log)
        </YTitle>
      </g>
    </svg>
  );
}
