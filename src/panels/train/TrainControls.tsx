/** The left panel of Train mode: transport, preset, and the data / model / optimisation / snapshot settings. */
import type { ReactNode } from 'react';
import { PRESETS } from '../../training/presets';
import { useTrainingStore } from '../../state/trainingStore';
import { DataControls } from './DataControls';
import { ModelControls } from './ModelControls';
import { OptimControls } from './OptimControls';
import { SnapshotControls } from './SnapshotControls';
import { TrainTransport } from './TrainTransport';
import { EditShownButton, Hideable } from '../fields/Hideable';
import { OptionList } from '../fields/OptionList';

function Section({ title, open = true, children, testId }: { title: string; open?: boolean; children: ReactNode; testId: string }) {
  return (
    <details className="train-section" open={open} data-testid={testId}>
      <summary>{title}</summary>
      <div className="train-section-body">{children}</div>
    </details>
  );
}

export function TrainControls() {
  const presetId = useTrainingStore((s) => s.presetId);
  const setPreset = useTrainingStore((s) => s.setPreset);
  const preset = PRESETS.find((p) => p.id === presetId);
  return (
    <aside className="panel train-controls" aria-label="Training controls">
      <div className="train-controls-head">
        <h2 className="panel-title">Train</h2>
        <EditShownButton mode="train" testId="train-edit-shown" />
      </div>
      <Hideable testId="train-transport">
        <TrainTransport />
      </Hideable>
      <Hideable testId="train-preset">
      <label className="train-field train-preset">
        <span className="train-field-label">preset</span>
        <select value={presetId ?? ''} data-testid="train-preset" onChange={(e) => setPreset(e.target.value)}>
          {presetId === null ? <option value="">custom settings</option> : null}
          <OptionList items={PRESETS} value={(p) => p.id} label={(p) => p.label} />
        </select>
      </label>
      <p className="train-preset-note">{preset ? preset.description : 'Edited settings: pick a preset to start over.'}</p>
      </Hideable>
      <Section title="Data" testId="train-section-data">
        <DataControls />
      </Section>
      <Section title="Model" testId="train-section-model">
        <ModelControls />
      </Section>
      <Section title="Loss and optimiser" testId="train-section-optim">
        <OptimControls />
      </Section>
      <Section title="Snapshots" open={false} testId="train-section-snapshots">
        <SnapshotControls />
      </Section>
    </aside>
  );
}
