/**
 * Where JSON text goes wrong. JSON.parse's messages in V8 mostly omit the position, so after a failed
 * parse this scanner re-reads the text by the RFC 8259 grammar and returns the first offending offset.
 */
import { InputError } from './errors';

class Fault {
  constructor(readonly offset: number) {}
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const HEX4 = /[0-9a-fA-F]{4}/y;

/**
 * The offset (UTF-16 units) of the first character that breaks the JSON grammar, text.length when the
 * text ends too early, or -1 when the text is valid JSON.
 */
export function jsonErrorOffset(text: string): number {
  let i = 0;
  const len = text.length;
  const fail = (): never => {
    throw new Fault(i);
  };
  const skip = () => {
    for (let c = text.charCodeAt(i); c === 32 || c === 9 || c === 10 || c === 13; c = text.charCodeAt(++i));
  };
  const literal = (word: string) => {
    for (let k = 0; k < word.length; k++, i++) if (text[i] !== word[k]) fail();
  };
  const string = () => {
    i++;
    for (;;) {
      if (i >= len) fail();
      const c = text.charCodeAt(i);
      if (c === 34) { i++; return; }
      if (c < 32) fail();
      if (c !== 92) { i++; continue; }
      i++;
      if ('"\\/bfnrt'.includes(text[i] ?? 'x')) { i++; continue; }
      if (text[i] !== 'u') fail();
      i++;
      HEX4.lastIndex = i;
      if (!HEX4.test(text)) fail();
      i += 4;
    }
  };
  const value = (): void => {
    skip();
    const c = text[i];
    if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      i++;
      skip();
      if (text[i] === close) { i++; return; }
      for (;;) {
        if (close === '}') {
          skip();
          if (text[i] !== '"') fail();
          string();
          skip();
          if (text[i] !== ':') fail();
          i++;
        }
        value();
        skip();
        if (text[i] === ',') { i++; continue; }
        if (text[i] === close) { i++; return; }
        fail();
      }
    }
    if (c === '"') return string();
    if (c === 't') return literal('true');
    if (c === 'f') return literal('false');
    if (c === 'n') return literal('null');
    NUMBER.lastIndex = i;
    if (!NUMBER.test(text)) fail();
    i = NUMBER.lastIndex;
  };
  try {
    value();
    skip();
    return i < len ? i : -1;
  } catch (e) {
    if (e instanceof Fault) return e.offset;
    if (e instanceof RangeError) return -1;
    throw e;
  }
}

/** 1-based line and column of an offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let p = text.indexOf('\n'); p >= 0 && p < offset; p = text.indexOf('\n', p + 1)) {
    line++;
    start = p + 1;
  }
  return { line, column: offset - start + 1 };
}

/**
 * The InputError for JSON text that failed to parse: where (line and column, the text around it) and a fix;
 * NaN/Infinity, which Python's json module writes but JSON forbids, get their own fix. `where` names the
 * text ('points.json', 'points.jsonl line 7'); with `oneLine` only the column is given.
 */
export function jsonSyntaxError(text: string, where: string, oneLine = false): InputError {
  const offset = jsonErrorOffset(text);
  if (offset < 0) return new InputError(`${where} is not valid JSON.`, 'Re-export it with a JSON writer (json.dump, JSON.stringify).');
  if (offset >= text.length) {
    return new InputError(`${where} ends before its JSON is complete.`, 'The file may be cut short: re-export or re-download it.');
  }
  const { line, column } = lineColumn(text, offset);
  const squash = (t: string) => t.replace(/\s+/g, ' ');
  const context = `after ${JSON.stringify(squash(text.slice(Math.max(0, offset - 20), offset)))}, at ${JSON.stringify(squash(text.slice(offset, offset + 12)))}`;
  const problem = `${where} is not valid JSON at ${oneLine ? '' : `line ${line}, `}column ${column} (${context}).`;
  if (/^(-?Infinity|NaN)/.test(text.slice(offset, offset + 9))) {
    return new InputError(problem, 'JSON has no NaN or Infinity (Python\'s json.dump writes them): write null for a missing value, or save the vectors with numpy.save.');
  }
  return new InputError(problem, 'Fix the text there (often a missing comma or bracket, or a cut-off file), or re-export it with a JSON writer.');
}
