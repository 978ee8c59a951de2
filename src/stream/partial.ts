/**
 * The partial file: the mergeable statistics of one shard (docs/scale.md, "The partial format"),
 * version 1. JSON numbers round-trip float64 exactly; the sampled rows are base64 little-endian
 * float32. Written to a temporary name and renamed at the end, so a cancelled run leaves no partial.
 */
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { InputError } from '../io/errors';
import { createMoments, mergeInto, type Moments } from './moments';
import { createSample, mergeSample, type RowSample, type SampleEntry, type Stratum } from './sample';
import type { Accumulated } from './pipeline';
import { isNc4Partial, type Nc4PartialJson } from './nc4Partial';

export const PARTIAL_FORMAT = 'subspace-lab/partial';
export const PARTIAL_VERSION = 1;

interface StratumJson {
  label: string | null;
  capacity: number;
  offered: number;
  overflowed: boolean;
  hashes: number[];
  counts: number[];
  /** base64 of hashes.length x dim little-endian float32, in the order of hashes. */
  vectors: string;
}

export interface PartialJson {
  format: typeof PARTIAL_FORMAT;
  version: number;
  dim: number;
  nonFinite: number;
  /** Per class: n_k, the sum of its rows s_k (d numbers) and t_k = sum ||x - s_k / n_k||^2. */
  classes: { label: string | null; count: number; sum: number[]; sumSq: number }[];
  /** Upper triangle of W, row by row: W[0][0..d), W[1][1..d), ... (d (d + 1) / 2 numbers). */
  scatter: number[];
  sample: { size: number; seed: number; stratified: boolean; classes: number; strata: StratumJson[] };
  source: Record<string, unknown>;
}

function toBase64(rows: Float32Array[], d: number): string {
  const all = new Float32Array(rows.length * d);
  rows.forEach((r, i) => all.set(r, i * d));
  return Buffer.from(all.buffer, all.byteOffset, all.byteLength).toString('base64');
}

/** The JSON object of one shard's statistics. */
export function toPartial({ moments, sample }: Accumulated, source: Record<string, unknown>): PartialJson {
  const d = moments.dim;
  const scatter: number[] = [];
  for (let a = 0; a < d; a++) for (let b = a; b < d; b++) scatter.push(moments.scatter[a * d + b]);
  const strata = [...sample.strata].map(([label, st]): StratumJson => {
    const entries = [...st.heap].sort((x, y) => x.hash - y.hash);
    return {
      label,
      capacity: st.capacity,
      offered: st.offered,
      overflowed: st.overflowed,
      hashes: entries.map((e) => e.hash),
      counts: entries.map((e) => e.count),
      vectors: toBase64(entries.map((e) => e.row), d),
    };
  });
  return {
    format: PARTIAL_FORMAT,
    version: PARTIAL_VERSION,
    dim: d,
    nonFinite: moments.nonFinite,
    classes: moments.classes.map((c) => ({ label: c.label, count: c.count, sum: Array.from(c.sum), sumSq: c.sumSq })),
    scatter,
    sample: { size: sample.size, seed: sample.seed, stratified: sample.stratified, classes: sample.classes, strata },
    source,
  };
}

function bad(name: string, what: string): InputError {
  return new InputError(`${name} is not a valid subspace-lab partial (${what}).`, 'Write partials with subspace-lab analyze SHARD --partial FILE, with the same version of subspace-lab.');
}

/** Accumulated statistics from a partial's JSON; InputError naming the defect. */
export function fromPartial(p: PartialJson, name: string): Accumulated {
  if (p?.format !== PARTIAL_FORMAT) throw bad(name, `format is ${JSON.stringify(p?.format)}`);
  if (p.version !== PARTIAL_VERSION) throw bad(name, `version ${p.version}; this subspace-lab reads version ${PARTIAL_VERSION}`);
  const d = p.dim;
  if (!(Number.isInteger(d) && d >= 1)) throw bad(name, `dim ${d}`);
  if (!Array.isArray(p.scatter) || p.scatter.length !== (d * (d + 1)) / 2) throw bad(name, `scatter has ${p.scatter?.length} numbers, expected ${(d * (d + 1)) / 2}`);
  const moments: Moments = createMoments(d);
  moments.nonFinite = p.nonFinite;
  let t = 0;
  for (let a = 0; a < d; a++) for (let b = a; b < d; b++) moments.scatter[a * d + b] = p.scatter[t++];
  for (const c of p.classes) {
    if (!Array.isArray(c.sum) || c.sum.length !== d || !(c.count >= 0)) throw bad(name, `class ${JSON.stringify(c.label)} has a bad sum or count`);
    moments.classes.push({ label: c.label, count: c.count, sum: Float64Array.from(c.sum), sumSq: c.sumSq });
  }
  const s = p.sample;
  const sample: RowSample = createSample(s.size, s.seed, s.stratified, s.classes);
  for (const st of s.strata) {
    const bytes = Buffer.from(st.vectors, 'base64');
    if (bytes.length !== st.hashes.length * d * 4 || st.counts.length !== st.hashes.length) throw bad(name, `sample stratum ${JSON.stringify(st.label)} has ${bytes.length} vector bytes for ${st.hashes.length} rows`);
    const all = new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length));
    const heap: SampleEntry[] = st.hashes.map((hash, i) => ({ hash, count: st.counts[i], label: st.label, row: all.slice(i * d, i * d + d) }));
    heap.sort((x, y) => y.hash - x.hash);
    const byHash = new Map<number, SampleEntry[]>();
    for (const e of heap) byHash.set(e.hash, [...(byHash.get(e.hash) ?? []), e]);
    const stratum: Stratum = { capacity: st.capacity, heap, byHash, offered: st.offered, overflowed: st.overflowed };
    sample.strata.set(st.label, stratum);
  }
  return { moments, sample };
}

/** Writes JSON to `path` through a temporary file renamed at the end (not when signal aborted meanwhile). */
export async function writeJsonAtomically(path: string, json: unknown, signal?: AbortSignal): Promise<void> {
  const tmp = `${path}.tmp-${process.pid}`;
  try {
    await writeFile(tmp, JSON.stringify(json), { signal });
    signal?.throwIfAborted();
    await rename(tmp, path);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}

/** Writes the partial to `path` atomically (a cancelled run leaves none). */
export async function writePartial(path: string, partial: PartialJson, signal?: AbortSignal): Promise<void> {
  await writeJsonAtomically(path, partial, signal);
}

async function readJson(path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    if ((e as { code?: string }).code === 'ENOENT') throw new InputError(`partial file ${path} does not exist.`, 'Check the path.');
    throw e;
  }
  try {
    return JSON.parse(text);
  } catch {
    throw bad(path, 'it is not JSON');
  }
}

/** Reads one partial file. */
export async function readPartial(path: string): Promise<{ acc: Accumulated; source: Record<string, unknown> }> {
  const json = (await readJson(path)) as PartialJson;
  return { acc: fromPartial(json, path), source: json.source };
}

/** One input of merge: a statistics partial, or an nc4 partial (nc4Partial.ts). */
export async function readMergeInput(path: string): Promise<{ partial?: { acc: Accumulated; source: Record<string, unknown> }; nc4?: Nc4PartialJson }> {
  const json = await readJson(path);
  if (isNc4Partial(json)) return { nc4: json };
  return { partial: { acc: fromPartial(json as PartialJson, path), source: (json as PartialJson).source } };
}

/** The union of several parts' statistics: moments by Chan's update, samples as the bottom m of the union. */
export function mergeAccumulated(parts: Accumulated[]): Accumulated {
  if (parts.length === 0) throw new InputError('merge needs at least one partial file.', 'Use: subspace-lab merge part1.json part2.json ...');
  const [first, ...rest] = parts;
  const dim = first.moments.dim;
  for (const p of rest) {
    if (p.moments.dim !== dim) throw new InputError(`the partials have different dimensions (${dim} and ${p.moments.dim}).`, 'Merge partials of the same embeddings only.');
    const a = first.sample;
    const b = p.sample;
    if (a.size !== b.size || a.seed !== b.seed || a.stratified !== b.stratified) {
      throw new InputError('the partials were written with different --id-sample, seed or stratification settings.', 'Write every partial with the same options.');
    }
  }
  const moments = createMoments(dim);
  for (const p of parts) mergeInto(moments, p.moments);
  const labels = new Set(moments.classes.map((c) => c.label));
  const sample = createSample(first.sample.size, first.sample.seed, first.sample.stratified, labels.size);
  for (const p of parts) mergeSample(sample, p.sample, labels.size);
  return { moments, sample };
}
