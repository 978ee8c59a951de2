/**
 * The layer-ID profile: TwoNN intrinsic dimension against the layer number, layer 0 being the
 * input itself, one line per profiled snapshot coloured from light (early) to dark (latest); the
 * latest has dots and values. Under each layer number: its name and width.
 */
import * as d3 from 'd3';
import type { LayerId } from '../../training/types';
import { formatSig } from '../../format';
import { GridRows, LeftAxis, YTitle } from './axes';
import { thinRows } from './timelineScale';

interface Props {
  profiles: readonly { step: number; layers: readonly LayerId[] }[];
  testId: string;
  width?: number;
  height?: number;
}

const MARGIN = { top: 16, right: 20, bottom: 74, left: 46 };
/** Profiles drawn at most (evenly thinned, first and latest kept). */
const MAX_LINES = 12;

export function LayerProfileChart({ profiles, testId, width = 356, height = 248 }: Props) {
  const innerW = width - MARGIN.left - MARGIN.right;
  const innerH = height - MARGIN.top - MARGIN.bottom;
  const shown = thinRows(profiles, MAX_LINES);
  const latest = profiles.at(-1);
  const names = latest?.layers.map((l) => l.name) ?? [];
  const x = d3.scalePoint<string>().domain(names).range([0, innerW]).padding(0.55);
  const top = d3.max(shown, (p) => d3.max(p.layers, (l) => l.twoNN ?? 0)) ?? 1;
  const y = d3.scaleLinear().domain([0, Math.max(1, top * 1.15)]).nice().range([innerH, 0]);
  const line = (layers: readonly LayerId[]) =>
    d3
      .line<LayerId>()
      .defined((l) => l.twoNN !== null)
      .x((l) => x(l.name) ?? 0)
      .y((l) => y(l.twoNN ?? 0))(layers as LayerId[]) ?? '';
  const shade = (i: number) => d3.interpolateBlues(0.25 + (0.6 * i) / Math.max(1, shown.length - 1));
  return (
    <svg className="chart layer-profile" width={width} height={height} role="img" aria-label="Intrinsic dimension per layer" data-testid={testId} data-profiles={profiles.length}>
      <g transform={`translate(${MARGIN.left},${MARGIN.top})`}>
        <GridRows ticks={y.ticks(4)} y={y} width={innerW} />
        {shown.slice(0, -1).map((p, i) => (
          <path key={p.step} className="profile-line" d={line(p.layers)} stroke={shade(i)}>
            <title>{`step ${p.step}`}</title>
          </path>
        ))}
        {latest ? (
          <g className="profile-latest">
            <path d={line(latest.layers)} />
            {latest.layers.map((l) =>
              l.twoNN === null ? null : (
                <g key={l.name} transform={`translate(${x(l.name)},${y(l.twoNN)})`}>
                  <circle r={3.2} />
                  <text y={-7} textAnchor="middle">
                    {formatSig(l.twoNN, 3)}
                  </text>
                </g>
              ),
            )}
          </g>
        ) : null}
        <g className="axis" transform={`translate(0,${innerH})`}>
          <line x2={innerW} />
          {latest?.layers.map((l, i) => (
            <g key={l.name} transform={`translate(${x(l.name)},0)`} data-layer={i}>
              <line y2={4} />
              <text y={15} textAnchor="middle">
                {i}
              </text>
              <text y={28} textAnchor="middle" className="axis-sub">
                {l.name}
              </text>
              <text y={40} textAnchor="middle" className="axis-sub">
                {`${l.dim} units`}
              </text>
            </g>
          ))}
          <text className="axis-label" x={innerW / 2} y={56} textAnchor="middle">
            layer (0 = the input)
          </text>
        </g>
        <LeftAxis ticks={y.ticks(4)} at={y} length={innerH} format={(t) => formatSig(t, 3)} />
        <YTitle offset={34} height={innerH}>
          TwoNN ID
        </YTitle>
      </g>
    </svg>
  );
}
