/**
 * The 2D picture kept clear of the legend in the view's top-right corner. With the default camera
 * (looking down at the plane from CAMERA_DISTANCE_2D) the cloud's box, with room for its tick
 * labels and axis names, would run under the legend on a narrow view (1280 x 720: the t-SNE of
 * Fashion-MNIST lost a cluster under it). The fit shrinks the picture (at most to MIN_ZOOM) and
 * moves it left so the box ends left of the legend, centred in the room there (or as far left as
 * the margins allow, when even MIN_ZOOM is too wide). It depends only on
 * the view's size, the legend's box and the cloud's box, not on the camera, so the user's pans
 * and zooms apply on top and a link's camera shows the same picture on a page of the same size.
 */

/** Room kept around the box for its tick labels and axis names (CSS px). */
export const MARGIN = { left: 48, right: 44, top: 30, bottom: 36 } as const;
/** Space kept between the picture and the legend. */
const GAP = 8;
/** The picture is never shrunk below this (it then starts at the left margin, and the legend covers what it still covers). */
export const MIN_ZOOM = 0.72;

export interface LegendFit {
  /** The camera's zoom (1: as the default camera shows it). */
  zoom: number;
  /** CSS px the picture moves left (the camera's view offset). */
  shift: number;
}

export const NO_FIT: LegendFit = { zoom: 1, shift: 0 };

interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/**
 * The fit of a 2D box `lo`..`hi` (display units, the camera looking at the origin) on a
 * `width` x `height` px view, `unitPx` px per display unit, with the legend at `legend`
 * (px relative to the view; null when none is shown).
 */
export function legendFit(lo: readonly number[], hi: readonly number[], unitPx: number, width: number, height: number, legend: Rect | null): LegendFit {
  if (!legend || !(unitPx > 0) || legend.right <= legend.left) return NO_FIT;
  const px = (x: number) => width / 2 + x * unitPx;
  const py = (y: number) => height / 2 - y * unitPx;
  const box = { left: px(lo[0]) - MARGIN.left, right: px(hi[0]) + MARGIN.right, top: py(hi[1]) - MARGIN.top, bottom: py(lo[1]) + MARGIN.bottom };
  const covered = box.right > legend.left - GAP && box.top < legend.bottom + GAP && box.left < legend.right && box.bottom > legend.top;
  if (!covered) return NO_FIT;
  const room = legend.left - GAP;
  const boxWidth = (hi[0] - lo[0]) * unitPx;
  const fits = room - MARGIN.left - MARGIN.right;
  const zoom = Math.max(MIN_ZOOM, Math.min(1, fits / Math.max(boxWidth, 1e-9)));
  // At this zoom the box starts at width/2 + zoom * lo * unitPx; it should start where it is centred in [0, room] (at the left margin when it is wider).
  const wanted = MARGIN.left + Math.max(0, (fits - zoom * boxWidth) / 2);
  const shift = width / 2 + zoom * lo[0] * unitPx - wanted;
  return { zoom, shift: Math.max(0, shift) };
}
