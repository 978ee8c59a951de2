/**
 * A problem with the user's input: what is wrong and how to fix it. The CLI prints
 * `subspace-lab: ${message}` and exits 2; the app shows the same text.
 */
export class InputError extends Error {
  readonly problem: string;
  readonly fix: string;

  constructor(problem: string, fix: string) {
    super(`${problem} ${fix}`);
    this.name = 'InputError';
    this.problem = problem;
    this.fix = fix;
  }
}

/** True when e is an InputError (also across module copies, by name and fields). */
export function isInputError(e: unknown): e is InputError {
  if (e instanceof InputError) return true;
  if (typeof e !== 'object' || e === null) return false;
  const r = e as Record<string, unknown>;
  return r.name === 'InputError' && typeof r.problem === 'string' && typeof r.fix === 'string';
}
