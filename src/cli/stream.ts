/**
 * The streaming CLI: `analyze` over chunks with bounded memory (npy/safetensors by file reads,
 * Parquet/CSV/JSON and globs through DuckDB), `--partial` to write one shard's mergeable statistics,
 * and `merge` to report on several partials. Ctrl-C (io.signal) stops between chunks; no partial is left.
 */
import type { Classifier } from '../geometry/types';
import { loadClassifier } from '../io/classifier';
import { InputError } from '../io/errors';
import { readLabels } from '../io/labels';
import { approximateId } from '../stream/approx';
import { DUCKDB_EXTENSIONS, openDuckdbSource } from '../stream/duckdbSource';
import { fileSource, npyLayout, safetensorsLayout, type LabelSource } from '../stream/fileSource';
import { mergeAccumulated, readMergeInput, readPartial, toPartial, writeJsonAtomically, writePartial } from '../stream/partial';
import { classifierDigest, meansDigest, NC4_PARTIAL_FORMAT, NC4_PARTIAL_VERSION, sumNc4Partials, type Nc4PartialJson } from '../stream/nc4Partial';
import type { Moments } from '../stream/moments';
import { accumulate, analyzeStream, countDisagreements } from '../stream/pipeline';
import { progressReporter } from '../stream/progress';
import { streamReport, type StreamReport } from '../stream/report';
import { sampleEntries } from '../stream/sample';
import type { RowSource } from '../stream/source';
import { checkAgainstSql } from '../stream/sqlCheck';
import { reservoirRows } from '../stream/reservoir';
import type { AnalyzeArgs } from './args';
import { formatStreamReport } from './streamFormat';
import { reportToJson } from '../geometry/report';
import { quietly, readInput, startBackend, type CliIO } from './io';
import { isGlob } from './streamChoice';

/** The ID sample size when --id-sample is not given: the app's cap on the rows its TwoNN/MLE use. */
export const STREAM_ID_SAMPLE = 100_000;
/** Sample rows whose exact neighbours (over all rows) measure the approximate index's recall. */
export const RECALL_QUERIES = 500;

type Opened = { source: RowSource; sql?: { connection: Parameters<typeof checkAgainstSql>[0]; projectionSql: string } };

async function labelSource(args: AnalyzeArgs, io: CliIO): Promise<LabelSource> {
  if (args.labels === undefined) return null;
  if (args.labels.toLowerCase().endsWith('.npy') && args.labelColumn === undefined) {
    return { kind: 'binary', path: args.labels, layout: await npyLayout(args.labels, 1).catch((e: unknown) => rethrowMissing(e, args.labels!)) };
  }
  const file = readInput(io, args.labels, '--labels');
  return { kind: 'values', values: readLabels(file.name, file.bytes, args.labelColumn).values };
}

function rethrowMissing(e: unknown, path: string): never {
  if ((e as { code?: string }).code === 'ENOENT') throw new InputError(`file ${path} does not exist.`, 'Check the path (relative paths start at the current directory).');
  throw e;
}

async function openSource(args: AnalyzeArgs, io: CliIO): Promise<Opened> {
  const path = args.embeddings;
  const lower = path.toLowerCase();
  const labels = await labelSource(args, io);
  if (lower.endsWith('.npy')) return { source: fileSource(path, await npyLayout(path, 2).catch((e: unknown) => rethrowMissing(e, path)), labels) };
  if (lower.endsWith('.safetensors')) {
    const st = await safetensorsLayout(path, args.vectors).catch((e: unknown) => rethrowMissing(e, path));
    return { source: fileSource(path, st.vectors, labels ?? (st.labels ? { kind: 'binary', path, layout: st.labels } : null)) };
  }
  if (DUCKDB_EXTENSIONS.test(lower) || isGlob(path)) {
    if (labels?.kind === 'binary') throw new InputError('a .npy labels file cannot be combined with a DuckDB input.', 'Put the labels in a column of the files (--label-column), or pass them as a text file.');
    const source = await openDuckdbSource(path, { vectors: args.vectors, labelColumn: args.labelColumn, labelValues: labels?.values });
    return { source, sql: { connection: source.connection, projectionSql: source.projectionSql } };
  }
  throw new InputError(`${path} cannot be streamed.`, 'Streaming reads .npy, .safetensors, .parquet, .csv/.tsv and .json/.jsonl files (or globs of them); convert it, or drop --stream.');
}

async function classifierFor(args: AnalyzeArgs, io: CliIO, dim: number, classes: number | null): Promise<Classifier | undefined> {
  if (args.weights === undefined) return undefined;
  const weights = readInput(io, args.weights, '--weights');
  const bias = args.bias === undefined ? undefined : readInput(io, args.bias, '--bias');
  return loadClassifier(weights, bias, dim, classes);
}

function print(io: CliIO, args: AnalyzeArgs, report: StreamReport, hasClassifier: boolean): void {
  io.stdout(args.json ? `${reportToJson(report)}\n` : `${formatStreamReport(report, { file: args.inputs.join(' '), backend: args.backend, hasClassifier })}\n`);
}

async function analyzeCommand(args: AnalyzeArgs, io: CliIO, tty: boolean): Promise<void> {
  const { source, sql } = await openSource(args, io);
  const bar = progressReporter(io.stderr, tty);
  const show = tty || args.progress;
  const onRows = show ? (done: number, total: number | null) => bar.update('reading', done, total) : undefined;
  try {
    const opts = { idSample: args.idSample ?? STREAM_ID_SAMPLE, seed: 1, stratified: args.idStratified, mleK: args.k, signal: io.signal, onRows };
    if (args.partial !== undefined && args.idSampler === 'reservoir') {
      throw new InputError('a reservoir sample is not mergeable, so it cannot go into a partial.', 'Drop --id-sampler reservoir with --partial (the mergeable hash sample is used).');
    }
    if (args.partial !== undefined && args.meansFrom !== undefined) {
      await nc4PartialCommand(args, io, source, args.partial, args.meansFrom);
      return;
    }
    if (args.partial !== undefined) {
      const acc = await accumulate(source, opts);
      bar.done();
      io.signal?.throwIfAborted();
      await writePartial(args.partial, toPartial(acc, { input: args.embeddings, ...source.describe() }), io.signal);
      const rows = acc.moments.classes.reduce((s, c) => s + c.count, 0);
      const summary = { partial: args.partial, rows, nonFinite: acc.moments.nonFinite, dim: source.dim, classes: acc.moments.classes.length };
      io.stdout(args.json ? `${JSON.stringify(summary)}\n` : `wrote ${args.partial}: ${rows} rows of ${source.dim} dimensions (${summary.nonFinite} non-finite skipped), ${summary.classes} classes\n`);
      return;
    }
    const labels = await source.distinctLabels();
    const classifier = await classifierFor(args, io, source.dim, labels ? labels.length : null);
    await startBackend(args.backend);
    const report = await quietly(io, () => analyzeStream(source, { ...opts, classifier }, async (acc, r) => {
      bar.done();
      const extra: Record<string, unknown> = {};
      if (args.sqlCheck && sql) extra.sqlCheck = await checkAgainstSql(sql.connection, sql.projectionSql, acc.moments);
      if (args.approxKnn) {
        const d = source.dim;
        const rows = sampleEntries(acc.sample).slice(0, RECALL_QUERIES);
        const queries = new Float32Array(rows.length * d);
        rows.forEach((e, i) => queries.set(e.row, i * d));
        const approx = await approximateId(source, queries, { mleK: args.k, signal: io.signal, onRows: show ? (done, total, stage) => bar.update(stage, done, total) : undefined });
        bar.done();
        const diff = (a: number | null, b: number | null) => (a !== null && b !== null ? a - b : null);
        extra.approximate = {
          ...approx,
          differenceFromSample: { twoNN: diff(approx.twoNN, r.intrinsicDimension.twoNN), mleHarmonic: diff(approx.mle.harmonic, r.intrinsicDimension.mle.harmonic) },
        };
      }
      return extra;
    }));
    print(io, args, args.idSampler === 'reservoir' ? await withReservoirId(report, args, sql, labels) : report, classifier !== undefined);
  } finally {
    bar.done();
    await source.close();
  }
}

/** The report with TwoNN/MLE on DuckDB's seeded reservoir sample instead of the bottom-hash sample. */
async function withReservoirId(report: StreamReport, args: AnalyzeArgs, sql: Opened['sql'], labels: string[] | null): Promise<StreamReport> {
  if (!sql) throw new InputError('--id-sampler reservoir needs a DuckDB input (Parquet, CSV or JSON).', 'Drop --id-sampler for .npy and .safetensors files (the hash sample is used).');
  const size = args.idSample ?? STREAM_ID_SAMPLE;
  const { analyzeIntrinsicDimension } = await import('../geometry/analyze');
  const r = await reservoirRows(sql.connection, sql.projectionSql, report.dim, size, 1, args.idStratified ? labels : null);
  const distinct = report.n - report.skipped.duplicates;
  const sample = r.m >= distinct ? null : { size: r.m, of: distinct, seed: 1 };
  const id = await analyzeIntrinsicDimension(r.rows, r.m, report.dim, Int32Array.from({ length: r.m }, (_, i) => i), args.k, sample);
  return { ...report, intrinsicDimension: id, stream: { ...report.stream, idSample: { ...report.stream.idSample, method: 'duckdb-reservoir', size } , reservoirSql: r.sql.slice(0, 200) } };
}

function classCount(m: Moments): number | null {
  return m.classes.length === 1 && m.classes[0].label === null ? null : m.classes.length;
}

/** The second map step for nc4: this shard's disagreements against the merged partial's class means. */
async function nc4PartialCommand(args: AnalyzeArgs, io: CliIO, source: RowSource, out: string, meansFrom: string): Promise<void> {
  const merged = mergeAccumulated([(await readPartial(meansFrom)).acc]).moments;
  if (merged.dim !== source.dim) throw new InputError(`${meansFrom} has ${merged.dim} dimensions, the shard ${source.dim}.`, 'Use the merged partial of this data set\'s shards.');
  const classifier = (await classifierFor(args, io, merged.dim, classCount(merged)))!;
  const { disagreements, rows } = await countDisagreements(source, merged, classifier, io.signal);
  const json: Nc4PartialJson = {
    format: NC4_PARTIAL_FORMAT,
    version: NC4_PARTIAL_VERSION,
    rows,
    disagreements,
    means: meansDigest(merged),
    classifier: classifierDigest(classifier),
    source: { input: args.embeddings, meansFrom, ...source.describe() },
  };
  await writeJsonAtomically(out, json, io.signal);
  io.stdout(args.json ? `${JSON.stringify({ partial: out, rows, disagreements })}\n` : `wrote ${out}: nc4 counts of ${rows} rows (${disagreements} disagree with the nearest merged class mean)\n`);
}

async function mergeCommand(args: AnalyzeArgs, io: CliIO): Promise<void> {
  const parts = [];
  const nc4 = [];
  for (const path of args.inputs) {
    const item = await readMergeInput(path);
    if (item.nc4) nc4.push({ path, json: item.nc4 });
    else parts.push(item.partial!);
  }
  if (parts.length === 0) throw new InputError('merge got only nc4 partials.', 'Give the merged statistics partial too: merge ALL.json Q*.json --weights W.npy.');
  const merged = mergeAccumulated(parts.map((p) => p.acc));
  if (args.partial !== undefined) {
    if (nc4.length > 0) throw new InputError('--partial writes merged statistics; nc4 partials cannot go into it.', 'Drop the nc4 partials from this merge, or drop --partial.');
    await writePartial(args.partial, toPartial(merged, { merged: args.inputs, partials: parts.map((p) => p.source) }), io.signal);
    io.stdout(`wrote ${args.partial}: the merged statistics of ${parts.length} partials\n`);
    return;
  }
  const classifier = await classifierFor(args, io, merged.moments.dim, classCount(merged.moments));
  const disagreements = nc4.length > 0 ? sumNc4Partials(nc4, merged.moments, classifier) : null;
  await startBackend(args.backend);
  const report = await quietly(io, () => streamReport(merged.moments, merged.sample, { mleK: args.k, classifier, disagreements, signal: io.signal }));
  const stream = { ...report.stream, partials: parts.map((p) => p.source), ...(nc4.length > 0 ? { nc4Partials: nc4.length, passes: 2 } : {}) };
  print(io, args, { ...report, stream }, classifier !== undefined);
}

/** `merge`, or `analyze` on the streaming path; returns the exit status (130 when cancelled). */
export async function runStream(args: AnalyzeArgs, io: CliIO): Promise<number> {
  try {
    if (args.command === 'merge') await mergeCommand(args, io);
    else await analyzeCommand(args, io, io.progress === true);
    return 0;
  } catch (e) {
    if (io.signal?.aborted) {
      io.stderr(`subspace-lab: cancelled${args.partial ? `; ${args.partial} was not written` : ''}.\n`);
      return 130;
    }
    throw e;
  }
}
