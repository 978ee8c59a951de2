/**
 * The centre of Train mode: the headline numbers over the 3D feature cloud, with the choice of
 * frame (Procrustes-aligned or fixed), overlay toggles and legend, a replay slider over the run's
 * snapshots, and the run's progress or error in place of the cloud when there is nothing to draw.
 */
import { useMemo, useState } from 'react';
import { getHistory } from '../../state/trainingBuffers';
import { useTrainingStore } from '../../state/trainingStore';
import type { CloudOverlays, FrameSnapshot } from '../../views/three/FeatureCloud';
import { FeatureCloudView } from '../../views/three/FeatureCloudView';
import { CloudLegend } from './CloudLegend';
import { DivergenceBanner } from './DivergenceBanner';
import { MixupProbeToggle } from './MixupProbeToggle';
import { Tip } from '../Tip';
import { TrainReadouts } from './TrainReadouts';
import { FRAME_DOCS } from './trainMetricDocs';
import type { FrameMode } from '../../workers/trainingProtocol';
import type { FrameAxes } from '../../training/types';
import { Segmented, type SegmentOption } from '../fields/Segmented';
import { usePick } from '../../views/usePick';

/** What the frame's axes are (frames.ts): with K > 4 the PCs may give way to axes that keep the class means apart. */
const AXES: Record<FrameAxes, string> = { pcs: 'top-3 PCs', means: '3 axes keeping the class means apart' };

const FRAME_MODES: readonly SegmentOption<FrameMode>[] = [
  { value: 'procrustes', label: 'Procrustes' },
  { value: 'fixed', label: 'Fixed (step 0)' },
];

export function TrainCenter() {
  useTrainingStore((s) => s.version);
  const { info, frameMode, replay, status, progress, error } = usePick(useTrainingStore, 'info', 'frameMode', 'replay', 'status', 'progress', 'error');
  const { setFrameMode, setReplay } = useTrainingStore.getState();
  const [overlays, setOverlays] = useState<CloudOverlays>({ means: true, classifier: true, simplex: true });
  const [resetKey, setResetKey] = useState(0);
  const h = getHistory();
  const count = h.frames.length;
  const index = replay === null ? count - 1 : Math.min(replay, count - 1);
  const entry = index >= 0 ? h.frames[index] : null;
  const labels = h.sampleLabels;
  const noisy = h.sampleNoisy;
  const frame = useMemo<FrameSnapshot | null>(
    () => (entry && labels && info ? { frame: entry.frames[frameMode], labels, noisy, classes: info.classes, run: info.run } : null),
    [entry, labels, noisy, info, frameMode],
  );
  const f = frame?.frame ?? null;
  const at = entry ? h.metrics.findIndex((m) => m.step === entry.step) : -1;
  const measures = at >= 0 ? (h.measures[at] ?? null) : null;
  const building = status === 'building' || (status === 'idle' && !error);

  return (
    <main className={building ? 'train-center train-stale' : 'train-center'} aria-label="Training view">
      <TrainReadouts />
      <div className="train-stage">
        <FeatureCloudView frame={frame} overlays={overlays} resetKey={resetKey} />
        <div className="train-frame-pick cloud-overlay">
          <Tip tip={FRAME_DOCS[frameMode]} placement="bottom">
            <span className="train-overlay-title">3D axes</span>
          </Tip>
          <Segmented value={frameMode} options={FRAME_MODES} onChange={setFrameMode} className="segmented-small" testId="train-frame-mode" />
          <p className="train-frame-note" data-testid="train-frame-note" data-axes={f?.axes}>
            {f ? `${frameMode === 'procrustes' ? `each snapshot’s ${AXES[f.axes]}, aligned to the previous` : `${AXES[f.axes]} of the first snapshot`} · ${Math.round(100 * f.captured)}% of the spread in view` : ''}
          </p>
        </div>
        <CloudLegend overlays={overlays} setOverlays={setOverlays} frame={f} classNames={info?.classNames ?? []} classes={info?.classes ?? 0} featureDim={h.features?.dim ?? 0} noisy={noisy} rowCosines={measures} />
        <MixupProbeToggle />
        <button type="button" className="view-reset cloud-overlay" onClick={() => setResetKey((k) => k + 1)} title="Reset the camera" data-testid="reset-view-train">
          Reset view
        </button>
        {count > 1 ? (
          <div className="train-replay cloud-overlay">
            <label>
              <span>{replay === null ? 'latest' : 'replay'} · step {entry?.step ?? 0}</span>
              <input type="range" min={0} max={count - 1} value={index} data-testid="train-replay" onChange={(e) => setReplay(Number(e.target.value) >= count - 1 ? null : Number(e.target.value))} />
            </label>
            <button type="button" onClick={() => setReplay(null)} disabled={replay === null}>
              Follow latest
            </button>
          </div>
        ) : null}
        {building ? (
          <div className={frame ? 'view-loading view-loading-corner' : 'view-loading'} data-testid="train-building">
            <strong>Building the run…</strong>
            <progress max={1} value={progress.fraction} />
            <div className="view-loading-detail">{progress.stage}</div>
          </div>
        ) : null}
        {error ? (
          <div className="view-error train-error" role="alert" data-testid="train-error">
            <div className="view-error-text">
              <strong>{error.kind === 'input' ? 'These settings cannot run.' : 'Training failed.'}</strong>
              <p>{error.problem}</p>
              <p className="view-error-fix">{error.fix}</p>
            </div>
          </div>
        ) : (
          <DivergenceBanner />
        )}
      </div>
    </main>
  );
}
