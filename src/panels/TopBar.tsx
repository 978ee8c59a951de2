/** The top bar: the app's name and its modes. every tab switches the app's mode; Copy link copies the address of the view. */
import { useModeStore, type AppMode } from '../state/modeStore';
import { CopyLink } from './share/CopyLink';
import { usePick } from '../views/usePick';

interface Mode {
  id: string;
  label: string;
  /** Shown on hover/focus for modes that are not ready. */
  note?: string;
  /** 'soon' or 'later', next to the disabled tab. */
  badge?: string;
}

const MODES: Mode[] = [
  { id: 'explore', label: 'Explore' },
  { id: 'train', label: 'Train' },
  { id: 'landscape', label: 'Landscape' },
  { id: 'compare', label: 'Compare' },
  { id: 'teach', label: 'Teach' },
];

export function TopBar() {
  const { mode, setMode } = usePick(useModeStore, 'mode', 'setMode');
  return (
    <header className="top-bar">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true" />
        Subspace Lab
      </div>
      <nav className="modes" role="tablist" aria-label="Modes">
        {MODES.map((m) => (
          <span key={m.id} className="mode-wrap">
            <button
              type="button"
              role="tab"
              className={m.note ? 'mode mode-disabled' : m.id === mode ? 'mode mode-active' : 'mode'}
              aria-selected={m.id === mode}
              onClick={m.note ? undefined : () => setMode(m.id as AppMode)}
              aria-disabled={m.note ? true : undefined}
              aria-describedby={m.note ? `mode-tip-${m.id}` : undefined}
              data-testid={`mode-${m.id}`}
              data-badge={m.badge}
            >
              {m.label}
            </button>
            {m.note ? (
              <span className="tip" role="tooltip" id={`mode-tip-${m.id}`}>
                {m.note}
              </span>
            ) : null}
          </span>
        ))}
      </nav>
      <CopyLink />
      <div className="top-note">geometry of learned representations</div>
    </header>
  );
}
