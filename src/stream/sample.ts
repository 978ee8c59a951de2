/**
 * A mergeable seeded sample of distinct rows (a bottom-m sketch): every row gets a seeded 53-bit
 * hash of its float32 bit pattern, and the sample is the m distinct rows with the smallest hashes.
 * It is a uniform sample of the distinct rows that depends only on the rows' contents and the seed,
 * not on their order or on how they were split: the sample of merged parts is the bottom m of the
 * parts' samples. Equal rows hash equally; their multiplicity is counted. Stratified: one sketch per
 * class, each keeping ceil(m / K) rows.
 */

/** One sampled distinct row. */
export interface SampleEntry {
  hash: number;
  /** Rows seen with exactly these values. */
  count: number;
  label: string | null;
  row: Float32Array;
}

/** The bottom-m sketch of one stratum (all rows, or one class). */
export interface Stratum {
  capacity: number;
  /** Max-heap on hash: entries[0] has the largest hash kept. */
  heap: SampleEntry[];
  byHash: Map<number, SampleEntry[]>;
  /** Rows offered (including duplicates and rows not kept). */
  offered: number;
  /** True once a distinct row was turned away or evicted (then distinct and duplicate counts are estimates). */
  overflowed: boolean;
}

export interface RowSample {
  size: number;
  seed: number;
  stratified: boolean;
  /** Classes the stratified capacity ceil(size / classes) divides by (1 when not stratified). */
  classes: number;
  strata: Map<string | null, Stratum>;
}

export function createSample(size: number, seed: number, stratified: boolean, classes: number): RowSample {
  if (!(Number.isInteger(size) && size >= 3)) throw new RangeError(`a row sample needs at least 3 rows (got ${size})`);
  return { size, seed, stratified, classes: stratified ? Math.max(1, classes) : 1, strata: new Map() };
}

/** Rows each stratum keeps. */
export function stratumCapacity(s: RowSample): number {
  return Math.ceil(s.size / s.classes);
}

const F32 = new Float32Array(1);
const BITS = new Uint32Array(F32.buffer);

function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** The seeded 53-bit hash of row r of X (n x d float32; -0 hashes as 0), an integer below 2^53. */
export function rowHash(X: Float32Array, r: number, d: number, seed: number): number {
  let h1 = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ d;
  let h2 = Math.imul(seed ^ 0x7f4a7c15, 0xc2b2ae35) ^ d;
  const o = r * d;
  for (let j = 0; j < d; j++) {
    const v = X[o + j];
    F32[0] = v === 0 ? 0 : v;
    const k = BITS[0];
    h1 = Math.imul(h1 ^ k, 0x01000193);
    h1 = (h1 << 13) | (h1 >>> 19);
    h2 = Math.imul(h2 + k, 0x5bd1e995);
    h2 ^= h2 >>> 15;
  }
  return fmix(h1) * 2 ** 21 + (fmix(h2 ^ h1) >>> 11);
}

function stratumOf(s: RowSample, label: string | null): Stratum {
  const key = s.stratified ? label : null;
  let st = s.strata.get(key);
  if (!st) {
    st = { capacity: stratumCapacity(s), heap: [], byHash: new Map(), offered: 0, overflowed: false };
    s.strata.set(key, st);
  }
  return st;
}

function sameRow(a: Float32Array, X: Float32Array, o: number): boolean {
  for (let j = 0; j < a.length; j++) if (a[j] !== X[o + j]) return false;
  return true;
}

/** Offers row r of X (label for strata) with multiplicity `count`; the row is copied only when kept. */
export function offerRow(s: RowSample, X: Float32Array, r: number, d: number, label: string | null, hash = rowHash(X, r, d, s.seed), count = 1): void {
  const st = stratumOf(s, label);
  st.offered += count;
  const same = st.byHash.get(hash);
  const match = same?.find((e) => sameRow(e.row, X, r * d));
  if (match) {
    match.count += count;
    return;
  }
  if (st.heap.length >= st.capacity) {
    st.overflowed = true;
    if (hash >= st.heap[0].hash) return;
    const out = popMax(st.heap);
    const list = st.byHash.get(out.hash)!;
    list.splice(list.indexOf(out), 1);
    if (list.length === 0) st.byHash.delete(out.hash);
  }
  const entry: SampleEntry = { hash, count, label, row: X.slice(r * d, r * d + d) };
  pushHeap(st.heap, entry);
  if (same) same.push(entry);
  else st.byHash.set(hash, [entry]);
}

/**
 * Offers every entry of b (each a distinct row with its multiplicity) to a; a changes. `classes`:
 * the distinct labels of both parts together, which the stratified capacity divides by.
 */
export function mergeSample(a: RowSample, b: RowSample, classes: number): RowSample {
  if (a.size !== b.size || a.seed !== b.seed || a.stratified !== b.stratified) {
    throw new RangeError(`cannot merge row samples of different settings (size ${a.size}/${b.size}, seed ${a.seed}/${b.seed}, stratified ${a.stratified}/${b.stratified})`);
  }
  if (a.stratified) a.classes = Math.max(1, classes);
  for (const st of a.strata.values()) trim(st, stratumCapacity(a));
  for (const [key, st] of b.strata) {
    const target = stratumOf(a, key);
    const seenBefore = target.offered;
    for (const e of st.heap) offerRow(a, e.row, 0, e.row.length, e.label, e.hash, e.count);
    target.offered = seenBefore + st.offered;
    target.overflowed ||= st.overflowed;
  }
  return a;
}

function trim(st: Stratum, capacity: number): void {
  st.capacity = capacity;
  while (st.heap.length > capacity) {
    const out = popMax(st.heap);
    st.overflowed = true;
    const list = st.byHash.get(out.hash)!;
    list.splice(list.indexOf(out), 1);
    if (list.length === 0) st.byHash.delete(out.hash);
  }
}

/** The sampled rows of every stratum, ascending by hash (ties by stratum order): a canonical order. */
export function sampleEntries(s: RowSample): SampleEntry[] {
  const all: SampleEntry[] = [];
  for (const st of s.strata.values()) all.push(...st.heap);
  return all.sort((x, y) => x.hash - y.hash || compareRows(x.row, y.row));
}

function compareRows(a: Float32Array, b: Float32Array): number {
  for (let j = 0; j < a.length; j++) if (a[j] !== b[j]) return a[j] - b[j];
  return 0;
}

/**
 * Distinct rows seen: exact while no stratum overflowed; else, per overflowed stratum, the share of
 * distinct rows among the rows whose hash falls in the kept range (all copies of a row hash alike,
 * so that range is a uniform sample of distinct rows with all their copies) times the rows offered.
 */
export function distinctRows(s: RowSample): { value: number; exact: boolean } {
  let value = 0;
  let exact = true;
  for (const st of s.strata.values()) {
    if (!st.overflowed) {
      value += st.heap.length;
      continue;
    }
    exact = false;
    const inRange = st.heap.reduce((sum, e) => sum + e.count, 0);
    value += (st.offered * st.heap.length) / inRange;
  }
  return { value: exact ? value : Math.round(value), exact };
}

function pushHeap(h: SampleEntry[], e: SampleEntry): void {
  h.push(e);
  let i = h.length - 1;
  while (i > 0) {
    const p = (i - 1) >> 1;
    if (h[p].hash >= h[i].hash) break;
    [h[p], h[i]] = [h[i], h[p]];
    i = p;
  }
}

function popMax(h: SampleEntry[]): SampleEntry {
  const top = h[0];
  const last = h.pop()!;
  if (h.length > 0) {
    h[0] = last;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let big = i;
      if (l < h.length && h[l].hash > h[big].hash) big = l;
      if (r < h.length && h[r].hash > h[big].hash) big = r;
      if (big === i) break;
      [h[big], h[i]] = [h[i], h[big]];
      i = big;
    }
  }
  return top;
}
