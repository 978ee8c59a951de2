/**
 * Checkpoints on a Landscape sweep (lesson 7, Li et al. 2018), evaluated on the sweep's rows as the
 * store holds them: the baseline (ordinary training of all D parameters), each subspace run's test
 * accuracy against 90% of the baseline's, d_int90, D / d_int90, and those against an earlier sweep's. Pure.
 */
import type { RunRow } from '../state/landscapeStore';
import type { AnyCheckpoint, CheckResult, SweepCheckpoint, SweepMetric, SweepRecording } from './types';
import { formatPercent } from '../format';

/** What the checkpoints read of a sweep (a SweepRecord has all of it). */
export interface SweepView {
  numParams: number;
  rows: readonly Pick<RunRow, 'd' | 'result'>[];
  dInt90: number | null;
  compression: number | null;
}

/** The fraction of the baseline's accuracy d_int90 is defined by (the store's and SummaryCard's). */
export const DINT_FRACTION = 0.9;

const SWEEP_KINDS: ReadonlySet<string> = new Set(['baseline', 'run', 'dInt90', 'compression', 'sweepCompare']);

export function isSweepCheckpoint(c: AnyCheckpoint): c is SweepCheckpoint {
  return SWEEP_KINDS.has(c.kind);
}

const NAMES: Record<SweepMetric, string> = { numParams: 'D', dInt90: 'd_int90', compression: 'D / d_int90' };
const show = (m: SweepMetric, v: number) => (m === 'compression' ? `${v.toFixed(1)}x` : Math.round(v).toLocaleString('en'));

function metricOf(sweep: SweepView, m: SweepMetric): number | null {
  return m === 'numParams' ? sweep.numParams : sweep[m];
}

/** The numbers a step records of its sweep (those not yet known are left out). */
export function sweepRecordings(list: readonly SweepRecording[] | undefined, sweep: SweepView | null): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of list ?? []) {
    const v = sweep ? metricOf(sweep, r.metric) : null;
    if (v !== null && Number.isFinite(v)) out[r.name] = v;
  }
  return out;
}

/** Evaluates one checkpoint on the sweep on screen (null: none ran) and the values earlier steps recorded. */
export function evaluateSweep(c: SweepCheckpoint, sweep: SweepView | null, recorded: Readonly<Record<string, number>> = {}): CheckResult {
  const verdict = (pass: boolean, detail: string) => ({ pass, text: `${c.claim}: ${pass ? 'yes' : 'no'} (${detail})` });
  if (!sweep) return verdict(false, 'no sweep has run yet');
  const base = sweep.rows.find((r) => r.d === null)?.result?.evaluation.accuracy ?? null;
  if (c.kind === 'baseline') return base === null ? verdict(false, 'the baseline has not finished') : verdict(base >= c.atLeast, `${formatPercent(base)} on the test rows`);
  if (c.kind === 'run') {
    if (base === null) return verdict(false, 'the baseline has not finished');
    const acc = sweep.rows.find((r) => r.d === c.d)?.result?.evaluation.accuracy ?? null;
    if (acc === null) return verdict(false, `the run at d = ${c.d} has not finished`);
    const target = DINT_FRACTION * base;
    const reaches = acc >= target;
    return verdict(c.relation === 'reaches' ? reaches : !reaches, `${formatPercent(acc)} against 90% of ${formatPercent(base)} = ${formatPercent(target)}`);
  }
  if (c.kind === 'dInt90') {
    const d = sweep.dInt90;
    if (d === null) return verdict(false, 'no d on the grid reached 90% of the baseline');
    return verdict(d >= c.atLeast && d <= c.atMost, `d_int90 ≈ ${Math.round(d)} of D = ${sweep.numParams.toLocaleString('en')}`);
  }
  if (c.kind === 'compression') {
    const r = sweep.compression;
    return r === null ? verdict(false, 'no d_int90 yet') : verdict(r >= c.atLeast, `D / d_int90 = ${r.toFixed(1)}x`);
  }
  const v = metricOf(sweep, c.metric);
  const other = recorded[c.than];
  if (other === undefined) return verdict(false, `the step that measures ${c.than} has not been run yet`);
  if (v === null) return verdict(false, `no ${NAMES[c.metric]} yet`);
  const ratio = v / other;
  const pass = ratio >= (c.ratio.atLeast ?? -Infinity) && ratio <= (c.ratio.atMost ?? Infinity);
  return verdict(pass, `${NAMES[c.metric]} ${show(c.metric, v)} against ${show(c.metric, other)}, ${ratio.toFixed(2)}x`);
}
