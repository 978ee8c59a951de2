/**
 * URL fields as one declarative table per mode (TensorFlow Playground's pattern): each field names
 * its query parameter, its type and range, and a lens into the mode's state. The same table parses
 * a query string into state and writes state back into one; a field equal to the base state's value
 * (the default) is left out, so links stay short. Values outside a field's type or range are
 * ignored and reported as notes, never thrown.
 */

/** A URL value that was not used, and why (shown to the user). */
export interface UrlNote {
  field: string;
  value: string;
  problem: string;
}

/** One query parameter of a mode: how to read it from state, check and parse it, and write it back. */
export interface Field<S> {
  name: string;
  /** One line for the table: what the field is (and its range). */
  doc: string;
  /** The field's text in `state`, or null when it does not apply (e.g. blob separation of spirals). */
  format: (state: S) => string | null;
  /** The state with the field's text applied, or a Refused saying why the text was not used. */
  apply: (state: S, text: string) => S | Refused;
}

/** Why a field's text was not applied. */
export class Refused {
  constructor(readonly problem: string) {}
}

const NOT_HERE = new Refused('does not apply to these settings');

/**
 * How a field reads and writes state: `get` null means the field is not written; `applies` (default:
 * `get` is not null) says whether a value in the URL may be applied to this state.
 */
type Lens<S, T> = { get: (s: S) => T | null; set: (s: S, v: T) => S; applies?: (s: S) => boolean };

const applies = <S, T>(lens: Lens<S, T>, s: S) => (lens.applies ? lens.applies(s) : lens.get(s) !== null);

/** Shortest text that parses back to exactly `v` (JavaScript's own number formatting round-trips). */
export const formatNumber = (v: number): string => String(v);

/** A number field in [min, max] (integers only when `int`). */
export function numberField<S>(name: string, doc: string, range: { min: number; max: number; int?: boolean }, lens: Lens<S, number>): Field<S> {
  const kind = range.int ? 'an integer' : 'a number';
  return {
    name,
    doc: `${doc} (${kind} in [${range.min}, ${range.max}])`,
    format: (s) => {
      const v = lens.get(s);
      return v === null ? null : formatNumber(v);
    },
    apply: (s, text) => {
      if (!applies(lens, s)) return NOT_HERE;
      const v = text.trim() === '' ? NaN : Number(text);
      if (!Number.isFinite(v) || (range.int && !Number.isInteger(v))) return new Refused(`is not ${kind}`);
      if (v < range.min || v > range.max) return new Refused(`is outside [${range.min}, ${range.max}]`);
      return lens.set(s, v);
    },
  };
}

/** A field taking one of `options`. */
export function enumField<S, T extends string>(name: string, doc: string, options: readonly T[], lens: Lens<S, T>, aliases: Readonly<Record<string, T>> = {}): Field<S> {
  return {
    name,
    doc: `${doc} (one of ${options.join(', ')})`,
    format: (s) => lens.get(s),
    apply: (s, text) => {
      if (!applies(lens, s)) return NOT_HERE;
      const value = Object.hasOwn(aliases, text) ? aliases[text] : text;
      if (!(options as readonly string[]).includes(value)) return new Refused(`is not one of ${options.join(', ')}`);
      return lens.set(s, value as T);
    },
  };
}

/** An on/off field written as 1 or 0. */
export function boolField<S>(name: string, doc: string, lens: Lens<S, boolean>): Field<S> {
  return {
    name,
    doc: `${doc} (1 or 0)`,
    format: (s) => {
      const v = lens.get(s);
      return v === null ? null : v ? '1' : '0';
    },
    apply: (s, text) => {
      if (!applies(lens, s)) return NOT_HERE;
      if (text !== '1' && text !== '0') return new Refused('is not 1 or 0');
      return lens.set(s, text === '1');
    },
  };
}

/** A free text field; `check` returns a problem for text it refuses. */
export function textField<S>(name: string, doc: string, lens: Lens<S, string>, check: (text: string) => string | null = () => null): Field<S> {
  return {
    name,
    doc,
    format: (s) => lens.get(s),
    apply: (s, text) => {
      const problem = check(text);
      return problem ? new Refused(problem) : lens.set(s, text);
    },
  };
}

/**
 * Applies the table's fields found in `params` to `base`, in table order (so a data source is set
 * before its own parameters). Returns the state and a note for every refused value.
 */
export function parseFields<S>(table: readonly Field<S>[], params: URLSearchParams, base: S): { state: S; notes: UrlNote[] } {
  let state = base;
  const notes: UrlNote[] = [];
  for (const f of table) {
    const text = params.get(f.name);
    if (text === null) continue;
    const next = f.apply(state, text);
    if (next instanceof Refused) notes.push({ field: f.name, value: text, problem: next.problem });
    else state = next;
  }
  return { state, notes };
}

/**
 * Writes the fields of `state` that differ from `base` into `params` and removes the others. The
 * base follows the written fields as parseFields would apply them, so a field that an earlier one
 * sets (a spirals source's own n and noise, the profile interval a new snapshot interval implies)
 * is written only when it differs from that.
 */
export function writeFields<S>(table: readonly Field<S>[], state: S, base: S, params: URLSearchParams): void {
  let replay = base;
  for (const f of table) {
    const v = f.format(state);
    if (v === null || v === f.format(replay)) {
      params.delete(f.name);
      continue;
    }
    params.set(f.name, v);
    const next = f.apply(replay, v);
    if (!(next instanceof Refused)) replay = next;
  }
}

/** Notes for parameters of `params` that no table or known key names. */
export function unknownFields(params: URLSearchParams, known: ReadonlySet<string>): UrlNote[] {
  const notes: UrlNote[] = [];
  for (const [k, v] of params) if (!known.has(k)) notes.push({ field: k, value: v, problem: 'is not a setting of this mode' });
  return notes;
}
