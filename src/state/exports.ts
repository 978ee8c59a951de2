/**
 * The app's exports as text: the projected coordinates with every point's class and metadata (CSV),
 * and the analysis report with the CLI's keys (JSON, through the CLI's own serialiser).
 */
import type { AnalysisReport } from '../geometry/types';
import { reportToJson } from '../geometry/report';
import type { ViewResult } from '../workers/analysisProtocol';
import type { PointBuffers } from './pointBuffers';

/**
 * One CSV cell: quoted when it holds a comma, quote, newline or edge spaces; text that a
 * spreadsheet would run as a formula (= + - @ first, not a number) is prefixed with a quote mark.
 */
export function csvCell(value: string): string {
  let v = value;
  if (/^[=+\-@\t\r]/.test(v) && !Number.isFinite(Number(v))) v = `'${v}`;
  return /[",\n\r]|^\s|\s$/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/**
 * Coordinates CSV: point, row (original row index), the view's named axes (unused axes left out;
 * in 2D (`dims` 2) the first two only, as drawn), the extra numeric columns, class, then the metadata columns. Points without
 * coordinates (outside a UMAP sample) are left out.
 */
export function coordinatesCsv(
  view: ViewResult,
  b: PointBuffers,
  classNames: readonly string[] | null,
  dims: 2 | 3 = 3,
  /** Per-point numeric columns after the axes (e.g. the local ID), NaN written as an empty cell. */
  extra: readonly { name: string; values: Float32Array }[] = [],
): string {
  const axes = view.axes.map((name, a) => ({ name, a })).filter((x) => x.name !== '' && x.a < dims);
  const head = ['point', 'row', ...axes.map((x) => x.name), ...extra.map((x) => x.name)];
  if (b.labels && classNames) head.push('class');
  if (b.meta) head.push(...b.meta.columns);
  const lines = [head.map(csvCell).join(',')];
  const rows = view.sample ?? Int32Array.from({ length: b.rowIndex.length }, (_, i) => i);
  for (const i of rows) {
    const cells = [String(i), String(b.rowIndex[i]), ...axes.map((x) => String(view.coords[i * 3 + x.a]))];
    for (const x of extra) cells.push(Number.isFinite(x.values[i]) ? String(x.values[i]) : '');
    if (b.labels && classNames) cells.push(csvCell(classNames[b.labels[i]] ?? ''));
    if (b.meta) for (const col of b.meta.values) cells.push(csvCell(col[i] ?? ''));
    lines.push(cells.join(','));
  }
  return `${lines.join('\n')}\n`;
}

/**
 * The report as the CLI's `--json` prints it (pretty-printed). `idPending`: TwoNN and MLE were not
 * computed yet (or were cancelled): their nulls are then marked with intrinsicDimension.pending
 * (true) and a note, so an early export is not mistaken for estimators that returned nothing.
 */
export function metricsJson(report: AnalysisReport, idPending: string | null = null): string {
  const json = JSON.parse(reportToJson(report));
  if (idPending) {
    json.intrinsicDimension.pending = true;
    json.intrinsicDimension.note = `TwoNN and MLE were ${idPending} when this was exported (values null); export again once they are shown.`;
  }
  return `${JSON.stringify(json, null, 2)}\n`;
}
