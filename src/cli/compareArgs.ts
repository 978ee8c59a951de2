/** `subspace-lab compare A B [options]`: its option table (parses and documents) and the argument parser. */
import { InputError } from '../io/errors';
import { COMPARE_DEFAULTS as D } from '../compare/types';
import { BACKENDS, OPTIONS, type AnalyzeArgs } from './args';
import { choiceOption, helpText, integerOption, scanArgs, type OptionSpec } from './options';

export interface CompareArgs extends Pick<AnalyzeArgs, 'labels' | 'labelColumn' | 'json' | 'backend'> {
  command: 'compare';
  /** The two inputs as written: FILE, or FILE:NAME naming the array/tensor/column inside it. */
  a: string;
  b: string;
  metaA?: string;
  metaB?: string;
  idColumn?: string;
  sharedOnly: boolean;
  k: number;
  svccaK: number;
  anchors: number;
  seed: number;
  /** Items the alignment curve runs on; Infinity = all. */
  curveRows: number;
  curve: boolean;
  classK: number;
}

/** The options of `compare`, in --help order. */
export const COMPARE_OPTIONS: readonly OptionSpec[] = [
  { flag: '--labels', value: 'FILE', help: "labels of A's rows (one per line, .npy of integers, or a .tsv/.csv column); else labels stored in A, else in B" },
  { flag: '--label-column', value: 'NAME', help: 'column holding the labels in the --labels table or in A (default label/class)' },
  { flag: '--id-column', value: 'NAME', help: 'match rows by this metadata column (JSON/Parquet fields, or --meta-a/--meta-b) instead of by order' },
  { flag: '--meta-a', value: 'FILE', help: "metadata table (.tsv/.csv with a header row) of A's rows, for --id-column" },
  { flag: '--meta-b', value: 'FILE', help: "metadata table of B's rows, for --id-column" },
  { flag: '--shared-only', help: 'with --id-column: compare the ids both sides have instead of failing on unmatched ones' },
  { flag: '--k', value: 'K', help: `neighbours of the mutual kNN (default ${D.k})` },
  { flag: '--svcca-k', value: 'K', help: `principal directions per side for SVCCA (default ${D.svccaK})` },
  { flag: '--anchors', value: 'M', help: `anchors of the relative representations (default ${D.anchors})` },
  { flag: '--seed', value: 'S', help: `seed of the anchors and of the curve's item sample (default ${D.seed})` },
  { flag: '--curve-rows', value: 'N|all', help: `items the alignment-vs-k curve runs on, a seeded sample when there are more (default ${D.curveRows})` },
  { flag: '--no-curve', help: 'skip the alignment-vs-k curve' },
  { flag: '--class-k', value: 'K', help: `class-subspace dimension of the per-class angles (default ${D.classK})` },
  OPTIONS.find((o) => o.flag === '--backend')!,
  { flag: '--json', help: 'print one JSON object (the comparison report) and nothing else on stdout' },
  OPTIONS.find((o) => o.flag === '--help')!,
];

/** The --help text of compare. */
export function compareUsage(): string {
  return helpText(
    [
      'Usage: subspace-lab compare A B [options]',
      '',
      'Two representations of the same items: CKA, mutual kNN, Procrustes, SVCCA, relative representations,',
      'retrieval, alignment vs subspace dimension; with labels, per-class angles and collapse of each side.',
      'A, B: any file analyze reads, or FILE:NAME for the array/tensor/column NAME inside it',
      '(two arrays of one file: run.npz:layer1 run.npz:layer2). A path that itself exists is taken whole.',
      'Rows are matched by order unless --id-column names an id column; dimensions may differ.',
    ],
    COMPARE_OPTIONS,
  );
}

/** An integer option of compare: `fallback` when absent, the example of its fix at least `min`. */
const integer = (values: Map<string, string>, flag: string, fallback: number, min: number): number =>
  integerOption(values, flag, min, String(Math.max(min, fallback))) ?? fallback;

/** Parses the arguments after `compare`; InputError on anything it cannot use. */
export function parseCompareArgs(rest: readonly string[]): CompareArgs | { command: 'help' } {
  if (rest.includes('--help') || rest.includes('-h')) return { command: 'help' };
  const { values, positional, switches } = scanArgs(rest, COMPARE_OPTIONS);
  if (positional.length !== 2) {
    throw new InputError(`compare needs two inputs, got ${positional.length}.`, 'Use: subspace-lab compare A B [options] (A, B: files, or FILE:NAME for an array inside a file).');
  }
  const backend = choiceOption(values, '--backend', BACKENDS, 'wasm', 'backend');
  for (const flag of ['--meta-a', '--meta-b', '--shared-only']) {
    if ((values.has(flag) || switches.has(flag)) && !values.has('--id-column')) {
      throw new InputError(`${flag} was given without --id-column.`, 'Name the id column with --id-column NAME (or drop the option to match rows by order).');
    }
  }
  const curveText = values.get('--curve-rows');
  return {
    command: 'compare',
    a: positional[0],
    b: positional[1],
    labels: values.get('--labels'),
    labelColumn: values.get('--label-column'),
    metaA: values.get('--meta-a'),
    metaB: values.get('--meta-b'),
    idColumn: values.get('--id-column'),
    sharedOnly: switches.has('--shared-only'),
    k: integer(values, '--k', D.k, 1),
    svccaK: integer(values, '--svcca-k', D.svccaK, 1),
    anchors: integer(values, '--anchors', D.anchors, 1),
    seed: integer(values, '--seed', D.seed, 0),
    curveRows: curveText === 'all' ? Infinity : integer(values, '--curve-rows', D.curveRows, 3),
    curve: !switches.has('--no-curve'),
    classK: integer(values, '--class-k', D.classK, 1),
    json: switches.has('--json'),
    backend,
  };
}
