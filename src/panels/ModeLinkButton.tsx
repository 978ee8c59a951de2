/** A link-styled button from one mode to another: it hands the data over (`handOver`), then opens `mode`. */
import type { ReactNode } from 'react';
import { useModeStore, type AppMode } from '../state/modeStore';

export function ModeLinkButton(p: { mode: AppMode; testId: string; title: string; handOver: () => void; children: ReactNode }) {
  return (
    <button
      type="button"
      className="link-button"
      data-testid={p.testId}
      title={p.title}
      onClick={() => {
        p.handOver();
        useModeStore.getState().setMode(p.mode);
      }}
    >
      {p.children}
    </button>
  );
}
