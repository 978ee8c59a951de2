/**
 * A screen-space index of the point cloud for hover, click and box/lasso selection: every point is
 * projected once (after the camera and the points settle) into CSS pixels of the canvas, and the
 * points on screen are bucketed in a uniform grid (counting sort, CSR layout). A hover then looks
 * only at the cells under the cursor instead of raycasting all points; a box or lasso classifies
 * grid cells (outside, wholly inside, crossed by the outline) and tests single points only in the
 * crossed ones. Projection runs in slices (yielding between them) so no task grows with n.
 *
 * Conventions: `matrix` is projection x view (three's column-major elements); screen x grows right,
 * y down, from the canvas's top-left corner. A point is drawn when its clip w > 0 and its NDC depth
 * lies in [-1, 1]; its drawn radius is size * clamp(refDistance / w, 0.6, 1.8) / 2 (pointMaterial's
 * attenuation). Visibility (alpha 0 = hidden or isolated away) is read at query time.
 */

/** What the index needs to know about the camera and the points' look. */
export interface ScreenSpec {
  /** projectionMatrix * matrixWorldInverse, column-major (16 numbers). */
  matrix: ArrayLike<number>;
  /** Canvas size in CSS pixels. */
  width: number;
  height: number;
  /** Point diameter in CSS pixels at refDistance (the material's uSize). */
  size: number;
  /** Camera-to-target distance used by the material's depth attenuation. */
  refDistance: number;
  /** Minimum hover reach in CSS pixels (small points are still easy to hit). */
  pickPx: number;
}

const ATTENUATION_MIN = 0.6;
const ATTENUATION_MAX = 1.8;

/** Drawn radius (CSS px) of a point at clip w. */
export function drawnRadius(spec: Pick<ScreenSpec, 'size' | 'refDistance'>, w: number): number {
  const att = Math.min(ATTENUATION_MAX, Math.max(ATTENUATION_MIN, spec.refDistance / Math.max(w, 1e-3)));
  return (spec.size * att) / 2;
}

/** The largest distance at which any point can be picked. */
export function maxReach(spec: Pick<ScreenSpec, 'size' | 'pickPx'>): number {
  return Math.max(spec.pickPx, (spec.size * ATTENUATION_MAX) / 2);
}

/**
 * Projects points [from, to) of `positions` (n x 3) into sx, sy (CSS px) and w (clip w; NaN when
 * the point is not drawn: behind the camera or outside the depth range).
 */
export function projectRange(positions: Float32Array, m: ArrayLike<number>, width: number, height: number, sx: Float32Array, sy: Float32Array, sw: Float32Array, from: number, to: number): void {
  const [m0, m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11, m12, m13, m14, m15] = Array.from({ length: 16 }, (_, k) => m[k]);
  const hw = width / 2;
  const hh = height / 2;
  for (let i = from; i < to; i++) {
    const x = positions[3 * i];
    const y = positions[3 * i + 1];
    const z = positions[3 * i + 2];
    const w = m3 * x + m7 * y + m11 * z + m15;
    const cz = m2 * x + m6 * y + m10 * z + m14;
    if (!(w > 0) || cz < -w || cz > w) {
      sw[i] = NaN;
      continue;
    }
    sx[i] = ((m0 * x + m4 * y + m8 * z + m12) / w + 1) * hw;
    sy[i] = (1 - (m1 * x + m5 * y + m9 * z + m13) / w) * hh;
    sw[i] = w;
  }
}

/** Does the edge from vertex j to vertex i of `poly` cross the ray from (x, y) towards +x (the even-odd rule's count)? */
function crossesRay(poly: ArrayLike<number>, i: number, j: number, x: number, y: number): boolean {
  const xi = poly[2 * i];
  const yi = poly[2 * i + 1];
  const xj = poly[2 * j];
  const yj = poly[2 * j + 1];
  return yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi;
}

/** Even-odd test: is (x, y) inside the closed polygon `poly` ([x0, y0, x1, y1, ...])? */
export function insidePolygon(x: number, y: number, poly: ArrayLike<number>): boolean {
  let inside = false;
  const m = poly.length >> 1;
  for (let i = 0, j = m - 1; i < m; j = i++) if (crossesRay(poly, i, j, x, y)) inside = !inside;
  return inside;
}

/** A built index: projected coordinates of all n points and the grid of those on screen. */
export class ScreenIndex {
  readonly n: number;
  readonly spec: ScreenSpec;
  /** Screen x, y (CSS px) and clip w per point (w NaN: not drawn). */
  readonly sx: Float32Array;
  readonly sy: Float32Array;
  readonly sw: Float32Array;
  /** Grid: cell size (px), origin (-reach, -reach), cols x rows; cellStart has cols*rows+1 offsets into items. */
  readonly cell: number;
  readonly origin: number;
  readonly cols: number;
  readonly rows: number;
  readonly cellStart: Int32Array;
  readonly items: Int32Array;
  /** The grid cell of each point (-1: not drawn or off the grid). */
  readonly cellOf: Int32Array;

  constructor(init: Pick<ScreenIndex, 'n' | 'spec' | 'sx' | 'sy' | 'sw' | 'cell' | 'origin' | 'cols' | 'rows' | 'cellStart' | 'items' | 'cellOf'>) {
    this.n = init.n;
    this.spec = init.spec;
    this.sx = init.sx;
    this.sy = init.sy;
    this.sw = init.sw;
    this.cell = init.cell;
    this.origin = init.origin;
    this.cols = init.cols;
    this.rows = init.rows;
    this.cellStart = init.cellStart;
    this.items = init.items;
    this.cellOf = init.cellOf;
  }

  /**
   * Marks points by the class of their cell (0 outside, 1 wholly inside, 2 test the point), in
   * point order so the n-sized arrays are read sequentially.
   */
  private sweep(cellClass: Uint8Array, colors: ArrayLike<number>, test: (x: number, y: number, cell: number) => boolean): Uint8Array {
    const { n, cellOf, sx, sy } = this;
    const mask = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      const c = cellOf[i];
      if (c < 0) continue;
      const k = cellClass[c];
      if (k === 0 || colors[4 * i + 3] === 0) continue;
      if (k === 1 || test(sx[i], sy[i], c)) mask[i] = 1;
    }
    return mask;
  }

  private colOf(x: number): number {
    return Math.floor((x - this.origin) / this.cell);
  }

  /**
   * The point under screen position (x, y) on the canvas, or -1. Candidates are visible, drawn points within
   * max(pickPx, drawn radius) of the cursor. If the cursor lies on some candidates' drawn discs, the
   * front-most of those (smallest w) wins, as the depth test shows it; otherwise the nearest on
   * screen (ties: smaller w, then smaller index).
   */
  pick(x: number, y: number, colors: ArrayLike<number>): number {
    const { spec, sx, sy, sw, items, cellStart, cols, rows } = this;
    const reach = maxReach(spec);
    const c0 = Math.max(0, this.colOf(x - reach));
    const c1 = Math.min(cols - 1, this.colOf(x + reach));
    const r0 = Math.max(0, this.colOf(y - reach));
    const r1 = Math.min(rows - 1, this.colOf(y + reach));
    let best = -1;
    let bestCovered = false;
    let bestA = Infinity;
    let bestB = Infinity;
    for (let r = r0; r <= r1; r++) {
      for (let c = c0; c <= c1; c++) {
        const cell = r * cols + c;
        for (let k = cellStart[cell]; k < cellStart[cell + 1]; k++) {
          const i = items[k];
          if (colors[4 * i + 3] === 0) continue;
          const dx = sx[i] - x;
          const dy = sy[i] - y;
          const d2 = dx * dx + dy * dy;
          const w = sw[i];
          const rad = drawnRadius(spec, w);
          const pr = Math.max(spec.pickPx, rad);
          if (d2 > pr * pr) continue;
          const covered = d2 <= rad * rad;
          // Lexicographic key: covered first; then (w, d2) when covered, (d2, w) otherwise; then index.
          const a = covered ? w : d2;
          const b = covered ? d2 : w;
          if (best < 0 || (covered && !bestCovered) || (covered === bestCovered && (a < bestA || (a === bestA && (b < bestB || (b === bestB && i < best)))))) {
            best = i;
            bestCovered = covered;
            bestA = a;
            bestB = b;
          }
        }
      }
    }
    return best;
  }

  /** The visible, drawn points whose screen position lies in the closed rectangle (corners in any order). */
  selectRect(x0: number, y0: number, x1: number, y1: number, colors: ArrayLike<number>): Uint8Array {
    const [xa, xb] = [Math.min(x0, x1), Math.max(x0, x1)];
    const [ya, yb] = [Math.min(y0, y1), Math.max(y0, y1)];
    const { cols, rows, cell: size, origin } = this;
    const cellClass = new Uint8Array(cols * rows);
    const c0 = Math.max(0, this.colOf(xa));
    const c1 = Math.min(cols - 1, this.colOf(xb));
    const r0 = Math.max(0, this.colOf(ya));
    const r1 = Math.min(rows - 1, this.colOf(yb));
    for (let r = r0; r <= r1; r++) {
      for (let c = c0; c <= c1; c++) {
        const whole = origin + c * size >= xa && origin + (c + 1) * size <= xb && origin + r * size >= ya && origin + (r + 1) * size <= yb;
        cellClass[r * cols + c] = whole ? 1 : 2;
      }
    }
    return this.sweep(cellClass, colors, (x, y) => x >= xa && x <= xb && y >= ya && y <= yb);
  }

  /**
   * The visible, drawn points inside the polygon (even-odd, the same arithmetic as insidePolygon).
   * Each edge marks the grid cells it passes through (clipped to each row band); a cell no edge
   * touches is wholly inside or outside, so only its centre is tested. Points in touched cells are
   * tested against the edges spanning their row band only.
   */
  selectPolygon(poly: readonly number[], colors: ArrayLike<number>): Uint8Array {
    const { cellStart, cols, rows, cell: size, origin } = this;
    const m = poly.length >> 1;
    if (m < 3) return new Uint8Array(this.n);
    const touched = new Uint8Array(cols * rows);
    const rowEdges: number[][] = Array.from({ length: rows }, () => []);
    const slack = 1e-3;
    for (let i = 0; i < m; i++) {
      const j = i === 0 ? m - 1 : i - 1;
      const [x0, y0, x1, y1] = [poly[2 * i], poly[2 * i + 1], poly[2 * j], poly[2 * j + 1]];
      const ylo = Math.min(y0, y1);
      const yhi = Math.max(y0, y1);
      const ra = Math.max(0, this.colOf(ylo - slack));
      const rb = Math.min(rows - 1, this.colOf(yhi + slack));
      for (let r = ra; r <= rb; r++) {
        rowEdges[r].push(i);
        let xs = Math.min(x0, x1);
        let xe = Math.max(x0, x1);
        if (y0 !== y1) {
          const t0 = (Math.max(ylo, origin + r * size) - y0) / (y1 - y0);
          const t1 = (Math.min(yhi, origin + (r + 1) * size) - y0) / (y1 - y0);
          xs = Math.max(xs, Math.min(x0 + t0 * (x1 - x0), x0 + t1 * (x1 - x0)));
          xe = Math.min(xe, Math.max(x0 + t0 * (x1 - x0), x0 + t1 * (x1 - x0)));
        }
        const ca = Math.max(0, this.colOf(xs - slack));
        const cb = Math.min(cols - 1, this.colOf(xe + slack));
        for (let c = ca; c <= cb; c++) touched[r * cols + c] = 1;
      }
    }
    const inside = (x: number, y: number, r: number): boolean => {
      let odd = false;
      for (const i of rowEdges[r]) {
        if (crossesRay(poly, i, i === 0 ? m - 1 : i - 1, x, y)) odd = !odd;
      }
      return odd;
    };
    const cellClass = new Uint8Array(cols * rows);
    for (let r = 0; r < rows; r++) {
      if (rowEdges[r].length === 0) continue;
      for (let c = 0; c < cols; c++) {
        const id = r * cols + c;
        if (cellStart[id] === cellStart[id + 1]) continue;
        cellClass[id] = touched[id] ? 2 : inside(origin + (c + 0.5) * size, origin + (r + 0.5) * size, r) ? 1 : 0;
      }
    }
    return this.sweep(cellClass, colors, (x, y, id) => inside(x, y, Math.floor(id / cols)));
  }
}
