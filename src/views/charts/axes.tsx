/**
 * The axis pieces the charts share, drawn by React from a d3 scale: horizontal grid lines, a
 * bottom axis (baseline, 4 px ticks, labels below) and a left axis (labels right-aligned). Each
 * chart keeps its own ticks and label format; a piece only draws them.
 */

type Position = (t: number) => number | undefined;

interface AxisProps {
  ticks: readonly number[];
  /** Where tick t sits along the axis (a d3 scale). */
  at: Position;
  /** Length of the axis line (the inner width or height). */
  length: number;
  format: (t: number) => string;
  /** An explicit stroke on the lines (default: the stylesheet's). */
  stroke?: string;
}

/** One horizontal grid line per tick across `width`. */
export function GridRows({ ticks, y, width }: { ticks: readonly number[]; y: Position; width: number }) {
  return (
    <g className="grid">
      {ticks.map((t) => (
        <line key={t} x1={0} x2={width} y1={y(t)} y2={y(t)} />
      ))}
    </g>
  );
}

/** A bottom axis at y = `top`: the baseline over `length`, a tick and its label `labelY` px below it. */
export function BottomAxis({ ticks, at, length, format, stroke, top, labelY = 14 }: AxisProps & { top: number; labelY?: number }) {
  return (
    <g className="axis" transform={`translate(0,${top})`}>
      <line x2={length} stroke={stroke} />
      {ticks.map((t) => (
        <g key={t} transform={`translate(${at(t)},0)`}>
          <line y2={4} stroke={stroke} />
          <text y={labelY} textAnchor="middle">
            {format(t)}
          </text>
        </g>
      ))}
    </g>
  );
}

/** A left axis at x = 0: the line down `length`, a tick and its label right-aligned left of it. */
export function LeftAxis({ ticks, at, length, format, stroke }: AxisProps) {
  return (
    <g className="axis">
      <line y2={length} stroke={stroke} />
      {ticks.map((t) => (
        <g key={t} transform={`translate(0,${at(t)})`}>
          <line x2={-4} stroke={stroke} />
          <text x={-6} dy="0.35em" textAnchor="end">
            {format(t)}
          </text>
        </g>
      ))}
    </g>
  );
}

/** The y axis title, rotated, `offset` px left of the axis and centred on its `height`. */
export function YTitle({ offset, height, children }: { offset: number; height: number; children: string }) {
  return (
    <text className="axis-label" transform={`translate(${-offset},${height / 2}) rotate(-90)`} textAnchor="middle">
      {children}
    </text>
  );
}
