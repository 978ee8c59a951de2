/** numpy for the bench's baselines: python3 with numpy, run with an environment of its own. */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/** numpy's environment: OPENBLAS_CORETYPE/L2_SIZE pin an old kernel here and slow numpy down. */
export function numpyEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.OPENBLAS_CORETYPE;
  delete env.OPENBLAS_L2_SIZE;
  return env;
}

export function hasNumpy(): boolean {
  try {
    execFileSync('python3', ['-c', 'import numpy'], { stdio: 'ignore', env: numpyEnv() });
    return true;
  } catch {
    return false;
  }
}

export interface NumpyMetrics {
  /** np.load of both files, then the metric set. */
  parse_seconds: number;
  seconds: number;
  metrics: { nc1: number; twoNN: number; mleHarmonic: number };
}

/** numpy_metrics.py on a vectors .npy and an integer labels .npy (k = 20). */
export function numpyMetrics(vectors: string, labels: string, k = 20): NumpyMetrics {
  const out = execFileSync('python3', [join(import.meta.dirname, 'numpy_metrics.py'), vectors, labels, String(k)], { env: numpyEnv(), encoding: 'utf8', maxBuffer: 1 << 26 });
  return JSON.parse(out.trim().split('\n').pop() as string) as NumpyMetrics;
}
