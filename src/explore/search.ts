/** Finding points by text: a plain substring (case-insensitive) or a regular expression over label and metadata columns. */

/** A column of per-point text to search. */
export interface TextColumn {
  name: string;
  /** Text of point i. */
  at: (i: number) => string;
}

export type SearchResult = { mask: Uint8Array; count: number; error: null } | { mask: null; count: 0; error: string };

/**
 * Marks the points (n) where any column matches `query`: case-insensitive substring, or with
 * `regex` a JavaScript regular expression (case-insensitive, unanchored). An invalid regex is
 * reported, not thrown. An empty query matches nothing.
 */
export function searchPoints(query: string, regex: boolean, columns: readonly TextColumn[], n: number): SearchResult {
  const mask = new Uint8Array(n);
  if (query === '') return { mask, count: 0, error: null };
  let test: (s: string) => boolean;
  if (regex) {
    let re: RegExp;
    try {
      re = new RegExp(query, 'i');
    } catch (e) {
      return { mask: null, count: 0, error: `Not a valid regular expression: ${(e as Error).message}` };
    }
    test = (s) => re.test(s);
  } else {
    const q = query.toLowerCase();
    test = (s) => s.toLowerCase().includes(q);
  }
  let count = 0;
  for (let i = 0; i < n; i++) {
    for (const c of columns) {
      if (test(c.at(i))) {
        mask[i] = 1;
        count++;
        break;
      }
    }
  }
  return { mask, count, error: null };
}
