/**
 * The small dialog that settles what a file leaves open: which .npz array holds the vectors and
 * which the labels, or which columns of a CSV/TSV are vector components and which is the label.
 * Opens by itself when the worker cannot pick a sensible default, and from "change…" in Data.
 */
import { useEffect, useState } from 'react';
import { useAnalysisStore } from '../../state/appStore';
import { useUiStore } from '../../state/uiStore';
import type { FileChoices, LoadChoice } from '../../workers/analysisProtocol';
import { usePick } from '../../views/usePick';
import { OptionList } from '../fields/OptionList';

function NpzChoice({ c, choice, set }: { c: FileChoices; choice: LoadChoice; set: (ch: LoadChoice) => void }) {
  const arrays = c.arrays ?? [];
  const describe = (a: { name: string; dtype: string; shape: number[] }) => `${a.name} (${a.dtype}, ${a.shape.join(' × ') || 'scalar'})`;
  return (
    <>
      <label className="dialog-field">
        <span>Vectors array</span>
        <select value={choice.vectors ?? ''} onChange={(e) => set({ ...choice, vectors: e.target.value })} data-testid="choice-vectors">
          <OptionList items={arrays.filter((a) => a.shape.length === 2)} value={(a) => a.name} label={(a) => describe(a)} />
        </select>
      </label>
      <label className="dialog-field">
        <span>Labels array</span>
        <select value={choice.labelsArray ?? ''} onChange={(e) => set({ ...choice, labelsArray: e.target.value })} data-testid="choice-labels">
          <option value="">none</option>
          <OptionList items={arrays.filter((a) => a.shape.length === 1 || (a.shape.length === 2 && a.shape[1] === 1))} value={(a) => a.name} label={(a) => describe(a)} />
        </select>
      </label>
    </>
  );
}

function ProjectorChoice({ c, choice, set }: { c: FileChoices; choice: LoadChoice; set: (ch: LoadChoice) => void }) {
  return (
    <label className="dialog-field">
      <span>Embedding</span>
      <select value={choice.vectors ?? ''} onChange={(e) => set({ ...choice, vectors: e.target.value })} data-testid="choice-vectors">
        {(c.arrays ?? []).map((a) => (
          <option key={a.name} value={a.name}>
            {a.name}{a.shape.length === 2 ? ` (${a.shape.join(' × ')})` : ''}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Dimensions that divide the tensor's float count into whole rows (at least 3 rows), the smallest first. */
function divisors(floats: number): number[] {
  const out: number[] = [];
  for (let d = 1; d <= floats / 3 && out.length < 12; d++) if (floats % d === 0 && d >= 2) out.push(d);
  return out;
}

function BytesChoice({ c, choice, set }: { c: FileChoices; choice: LoadChoice; set: (ch: LoadChoice) => void }) {
  const floats = c.floats ?? 0;
  const dim = choice.dim;
  const fits = dim !== undefined && dim >= 1 && floats % dim === 0;
  return (
    <label className="dialog-field">
      <span>Values per point (D)</span>
      <input type="number" min={1} step={1} value={dim ?? ''} onChange={(e) => set({ ...choice, dim: e.target.value === '' ? undefined : Math.floor(Number(e.target.value)) })} data-testid="choice-dim" />
      <span className="control-note" data-testid="choice-dim-note">
        {fits ? `${(floats / dim).toLocaleString('en-US')} points × ${dim}` : dim ? `${floats.toLocaleString('en-US')} values do not split into rows of ${dim}` : `D values that fit: ${divisors(floats).join(', ')}${divisors(floats).length === 12 ? ', …' : ''}`}
      </span>
    </label>
  );
}

function TableChoice({ c, choice, set }: { c: FileChoices; choice: LoadChoice; set: (ch: LoadChoice) => void }) {
  const cols = c.columns ?? [];
  const chosen = new Set(choice.columns ?? []);
  const toggle = (name: string) => {
    const next = cols.filter((col) => (col.name === name ? !chosen.has(name) : chosen.has(col.name))).map((col) => col.name);
    set({ ...choice, columns: next });
  };
  return (
    <>
      <label className="dialog-field">
        <span>Label column</span>
        <select
          value={choice.labelColumn ?? ''}
          onChange={(e) => set({ ...choice, labelColumn: e.target.value, columns: (choice.columns ?? []).filter((n) => n !== e.target.value) })}
          data-testid="choice-label-column"
        >
          <option value="">none</option>
          <OptionList items={cols} value={(col) => col.name} />
        </select>
      </label>
      <fieldset className="dialog-field dialog-columns">
        <legend>
          Vector columns <span className="control-value">{chosen.size} chosen</span>
        </legend>
        <div className="column-list" data-testid="choice-columns">
          {cols.map((col) => (
            <label key={col.name} className={col.numeric ? '' : 'column-text'} title={col.numeric ? 'numeric' : 'holds text: cannot be a vector component'}>
              <input type="checkbox" checked={chosen.has(col.name)} disabled={!col.numeric || col.name === choice.labelColumn} onChange={() => toggle(col.name)} />
              {col.name}
            </label>
          ))}
        </div>
        <div className="dialog-quick">
          <button type="button" className="link-button" onClick={() => set({ ...choice, columns: cols.filter((col) => col.numeric && col.name !== choice.labelColumn).map((col) => col.name) })}>
            all numeric
          </button>
          <button type="button" className="link-button" onClick={() => set({ ...choice, columns: [] })}>
            none
          </button>
        </div>
      </fieldset>
    </>
  );
}

function MetadataChoice({ c, choice, set }: { c: FileChoices; choice: LoadChoice; set: (ch: LoadChoice) => void }) {
  if (!c.metadata) return null;
  return (
    <label className="dialog-field">
      <span>Label column of {c.metadata.file}</span>
      <select value={choice.metaLabelColumn ?? ''} onChange={(e) => set({ ...choice, metaLabelColumn: e.target.value })} data-testid="choice-meta-label">
        <OptionList items={c.metadata.columns} value={(col) => col} />
      </select>
    </label>
  );
}

function Dialog({ c, onClose, onLoad }: { c: FileChoices; onClose: () => void; onLoad: (choice: LoadChoice) => void }) {
  const [choice, setChoice] = useState<LoadChoice>(c.chosen);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  const arrays = c.kind === 'npz' || c.kind === 'hdf5' || c.kind === 'torch';
  const ok = arrays || c.kind === 'projector' ? !!choice.vectors : c.kind === 'bytes' ? !!choice.dim && (c.floats ?? 0) % choice.dim === 0 : c.kind === 'plain' || (choice.columns?.length ?? 0) > 0;
  return (
    <div className="dialog-backdrop" role="presentation">
      <div className="dialog" role="dialog" aria-modal="true" aria-labelledby="choice-title" data-testid="choice-dialog">
        <h2 id="choice-title">How should {c.file} be read?</h2>
        {c.reason ? <p className="dialog-reason">{c.reason}</p> : null}
        {arrays ? <NpzChoice c={c} choice={choice} set={setChoice} /> : null}
        {c.kind === 'projector' ? <ProjectorChoice c={c} choice={choice} set={setChoice} /> : null}
        {c.kind === 'bytes' ? <BytesChoice c={c} choice={choice} set={setChoice} /> : null}
        {c.kind === 'table' ? <TableChoice c={c} choice={choice} set={setChoice} /> : null}
        <MetadataChoice c={c} choice={choice} set={setChoice} />
        <div className="dialog-buttons">
          <button type="button" onClick={onClose} data-testid="choice-cancel">
            Cancel
          </button>
          <button
            type="button"
            className="primary-button"
            autoFocus
            disabled={!ok}
            data-testid="choice-load"
            onClick={() => onLoad(choice)}
          >
            Load
          </button>
        </div>
      </div>
    </div>
  );
}

export function ChoiceDialog() {
  const { pendingChoice: pending, choices: shown, dismissChoice: dismiss, choose } = usePick(useAnalysisStore, 'pendingChoice', 'choices', 'dismissChoice', 'choose');
  const open = useUiStore((s) => s.choicesOpen);
  const close = useUiStore((s) => s.closeChoices);
  const c = pending ?? (open ? shown : null);
  if (!c) return null;
  return (
    <Dialog
      key={`${c.file}|${pending ? 'pending' : 'shown'}`}
      c={c}
      onClose={() => {
        close();
        dismiss();
      }}
      onLoad={(choice) => {
        choose(choice);
        close();
      }}
    />
  );
}
