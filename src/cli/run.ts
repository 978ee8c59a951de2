/**
 * The CLI flow, independent of the process: parse arguments, read and parse the files, start the tfjs
 * backend, run analyze(), print the report. Returns the exit status (0 ok, 2 bad input, 1 internal error).
 */
import type { AnalysisReport, Classifier, Embeddings } from '../geometry/types.ts';
import { loadClassifier } from '../io/classifier.ts';
import { isInputError } from '../io/errors.ts';
import { loadEmbeddingsAsync } from '../io/load.ts';
import { parseArgs, usage, type AnalyzeArgs } from './args.ts';
import { quietly, readInput, startBackend, type CliIO } from './io.ts';
import { runCompare } from './compareRun.ts';
import { formatReport, reportToJson } from './format.ts';
import { wantsStream } from './streamChoice.ts';

export type { CliIO } from './io.ts';

async function loadInputs(args: AnalyzeArgs, io: CliIO): Promise<{ emb: Embeddings; classifier?: Classifier }> {
  const file = readInput(io, args.embeddings, 'embeddings');
  const labels = args.labels === undefined ? undefined : readInput(io, args.labels, '--labels');
  const emb = await loadEmbeddingsAsync(file.name, file.bytes, { labels, labelColumn: args.labelColumn, vectors: args.vectors });
  let classifier: Classifier | undefined;
  if (args.weights !== undefined) {
    const weights = readInput(io, args.weights, '--weights');
    const bias = args.bias === undefined ? undefined : readInput(io, args.bias, '--bias');
    classifier = loadClassifier(weights, bias, emb.dim, emb.classNames ? emb.classNames.length : null);
  }
  return { emb, classifier };
}

/** Runs analyze() with anything it logs kept off stdout, which belongs to the report. */
async function analyzeQuietly(emb: Embeddings, args: AnalyzeArgs, classifier: Classifier | undefined, io: CliIO): Promise<AnalysisReport> {
  const { analyze } = await import('../geometry/analyze.ts');
  const { availableParallelism } = await import('node:os');
  const threads = args.backend === 'wasm' ? args.threads ?? availableParallelism() : 1;
  const pool = threads > 1 ? new (await import('../geometry/parallel/nodePool.ts')).NodeTilePool(threads) : undefined;
  const warming = pool?.warm();
  try {
    return await quietly(io, (onProgress) => analyze(emb, { k: args.k, classifier, onProgress, idSample: args.idSample, pool }));
  } finally {
    await warming?.catch(() => undefined);
    await pool?.close();
  }
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
    if (wantsStream(args)) return await (await import('./stream.ts')).runStream(args, io);
    const { emb, classifier } = await loadInputs(args, io);
    await startBackend(args.backend);
    const report = await analyzeQuietly(emb, args, classifier, io);
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
