/**
 * The browser bench's build and server: the app built by `vite build --outDir dist-bench` exactly as
 * shipped, the bench pages (scripts/bench/pages) built into dist-bench/bench by their own config
 * (BENCH_OUTDIR and BENCH_PORT replace dist-bench and 4177, for both),
 * and `vite preview` serving both from one origin as a child process that is stopped at the end.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');
/** The build folder and port: dist-bench and 4177, or BENCH_OUTDIR / BENCH_PORT (so parallel runs do not collide). */
export const OUT_DIR = process.env.BENCH_OUTDIR || 'dist-bench';
export const PORT = Number(process.env.BENCH_PORT) || 4177;
export const ORIGIN = `http://127.0.0.1:${PORT}`;

/** Runs npx quietly; its output is shown only when it fails. */
function npx(args: string[]): void {
  try {
    execFileSync('npx', args, { cwd: ROOT, stdio: 'pipe', encoding: 'utf8' });
  } catch (e) {
    const { stdout, stderr } = e as { stdout?: string; stderr?: string };
    throw new Error(`npx ${args.join(' ')} failed:\n${stdout ?? ''}${stderr ?? ''}`);
  }
}

/** Builds the app into OUT_DIR, then the bench pages into OUT_DIR/bench; returns the seconds taken. */
export function buildForBench(): number {
  const t0 = performance.now();
  npx(['vite', 'build', '--outDir', OUT_DIR, '--logLevel', 'warn']);
  npx(['vite', 'build', '--config', 'scripts/bench/vite.pages.config.ts', '--logLevel', 'warn']);
  return (performance.now() - t0) / 1000;
}

/** A running `vite preview` over dist-bench; stop() ends it (and its children). */
export interface Preview {
  stop(): void;
}

/** Starts `vite preview` of `outDir` on `port` (default: the bench's) and resolves once it prints its URL (rejects after 60 s or if it exits). */
export function startPreview(outDir = OUT_DIR, port = PORT): Promise<Preview> {
  const child: ChildProcess = spawn('npx', ['vite', 'preview', '--outDir', outDir, '--port', String(port), '--strictPort', '--host', '127.0.0.1'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const stop = () => {
    if (child.exitCode === null && child.pid !== undefined) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        /* already gone */
      }
    }
  };
  return new Promise((resolve, reject) => {
    let log = '';
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`vite preview did not start within 60 s:\n${log}`));
    }, 60_000);
    const onData = (chunk: Buffer) => {
      log += chunk.toString();
      if (log.includes(`127.0.0.1:${port}`)) {
        clearTimeout(timer);
        resolve({ stop });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`vite preview exited (code ${code}):\n${log}`));
    });
  });
}
