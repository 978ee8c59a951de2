/** The left panel: dataset, colouring, point size and 2D/3D. */
import { useAnalysisStore, analyzeDemo } from '../state/appStore';
import { DEMO_DATASETS } from '../state/datasets';
import { POINT_SIZE_RANGE, useViewStore } from '../state/viewStore';

export function ControlPanel() {
  const dataset = useAnalysisStore((s) => s.source?.name ?? DEMO_DATASETS[0].id);
  const { colorMode, pointSize, dims, setColorMode, setPointSize, setDims } = useViewStore();
  const current = DEMO_DATASETS.find((d) => d.id === dataset) ?? DEMO_DATASETS[0];
  return (
    <aside className="panel controls" aria-label="Controls">
      <h2 className="panel-title">Explore</h2>
      <div className="control">
        <label htmlFor="dataset-select">Dataset</label>
        <select id="dataset-select" value={current.id} onChange={(e) => analyzeDemo(e.target.value)} data-testid="dataset-select">
          {DEMO_DATASETS.map((d) => (
            <option key={d.id} value={d.id}>
              {d.label}
            </option>
          ))}
        </select>
        <p className="control-note">{current.description}</p>
        <p className="control-credit">{current.credit}</p>
      </div>
      <fieldset className="control">
        <legend>Colour</legend>
        <div className="segmented">
          <button type="button" aria-pressed={colorMode === 'class'} onClick={() => setColorMode('class')}>
            by class
          </button>
          <button type="button" aria-pressed={colorMode === 'uniform'} onClick={() => setColorMode('uniform')}>
            single colour
          </button>
        </div>
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
      <fieldset className="control">
        <legend>View</legend>
        <div className="segmented">
          <button type="button" aria-pressed={dims === 3} onClick={() => setDims(3)} data-testid="dims-3">
            3D
          </button>
          <button type="button" aria-pressed={dims === 2} onClick={() => setDims(2)} data-testid="dims-2" title="The PC1–PC2 plane seen from above">
            2D
          </button>
        </div>
      </fieldset>
      <div className="control control-explain">
        <h3>What you see</h3>
        <p>
          Each point is one example, placed by its first three principal components (PC1–PC3) of the centred data. Colours are
          classes. Hover a point for its class and row; hover a metric for its formula.
        </p>
      </div>
    </aside>
  );
}
