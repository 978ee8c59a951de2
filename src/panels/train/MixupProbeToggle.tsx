/** The 3D view's mixup-probe toggle, shown only on runs with mixup on (their snapshots carry the probe). */
import { getHistory } from '../../state/trainingBuffers';
import { useTrainingStore } from '../../state/trainingStore';
import { useProbeView } from '../../views/three/probeView';
import './trainExtras.css';

export function MixupProbeToggle() {
  useTrainingStore((s) => s.version);
  const show = useProbeView((s) => s.show);
  const setShow = useProbeView((s) => s.setShow);
  const probe = getHistory().probe;
  if (!probe || probe.lambda.length === 0) return null;
  return (
    <div className="train-probe-toggle cloud-overlay" data-testid="train-probe-toggle">
      <label>
        <input type="checkbox" checked={show} onChange={() => setShow(!show)} data-testid="train-show-probe" />
        <span className="train-probe-swatch" aria-hidden="true" />
        <span>mixup probe: {probe.lambda.length} mixed pairs</span>
      </label>
      <p className="train-probe-note">λ x_A + (1 − λ) x_B, coloured between the two classes, joined to both class means</p>
    </div>
  );
}
