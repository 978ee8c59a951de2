import { describe, expect, it } from 'vitest';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { SweepChart, type SweepSeries } from './SweepChart';

const series: SweepSeries[] = [
  { key: 1, label: 'a', color: '#0072B2', points: [{ d: 1000, value: 0.8 }, { d: 10, value: 0.2 }, { d: 100, value: 0.6 }], baseline: 0.85, dInt90: 316 },
  { key: 2, label: 'b', color: '#E69F00', points: [{ d: 10, value: 0.3 }], baseline: null, dInt90: null },
];
const HEIGHT = 254;
const INNER_H = HEIGHT - 14 - 40;

function render(metric: 'accuracy' | 'loss', s = series): string {
  return renderToStaticMarkup(createElement(SweepChart, { series: s, metric, dims: [10, 100, 1000], width: 474, height: HEIGHT, testId: 'c' }));
}

/** The opening tags in `html` whose attributes include `attr` (e.g. 'data-testid="c-baseline"'), as attribute maps. */
function tags(html: string, attr: string): Record<string, string>[] {
  const out: Record<string, string>[] = [];
  for (const m of html.matchAll(/<([a-z]+)\s([^>]*)>/g)) {
    if (!m[2].includes(attr)) continue;
    out.push(Object.fromEntries([...m[2].matchAll(/([\w-]+)="([^"]*)"/g)].map((a) => [a[1], a[2]])));
  }
  return out;
}

describe('SweepChart', () => {
  it('places points on a log d axis and accuracy on [0, 1]', () => {
    const html = render('accuracy');
    const pts = tags(html, 'class="sweep-point"').map((c) => ({ d: Number(c['data-d']), x: Number(c.cx), y: Number(c.cy), v: Number(c['data-value']) }));
    const a = pts.slice(0, 3).sort((p, q) => p.d - q.d);
    expect(a.map((p) => p.d)).toEqual([10, 100, 1000]);
    expect(a[1].x - a[0].x).toBeCloseTo(a[2].x - a[1].x, 9);
    for (const p of a) expect(p.y).toBeCloseTo(INNER_H * (1 - p.v), 9);
    expect(pts[3]).toMatchObject({ d: 10, x: a[0].x });
    expect(tags(html, 'class="sweep-line"')[0].d).toMatch(/^M[\d.]+,[\d.]+L[\d.]+,[\d.]+L[\d.]+,[\d.]+$/);
  });

  it('draws the baseline, its 90% line and d_int90 only for series that have them', () => {
    const html = render('accuracy');
    expect(tags(html, 'data-testid="c-series"')).toHaveLength(2);
    expect(tags(html, 'data-testid="c-baseline"').map((t) => t['data-value'])).toEqual(['0.85']);
    expect(Number(tags(html, 'data-testid="c-threshold"')[0]['data-value'])).toBeCloseTo(0.765, 12);
    const line = html.match(/c-threshold[^>]*><line x1="0" x2="[\d.]+" y1="([\d.]+)"/);
    expect(Number(line?.[1])).toBeCloseTo(INNER_H * (1 - 0.765), 9);
    const dint = tags(html, 'data-testid="c-dint90"');
    expect(dint).toHaveLength(1);
    expect(dint[0]['data-value']).toBe('316');
    const xs = Object.fromEntries(tags(html, 'class="sweep-point"').slice(0, 3).map((c) => [c['data-d'], Number(c.cx)]));
    const tx = Number(/translate\(([\d.]+),/.exec(dint[0].transform)?.[1]);
    expect((tx - xs['100']) / (xs['1000'] - xs['100'])).toBeCloseTo(Math.log10(3.16), 9);
    expect(html).toContain('d_int90 ≈ 316');
    expect(html).toContain('90% of baseline = 0.765');
  });

  it('the loss chart has no 90% line and a y axis from 0 over the largest value', () => {
    const html = render('loss', [{ ...series[0], points: [{ d: 10, value: 2.3 }, { d: 100, value: 0.9 }], baseline: 0.4 }]);
    expect(tags(html, 'data-testid="c-threshold"')).toEqual([]);
    expect(tags(html, 'data-testid="c-baseline"')[0]['data-value']).toBe('0.4');
    expect(html).toContain('>2.5</text>');
    expect(html).toContain('aria-label="test loss (cross-entropy) against subspace dimension d"');
  });
});
