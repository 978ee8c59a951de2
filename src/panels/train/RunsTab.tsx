/**
 * Compare and export: keep the current run to overlay its curves on the next one; download the
 * metrics (CSV, JSON); export the penultimate features of every training and test row of the
 * current run (.npz, or .npy + labels text) or open them in Explore.
 */
import { useModeStore } from '../../state/modeStore';
import { analyzeFiles } from '../../state/appStore';
import { getHistory } from '../../state/trainingBuffers';
import { allFeaturesNpz, featuresNpy, labelsText, metricsCsv, runExport, runJson, type AllRowFeatures } from '../../state/trainingExport';
import { useTrainingStore } from '../../state/trainingStore';
import { download, downloadText } from '../../views/download';
import { FeatureExportStatus } from './FeatureExportStatus';
import { modelNpz, modelSafetensors } from '../../state/weightsExport';
import { TrainCompareButton } from '../compare/TrainCompareButton';
import { usePick } from '../../views/usePick';

const count = (n: number | undefined) => (n ?? 0).toLocaleString('en-US');

function baseName(presetId: string | null, step: number): string {
  const src = useTrainingStore.getState().config.data.source;
  const data = src.kind === 'file' && src.name ? `${src.name.replace(/\.[^.]*$/, '').replace(/[^\w-]+/g, '_')}-` : '';
  return `train-${data}${presetId ?? 'custom'}-step${step}`;
}

/** Runs `then` on the current run's features of every row (computed by the worker; nothing when cancelled or failed). */
async function withFeatures(then: (f: AllRowFeatures, name: string) => void): Promise<void> {
  // The export is of the run's current step: the 3D view leaves a replayed step to show it.
  useTrainingStore.getState().setReplay(null);
  const f = await useTrainingStore.getState().exportFeatures();
  if (f) then(f, `${baseName(useTrainingStore.getState().presetId, f.step)}-features`);
}

const saveNpz = () => withFeatures((f, name) => download(`${name}.npz`, new Blob([allFeaturesNpz(f) as BlobPart])));

const saveModel = (ext: 'npz' | 'safetensors') =>
  withFeatures((f, name) => {
    const bytes = ext === 'npz' ? modelNpz(f) : modelSafetensors(f);
    download(`${name.replace(/-features$/, '-model')}.${ext}`, new Blob([bytes as BlobPart]));
  });

const saveNpy = () =>
  withFeatures((f, name) => {
    download(`${name}.npy`, new Blob([featuresNpy(f.features, f.featureDim) as BlobPart]));
    downloadText(`${name}-labels.txt`, labelsText(f.labels, f.classNames), 'text/plain');
  });

const openInExplore = () =>
  withFeatures((f, name) => {
    analyzeFiles(new File([allFeaturesNpz(f) as BlobPart], `${name}.npz`, { type: 'application/octet-stream' }));
    useModeStore.getState().setMode('explore');
  });

export function RunsTab() {
  useTrainingStore((s) => s.version);
  const { kept, latest, presetId, status, info } = usePick(useTrainingStore, 'kept', 'latest', 'presetId', 'status', 'info');
  const featureDim = useTrainingStore((s) => s.config.model.featureWidth);
  const running = useTrainingStore((s) => s.featureExport?.status === 'running');
  const { keepRun, clearKept } = useTrainingStore.getState();
  const h = getHistory();
  const name = baseName(presetId, latest?.step ?? 0);
  const none = h.metrics.length === 0;
  const noRun = !info || latest === null || status === 'building' || status === 'idle' || running;

  const exportJson = () => {
    const s = useTrainingStore.getState();
    downloadText(`${name}-metrics.json`, runJson(runExport(s.config, s.backend, s.info, getHistory(), s.terminalStep)), 'application/json');
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
          {kept
            ? `Kept: ${kept.label} (${kept.metrics.length} snapshots, to step ${kept.metrics.at(-1)?.step ?? 0}). A kept run keeps its curves only: its features cannot be exported.`
            : 'No run kept.'}
        </p>
      </section>
      <section className="train-card">
        <h3>Export metrics</h3>
        <p className="chart-note">One row per snapshot (every metric, full precision). JSON adds the settings, the backend, layer profiles and GCR angles.</p>
        <div className="button-row">
          <button type="button" data-testid="train-export-csv" disabled={none} onClick={() => downloadText(`${name}-metrics.csv`, metricsCsv(getHistory().metrics), 'text/csv')}>
            Metrics CSV
          </button>
          <button type="button" data-testid="train-export-json" disabled={none} onClick={exportJson}>
            Metrics JSON
          </button>
        </div>
      </section>
      <section className="train-card">
        <h3>Export features of the current run</h3>
        <p className="chart-note" data-testid="train-features-note">
          The penultimate features ({featureDim} dimensions) of all {count(info?.trainRows)} training and {count(info?.testRows)} test rows at the run&apos;s
          current step, computed from the live model in the worker (a playing run pauses first). The .npz holds <code>features</code>, <code>labels</code>,{' '}
          <code>split</code> (0 train, 1 test), <code>row</code> (index within its split), <code>class_names</code> and <code>label_names</code>; Explore
          opens it as it is (pick <code>label_names</code> under change… to see names). The .npy has the same rows, training rows first, with a labels file
          of one class name per line.
        </p>
        <div className="button-row">
          <button type="button" data-testid="train-export-npz" disabled={noRun} onClick={saveNpz}>
            Features .npz
          </button>
          <button type="button" data-testid="train-export-npy" disabled={noRun} onClick={saveNpy}>
            .npy + labels.txt
          </button>
          <button type="button" data-testid="train-open-explore" disabled={noRun} onClick={openInExplore}>
            Open in Explore
          </button>
        </div>
        <p className="chart-note" data-testid="train-model-note">
          The model: the same arrays plus every layer&apos;s weights (<code>layer0.kernel</code>, <code>layer0.bias</code>, …), the head&apos;s <code>W</code> and{' '}
          <code>b</code> (a GCR head has <code>head.bases</code> instead) and, for your file, <code>input.mean</code> and <code>input.std</code>. Explore and the CLI
          open it as it is (<code>features</code> as the vectors, <code>labels</code> as the classes); W and b are the classifier NC3 and NC4 need.
        </p>
        <div className="button-row">
          <button type="button" data-testid="train-export-model-npz" disabled={noRun} onClick={() => saveModel('npz')}>
            Model .npz
          </button>
          <button type="button" data-testid="train-export-model-safetensors" disabled={noRun} onClick={() => saveModel('safetensors')}>
            Model .safetensors
          </button>
        </div>
        <p className="chart-note" data-testid="train-export-step" data-step={latest?.step ?? undefined}>
          {latest ? `Exports are of step ${latest.step.toLocaleString('en-US')}, the latest snapshot${status === 'playing' ? ' (a playing run pauses first and exports the step it pauses at)' : ''}.` : ''}
        </p>
        <FeatureExportStatus />
        <TrainCompareButton disabled={noRun} />
      </section>
    </div>
  );
}
