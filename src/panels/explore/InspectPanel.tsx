/**
 * The clicked point: its row, class and every metadata value (as text), and its 20 nearest
 * neighbours in the original space (Euclidean or cosine, exact, computed in the worker), which are
 * also ringed in the view; their images when the data carries them. A click on a neighbour inspects it.
 */
import { useAnalysisStore, useInspectStore } from '../../state/appStore';
import { NEIGHBOUR_COUNT, type Metric } from '../../state/inspectStore';
import { getPointBuffers } from '../../state/pointBuffers';
import { classColor } from '../../views/palette';
import { formatSig } from '../../format';
import { Segmented, type SegmentOption } from '../fields/Segmented';
import { NeighbourImages, PointImage } from './PointImages';

const DISTANCES: readonly SegmentOption<Metric>[] = [
  { value: 'euclidean', label: 'Euclidean', testId: 'metric-euclidean-button' },
  { value: 'cosine', label: 'cosine', testId: 'metric-cosine-button' },
];

export function InspectPanel() {
  const classNames = useAnalysisStore((s) => s.classNames);
  const dataVersion = useAnalysisStore((s) => s.dataVersion);
  const { selectedPoint, metric, neighbours, neighboursStatus, neighboursError, setMetric, selectPoint } = useInspectStore();
  const b = dataVersion > 0 ? getPointBuffers() : null;
  if (!b || selectedPoint === null) {
    return <p className="tab-empty">Click a point in the view to see its metadata and its {NEIGHBOUR_COUNT} nearest neighbours in the original space.</p>;
  }
  const label = (i: number) => (b.labels && classNames ? classNames[b.labels[i]] : null);
  const k = b.labels ? b.labels[selectedPoint] : -1;
  const list = neighbours && neighbours.point === selectedPoint ? neighbours : null;
  return (
    <div className="inspect" data-testid="inspect">
      <section className="inspect-point">
        <h3>
          {k >= 0 ? <span className="legend-swatch" style={{ background: classColor(k) }} /> : null}
          Point {selectedPoint} <span className="panel-sub">row {b.rowIndex[selectedPoint]} of the file</span>
        </h3>
        <PointImage row={b.rowIndex[selectedPoint]} size={96} />
        <dl className="meta-list" data-testid="inspect-meta">
          {label(selectedPoint) !== null ? (
            <div className="meta-pair">
              <dt>class</dt>
              <dd>{label(selectedPoint)}</dd>
            </div>
          ) : null}
          {b.meta?.columns.map((c, j) => (
            <div key={j} className="meta-pair">
              <dt>{c}</dt>
              <dd>{b.meta!.values[j][selectedPoint]}</dd>
            </div>
          ))}
        </dl>
      </section>
      <section className="inspect-neighbours">
        <div className="inspect-head">
          <h3>{NEIGHBOUR_COUNT} nearest neighbours</h3>
          <Segmented value={metric} options={DISTANCES} onChange={setMetric} className="segmented-small" ariaLabel="Distance" />
        </div>
        <p className="control-note">
          In the original {metric === 'cosine' ? 'space, distance 1 − cos' : 'space, Euclidean distance'}; exact, over all points. Ringed in the view.
        </p>
        {neighboursStatus === 'running' ? <p className="control-note">Searching…</p> : null}
        {neighboursError ? <p className="control-error">{neighboursError}</p> : null}
        {list ? <NeighbourImages points={list.indices} rowOf={(p) => b.rowIndex[p]} onPick={selectPoint} /> : null}
        {list ? (
          <table className="neighbour-table" data-testid="neighbours" data-metric={list.metric}>
            <thead>
              <tr>
                <th>#</th>
                <th>row</th>
                {b.labels ? <th>class</th> : null}
                <th>{list.metric === 'cosine' ? '1 − cos' : 'distance'}</th>
              </tr>
            </thead>
            <tbody>
              {Array.from(list.indices).map((p, r) => (
                <tr key={p} data-point={p} data-row={b.rowIndex[p]} data-distance={String(list.distances[r])} onClick={() => selectPoint(p)} title="Inspect this point">
                  <td>{r + 1}</td>
                  <td>{b.rowIndex[p]}</td>
                  {b.labels ? (
                    <td title={label(p) ?? undefined}>
                      <span className="legend-swatch" style={{ background: classColor(b.labels[p]) }} /> {label(p)}
                    </td>
                  ) : null}
                  <td className="num">{formatSig(list.distances[r], 4)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </section>
    </div>
  );
}
