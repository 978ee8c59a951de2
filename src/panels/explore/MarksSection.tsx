/**
 * What the view draws besides the coloured points: axis ticks in data units, text labels from a
 * metadata column (decluttered), automatic cluster labels at the 2D view's density peaks, density shading for crowded clouds, and image thumbnails in place
 * of points when the data set carries images.
 */
import { useAnalysisStore } from '../../state/appStore';
import { DENSITY_AUTO_N, useViewStore } from '../../state/viewStore';
import { getThumbnails } from '../../views/thumbnails';
import { SPRITE_MAX_VISIBLE } from '../../views/three/SpriteCloud';
import { OptionList } from '../fields/OptionList';

/** The text columns a label can come from: none, the class, each metadata column. */
function ColumnOptions({ classNames, metaColumns }: { classNames: readonly string[] | null; metaColumns: readonly string[] }) {
  return (
    <>
      <option value="">none</option>
      {classNames ? <option value="class">class</option> : null}
      <OptionList items={metaColumns} value={(c) => `meta:${c}`} label={(c) => c} />
    </>
  );
}

export function MarksSection() {
  const classNames = useAnalysisStore((s) => s.classNames);
  const metaColumns = useAnalysisStore((s) => s.metaColumns);
  const ready = useAnalysisStore((s) => s.dataVersion > 0);
  const n = useAnalysisStore((s) => s.report?.n ?? 0);
  const { showTicks, setShowTicks, labelBy, setLabelBy, density, setDensity, sprites, setSprites, peakLabelsBy, setPeakLabelsBy, dims } = useViewStore();
  const hasImages = useViewStore((s) => s.thumbnailsVersion >= 0 && getThumbnails() !== null);
  return (
    <fieldset className="control">
      <legend>On the view</legend>
      <label className="check">
        <input type="checkbox" checked={showTicks} onChange={(e) => setShowTicks(e.target.checked)} data-testid="show-ticks" />
        axis ticks (values in the view's units)
      </label>
      <label className="inline-select">
        labels
        <select value={labelBy ?? ''} disabled={!ready} data-testid="label-by" onChange={(e) => setLabelBy(e.target.value || null)}>
          <ColumnOptions classNames={classNames} metaColumns={metaColumns} />
        </select>
      </label>
      <label className="inline-select">
        cluster labels
        <select value={peakLabelsBy ?? ''} disabled={!ready} data-testid="peak-labels-by" onChange={(e) => setPeakLabelsBy(e.target.value || null)}>
          <ColumnOptions classNames={classNames} metaColumns={metaColumns} />
        </select>
      </label>
      {peakLabelsBy ? (
        <p className="control-note" data-testid="peak-labels-note">
          {dims === 2
            ? 'At each density peak of the 2D view, the terms most distinctive of its points (c-TF-IDF against all shown points).'
            : 'Cluster labels are placed in 2D: switch the view to 2D.'}
        </p>
      ) : null}
      <label className="inline-select">
        density
        <select value={density} data-testid="density" onChange={(e) => setDensity(e.target.value as typeof density)}>
          <option value="auto">auto (over {DENSITY_AUTO_N.toLocaleString('en-US')})</option>
          <option value="on">on</option>
          <option value="off">off</option>
        </select>
      </label>
      {density !== 'off' && (density === 'on' || n > DENSITY_AUTO_N) ? (
        <p className="control-note" data-testid="density-note">
          Points drawn translucent so crowded regions read darker; in 2D, density contours under them.
        </p>
      ) : null}
      {hasImages ? (
        <label className="check">
          <input type="checkbox" checked={sprites} onChange={(e) => setSprites(e.target.checked)} data-testid="show-sprites" />
          images in place of points (up to {SPRITE_MAX_VISIBLE.toLocaleString('en-US')} on screen: zoom in)
        </label>
      ) : null}
    </fieldset>
  );
}
