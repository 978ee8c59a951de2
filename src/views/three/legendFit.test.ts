import { describe, expect, it } from 'vitest';
import { legendFit, MARGIN, MIN_ZOOM, NO_FIT } from './legendFit';

/** The box's px edges at a fit (the camera looking at the origin, zoom about the view's centre, then the shift). */
function drawn(lo: number[], hi: number[], unitPx: number, width: number, height: number, fit: { zoom: number; shift: number }) {
  const k = unitPx * fit.zoom;
  return { left: width / 2 + lo[0] * k - fit.shift, right: width / 2 + hi[0] * k - fit.shift, top: height / 2 - hi[1] * k, bottom: height / 2 - lo[1] * k };
}

describe('the 2D picture clear of the legend', () => {
  const legend = { left: 460, top: 12, right: 632, bottom: 260 };

  it('leaves a picture alone when no legend is shown or the box already clears it', () => {
    expect(legendFit([-1, -1], [1, 1], 200, 644, 620, null)).toEqual(NO_FIT);
    expect(legendFit([-1, -1], [1, 1], 80, 644, 620, legend)).toEqual(NO_FIT);
    // A flat cloud below the legend's bottom.
    expect(legendFit([-1.3, -1], [1.3, -0.3], 200, 644, 620, legend)).toEqual(NO_FIT);
  });

  it('shrinks and moves a square cloud so it ends left of the legend with room for its labels, centred there', () => {
    const [lo, hi, unitPx, w, h] = [[-1, -1], [1, 1], 200, 644, 620] as const;
    const fit = legendFit(lo, hi, unitPx, w, h, legend);
    expect(fit.zoom).toBeLessThan(1);
    expect(fit.zoom).toBeGreaterThanOrEqual(MIN_ZOOM);
    const box = drawn([...lo], [...hi], unitPx, w, h, fit);
    expect(box.right + MARGIN.right).toBeCloseTo(legend.left - 8, 6);
    expect(box.left - MARGIN.left).toBeCloseTo(0, 6);
  });

  it('only moves a cloud that fits beside the legend at full size', () => {
    const [lo, hi, unitPx, w, h] = [[-1, -1], [2, 1], 120, 900, 620] as const;
    const fit = legendFit(lo, hi, unitPx, w, h, { left: 690, top: 12, right: 888, bottom: 260 });
    expect(fit.zoom).toBe(1);
    expect(fit.shift).toBeGreaterThan(0);
    const box = drawn([...lo], [...hi], unitPx, w, h, fit);
    expect(box.right + MARGIN.right).toBeLessThanOrEqual(690 - 8 + 1e-9);
  });

  it('never shrinks the picture past MIN_ZOOM: too wide even then, it starts at the left margin', () => {
    const [lo, hi, unitPx, w, h] = [[-1, -1], [1, 1], 300, 700, 700] as const;
    const fit = legendFit(lo, hi, unitPx, w, h, { left: 300, top: 12, right: 690, bottom: 400 });
    expect(fit.zoom).toBe(MIN_ZOOM);
    expect(drawn([...lo], [...hi], unitPx, w, h, fit).left - MARGIN.left).toBeCloseTo(0, 6);
  });
});
