/**
 * Command-line arguments: one declarative option table that both parses and documents the options.
 */
import { InputError } from '../io/errors';
import { DEFAULT_MLE_K } from '../geometry/dimension';

export type Backend = 'wasm' | 'cpu';

export interface AnalyzeArgs {
  /** merge: combine partial files (inputs) into one report. */
  command: 'analyze' | 'merge';
  embeddings: string;
  /** Every positional argument (merge takes several partial files). */
  inputs: string[];
  labels?: string;
  labelColumn?: string;
  vectors?: string;
  /** A raw float32 .bytes tensor's dimension (--dim). */
  dim?: number;
  weights?: string;
  bias?: string;
  k: number;
  /** Run TwoNN and MLE on a seeded sample of this many unique rows when there are more (default: all). */
  idSample?: number;
  /** How the --id-sample rows are drawn (in memory; the app's Dimension tab draws the same rows). */
  sampleStrategy: 'uniform' | 'stratified';
  /** Seed of the --id-sample draw (default 1, as the app's). */
  sampleSeed: number;
  json: boolean;
  backend: Backend;
  /** Threads for the kNN (this one included; default: the machine's available parallelism). */
  threads?: number;
  /** --cluster SPEC (see geometry/clusterRows.ts) and its seed. */
  cluster?: string;
  seed: number;
  /** Coding rate and PCA-picture faithfulness (on unless --no-extras). */
  extras: boolean;
  /** Streaming options (src/cli/stream.ts): force the streaming path, write a partial, ... */
  stream: boolean;
  partial?: string;
  /** nc4 across shards: the merged partial whose class means this shard's rows are compared against. */
  meansFrom?: string;
  idStratified: boolean;
  /** hash (default, mergeable) or reservoir (DuckDB's USING SAMPLE, DuckDB sources only). */
  idSampler: 'hash' | 'reservoir';
  approxKnn: boolean;
  sqlCheck: boolean;
  progress: boolean;
}

export type CliArgs = AnalyzeArgs | { command: 'help' };

export interface OptionSpec {
  flag: string;
  /** Placeholder of the value; absent for boolean switches. */
  value?: string;
  help: string;
}

/** The options of `analyze`, in --help order. */
export const OPTIONS: readonly OptionSpec[] = [
  { flag: '--labels', value: 'FILE', help: 'labels: one per line (.txt), a .npy of integers, or a .tsv/.csv metadata file' },
  { flag: '--label-column', value: 'NAME', help: 'column holding the labels in the --labels table or a JSON/Parquet input (default label/class)' },
  { flag: '--vectors', value: 'NAME', help: 'array, field, column, tensor, dataset or embedding holding the vectors (.npz/JSON/Parquet/Arrow/safetensors/.h5/.pt/projector config)' },
  { flag: '--dim', value: 'D', help: 'values per point of a raw float32 Projector .bytes tensor (else from the --labels row count)' },
  { flag: '--weights', value: 'W.npy', help: 'classifier weights, K x D (D x K is transposed), for nc3 and nc4; an .npz or .safetensors holding weight and bias gives both' },
  { flag: '--bias', value: 'b.npy', help: 'classifier bias, length K, for nc4 (without one, b = 0 is used and said)' },
  { flag: '--k', value: 'K', help: `neighbours for the Levina-Bickel MLE (default ${DEFAULT_MLE_K})` },
  { flag: '--id-sample', value: 'N', help: 'TwoNN and MLE on a seeded sample of N unique rows when there are more (the app uses 100000); default all' },
  { flag: '--sample-strategy', value: 'uniform|stratified', help: 'how --id-sample draws its rows: uniformly (default) or per class by largest-remainder quotas (needs labels); the app draws the same rows' },
  { flag: '--sample-seed', value: 'N', help: 'seed of the --id-sample draw (default 1, as the app)' },
  { flag: '--backend', value: 'wasm|cpu', help: 'tfjs backend for the N-sized work (default wasm)' },
  { flag: '--threads', value: 'N', help: 'threads for the nearest-neighbour scan, this one included (default: all cores; wasm only)' },
  { flag: '--stream', help: 'stream the rows in chunks with bounded memory (automatic for globs, files over 1 GiB, --partial)' },
  { flag: '--partial', value: 'FILE', help: 'write the mergeable statistics of this shard to FILE instead of a report (see merge)' },
  { flag: '--means-from', value: 'ALL.json', help: 'nc4 across shards: with --weights and --partial, count this shard\'s nc4 disagreements against the class means of ALL.json (merge ... --partial ALL.json)' },
  { flag: '--id-stratified', help: 'streaming: draw the ID sample per class, ceil(N / K) rows each' },
  { flag: '--id-sampler', value: 'hash|reservoir', help: "streaming: the ID sample by row hash (default, mergeable) or DuckDB's seeded reservoir" },
  { flag: '--approx-knn', help: 'streaming: also TwoNN/MLE over all rows by approximate kNN (usearch), with its measured recall' },
  { flag: '--sql-check', help: 'streaming from DuckDB: recompute class counts and means in SQL and compare' },
  { flag: '--progress', help: 'progress lines (rows/s, ETA) on stderr even when it is not a terminal' },
  { flag: '--cluster', value: 'SPEC', help: 'cluster first and use the clusters as labels: kmeans:K, ksubspaces:K[:DIM] or density (on PC1-2); ARI/NMI against --labels' },
  { flag: '--seed', value: 'N', help: 'seed of --cluster (default 1)' },
  { flag: '--no-extras', help: 'skip the coding rate and the PCA picture faithfulness (each about as costly as the kNN)' },
  { flag: '--json', help: 'print one JSON object (the analysis report) and nothing else on stdout' },
  { flag: '--help', help: 'show this help' },
];

/** One aligned help line per option. */
export function optionLines(options: readonly OptionSpec[]): string[] {
  const width = Math.max(...options.map((o) => o.flag.length + (o.value ? o.value.length + 1 : 0)));
  return options.map((o) => `  ${(o.value ? `${o.flag} ${o.value}` : o.flag).padEnd(width)}  ${o.help}`);
}

/** The --help text. */
export function usage(): string {
  const lines = optionLines(OPTIONS);
  return [
    'Usage: subspace-lab analyze EMBEDDINGS [options]',
    '       subspace-lab merge PART.json... [--json --weights W.npy --k K --partial ALL.json]',
    '       subspace-lab compare A B [options]   (two representations of the same items; compare --help)',
    '',
    'Geometry of a set of embeddings: PCA spectrum, intrinsic dimension, neural collapse.',
    'EMBEDDINGS: .npy, .npz, .parquet, .safetensors, .h5/.hdf5, .pt/.pth (torch.save), .arrow/.feather,',
    'Embedding Projector .bytes or projector_config.json (its tensor and metadata are read next to it),',
    '.json, .jsonl, .csv, .tsv (Projector vectors) or whitespace .txt; .gz allowed.',
    '',
    'Options:',
    ...lines,
    '',
    'Exit status: 0 success, 2 bad input (one line on stderr names the problem and the fix), 1 internal error.',
  ].join('\n');
}

/** Levenshtein distance, for "did you mean" suggestions. */
function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length];
}

function unknownOption(flag: string, options: readonly OptionSpec[]): InputError {
  const best = options.map((o) => ({ o, d: editDistance(flag, o.flag) })).sort((x, y) => x.d - y.d)[0];
  const hint = best && best.d <= 2 ? `Did you mean ${best.o.flag}? ` : '';
  return new InputError(`unknown option ${flag}.`, `${hint}Run subspace-lab --help for the options.`);
}

/** Splits argv (after the command) into option values, switches and positional arguments by an option table. */
export function scanArgs(rest: readonly string[], options: readonly OptionSpec[]): { values: Map<string, string>; positional: string[]; switches: Set<string> } {
  const values = new Map<string, string>();
  const positional: string[] = [];
  const switches = new Set<string>();
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (!arg.startsWith('--') || arg === '--') {
      if (arg === '--') positional.push(...rest.slice(i + 1));
      else positional.push(arg);
      if (arg === '--') break;
      continue;
    }
    const eq = arg.indexOf('=');
    const flag = eq < 0 ? arg : arg.slice(0, eq);
    const spec = options.find((o) => o.flag === flag);
    if (!spec) throw unknownOption(flag, options);
    if (!spec.value) {
      if (eq >= 0) throw new InputError(`${flag} takes no value.`, `Write ${flag} alone.`);
      switches.add(flag);
      continue;
    }
    let value = eq < 0 ? rest[++i] : arg.slice(eq + 1);
    if (value === undefined || value === '' || (eq < 0 && value.startsWith('--'))) {
      throw new InputError(`${flag} needs a value.`, `Write ${flag} ${spec.value}.`);
    }
    value = value.trim();
    values.set(flag, value);
  }
  return { values, positional, switches };
}

/** Parses argv (without node and the script); InputError on anything it cannot use. */
export function parseArgs(argv: readonly string[]): CliArgs {
  if (argv.length === 0 || argv.includes('--help') || argv.includes('-h') || argv[0] === 'help') return { command: 'help' };
  const [command, ...rest] = argv;
  if (command !== 'analyze' && command !== 'merge') {
    if (command.startsWith('-')) throw new InputError(`missing command before ${command}.`, 'Use: subspace-lab analyze EMBEDDINGS [options].');
    throw new InputError(`unknown command ${JSON.stringify(command)}.`, 'Use: subspace-lab analyze EMBEDDINGS [options], subspace-lab compare A B [options] or subspace-lab merge PART.json... (see --help).');
  }
  const { values, positional, switches } = scanArgs(rest, OPTIONS);
  const json = switches.has('--json');
  if (positional.length === 0 && command === 'merge') throw new InputError('merge needs partial files.', 'Use: subspace-lab merge part1.json part2.json ...');
  if (positional.length === 0) throw new InputError('analyze needs an EMBEDDINGS file.', 'Use: subspace-lab analyze EMBEDDINGS [options].');
  if (positional.length > 1 && command === 'analyze') {
    throw new InputError(`unexpected argument ${JSON.stringify(positional[1])}.`, 'Pass exactly one EMBEDDINGS file; labels go after --labels.');
  }
  const kText = values.get('--k') ?? '20';
  const k = /^\d+$/.test(kText) ? Number(kText) : Number.NaN;
  if (!(k >= 2)) throw new InputError(`--k must be an integer of at least 2, got ${JSON.stringify(kText)}.`, 'Write e.g. --k 20.');
  const sampleText = values.get('--id-sample');
  const idSample = sampleText === undefined ? undefined : /^\d+$/.test(sampleText) ? Number(sampleText) : Number.NaN;
  if (idSample !== undefined && !(idSample >= 3)) {
    throw new InputError(`--id-sample must be an integer of at least 3, got ${JSON.stringify(sampleText)}.`, 'Write e.g. --id-sample 100000.');
  }
  const sampleStrategy = values.get('--sample-strategy') ?? 'uniform';
  if (sampleStrategy !== 'uniform' && sampleStrategy !== 'stratified') {
    throw new InputError(`unknown sample strategy ${JSON.stringify(sampleStrategy)}.`, 'Use --sample-strategy uniform or --sample-strategy stratified.');
  }
  const seedText = values.get('--sample-seed');
  if (seedText !== undefined && !(/^\d+$/.test(seedText) && Number(seedText) < 2 ** 31)) {
    throw new InputError(`--sample-seed must be an integer from 0 to 2147483647, got ${JSON.stringify(seedText)}.`, 'Write e.g. --sample-seed 7.');
  }
  for (const flag of ['--sample-strategy', '--sample-seed']) {
    if (values.has(flag) && idSample === undefined) throw new InputError(`${flag} shapes the --id-sample draw, but no --id-sample was given.`, `Add --id-sample N (e.g. --id-sample 5000 ${flag} ${values.get(flag)}).`);
  }
  const backend = values.get('--backend') ?? 'wasm';
  if (backend !== 'wasm' && backend !== 'cpu') {
    throw new InputError(`unknown backend ${JSON.stringify(backend)}.`, 'Use --backend wasm or --backend cpu.');
  }
  const threadsText = values.get('--threads');
  const threads = threadsText === undefined ? undefined : /^\d+$/.test(threadsText) ? Number(threadsText) : Number.NaN;
  if (threads !== undefined && !(threads >= 1)) {
    throw new InputError(`--threads must be an integer of at least 1, got ${JSON.stringify(threadsText)}.`, 'Write e.g. --threads 2 (1 runs on this thread only).');
  }
  const dimText = values.get('--dim');
  const dim = dimText === undefined ? undefined : /^\d+$/.test(dimText) && Number(dimText) >= 1 ? Number(dimText) : Number.NaN;
  if (Number.isNaN(dim)) throw new InputError(`--dim must be a positive integer, got ${JSON.stringify(dimText)}.`, 'Write e.g. --dim 128 (the values per point of the .bytes tensor).');
  const idSampler = values.get('--id-sampler') ?? 'hash';
  if (idSampler !== 'hash' && idSampler !== 'reservoir') {
    throw new InputError(`unknown ID sampler ${JSON.stringify(idSampler)}.`, 'Use --id-sampler hash or --id-sampler reservoir.');
  }
  if (values.has('--means-from') && !(values.has('--weights') && values.has('--partial'))) {
    throw new InputError('--means-from counts nc4 for a partial, so it needs --weights and --partial.', 'Run: subspace-lab analyze SHARD --weights W.npy --means-from ALL.json --partial Q.json');
  }
  if (values.has('--bias') && !values.has('--weights')) {
    throw new InputError('--bias was given without --weights.', 'Pass the classifier weights with --weights W.npy as well.');
  }
  return {
    command,
    embeddings: positional[0],
    inputs: positional,
    labels: values.get('--labels'),
    labelColumn: values.get('--label-column'),
    vectors: values.get('--vectors'),
    dim,
    weights: values.get('--weights'),
    bias: values.get('--bias'),
    k,
    idSample,
    sampleStrategy,
    sampleSeed: seedText === undefined ? 1 : Number(seedText),
    cluster: values.get('--cluster'),
    seed: seedOf(values.get('--seed')),
    extras: !switches.has('--no-extras'),
    json,
    backend,
    threads,
    stream: switches.has('--stream'),
    partial: values.get('--partial'),
    meansFrom: values.get('--means-from'),
    idStratified: switches.has('--id-stratified'),
    idSampler,
    approxKnn: switches.has('--approx-knn'),
    sqlCheck: switches.has('--sql-check'),
    progress: switches.has('--progress'),
  };
}

function seedOf(text: string | undefined): number {
  if (text === undefined) return 1;
  if (!/^\d+$/.test(text)) throw new InputError(`--seed must be a non-negative integer, got ${JSON.stringify(text)}.`, 'Write e.g. --seed 1.');
  return Number(text);
}
