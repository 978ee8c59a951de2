/**
 * The CLI's option kit: an option table that both parses and documents (scanArgs, helpText), and
 * the readers of typed option values that analyze and compare share (integers, fixed choices).
 */
import { InputError } from '../io/errors';

export interface OptionSpec {
  flag: string;
  /** Placeholder of the value; absent for boolean switches. */
  value?: string;
  help: string;
}

/** One aligned help line per option. */
export function optionLines(options: readonly OptionSpec[]): string[] {
  const width = Math.max(...options.map((o) => o.flag.length + (o.value ? o.value.length + 1 : 0)));
  return options.map((o) => `  ${(o.value ? `${o.flag} ${o.value}` : o.flag).padEnd(width)}  ${o.help}`);
}

/** The --help text: `head` lines, the aligned option lines, and the exit statuses. */
export function helpText(head: readonly string[], options: readonly OptionSpec[]): string {
  return [
    ...head,
    '',
    'Options:',
    ...optionLines(options),
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

/**
 * The integer value of `flag` (undefined when it is absent): digits only and at least `min`, else an
 * InputError "FLAG must be WHAT, got "TEXT"." with the fix `Write e.g. FLAG EXAMPLE.`
 */
export function integerOption(values: ReadonlyMap<string, string>, flag: string, min: number, example: string, what = `an integer of at least ${min}`): number | undefined {
  const text = values.get(flag);
  if (text === undefined) return undefined;
  const v = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!(v >= min)) throw new InputError(`${flag} must be ${what}, got ${JSON.stringify(text)}.`, `Write e.g. ${flag} ${example}.`);
  return v;
}

/** The value of `flag` among `choices` (`fallback` when absent); else InputError "unknown WHAT "TEXT"." with the choices. */
export function choiceOption<T extends string>(values: ReadonlyMap<string, string>, flag: string, choices: readonly T[], fallback: T, what: string): T {
  const text = values.get(flag) ?? fallback;
  if (!(choices as readonly string[]).includes(text)) {
    throw new InputError(`unknown ${what} ${JSON.stringify(text)}.`, `Use ${choices.map((c) => `${flag} ${c}`).join(' or ')}.`);
  }
  return text as T;
}
