import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { AnalysisReport } from '../../geometry/types';
import { TRAIN_METRIC_DOCS } from '../train/trainMetricDocs';
import { METRIC_DOCS } from './metricDocs';
import { METRIC_MEANINGS } from './metricMeanings';
import { MetricRow } from './MetricRow';
import { Nc1DominatedWarning } from './Nc1DominatedWarning';

const filled = (m: { reference: string; high: string; low: string; caveats: string }) =>
  [m.reference, m.high, m.low, m.caveats].every((t) => t.trim().length > 10);

describe('metric meanings', () => {
  it('every Explore metric outside the data counts has a reference, a high and a low reading, and caveats', () => {
    const measured = METRIC_DOCS.filter((d) => d.section !== 'data');
    expect(measured.length).toBeGreaterThan(10);
    for (const d of measured) {
      const m = METRIC_MEANINGS[d.id];
      expect(m, d.id).toBeDefined();
      expect(filled(m), d.id).toBe(true);
    }
  });

  it('NC1-NC4 cite Papyan et al. 2020; every Train metric has a meaning', () => {
    for (const id of ['nc1', 'equinorm', 'equiangularity', 'etfDistance', 'nc3', 'nc4']) expect(METRIC_MEANINGS[id].reference).toMatch(/Papyan.*2020/);
    for (const [k, d] of Object.entries(TRAIN_METRIC_DOCS)) expect(filled(d.meaning), k).toBe(true);
    expect(TRAIN_METRIC_DOCS.codingRateDeltaR.meaning.reference).toMatch(/Yu.*2020/);
  });

  it('the panels name NC2 as the papers do: equinorm, equiangularity, ETF distance', () => {
    const label = (id: string) => METRIC_DOCS.find((d) => d.id === id)?.label;
    expect(label('equinorm')).toMatch(/^NC2 equinorm/);
    expect(label('equiangularity')).toBe('NC2 equiangularity');
    expect(label('etfDistance')).toBe('NC2 ETF distance');
    expect(TRAIN_METRIC_DOCS.etfDistance.label).toBe('NC2 ETF distance');
  });

  it('a metric row shows its meaning in the tooltip', () => {
    const doc = METRIC_DOCS.find((d) => d.id === 'nc1')!;
    const report = { neuralCollapse: { nc1: 0.5 } } as unknown as AnalysisReport;
    const html = renderToStaticMarkup(createElement(MetricRow, { doc, report, placeholder: '—' }));
    expect(html).toContain('High:');
    expect(html).toContain('Low:');
    expect(html).toContain('Caveats:');
    expect(html).toMatch(/Reference:.*Papyan/);
  });
});

describe('NC1 warning row', () => {
  const nc = (dominated: boolean) =>
    ({ nc1: 398, conditioning: 1e-7, nc1Rank: 36, nc1SmallestShare: 0.8, nc1Dominated: dominated, notes: dominated ? ['NC1 is dominated by a direction of tiny between-class spread: …'] : [] }) as unknown as AnalysisReport['neuralCollapse'];

  it('shows the report\'s warning when nc1Dominated, nothing otherwise', () => {
    const on = renderToStaticMarkup(createElement(Nc1DominatedWarning, { nc: nc(true) }));
    expect(on).toContain('nc1-dominated-warning');
    expect(on).toContain('NC1 is dominated by a direction of tiny between-class spread');
    expect(renderToStaticMarkup(createElement(Nc1DominatedWarning, { nc: nc(false) }))).toBe('');
  });

  it('the conditioning row reads neuralCollapse.conditioning', () => {
    const doc = METRIC_DOCS.find((d) => d.id === 'conditioning')!;
    expect(doc.path).toBe('neuralCollapse.conditioning');
    const html = renderToStaticMarkup(createElement(MetricRow, { doc, report: { neuralCollapse: nc(true) } as unknown as AnalysisReport, placeholder: '—' }));
    expect(html).toContain('data-value="1e-7"');
  });
});
