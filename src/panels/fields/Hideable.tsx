/**
 * A control a teacher can hide (src/teach/hideStore.ts), in Train's or Landscape's settings:
 * hidden, it is not drawn; in "edit what students see" mode it carries a "shown" checkbox and a
 * hidden one is drawn faded. Controls of neither (no `train-` or `ls-` hideable test id) are drawn as they are.
 */
import type { ReactNode } from 'react';
import { controlName, showTestId, useHideStore } from '../../teach/hideStore';
import './hideable.css';

export function Hideable({ testId, children }: { testId: string; children: ReactNode }) {
  const control = controlName(testId);
  const hidden = useHideStore((s) => control !== null && s.hidden[control.mode].includes(control.name));
  const editing = useHideStore((s) => control !== null && s.editing === control.mode);
  const toggle = useHideStore((s) => s.toggle);
  if (control === null) return <>{children}</>;
  if (!editing) return hidden ? null : <>{children}</>;
  const { mode, name } = control;
  return (
    <div className={hidden ? 'hideable hideable-off' : 'hideable'} data-testid={`hideable-${mode === 'train' ? '' : 'ls-'}${name}`} data-hidden={hidden}>
      <label className="hideable-toggle" title={`Show "${name}" to students (hide=${name} in the address hides it)`}>
        <input type="checkbox" checked={!hidden} onChange={() => toggle(mode, name)} data-testid={showTestId(mode, name)} />
        shown
      </label>
      {children}
    </div>
  );
}

/** The teacher's switch of a mode's edit mode: "Edit what students see (n hidden)" / "Done editing". */
export function EditShownButton({ mode, testId }: { mode: 'train' | 'landscape'; testId: string }) {
  const editing = useHideStore((s) => s.editing === mode);
  const hiddenCount = useHideStore((s) => s.hidden[mode].length);
  const setEditing = useHideStore((s) => s.setEditing);
  return (
    <button type="button" className="link-button" aria-pressed={editing} onClick={() => setEditing(editing ? null : mode)} data-testid={testId} title="Tick or untick each control: unticked ones are hidden from students, and the address keeps them hidden (hide=...)">
      {editing ? 'Done editing' : hiddenCount ? `Edit what students see (${hiddenCount} hidden)` : 'Edit what students see'}
    </button>
  );
}
