/**
 * Build of the bench pages into dist-bench/bench, next to the app built into dist-bench, so one
 * `vite preview` serves both from the same origin: points.js (bare three.js scenes, loaded into
 * the app's page as a module script) and train.html (a trainer driven directly on one tfjs backend).
 * Run after the app's build (that one empties dist-bench). BENCH_OUTDIR replaces dist-bench.
 */
import { join } from 'node:path';
import { defineConfig } from 'vite';

const pages = join(import.meta.dirname, 'pages');

export default defineConfig({
  root: pages,
  base: '/bench/',
  publicDir: false,
  logLevel: 'warn',
  build: {
    outDir: join(import.meta.dirname, '..', '..', process.env.BENCH_OUTDIR || 'dist-bench', 'bench'),
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 4000,
    rollupOptions: {
      input: { points: join(pages, 'points.ts'), train: join(pages, 'train.html') },
      output: { entryFileNames: '[name].js' },
    },
  },
});
