/** Exports: the projected coordinates with metadata (CSV), all metrics (JSON, the CLI's keys), the view as PNG. */
import { useAnalysisStore, useJobsStore } from '../state/appStore';
import { coordinatesCsv, metricsJson } from '../state/exports';
import { getPointBuffers, getViewBuffers } from '../state/pointBuffers';
import { download, downloadText, slug } from '../views/download';
import { cloudHandle } from '../views/three/PointView';
import { viewPng } from '../views/three/snapshot';

export function ExportSection() {
  const report = useAnalysisStore((s) => s.report);
  const dataset = useAnalysisStore((s) => s.dataset) ?? 'data';
  const classNames = useAnalysisStore((s) => s.classNames);
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
        <button type="button" disabled={!report} onClick={() => report && downloadText(`${name}-metrics.json`, metricsJson(report), 'application/json')} data-testid="export-json" title="All metrics, with the same keys as the CLI's --json">
          Metrics JSON
        </button>
        <button type="button" disabled={!report} onClick={exportPng} data-testid="export-png" title="The 3D view as it is now">
          View PNG
        </button>
      </div>
    </fieldset>
  );
}
