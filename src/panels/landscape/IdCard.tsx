/** The two notions of intrinsic dimension side by side: TwoNN of the data and of the trained features, against d_int90 of the objective. */
import type { SweepRecord } from '../../state/landscapeStore';
import { METRIC_DOCS } from '../explore/metricDocs';
import { StatRow } from './StatRow';

const TWO_NN_DOC = METRIC_DOCS.find((m) => m.id === 'twoNN')?.doc ?? '';

export function IdCard({ sweep }: { sweep: SweepRecord }) {
  const baseline = sweep.rows.find((r) => r.d === null);
  const sample = sweep.idSampleRows !== null ? `${sweep.idSampleRows.toLocaleString('en')} training rows` : 'a fixed sample of training rows';
  const features = sweep.plan.widths.at(-2) ?? 0;
  return (
    <section className="metric-section" data-testid="ls-id-card">
      <h3>Two intrinsic dimensions</h3>
      <div className="metric-grid">
        <StatRow id="input-twonn" label={`TwoNN of the inputs (${sweep.plan.widths[0]}-d)`} value={sweep.inputTwoNN} doc={`On ${sample}. ${TWO_NN_DOC}`} missing="computed once the data are loaded" />
        <StatRow
          id="feature-twonn"
          label={`TwoNN of trained features (${features}-d)`}
          value={baseline?.featureTwoNN ?? null}
          doc={`Penultimate-layer features of the baseline network (ordinary training), on the same ${sample}. Each subspace run's value is in the runs table. ${TWO_NN_DOC}`}
          missing="computed when the baseline finishes"
        />
      </div>
      <p className="ls-explain" data-testid="ls-id-explain">
        These measure different things. TwoNN counts the dimensions of a <em>point cloud</em>: how many directions the data (or the network's features) vary along
        locally, from the ratio of each point's two nearest-neighbour distances. d_int90 counts dimensions of <em>parameter space</em>: how many random directions of the
        D weights a training run needs to reach 90% of ordinary training. The first is a property of the data's geometry; the second of the task and model together,
        its objective landscape: it says how many parameters the problem really needs, however the data are embedded, and barely moves when the network is widened.
      </p>
    </section>
  );
}
