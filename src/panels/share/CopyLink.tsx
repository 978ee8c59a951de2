/**
 * "Copy link" in the top bar (every mode): copies the address, which always holds the mode's
 * settings and view (src/url/sync.ts), and shows it in a field to copy by hand where the clipboard
 * is refused. The user's own file is never in it.
 */
import { useState } from 'react';
import { flushUrl } from '../../url/sync';

export function CopyLink() {
  const [shown, setShown] = useState<{ url: string; copied: boolean } | null>(null);
  const copy = () => {
    const url = flushUrl();
    setShown({ url, copied: false });
    navigator.clipboard?.writeText(url).then(
      () => setShown({ url, copied: true }),
      () => undefined,
    );
  };
  return (
    <div className="copy-link">
      <button type="button" className="copy-link-button" onClick={copy} data-testid="copy-link" title="Copy a link that opens this mode with these settings (and, for Explore, this view)">
        Copy link
      </button>
      {shown ? (
        <div className="copy-link-pop" role="dialog" aria-label="Link to this view">
          <span>{shown.copied ? 'Copied to the clipboard:' : 'Link to this view:'}</span>
          <input readOnly value={shown.url} data-testid="copy-link-url" onFocus={(e) => e.currentTarget.select()} />
          <span className="copy-link-hint">It holds the settings and the seed, not your file: a file opened from disk stays in this browser.</span>
          <button type="button" className="link-button" onClick={() => setShown(null)}>
            Close
          </button>
        </div>
      ) : null}
    </div>
  );
}
