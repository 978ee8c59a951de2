/**
 * The CLI flow, independent of the process: parse arguments, read and parse the files, start the tfjs
 * backend, run analyze(), print the report. Returns the exit status (0 ok, 2 bad input, 1 internal error).
 */
import type { SampleSpec } from '../geometry/sample';
import type { AnalysisReport, Classifier, Embeddings } from '../geometry/types';
import { loadClassifier } from '../io/classifier';
import { InputError, isInputError } from '../io/errors';
import { loadEmbeddingsAsync } from '../io/load';
import type { NamedBytes } from '../io/assemble';
import { dirname, isAbsolute, join } from 'node:path';
import { parseArgs, usage, type AnalyzeArgs } from './args';
import { quietly, readInput, startBackend, type CliIO } from './io';
import { runCompare } from './compareRun';
import { reportToJson } from '../geometry/report';
import { formatReport } from './format';
import { wantsStream } from './streamChoice';

export type { CliIO } from './io';

/** A file a Projector config names, read relative to the config (undefined when it is not there: the loader says which files are missing). */
function besides(io: CliIO, config: string): (path: string) => NamedBytes | undefined {
  return (path) => {
    const full = isAbsolute(path) ? path : join(dirname(config), path);
    try {
      return { name: full, bytes: io.readFile(full) };
    } catch (e) {
      if ((e as { code?: string }).code === 'ENOENT') return undefined;
      return readInput(io, full, 'projector config\'s');
    }
  };
}

async function loadInputs(args: AnalyzeArgs, io: CliIO): Promise<{ emb: Embeddings; classifier?: Classifier }> {
  const file = readInput(io, args.embeddings, 'embeddings');
  const labels = args.labels === undefined ? undefined : readInput(io, args.labels, '--labels');
  const emb = await loadEmbeddingsAsync(file.name, file.bytes, { labels, labelColumn: args.labelColumn, vectors: args.vectors, dim: args.dim, companion: besides(io, args.embeddings) });
  let classifier: Classifier | undefined;
  if (args.weights !== undefined) {
    const weights = readInput(io, args.weights, '--weights');
    const bias = args.bias === undefined ? undefined : readInput(io, args.bias, '--bias');
    classifier = loadClassifier(weights, bias, emb.dim, emb.classNames ? emb.classNames.length : null);
  }
  return { emb, classifier };
}

/** The in-memory ID sample the arguments ask for (the app's Dimension tab draws the same rows from the same spec). */
function idSampleOf(args: AnalyzeArgs): SampleSpec | undefined {
  return args.idSample === undefined ? undefined : { size: args.idSample, strategy: args.sampleStrategy, seed: args.sampleSeed };
}

/** Runs analyze() with anything it logs kept off stdout, which belongs to the report. */
async function analyzeQuietly(emb: Embeddings, args: AnalyzeArgs, classifier: Classifier | undefined, io: CliIO): Promise<AnalysisReport> {
  const { analyze } = await import('../geometry/analyze');
  const { availableParallelism } = await import('node:os');
  const threads = args.backend === 'wasm' ? args.threads ?? availableParallelism() : 1;
  const pool = threads > 1 ? new (await import('../geometry/parallel/nodePool')).NodeTilePool(threads) : undefined;
  const warming = pool?.warm();
  try {
    return await quietly(io, (onProgress) => analyze(emb, { k: args.k, classifier, onProgress, idSample: idSampleOf(args), pool, extras: args.extras }));
  } finally {
    await warming?.catch(() => undefined);
    await pool?.close();
  }
}

/** The rows labelled by their clusters (--cluster), and the clusters' block of the report. */
async function clusteredInput(emb: Embeddings, specText: string, seed: number): Promise<{ emb: Embeddings; clusters: NonNullable<AnalysisReport['clusters']> }> {
  const { agreement, clusterRows, parseClusterSpec } = await import('../geometry/clusterRows');
  const spec = parseClusterSpec(specText);
  const { dropNonFinite } = await import('../geometry/clean');
  const clean = dropNonFinite(emb).emb;
  let view: { coords: Float32Array; stride: number } | undefined;
  if (spec.method === 'density') {
    const { pca, projectPca } = await import('../geometry/pca');
    const p = await pca(clean.vectors, clean.n, clean.dim, { components: Math.min(2, clean.dim) });
    view = { coords: projectPca(clean.vectors, clean.n, clean.dim, p, Math.min(2, clean.dim)), stride: Math.min(2, clean.dim) };
  }
  const c = await clusterRows(clean.vectors, clean.n, clean.dim, spec, { seed, view });
  const truth = clean.labels ? agreement(c.labels, clean.labels) : null;
  return {
    emb: { ...clean, labels: c.labels, classNames: c.names },
    clusters: { method: spec.method, k: c.names.length, seed, objective: c.objective, ari: truth?.ari ?? null, nmi: truth?.nmi ?? null },
  };
}

/** The whole CLI: returns the exit status; the only stdout output is the help, the table or the JSON. */
export async function runCli(argv: readonly string[], io: CliIO): Promise<number> {
  try {
    if (argv[0] === 'compare') return await runCompare(argv.slice(1), io);
    const args = parseArgs(argv);
    if (args.command === 'help') {
      io.stdout(`${usage()}\n`);
      return 0;
    }
    if (wantsStream(args)) {
      if (args.sampleStrategy !== 'uniform' || args.sampleSeed !== 1) {
        throw new InputError('--sample-strategy and --sample-seed shape the in-memory ID sample; streaming draws its own (by row hash).', 'Leave them out when streaming (use --id-stratified for a per-class streaming sample), or analyse without --stream.');
      }
      return await (await import('./stream')).runStream(args, io);
    }
    const loaded = await loadInputs(args, io);
    await startBackend(args.backend);
    const { emb, clusters } = args.cluster === undefined ? { emb: loaded.emb, clusters: undefined } : await clusteredInput(loaded.emb, args.cluster, args.seed);
    const classifier = clusters ? undefined : loaded.classifier;
    const analysed = await analyzeQuietly(emb, args, classifier, io);
    const report = clusters ? { ...analysed, clusters } : analysed;
    io.stdout(args.json
      ? `${reportToJson(report)}\n`
      : `${formatReport(report, { file: args.embeddings, backend: args.backend, hasClassifier: classifier !== undefined })}\n`);
    return 0;
  } catch (e) {
    if (isInputError(e)) {
      io.stderr(`subspace-lab: ${e.message.replace(/\s*\n\s*/g, ' ')}\n`);
      return 2;
    }
    const detail = e instanceof Error ? (process.env.SUBSPACE_LAB_DEBUG ? e.stack ?? e.message : e.message) : String(e);
    io.stderr(`subspace-lab: internal error: ${detail}. This is a bug; rerun with SUBSPACE_LAB_DEBUG=1 for the stack and report it.\n`);
    return 1;
  }
}
