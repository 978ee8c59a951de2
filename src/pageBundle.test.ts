/**
 * The page's own bundle never loads tfjs: tfjs-core reads window.location.search with an unguarded
 * decodeURIComponent when it starts, so a malformed address (?data=%ZZ) would blank the page.
 * tfjs belongs in the workers. This walks the static (non-type) imports from src/main.tsx.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';

function resolve(from: string, spec: string): string | null {
  const base = join(dirname(from), spec);
  for (const c of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')]) if (existsSync(c) && statSync(c).isFile()) return c;
  return null;
}

/** Value imports of a file (type-only imports and type-only specifier lists left out). */
function valueImports(source: string): string[] {
  const out: string[] = [];
  for (const m of source.matchAll(/^import\s+(?!type\b)([^;]*?)\s+from\s+'([^']+)'/gms)) {
    const clause = m[1].trim();
    const braces = /^\{([^}]*)\}$/.exec(clause);
    if (braces && braces[1].split(',').every((s) => s.trim() === '' || s.trim().startsWith('type '))) continue;
    out.push(m[2]);
  }
  for (const m of source.matchAll(/^import\s+'([^']+)'/gm)) out.push(m[1]);
  for (const m of source.matchAll(/^export\s+(?:\*|\{[^}]*\})\s+from\s+'([^']+)'/gm)) out.push(m[1]);
  return out;
}

/** Each bare package the page imports, with the chain of files that leads to it. */
function pagePackages(entry: string): Map<string, string[]> {
  const parent = new Map<string, string | null>([[entry, null]]);
  const queue = [entry];
  const packages = new Map<string, string[]>();
  while (queue.length) {
    const file = queue.shift()!;
    for (const spec of valueImports(readFileSync(file, 'utf8'))) {
      if (!spec.startsWith('.')) {
        if (!packages.has(spec)) {
          const chain = [file];
          for (let p = parent.get(file); p; p = parent.get(p)) chain.unshift(p);
          packages.set(spec, chain);
        }
        continue;
      }
      const next = resolve(file, spec);
      if (next && !parent.has(next)) {
        parent.set(next, file);
        queue.push(next);
      }
    }
  }
  return packages;
}

describe('the page bundle', () => {
  it('imports no tfjs package (only the workers do)', () => {
    const packages = pagePackages('src/main.tsx');
    const tf = [...packages].filter(([p]) => p.startsWith('@tensorflow/')).map(([p, chain]) => `${p} via ${chain.join(' -> ')}`);
    expect(tf).toEqual([]);
    // The walk sees the page's own libraries, so an empty list above is not an empty walk.
    expect(packages.has('react')).toBe(true);
    expect(packages.has('zustand')).toBe(true);
  });
});
