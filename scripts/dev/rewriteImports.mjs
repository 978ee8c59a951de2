#!/usr/bin/env node
/* global process, console */
// Rewrites relative import specifiers after files are moved (run it after `git mv`), and writes
// every relative specifier of a .ts/.tsx file in the house style: without the .ts/.tsx extension.
// Usage: node scripts/dev/rewriteImports.mjs moves.txt   (one "old/path.ts new/path.ts" a line,
// paths from the repository root). Both directions are handled: imports OF a moved file are
// pointed at its new place, and imports INSIDE a moved file are re-based on its new folder.
// Specifiers: `from '...'`, `import '...'`, `import('...')`, `vi.mock('...')`, `vi.importActual('...')`.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, posix, relative } from 'node:path';

const ROOTS = ['src', 'e2e', 'scripts', 'tests', 'bin'];
const EXTS = ['.ts', '.tsx', '.mjs', '.js'];
const root = process.cwd();

const movesFile = process.argv[2];
const moves = new Map(); // old -> new (repo-relative, posix)
if (movesFile) {
  for (const line of readFileSync(movesFile, 'utf8').split('\n')) {
    const t = line.trim();
    if (!t || t.startsWith('#')) continue;
    const [from, to] = t.split(/\s+/);
    moves.set(from, to);
  }
}
const back = new Map([...moves].map(([a, b]) => [b, a]));

function walk(dir, out) {
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('dist')) continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (EXTS.some((e) => name.endsWith(e))) out.push(p.split('\\').join('/'));
  }
  return out;
}

/** The repo path an old-tree specifier names (file as written, +ext, or /index), or null. */
function resolveOld(target) {
  const candidates = [target, ...EXTS.map((e) => target + e), ...EXTS.map((e) => `${target}/index${e}`)];
  for (const c of candidates) if (moves.has(c)) return c;
  for (const c of candidates) if (!back.has(c) && existsSync(join(root, c)) && statSync(join(root, c)).isFile()) return c;
  return null;
}

const SPEC = /(\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|\bvi\.mock\(\s*|\bvi\.importActual(?:<[^>]*>)?\(\s*)(['"])(\.{1,2}\/[^'"]*)\2/g;
let changedFiles = 0;
let unresolved = 0;
for (const file of ROOTS.flatMap((r) => walk(r, []))) {
  const oldFile = back.get(file) ?? file;
  const src = readFileSync(file, 'utf8');
  const stripExt = /\.tsx?$/.test(file);
  const out = src.replace(SPEC, (whole, lead, q, spec) => {
    const [path, query] = spec.split(/(?=\?)/);
    const oldTarget = resolveOld(posix.normalize(posix.join(posix.dirname(oldFile), path)));
    if (!oldTarget) {
      unresolved++;
      console.warn(`unresolved: ${file}: ${spec}`);
      return whole;
    }
    const newTarget = moves.get(oldTarget) ?? oldTarget;
    let rel = relative(dirname(file), newTarget).split('\\').join('/');
    if (!rel.startsWith('.')) rel = `./${rel}`;
    // keep an index import as the folder when it was written so
    const wroteFolder = !/\.[a-z]+$/.test(path) && /\/index\.[a-z]+$/.test(newTarget) && !path.endsWith('index');
    if (wroteFolder) rel = rel.replace(/\/index\.[a-z]+$/, '');
    if (stripExt) rel = rel.replace(/\.tsx?$/, '');
    else if (!/\.[a-z]+$/.test(path)) rel = rel.replace(/\.[a-z]+$/, '');
    return `${lead}${q}${rel}${query ?? ''}${q}`;
  });
  if (out !== src) {
    writeFileSync(file, out);
    changedFiles++;
  }
}
console.log(`${changedFiles} files rewritten, ${moves.size} moves, ${unresolved} unresolved specifiers`);
