/**
 * Compare and export: keep the current run to overlay its curves on the next one; download the
 * metrics (CSV, JSON) and the fixed sample's final features (.npz with labels, or .npy + labels
 * text), or open those features in Explore.
 */
import { useModeStore } from '../../state/modeStore';
import { analyzeFiles } from '../../state/appStore';
import { getHistory } from '../../state/trainingBuffers';
import { featuresNpy, featuresNpz, labelsText, metricsCsv, runExport, runJson } from '../../state/trainingExport';
import { useTrainingStore } from '../../state/trainingStore';
import { download, downloadText } from '../../views/download';

function baseName(presetId: string | null, step: number): string {
  return `train-${presetId ?? 'custom'}-step${step}`;
}

export function RunsTab() {
  useTrainingStore((s) => s.version);
  const kept = useTrainingStore((s) => s.kept);
  const latest = useTrainingStore((s) => s.latest);
  const presetId = useTrainingStore((s) => s.presetId);
  const status = useTrainingStore((s) => s.status);
  const { keepRun, clearKept } = useTrainingStore.getState();
  const h = getHistory();
  const name = baseName(presetId, latest?.step ?? 0);
  const features = h.features;
  const labels = h.sampleLabels;
  const none = h.metrics.length === 0;

  const exportJson = () => {
    const s = useTrainingStore.getState();
    downloadText(`${name}-metrics.json`, runJson(runExport(s.config, s.backend, s.info, getHistory(), s.terminalStep)), 'application/json');
  };
  const npz = () => (features && labels ? featuresNpz(features.data, features.dim, labels) : null);
  const openInExplore = () => {
    const bytes = npz();
    if (!bytes) return;
    analyzeFiles(new File([bytes as BlobPart], `${name}-features.npz`, { type: 'application/octet-stream' }));
    useModeStore.getState().setMode('explore');
  };

  return (
    <div className="train-runs">
      <section className="train-card">
        <h3>Compare runs</h3>
        <p className="chart-note">Keep this run, change a setting (loss, mixup, imbalance...), and its curves stay on the timelines, dashed, under the new run.</p>
        <div className="button-row">
          <button type="button" data-testid="train-keep" onClick={keepRun} disabled={none || status === 'building'}>
            Keep this run
          </button>
          <button type="button" data-testid="train-clear-kept" onClick={clearKept} disabled={!kept}>
            Clear kept run
          </button>
        </div>
        <p className="train-kept" data-testid="train-kept-label">
          {kept ? `Kept: ${kept.label} (${kept.metrics.length} snapshots, to step ${kept.metrics.at(-1)?.step ?? 0})` : 'No run kept.'}
        </p>
      </section>
      <section className="train-card">
        <h3>Export this run</h3>
        <p className="chart-note">Metrics: one row per snapshot (every metric, full precision). JSON adds the settings, the backend, layer profiles and GCR angles.</p>
        <div className="button-row">
          <button type="button" data-testid="train-export-csv" disabled={none} onClick={() => downloadText(`${name}-metrics.csv`, metricsCsv(getHistory().metrics), 'text/csv')}>
            Metrics CSV
          </button>
          <button type="button" data-testid="train-export-json" disabled={none} onClick={exportJson}>
            Metrics JSON
          </button>
        </div>
        <p className="chart-note">
          Features of the {labels?.length ?? 0} sample rows at step {latest?.step ?? 0} ({features?.dim ?? 0} dimensions) with their labels: the .npz holds
          arrays <code>embeddings</code> and <code>labels</code> and opens in Explore as it is.
        </p>
        <div className="button-row">
          <button type="button" data-testid="train-export-npz" disabled={!features} onClick={() => download(`${name}-features.npz`, new Blob([npz() as BlobPart]))}>
            Features .npz
          </button>
          <button
            type="button"
            data-testid="train-export-npy"
            disabled={!features}
            onClick={() => {
              if (!features || !labels) return;
              download(`${name}-features.npy`, new Blob([featuresNpy(features.data, features.dim) as BlobPart]));
              downloadText(`${name}-labels.txt`, labelsText(labels, useTrainingStore.getState().info?.classNames ?? []), 'text/plain');
            }}
          >
            .npy + labels.txt
          </button>
          <button type="button" data-testid="train-open-explore" disabled={!features} onClick={openInExplore}>
            Open in Explore
          </button>
        </div>
      </section>
    </div>
  );
}
