/** Golden SVG of the alignment-vs-k chart (same normalisation and folder as charts.golden.test.ts), and that it plots the curve's values. */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { normaliseSvg } from '../../../tests/svgGolden';
import type { AlignmentCurve } from '../../compare';
import { AlignmentChart } from './AlignmentChart';

const curve: AlignmentCurve = {
  rows: { size: 2000, of: 5000, seed: 1 },
  knnK: 10,
  k: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 15, 22, 32],
  mutualKnn: [0.02, 0.05, 0.11, 0.25, 0.29, 0.35, 0.39, 0.43, 0.45, 0.46, 0.53, 0.58, 0.61],
  top1: [0, 0.01, 0.01, 0.04, 0.03, 0.07, 0.1, 0.14, 0.15, 0.19, 0.41, 0.63, 0.75],
  top5: [0.01, 0.01, 0.02, 0.15, 0.12, 0.24, 0.3, 0.4, 0.45, 0.48, 0.76, 0.92, 0.96],
  disparity: [],
};
const render = (c: AlignmentCurve, width = 620) => renderToStaticMarkup(createElement(AlignmentChart, { curve: c, width, height: 280 }));

describe('AlignmentChart', () => {
  it('matches its golden', async () => {
    await expect(normaliseSvg(render(curve))).toMatchFileSnapshot('../../../tests/goldens/charts/compare-alignment-curve.svg');
  });

  it('plots every k of every series at its value, with axes titled and a legend naming the kNN k', () => {
    const html = render(curve);
    for (const key of ['mutualKnn', 'top1', 'top5'] as const) {
      const series = new RegExp(`data-testid="compare-curve-${key}"[^]*?</g>`).exec(html)?.[0] ?? '';
      const values = [...series.matchAll(/data-value="([^"]+)"/g)].map((m) => Number(m[1]));
      expect(values).toEqual(curve[key]);
    }
    expect(html).toContain('subspace dimension k');
    expect(html).toContain('share of items (0-1)');
    expect(html).toContain('mutual kNN (k = 10)');
    expect(render({ ...curve, top1: curve.top1.map((v, i) => (i === 5 ? v + 0.05 : v)) })).not.toBe(html);
  });
});
