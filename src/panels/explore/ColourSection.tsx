/**
 * Colouring and overlays: colour by class, by any metadata column, by the per-point local intrinsic
 * dimension (computed in the worker on request), or one colour; class means and the ideal ETF.
 */
import { useAnalysisStore, useJobsStore } from '../../state/appStore';
import { POINT_SIZE_RANGE, useViewStore } from '../../state/viewStore';
import { usePick } from '../../views/usePick';

export function ColourSection() {
  const classNames = useAnalysisStore((s) => s.classNames);
  const metaColumns = useAnalysisStore((s) => s.metaColumns);
  const ready = useAnalysisStore((s) => s.dataVersion > 0);
  const { localId: local, requestLocalId, cancelLocalId, note: etfNote } = usePick(useJobsStore, 'localId', 'requestLocalId', 'cancelLocalId', 'note');
  const { colorBy, setColorBy, pointSize, setPointSize, showMeans, setShowMeans, showEtf, setShowEtf } = useViewStore();
  const labelled = (classNames?.length ?? 0) >= 2;

  return (
    <>
      <div className="control">
        <label htmlFor="color-by">Colour by</label>
        <select
          id="color-by"
          value={colorBy}
          disabled={!ready}
          data-testid="color-by"
          onChange={(e) => {
            setColorBy(e.target.value);
            if (e.target.value === 'localId') requestLocalId();
          }}
        >
          {classNames ? <option value="class">class</option> : null}
          {metaColumns.map((c) => (
            <option key={c} value={`meta:${c}`}>
              {c} (metadata)
            </option>
          ))}
          <option value="localId">local intrinsic dimension (MLE, k = 20)</option>
          <option value="preservation">neighbour preservation (this picture, k = 10)</option>
          <option value="uniform">single colour</option>
        </select>
        {colorBy === 'localId' && local.status === 'running' ? (
          <div className="job-progress" data-testid="localid-progress">
            <progress max={1} value={local.progress} aria-label="Local ID progress" />
            <span>nearest neighbours {Math.round(local.progress * 100)}%</span>
            <button type="button" onClick={cancelLocalId}>
              Cancel
            </button>
          </div>
        ) : null}
        {colorBy === 'localId' && local.status === 'done' ? (
          <p className="control-note">m(x) of the Levina–Bickel MLE with k = {local.k} neighbours, per point (duplicates share their row's value).</p>
        ) : null}
        {local.status === 'error' ? <p className="control-error">{local.error}</p> : null}
      </div>
      <fieldset className="control">
        <legend>Class geometry</legend>
        <label className="check">
          <input type="checkbox" checked={showMeans} disabled={!labelled} onChange={(e) => setShowMeans(e.target.checked)} data-testid="show-means" />
          class means, joined to the global mean
        </label>
        <label className="check">
          <input type="checkbox" checked={showEtf} disabled={!labelled} onChange={(e) => setShowEtf(e.target.checked)} data-testid="show-etf" />
          ideal simplex ETF (rings), aligned to the means
        </label>
        {showEtf && /not drawn|no ETF/.test(etfNote) ? <p className="control-note">Not shown in this view: see the note under Projection.</p> : null}
      </fieldset>
      <div className="control">
        <label htmlFor="point-size">
          Point size <span className="control-value">{pointSize} px</span>
        </label>
        <input
          id="point-size"
          type="range"
          min={POINT_SIZE_RANGE.min}
          max={POINT_SIZE_RANGE.max}
          step={POINT_SIZE_RANGE.step}
          value={pointSize}
          onChange={(e) => setPointSize(Number(e.target.value))}
        />
      </div>
    </>
  );
}
