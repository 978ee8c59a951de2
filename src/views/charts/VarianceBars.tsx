/**
 * Explained variance ratio of the first principal components as a d3 bar chart, with a labelled
 * "% variance" axis. Each bar carries data-testid `metric-evr-<i>` and data-value (full precision).
 */
import { useEffect, useRef } from 'react';
import * as d3 from 'd3';
import { formatSig } from '../../format';
import { GridRows, YTitle } from './axes';

interface Props {
  /** Ratios in [0, 1], descending; the first `max` are drawn. */
  ratios: readonly number[];
  max?: number;
  width?: number;
  height?: number;
}

const MARGIN = { top: 18, right: 8, bottom: 32, left: 46 };

export function VarianceBars({ ratios, max = 10, width = 320, height = 170 }: Props) {
  const xAxis = useRef<SVGGElement>(null);
  const yAxis = useRef<SVGGElement>(null);
  const shown = ratios.slice(0, max);
  const innerW = width - MARGIN.left - MARGIN.right;
  const innerH = height - MARGIN.top - MARGIN.bottom;
  const names = shown.map((_, i) => `${i + 1}`);
  const x = d3.scaleBand<string>().domain(names).range([0, innerW]).padding(0.22);
  const top = Math.max(0.05, d3.max(shown) ?? 0);
  const y = d3.scaleLinear().domain([0, top * 100]).nice(4).range([innerH, 0]);

  useEffect(() => {
    if (xAxis.current) d3.select(xAxis.current).call(d3.axisBottom(x).tickSizeOuter(0));
    if (yAxis.current) d3.select(yAxis.current).call(d3.axisLeft(y).ticks(4).tickSizeOuter(0));
  });

  return (
    <svg className="chart" width={width} height={height} role="img" aria-label="Explained variance ratio of the first principal components">
      <g transform={`translate(${MARGIN.left},${MARGIN.top})`}>
        <GridRows ticks={y.ticks(4)} y={y} width={innerW} />
        {shown.map((r, i) => (
          <g key={i} className="bar">
            <rect
              data-testid={`metric-evr-${i + 1}`}
              data-value={String(r)}
              x={x(names[i])}
              y={y(r * 100)}
              width={x.bandwidth()}
              height={Math.max(0, innerH - y(r * 100))}
            >
              <title>{`PC${i + 1}: ${formatSig(r * 100)} % of the variance`}</title>
            </rect>
            <text className="bar-label" x={(x(names[i]) ?? 0) + x.bandwidth() / 2} y={y(r * 100) - 4} textAnchor="middle">
              {formatSig(r * 100, 3)}
            </text>
          </g>
        ))}
        <g ref={xAxis} className="axis" transform={`translate(0,${innerH})`} />
        <g ref={yAxis} className="axis" />
        <text className="axis-label" x={innerW / 2} y={innerH + 30} textAnchor="middle">
          principal component
        </text>
        <YTitle offset={34} height={innerH}>
          % variance
        </YTitle>
      </g>
    </svg>
  );
}
