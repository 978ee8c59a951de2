/**
 * Golden SVGs of every d3 chart: each renders fixed data with renderToStaticMarkup, normalised
 * (tests/svgGolden.ts), and must equal its file under tests/goldens/charts/. A missing golden is
 * written by the first run and committed; `npx vitest run -u` rewrites them after an intended
 * change. VarianceBars draws its two axes with d3-axis in an effect, which static markup does
 * not run: its golden holds the grid, bars, labels and titles.
 */
import { createElement, type FunctionComponent } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { normaliseSvg } from '../../../tests/svgGolden';
import type { LayerId, SnapshotMetrics } from '../../training/types';
import { AnglesChart } from './AnglesChart';
import { BarChart } from './BarChart';
import { Heatmap } from './Heatmap';
import { LayerProfileChart } from './LayerProfileChart';
import { SpectrumChart } from './SpectrumChart';
import { SweepChart, type SweepSeries } from './SweepChart';
import { TimelineChart } from './TimelineChart';
import { terminalSpans } from '../../state/terminalSpans';
import { VarianceBars } from './VarianceBars';

const GOLDENS = '../../../tests/goldens/charts';

function svg<P extends object>(chart: FunctionComponent<P>, props: P): string {
  return normaliseSvg(renderToStaticMarkup(createElement(chart, props)));
}

/** A SnapshotMetrics row at `step` with every metric set from `v` (the timeline reads only the keys it is given). */
function row(step: number, v: Partial<SnapshotMetrics>): SnapshotMetrics {
  const zero = { trainLoss: 0, trainAccuracy: 0, testLoss: null, testAccuracy: null, nc1: 0, nc1Quotient: 0, cdnv: 0, equinorm: 0, equinormClassifier: null, equiangularity: 0, etfDistance: 0, nc3: null, nc4: null, twoNN: null, mle: null, effectiveRank: 0, codingRateR: 0, codingRateRc: 0, codingRateDeltaR: 0, codingRateEps2: 0.5 };
  return { step, epoch: step / 10, ...zero, ...v };
}

const run = [0, 50, 100, 150, 200].map((s, i) => row(s, { trainLoss: 2.3 * 0.1 ** i, testLoss: 2.3 * 0.3 ** i, trainAccuracy: Math.min(1, 0.25 + 0.25 * i), testAccuracy: 0.25 + 0.2 * i }));
/** Reaches train accuracy 1, drops below it, returns: two shaded spans. */
const dropped = [0, 50, 100, 150, 200, 250].map((s, i) => row(s, { trainAccuracy: [0.5, 1, 1, 0.9, 1, 1][i] }));
const kept = [0, 100, 250].map((s, i) => row(s, { trainLoss: 2 * 0.2 ** i, testLoss: 2.1 * 0.4 ** i, trainAccuracy: 0.3 + 0.3 * i, testAccuracy: 0.3 + 0.2 * i }));
const layers = (ids: (number | null)[]): LayerId[] => ['input', 'hidden 1', 'features'].map((name, i) => ({ name, dim: [16, 64, 8][i], twoNN: ids[i] }));
const sweeps: SweepSeries[] = [
  { key: 1, label: 'a', color: '#0072B2', points: [{ d: 1000, value: 0.8 }, { d: 10, value: 0.2 }, { d: 100, value: 0.6 }], baseline: 0.85, dInt90: 316 },
  { key: 2, label: 'b', color: '#E69F00', points: [{ d: 10, value: 0.3 }], baseline: null, dInt90: null },
];
const names = ['airplane', 'automobile with a long name', 'bird'];
/** 37 classes (as Adiac), a third of them with long names sharing their first letters. */
const many = Array.from({ length: 37 }, (_, k) => (k % 3 === 0 ? `Quercus_species_${k}_leaf` : `class-${k}`));
const cosines = (K: number) => Array.from({ length: K * K }, (_, t) => (t % (K + 1) === 0 ? 1 : Math.cos(t * 0.7) * 0.4));

const cases: [string, () => string][] = [
  ['bar-one-series-marker', () => svg(BarChart, { items: names, series: [{ name: 'TwoNN', color: '#0072B2', values: [3.2, 5.75, 1.5] }], axis: 'TwoNN ID', marker: { value: 4.1, label: 'all classes 4.1' }, testId: 'bars' })],
  ['bar-two-series-missing', () => svg(BarChart, { items: names, series: [{ name: 'TwoNN', color: '#0072B2', values: [3.2, null, 1.5] }, { name: 'MLE', color: '#E69F00', values: [2.9, 6.1, Number.NaN] }], axis: 'ID', width: 300, testId: 'bars2' })],
  ['heatmap-diverging', () => svg(Heatmap, { labels: ['a', 'b', 'c'], values: [1, -0.5, 0.2, -0.5, 1, Number.NaN, 0.2, Number.NaN, 1], domain: [-1, 1], scheme: 'diverging', legend: 'cosine', describe: (i, j, v) => `${i},${j}: ${v}`, testId: 'heat' })],
  ['heatmap-sequential-bare', () => svg(Heatmap, { labels: ['a', 'b'], values: [0, 30, 30, 0], domain: [0, 90], scheme: 'sequential', legend: 'degrees', describe: (i, j) => `${i}-${j}`, size: 108, showLegend: false, showRowLabels: false, testId: 'angles' })],
  ['heatmap-37-classes', () => svg(Heatmap, { labels: many, values: cosines(37), domain: [-1, 1], scheme: 'diverging', legend: 'cosine', describe: (i, j) => `${many[i]} vs ${many[j]}`, size: 108, testId: 'heat37' })],
  ['heatmap-10-digits', () => svg(Heatmap, { labels: Array.from({ length: 10 }, (_, k) => String(k)), values: cosines(10), domain: [-1, 1], scheme: 'diverging', legend: 'cosine', describe: (i, j) => `${i}-${j}`, size: 108, testId: 'heat10' })],
  ['bar-marker-clear-of-labels', () => svg(BarChart, { items: ['a', 'b', 'c'], series: [{ name: 'TwoNN', color: '#0072B2', values: [6.62, 3.1, 8.2] }, { name: 'MLE', color: '#E69F00', values: [6.5, 17.5, 2] }], axis: 'ID', marker: { value: 6.9, label: 'global MLE 6.90' }, testId: 'bars3' })],
  ['spectrum', () => svg(SpectrumChart, { eigenvalues: [25, 9, 1, 0.25, 0.01, 1e-4, 0], pcId90: 2, testId: 'spectrum' })],
  ['spectrum-marker-at-the-end', () => svg(SpectrumChart, { eigenvalues: Array.from({ length: 32 }, (_, i) => 50 * 0.9 ** i), pcId90: 30, testId: 'spectrum-end' })],
  ['angles', () => svg(AnglesChart, { pairs: [0, 1, 2].map((p) => ({ a: p === 2 ? 1 : 0, b: p === 0 ? 1 : 2, angles: Float64Array.from([0.2 + 0.3 * p, 0.6 + 0.2 * p, 1.1, 1.5]), geodesic: 1, chordal: 1 })), classNames: ['x', 'y', 'z'], testId: 'angles' })],
  ['layer-profile', () => svg(LayerProfileChart, { profiles: [{ step: 0, layers: layers([9.5, 12, 6]) }, { step: 100, layers: layers([9.5, 10, null]) }, { step: 200, layers: layers([9.5, 8.25, 3.1]) }], testId: 'profile' })],
  ['timeline-log-terminal-kept', () => svg(TimelineChart, { series: [{ key: 'trainLoss', color: '#0072B2' }, { key: 'testLoss', color: '#E69F00' }], rows: run, kept, spans: terminalSpans(run), keptTerminalStep: 250, scale: 'auto', yLabel: 'loss', testId: 'loss' })],
  ['timeline-terminal-drop', () => svg(TimelineChart, { series: [{ key: 'trainAccuracy', color: '#0072B2' }], rows: dropped, kept: null, spans: terminalSpans(dropped), keptTerminalStep: null, scale: 'linear', domain: [0, 1], yLabel: 'fraction', testId: 'acc' })],
  ['timeline-linear-fixed', () => svg(TimelineChart, { series: [{ key: 'trainAccuracy', color: '#0072B2' }, { key: 'testAccuracy', color: '#E69F00' }], rows: run, kept: null, spans: [], keptTerminalStep: null, scale: 'linear', domain: [0, 1], yLabel: 'fraction', testId: 'acc' })],
  ['variance-bars', () => svg(VarianceBars, { ratios: [0.42, 0.21, 0.12, 0.08, 0.05, 0.04, 0.03, 0.02, 0.015, 0.01, 0.005], height: 150 })],
  ['sweep-accuracy', () => svg(SweepChart, { series: sweeps, metric: 'accuracy', dims: [10, 100, 1000], width: 474, height: 254, testId: 'acc' })],
  ['sweep-loss', () => svg(SweepChart, { series: [{ ...sweeps[0], points: [{ d: 10, value: 2.3 }, { d: 100, value: 0.9 }], baseline: 0.4 }], metric: 'loss', dims: [10, 100, 1000], width: 474, height: 180, testId: 'loss', lossName: 'MSE' })],
];

describe('chart goldens', () => {
  it.each(cases)('%s', async (name, render) => {
    await expect(render()).toMatchFileSnapshot(`${GOLDENS}/${name}.svg`);
  });

  it('a golden sees a one-pixel change of the data and a change in a printed value', () => {
    const bars = (v: number, width = 324) => svg(BarChart, { items: ['a', 'b'], series: [{ name: 's', color: '#0072B2', values: [1, v] }], axis: 'x', width, testId: 't' });
    expect(bars(1.37)).not.toBe(bars(1.37 + 1 / 170));
    expect(bars(1.37, 325)).not.toBe(bars(1.37));
    expect(bars(1.37)).toBe(bars(1.37 + 1e-9));
    const spectrum = (pc: number) => svg(SpectrumChart, { eigenvalues: [25, 9, 1, 0.25], pcId90: pc, testId: 's' });
    expect(spectrum(2)).not.toBe(spectrum(3));
  });
});
