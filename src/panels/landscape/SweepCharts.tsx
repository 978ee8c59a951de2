/** The centre of Landscape mode: accuracy and loss against d for the current and kept sweeps, then the per-run progress list. */
import { useLandscapeStore, type SweepRecord } from '../../state/landscapeStore';
import { ChartFrame } from '../../views/charts/ChartFrame';
import { SweepChart, type SweepSeries } from '../../views/charts/SweepChart';
import { RunList } from './RunList';
import { seriesColor } from './seriesColor';
import { useWidth } from './useWidth';
import { usePick } from '../../views/usePick';

function toSeries(s: SweepRecord, metric: 'accuracy' | 'loss'): SweepSeries {
  const value = (r: SweepRecord['rows'][number]) => (metric === 'accuracy' ? (r.result?.evaluation.accuracy ?? NaN) : (r.result?.evaluation.loss ?? NaN));
  const base = s.rows.find((r) => r.d === null && r.result);
  return {
    key: s.key,
    label: s.label,
    color: seriesColor(s.key),
    points: s.rows.filter((r) => r.d !== null && r.result).map((r) => ({ d: r.d as number, value: value(r) })),
    baseline: base ? value(base) : null,
    dInt90: s.dInt90,
  };
}

/** The y-axis name of a sweep's loss: 'cross-entropy' or 'MSE', with its label smoothing. */
function lossName(loss: 'ce' | 'mse', eps: number): string {
  return `${loss === 'ce' ? 'cross-entropy' : 'MSE'}${eps > 0 ? `, smoothing ${eps}` : ''}`;
}

export function SweepCharts() {
  const { current, kept, plan } = usePick(useLandscapeStore, 'current', 'kept', 'plan');
  const [ref, width] = useWidth<HTMLDivElement>();
  const sweeps = current ? [...kept, current] : kept;
  const dims = [...new Set([...sweeps.flatMap((s) => s.plan.dims), ...(sweeps.length === 0 && plan ? plan.dims : [])])];
  const file = current?.label ?? kept.at(-1)?.label ?? 'landscape';
  const w = Math.max(320, width);
  const form = useLandscapeStore((s) => s.form);
  const losses = new Set(sweeps.length > 0 ? sweeps.map((s) => lossName(s.setup.loss, s.setup.labelSmoothing)) : [lossName(form.loss, form.labelSmoothing)]);
  return (
    <main className="center ls-center" aria-label="Landscape results" ref={ref}>
      <div className="ls-center-inner">
        {sweeps.length > 1 ? (
          <ul className="ls-legend" data-testid="ls-legend">
            {sweeps.map((s) => (
              <li key={s.key}>
                <span className="ls-swatch" style={{ background: seriesColor(s.key) }} />
                {s.label}
                {s === current ? '' : ' (kept)'}
              </li>
            ))}
          </ul>
        ) : null}
        <ChartFrame title="Test accuracy against subspace dimension d" note="Each point trains only θ_d in θ = θ₀ + P θ_d (θ₀ frozen at initialisation, P a random D x d projection) for as many steps as the baseline." file={file} testId="ls-accuracy-chart">
          <SweepChart series={sweeps.map((s) => toSeries(s, 'accuracy'))} metric="accuracy" dims={dims} width={w - 24} height={290} testId="ls-acc" />
        </ChartFrame>
        {current ? <RunList sweep={current} /> : <p className="tab-empty ls-setup-hint">Choose a data set, a model and a grid of d, then run the sweep: the baseline first, then one subspace run per d.</p>}
        <ChartFrame title="Test loss against d" file={file} testId="ls-loss-chart">
          <SweepChart series={sweeps.map((s) => toSeries(s, 'loss'))} metric="loss" dims={dims} width={w - 24} height={180} testId="ls-loss" lossName={losses.size === 1 ? [...losses][0] : 'training objective'} />
        </ChartFrame>
      </div>
    </main>
  );
}
