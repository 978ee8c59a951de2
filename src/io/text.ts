/**
 * Text helpers for parsers and their messages: strict UTF-8 decoding that names the line of the
 * first invalid byte, user text shortened for messages, byte counts, and file names from URLs.
 */
import { InputError } from './errors';

/** Longest piece of user text (a label, a column name, a cell) echoed into a message. */
export const MAX_ECHO = 80;

/** `s` as a JSON string literal, cut to MAX_ECHO characters with an ellipsis when longer. */
export function quoteShort(s: string, max = MAX_ECHO): string {
  if (s.length <= max) return JSON.stringify(s);
  return `${JSON.stringify(s.slice(0, max))}… (${s.length.toLocaleString('en-US')} characters)`;
}

/** The InputError for a file of 0 bytes. */
export function emptyFileError(name: string): InputError {
  return new InputError(`${name} is empty (0 bytes).`, 'Choose the file again: it may not have been saved or downloaded completely.');
}

/** '1,048,576 bytes'. */
export function byteCount(n: number): string {
  return `${n.toLocaleString('en-US')} byte${n === 1 ? '' : 's'}`;
}

/** The 1-based line holding byte `at` (counting '\n'). */
function lineOf(bytes: Uint8Array, at: number): number {
  let line = 1;
  for (let i = 0; i < at; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** Byte index of the first invalid UTF-8 sequence in `bytes`, or -1 (a strict decoder agrees). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  const strict = new TextDecoder('utf-8', { fatal: true });
  // Line by line: a '\n' byte never occurs inside a valid multi-byte sequence.
  let start = 0;
  while (start < bytes.length) {
    let end = bytes.indexOf(0x0a, start);
    if (end < 0) end = bytes.length;
    try {
      strict.decode(bytes.subarray(start, end));
    } catch {
      return start;
    }
    start = end + 1;
  }
  return -1;
}

/**
 * Decodes UTF-8 text, refusing invalid bytes with the line they are on: a lenient decoder would turn
 * every invalid byte into U+FFFD and so merge distinct labels ('\xff' and '\xfe' would become one class).
 * A leading byte-order mark is dropped.
 */
export function decodeUtf8(bytes: Uint8Array, name: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    const line = lineOf(bytes, Math.max(at, 0));
    throw new InputError(
      `${name} line ${line} is not valid UTF-8 text (invalid bytes would merge distinct labels).`,
      'Re-save the file as UTF-8, e.g. iconv -f latin1 -t utf-8, or open it with encoding="latin-1" in Python and write it back with encoding="utf-8".',
    );
  }
}

/**
 * decodeURIComponent, or null when `s` is not valid percent-encoding ('%ZZ', a lone '%', '%FF').
 * (The result must be used: a minifier drops a bare decodeURIComponent call inside try as side-effect free.)
 */
export function tryDecodeUri(s: string): string | null {
  try {
    return decodeURIComponent(s);
  } catch {
    return null;
  }
}

/** decodeURIComponent that returns its input unchanged when it is not valid percent-encoding. */
export function decodeUriSafe(s: string): string {
  return tryDecodeUri(s) ?? s;
}
