/** The top bar: the app's name and its modes. Only Explore exists yet; the others say when they come. */
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
  { id: 'train', label: 'Train', note: 'Coming soon: train a small network and watch neural collapse emerge.', badge: 'soon' },
  { id: 'landscape', label: 'Landscape', note: 'Coming soon: the objective-landscape intrinsic dimension of a task.', badge: 'soon' },
  { id: 'compare', label: 'Compare', note: 'Later: compare two representations (CKA, mutual kNN, Procrustes).', badge: 'later' },
  { id: 'teach', label: 'Teach', note: 'Later: guided lessons for the classroom.', badge: 'later' },
];

export function TopBar() {
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
              className={m.note ? 'mode mode-disabled' : 'mode mode-active'}
              aria-selected={!m.note}
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
      <div className="top-note">geometry of learned representations</div>
    </header>
  );
}
