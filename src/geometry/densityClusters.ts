/**
 * Density clusters of a 2-D picture, as Embedding Atlas labels its maps: a Gaussian kernel density
 * on a G x G grid (bandwidth by Scott's rule, sigma = n^(-1/6) x the coordinates' std), every cell
 * climbs to its highest neighbour until a peak, and two basins merge while the saddle between them
 * is higher than (1 - persistence) x the lower peak. Cells below `floor` x the highest density, and
 * basins with fewer than minSize points, are noise (label -1).
 */

export interface DensityOptions {
  grid?: number;
  /** Merge basins whose dip is shallower than this share of the lower peak (default 0.35). */
  persistence?: number;
  /** Share of the highest density below which a cell is noise (default 0.02). */
  floor?: number;
  /** Smallest cluster, in points (default max(5, n / 200)). */
  minSize?: number;
}

export interface DensityClusters {
  /** Cluster of each point, 0..count-1, or -1 for noise. */
  labels: Int32Array;
  count: number;
  /** Per cluster: its peak (view coordinates) and size. */
  peaks: { x: number; y: number; size: number }[];
}

/** Density clusters of the points (x_i, y_i) = (P[i*stride], P[i*stride+1]). */
export function densityClusters(P: Float32Array, n: number, stride: number, opts: DensityOptions = {}): DensityClusters {
  const G = opts.grid ?? 128;
  const persistence = opts.persistence ?? 0.35;
  const minSize = opts.minSize ?? Math.max(5, Math.floor(n / 200));
  const xs = Float64Array.from({ length: n }, (_, i) => P[i * stride]);
  const ys = Float64Array.from({ length: n }, (_, i) => P[i * stride + 1]);
  const [x0, x1] = extent(xs);
  const [y0, y1] = extent(ys);
  const span = Math.max(x1 - x0, y1 - y0, 1e-12);
  const cell = (span * 1.1) / G;
  const ox = (x0 + x1) / 2 - (G * cell) / 2;
  const oy = (y0 + y1) / 2 - (G * cell) / 2;
  const cellOf = new Int32Array(n);
  const density = new Float64Array(G * G);
  for (let i = 0; i < n; i++) {
    const gx = Math.min(G - 1, Math.max(0, Math.floor((xs[i] - ox) / cell)));
    const gy = Math.min(G - 1, Math.max(0, Math.floor((ys[i] - oy) / cell)));
    cellOf[i] = gy * G + gx;
    density[cellOf[i]]++;
  }
  const sigma = Math.max(0.75, (Math.pow(n, -1 / 6) * Math.max(std(xs), std(ys))) / cell);
  blur(density, G, sigma);
  let max = 0;
  for (const v of density) max = Math.max(max, v);
  const floor = (opts.floor ?? 0.02) * max;
  // Steepest ascent: each cell's parent is its highest 8-neighbour when higher than itself.
  const root = new Int32Array(G * G).fill(-1);
  const parent = new Int32Array(G * G);
  for (let c = 0; c < G * G; c++) parent[c] = highestNeighbour(density, G, c);
  for (let c = 0; c < G * G; c++) {
    if (density[c] < floor) continue;
    let r = c;
    while (parent[r] !== r) r = parent[r];
    root[c] = r;
  }
  // Merge basins across saddles, highest saddle first (union-find, the higher peak survives).
  const saddles: [number, number, number][] = [];
  for (let c = 0; c < G * G; c++) {
    if (root[c] < 0) continue;
    for (const nb of [c + 1, c + G, c + G + 1, c + G - 1]) {
      const gxc = c % G;
      const gxn = nb % G;
      if (nb >= G * G || Math.abs(gxc - gxn) > 1 || root[nb] < 0 || root[nb] === root[c]) continue;
      saddles.push([Math.min(density[c], density[nb]), root[c], root[nb]]);
    }
  }
  saddles.sort((a, b) => b[0] - a[0]);
  const up = new Map<number, number>();
  const find = (r: number): number => {
    let t = r;
    while (up.has(t)) t = up.get(t) as number;
    return t;
  };
  for (const [s, a, b] of saddles) {
    const ra = find(a);
    const rb = find(b);
    if (ra === rb) continue;
    const [hi, lo] = density[ra] >= density[rb] ? [ra, rb] : [rb, ra];
    if (s > (1 - persistence) * density[lo]) up.set(lo, hi);
  }
  const sizes = new Map<number, number>();
  const basin = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const r = root[cellOf[i]];
    basin[i] = r < 0 ? -1 : find(r);
    if (basin[i] >= 0) sizes.set(basin[i], (sizes.get(basin[i]) ?? 0) + 1);
  }
  const kept = [...sizes.entries()].filter(([, m]) => m >= minSize).sort((a, b) => density[b[0]] - density[a[0]]);
  const id = new Map(kept.map(([r], t) => [r, t]));
  const labels = Int32Array.from(basin, (r) => (r >= 0 ? (id.get(r) ?? -1) : -1));
  const peaks = kept.map(([r, size]) => ({ x: ox + ((r % G) + 0.5) * cell, y: oy + (Math.floor(r / G) + 0.5) * cell, size }));
  return { labels, count: kept.length, peaks };
}

function extent(v: Float64Array): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const x of v) {
    lo = Math.min(lo, x);
    hi = Math.max(hi, x);
  }
  return [lo, hi];
}

function std(v: Float64Array): number {
  let m = 0;
  for (const x of v) m += x / v.length;
  let s = 0;
  for (const x of v) s += (x - m) ** 2 / v.length;
  return Math.sqrt(s);
}

/** Separable Gaussian blur in place (kernel radius 3 sigma). */
function blur(a: Float64Array, G: number, sigma: number): void {
  const r = Math.ceil(3 * sigma);
  const w = Float64Array.from({ length: 2 * r + 1 }, (_, t) => Math.exp(-((t - r) ** 2) / (2 * sigma * sigma)));
  const tmp = new Float64Array(G * G);
  for (let y = 0; y < G; y++) {
    for (let x = 0; x < G; x++) {
      let s = 0;
      for (let t = -r; t <= r; t++) if (x + t >= 0 && x + t < G) s += w[t + r] * a[y * G + x + t];
      tmp[y * G + x] = s;
    }
  }
  for (let y = 0; y < G; y++) {
    for (let x = 0; x < G; x++) {
      let s = 0;
      for (let t = -r; t <= r; t++) if (y + t >= 0 && y + t < G) s += w[t + r] * tmp[(y + t) * G + x];
      a[y * G + x] = s;
    }
  }
}

/** The highest of c and its 8 neighbours (c itself on ties, so plateaus end there). */
function highestNeighbour(a: Float64Array, G: number, c: number): number {
  const x = c % G;
  const y = Math.floor(c / G);
  let best = c;
  for (let dy = -1; dy <= 1; dy++) {
    for (let dx = -1; dx <= 1; dx++) {
      const nx = x + dx;
      const ny = y + dy;
      if (nx < 0 || ny < 0 || nx >= G || ny >= G) continue;
      const nb = ny * G + nx;
      if (a[nb] > a[best]) best = nb;
    }
  }
  return best;
}
