import { describe, expect, it } from 'vitest';
import { searchPoints, type TextColumn } from './search';

const labels = ['cat', 'dog', 'Caterpillar', 'bird'];
const notes = ['', 'likes cats', 'x', '<img src=x onerror=alert(1)>'];
const cols: TextColumn[] = [
  { name: 'label', at: (i) => labels[i] },
  { name: 'note', at: (i) => notes[i] },
];

describe('searchPoints', () => {
  it('matches substrings case-insensitively in any column', () => {
    const r = searchPoints('CAT', false, cols, 4);
    expect(Array.from(r.mask!)).toEqual([1, 1, 1, 0]);
    expect(r.count).toBe(3);
  });

  it('matches regular expressions and treats text literally without regex', () => {
    expect(Array.from(searchPoints('^cat$', true, cols, 4).mask!)).toEqual([1, 0, 0, 0]);
    expect(Array.from(searchPoints('<img', false, cols, 4).mask!)).toEqual([0, 0, 0, 1]);
    expect(searchPoints('.', false, cols, 4).count).toBe(0);
  });

  it('reports an invalid regular expression and matches nothing for an empty query', () => {
    const bad = searchPoints('(', true, cols, 4);
    expect(bad.mask).toBeNull();
    expect(bad.error).toMatch(/Not a valid regular expression/);
    expect(searchPoints('', false, cols, 4).count).toBe(0);
  });
});
