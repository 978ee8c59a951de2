/** Keep a finished sweep for overlay, list the kept ones, and export everything shown as CSV or JSON. */
import { useLandscapeStore } from '../../state/landscapeStore';
import { downloadText } from '../../views/download';
import { formatSig } from '../../format';
import { sweepsToCsv, sweepsToJson } from '../../state/landscapeExport';
import { seriesColor } from './seriesColor';

export function OverlaySection() {
  const current = useLandscapeStore((s) => s.current);
  const kept = useLandscapeStore((s) => s.kept);
  const { keep, removeKept } = useLandscapeStore.getState();
  const sweeps = current ? [...kept, current] : kept;
  const finished = current !== null && (current.status === 'done' || current.status === 'cancelled') && current.rows.some((r) => r.result);
  const hasResults = sweeps.some((s) => s.rows.some((r) => r.result));
  return (
    <section className="metric-section" data-testid="ls-overlay">
      <h3>Compare and export</h3>
      <div className="button-row">
        <button type="button" onClick={keep} disabled={!finished} data-testid="ls-keep" title="Keep this sweep on the charts; the next sweep is drawn over it (e.g. another width)">
          Keep for overlay
        </button>
        <button type="button" disabled={!hasResults} onClick={() => downloadText('landscape-sweeps.csv', sweepsToCsv(sweeps), 'text/csv')} data-testid="ls-export-csv">
          CSV
        </button>
        <button type="button" disabled={!hasResults} onClick={() => downloadText('landscape-sweeps.json', sweepsToJson(sweeps), 'application/json')} data-testid="ls-export-json">
          JSON
        </button>
      </div>
      {kept.length > 0 ? (
        <ul className="ls-kept" data-testid="ls-kept">
          {kept.map((s) => (
            <li key={s.key}>
              <span className="ls-swatch" style={{ background: seriesColor(s.key) }} />
              <span className="ls-kept-label" title={s.label}>
                {s.label}
              </span>
              <span className="ls-muted">{s.dInt90 !== null ? `d_int90 ≈ ${formatSig(s.dInt90, 3)}` : 'no d_int90'}</span>
              <button type="button" className="view-error-close" aria-label={`Remove ${s.label}`} onClick={() => removeKept(s.key)}>
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
