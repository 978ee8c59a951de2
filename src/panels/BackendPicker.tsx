/**
 * The tfjs backend in the three modes: which one a worker runs on and why (the status bars), and
 * the one picker of a backend preference, "auto" first. Backends whose probe failed are disabled.
 */
import { BACKEND_NAMES, type BackendChoice, type BackendName, type BackendPreference } from '../workers/analysisProtocol';

const LABELS: Record<BackendPreference, string> = { auto: 'auto', webgpu: 'WebGPU', webgl: 'WebGL', wasm: 'WASM', cpu: 'CPU' };

interface PickerProps {
  value: BackendPreference;
  onChange: (b: BackendPreference) => void;
  /** The worker's last choice: its probes disable the backends that cannot start (none before the first). */
  choice?: BackendChoice | null;
  testId: string;
  ariaLabel: string;
  /** The text of "auto" (default "auto"). */
  autoLabel?: string;
  /** 'display': WebGPU, WASM ...; 'plain': the backend ids as tfjs names them. */
  names?: 'display' | 'plain';
}

/** A select over auto and every backend; a backend whose probe failed is disabled and says so. */
export function BackendPicker({ value, onChange, choice = null, testId, ariaLabel, autoLabel = LABELS.auto, names = 'display' }: PickerProps) {
  const available = (name: BackendName) => choice?.probes.find((p) => p.name === name)?.available ?? true;
  return (
    <select data-testid={testId} value={value} onChange={(e) => onChange(e.target.value as BackendPreference)} aria-label={ariaLabel}>
      <option value="auto">{autoLabel}</option>
      {BACKEND_NAMES.map((b) => (
        <option key={b} value={b} disabled={!available(b)}>
          {names === 'display' ? LABELS[b] : b}
          {available(b) ? '' : ' (unavailable)'}
        </option>
      ))}
    </select>
  );
}

/** A status bar's backend region: the backend in use (data-backend for tests) and the reason it was chosen. */
export function BackendReadout({ choice, testIdPrefix }: { choice: BackendChoice | null; testIdPrefix: string }) {
  return (
    <div className="status-backend">
      <span className="status-key">tfjs backend</span>
      <strong data-testid={`${testIdPrefix}backend-name`} data-backend={choice?.backend ?? ''}>
        {choice ? choice.backend : '…'}
      </strong>
      <span className="status-reason" data-testid={`${testIdPrefix}backend-reason`} title={choice?.reason ?? ''}>
        {choice ? `— ${choice.reason}` : 'probing backends…'}
      </span>
    </div>
  );
}

/** A status bar's override: "override" and the picker. */
export function BackendOverride(props: PickerProps) {
  return (
    <label className="status-override">
      <span className="status-key">override</span>
      <BackendPicker {...props} />
    </label>
  );
}
