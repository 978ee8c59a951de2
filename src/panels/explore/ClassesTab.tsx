/**
 * Class geometry charts: the cosines between centred class means beside the simplex ETF's target,
 * per-class counts and spreads, and principal angles between class subspaces for a chosen k.
 */
import { useEffect, useState } from 'react';
import { useAnalysisStore, useJobsStore } from '../../state/appStore';
import { BarChart } from '../../views/charts/BarChart';
import { ChartFrame } from '../../views/charts/ChartFrame';
import { Heatmap, MIN_CELL } from '../../views/charts/Heatmap';
import { formatSig } from '../../format';
import { OptionList } from '../fields/OptionList';

type AngleStat = 'mean' | 'smallest' | 'largest';
const DEG = 180 / Math.PI;

function Angles({ names, file, omitted }: { names: string[]; file: string; omitted: string | null }) {
  const base = useAnalysisStore((s) => s.charts?.classes?.angles ?? null);
  const job = useJobsStore((s) => s.angles);
  const requestAngles = useJobsStore((s) => s.requestAngles);
  const [stat, setStat] = useState<AngleStat>('mean');
  const data = job.data ?? base;
  const k = data?.k ?? 3;
  // Large data: the first view leaves the angles out (src/explore/charts.ts); compute them once the tab is open.
  const missing = base === null && job.status === 'idle' && omitted === null;
  useEffect(() => {
    if (missing) requestAngles(3);
  }, [missing, requestAngles]);
  if (omitted)
    return (
      <ChartFrame title="Principal angles between class subspaces" file={file} testId="chart-angles">
        <p className="tab-empty">{omitted}</p>
      </ChartFrame>
    );
  return (
    <ChartFrame
      title="Principal angles between class subspaces"
      file={file}
      testId="chart-angles"
      note={
        <>
          Each class's top-k principal directions (k ={' '}
          <select value={k} aria-label="subspace dimension k" data-testid="angles-k" onChange={(e) => requestAngles(Number(e.target.value))}>
            <OptionList items={[1, 2, 3, 4, 5, 8, 10, 16]} value={(v) => v} />
          </select>
          ); cell = the{' '}
          <select value={stat} aria-label="angle statistic" onChange={(e) => setStat(e.target.value as AngleStat)}>
            <option value="mean">mean</option>
            <option value="smallest">smallest</option>
            <option value="largest">largest</option>
          </select>{' '}
          principal angle, in degrees (0° = shared direction, 90° = orthogonal).{' '}
          {job.status === 'running' ? <span data-testid="angles-computing">Computing the class subspaces…</span> : ''}
          {job.status === 'error' ? <span className="view-error-text" role="alert">{job.error}</span> : ''}
        </>
      }
    >
      {data ? (
        <Heatmap
          labels={names}
          values={data[stat].map((r) => r * DEG)}
          domain={[0, 90]}
          scheme="sequential"
          legend="angle (degrees)"
          describe={(i, j, v) => (i === j ? `${names[i]}: subspace of dimension ${data.ranks[i]}` : `${names[i]} vs ${names[j]}: ${stat} angle ${formatSig(v, 3)}°`)}
          testId="heatmap-angles"
        />
      ) : null}
    </ChartFrame>
  );
}

export function ClassesTab() {
  const c = useAnalysisStore((s) => s.charts?.classes ?? null);
  const file = useAnalysisStore((s) => s.dataset) ?? 'data';
  if (!c) return <p className="tab-empty">These charts need class labels: load the vectors with a labels or metadata file.</p>;
  const K = c.names.length;
  // Past this many classes the two matrices no longer fit side by side at the smallest cell size.
  const stacked = K * MIN_CELL > 108;
  const cosDescribe = (i: number, j: number, v: number) => `cos(μ${c.names[i]} − μG, μ${c.names[j]} − μG) = ${formatSig(v, 3)}`;
  return (
    <div className="chart-stack">
      {c.cosines && c.etfCosines ? (
        <ChartFrame
          title="Class-mean cosines vs the simplex ETF"
          file={file}
          testId="chart-cosines"
          note={`${stacked ? 'Top' : 'Left'}: cos between centred class means. ${stacked ? 'Below' : 'Right'}: the ETF target, 1 on the diagonal and −1/(K−1) = ${formatSig(-1 / (K - 1), 3)} elsewhere.${c.etfResidual !== null ? ` Aligned ETF residual ‖E − Mc‖/‖Mc‖ = ${formatSig(c.etfResidual, 3)}.` : ''}`}
        >
          <div className={stacked ? 'heatmap-pair heatmap-stacked' : 'heatmap-pair'}>
            <Heatmap labels={c.names} values={c.cosines} domain={[-1, 1]} scheme="diverging" legend="cosine" describe={cosDescribe} size={108} showLegend={false} testId="heatmap-cosines" />
            <Heatmap
              labels={c.names}
              values={c.etfCosines}
              domain={[-1, 1]}
              scheme="diverging"
              legend="ETF target cosine"
              describe={(i, j, v) => `ETF target (${c.names[i]}, ${c.names[j]}) = ${formatSig(v, 3)}`}
              size={108}
              showRowLabels={stacked}
              testId="heatmap-etf"
            />
          </div>
        </ChartFrame>
      ) : (
        <ChartFrame title="Class-mean cosines vs the simplex ETF" file={file} testId="chart-cosines">
          <p className="tab-empty" data-testid="matrices-omitted">
            {c.matricesOmitted}
          </p>
        </ChartFrame>
      )}
      <ChartFrame title="Points per class" file={file} testId="chart-counts" note="n_k, rows of each class (finite rows only).">
        <BarChart items={c.names} series={[{ name: 'count', color: '#0072B2', values: c.counts }]} axis="points" testId="bars-counts" />
      </ChartFrame>
      <ChartFrame title="Within-class spread" file={file} testId="chart-variance" note="V_k = mean squared distance of class k's points to its mean (squared data units).">
        <BarChart items={c.names} series={[{ name: 'V_k', color: '#009E73', values: c.variance }]} axis="V_k (squared units)" testId="bars-variance" />
      </ChartFrame>
      <Angles names={c.names} file={file} omitted={c.matricesOmitted} />
    </div>
  );
}
