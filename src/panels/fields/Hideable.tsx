/**
 * A Train control a teacher can hide (src/teach/hideStore.ts): hidden, it is not drawn; in "edit
 * what students see" mode it carries a "shown" checkbox and a hidden one is drawn faded.
 * Controls outside Train's column (no `train-` test id) are drawn as they are.
 */
import type { ReactNode } from 'react';
import { controlName, useHideStore } from '../../teach/hideStore';
import './hideable.css';

export function Hideable({ testId, children }: { testId: string; children: ReactNode }) {
  const name = controlName(testId);
  const hidden = useHideStore((s) => name !== null && s.hidden.includes(name));
  const editing = useHideStore((s) => s.editing);
  const toggle = useHideStore((s) => s.toggle);
  if (name === null) return <>{children}</>;
  if (!editing) return hidden ? null : <>{children}</>;
  return (
    <div className={hidden ? 'hideable hideable-off' : 'hideable'} data-testid={`hideable-${name}`} data-hidden={hidden}>
      <label className="hideable-toggle" title={`Show "${name}" to students (hide=${name} in the address hides it)`}>
        <input type="checkbox" checked={!hidden} onChange={() => toggle(name)} data-testid={`show-${name}`} />
        shown
      </label>
      {children}
    </div>
  );
}
