/**
 * Exports: the projected coordinates with metadata (CSV; in 2D the two drawn axes), all metrics
 * (JSON, the CLI's keys), the view as PNG at 1x, 2x or 4x its size with its legend, axes hint and text.
 */
import { useState } from 'react';
import { useAnalysisStore, useJobsStore } from '../../state/appStore';
import type { IdStageState } from '../../state/analysisStore';
import { coordinatesCsv, metricsJson } from '../../state/exports';
import { getLocalIdBuffer, getPointBuffers, getViewBuffers } from '../../state/pointBuffers';
import { useViewStore } from '../../state/viewStore';
import { download, downloadText, slug } from '../../views/download';
import { VIEW_BACKGROUND } from '../../views/palette';
import { useColorPlan } from '../../views/useColorPlan';
import { cloudHandle, shortAxis } from '../../views/three/PointView';
import { viewPng } from '../../views/three/snapshot';
import { ArrayExports } from './ArrayExports';

/** The PNG's size as a multiple of the view's. */
const SCALES = [1, 2, 4] as const;

/** How the ID estimates stand when they are not in the report yet (see metricsJson). */
const ID_PENDING: Record<IdStageState['status'], string | null> = { none: null, done: null, running: 'still being computed', cancelled: 'cancelled', error: 'not computed (failed)' };

export function ExportSection() {
  const report = useAnalysisStore((s) => s.report);
  const dataset = useAnalysisStore((s) => s.dataset) ?? 'data';
  const classNames = useAnalysisStore((s) => s.classNames);
  const idStage = useAnalysisStore((s) => s.idStage.status);
  const idGlobal = useAnalysisStore((s) => s.idStage.global === true);
  const shown = useJobsStore((s) => s.shown);
  const axes = useJobsStore((s) => s.axes);
  const { dims, hidden } = useViewStore();
  const plan = useColorPlan();
  const [scale, setScale] = useState<(typeof SCALES)[number]>(1);
  const name = slug(dataset);
  const exportCsv = () => {
    const v = getViewBuffers();
    const b = getPointBuffers();
    const local = getLocalIdBuffer();
    const extra = local ? [{ name: 'local_id_mle_k20', values: local }] : [];
    if (v && b) downloadText(`${name}-${shown?.kind ?? 'view'}-coordinates.csv`, coordinatesCsv(v, b, classNames, dims, extra), 'text/csv');
  };
  const exportPng = async () => {
    const blob = await viewPng(cloudHandle, { scale, background: VIEW_BACKGROUND, plan, hidden, axisNames: axes.map(shortAxis), flat: dims === 2 });
    if (blob) download(`${name}-${shown?.kind ?? 'view'}${scale > 1 ? `@${scale}x` : ''}.png`, blob);
  };
  return (
    <fieldset className="control">
      <legend>Export</legend>
      <div className="button-row">
        <button type="button" disabled={!report} onClick={exportCsv} data-testid="export-csv" title="Projected coordinates of every point, with its class and metadata">
          Coordinates CSV
        </button>
        <button type="button" disabled={!report} onClick={() => report && downloadText(`${name}-metrics.json`, metricsJson(report, idGlobal ? null : ID_PENDING[idStage]), 'application/json')} data-testid="export-json" title="All metrics, with the same keys as the CLI's --json">
          Metrics JSON
        </button>
        <button type="button" disabled={!report} onClick={exportPng} data-testid="export-png" title="The 3D view as it is now, with its legend, axes and text">
          View PNG
        </button>
        <select value={scale} aria-label="PNG size" data-testid="png-scale" onChange={(e) => setScale(Number(e.target.value) as (typeof SCALES)[number])}>
          {SCALES.map((k) => (
            <option key={k} value={k}>
              {k}×
            </option>
          ))}
        </select>
      </div>
      <ArrayExports />
      <LocalIdNote />
    </fieldset>
  );
}

/** Whether the CSV holds the per-point local ID, and the button that computes it. */
function LocalIdNote() {
  const local = useJobsStore((s) => s.localId);
  const requestLocalId = useJobsStore((s) => s.requestLocalId);
  if (local.status === 'done') return <p className="control-note" data-testid="csv-localid-note">The CSV holds each point's local ID (local_id_mle_k20, MLE with k = {local.k}).</p>;
  return (
    <p className="control-note" data-testid="csv-localid-note">
      {local.status === 'running' ? `Local ID ${Math.round(local.progress * 100)}%… ` : 'Per-point local ID (shown on hover, a CSV column): '}
      {local.status !== 'running' ? (
        <button type="button" className="link-button" onClick={() => requestLocalId()} data-testid="compute-localid">
          compute it
        </button>
      ) : null}
    </p>
  );
}
