/** Exports: the projected coordinates with metadata (CSV), all metrics (JSON, the CLI's keys), the view as PNG. */
import { useAnalysisStore, useJobsStore } from '../../state/appStore';
import type { IdStageState } from '../../state/analysisStore';
import { coordinatesCsv, metricsJson } from '../../state/exports';
import { getPointBuffers, getViewBuffers } from '../../state/pointBuffers';
import { download, downloadText, slug } from '../../views/download';
import { cloudHandle } from '../../views/three/PointView';
import { viewPng } from '../../views/three/snapshot';

/** How the ID estimates stand when they are not in the report yet (see metricsJson). */
const ID_PENDING: Record<IdStageState['status'], string | null> = { none: null, done: null, running: 'still being computed', cancelled: 'cancelled', error: 'not computed (failed)' };

export function ExportSection() {
  const report = useAnalysisStore((s) => s.report);
  const dataset = useAnalysisStore((s) => s.dataset) ?? 'data';
  const classNames = useAnalysisStore((s) => s.classNames);
  const idStage = useAnalysisStore((s) => s.idStage.status);
  const shown = useJobsStore((s) => s.shown);
  const name = slug(dataset);
  const exportCsv = () => {
    const v = getViewBuffers();
    const b = getPointBuffers();
    if (v && b) downloadText(`${name}-${shown?.kind ?? 'view'}-coordinates.csv`, coordinatesCsv(v, b, classNames), 'text/csv');
  };
  const exportPng = async () => {
    const blob = await viewPng(cloudHandle, '#fbfbfc');
    if (blob) download(`${name}-${shown?.kind ?? 'view'}.png`, blob);
  };
  return (
    <fieldset className="control">
      <legend>Export</legend>
      <div className="button-row">
        <button type="button" disabled={!report} onClick={exportCsv} data-testid="export-csv" title="Projected coordinates of every point, with its class and metadata">
          Coordinates CSV
        </button>
        <button type="button" disabled={!report} onClick={() => report && downloadText(`${name}-metrics.json`, metricsJson(report, ID_PENDING[idStage]), 'application/json')} data-testid="export-json" title="All metrics, with the same keys as the CLI's --json">
          Metrics JSON
        </button>
        <button type="button" disabled={!report} onClick={exportPng} data-testid="export-png" title="The 3D view as it is now">
          View PNG
        </button>
      </div>
    </fieldset>
  );
}
