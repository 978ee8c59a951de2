/** Landscape's right panel: the headline numbers of the sweep on screen, the two intrinsic dimensions, overlay and export. */
import { useLandscapeStore } from '../../state/landscapeStore';
import { IdCard } from './IdCard';
import { OverlaySection } from './OverlaySection';
import { SummaryCard } from './SummaryCard';

export function ResultsPanel() {
  const current = useLandscapeStore((s) => s.current);
  const last = useLandscapeStore((s) => s.kept.at(-1));
  const shown = current ?? last ?? null;
  return (
    <aside className="panel ls-results" aria-label="Landscape results">
      <h2 className="panel-title">Results</h2>
      {shown ? (
        <>
          <SummaryCard sweep={shown} />
          <IdCard sweep={shown} />
        </>
      ) : (
        <p className="tab-empty">No sweep yet. Li et al. (2018) train a network only inside a random d-dimensional subspace of its D parameters; d_int90 is the smallest d that reaches 90% of ordinary training.</p>
      )}
      <OverlaySection />
    </aside>
  );
}
