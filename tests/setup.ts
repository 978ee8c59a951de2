/**
 * Vitest helper: registers the tfjs wasm and cpu backends and makes 'wasm' active (the CLI's
 * backend in Node). Tests import it explicitly: `import { useBackend } from '../../tests/setup'`.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';

async function activate(name: 'wasm' | 'cpu'): Promise<void> {
  if (tf.getBackend() === name) return;
  if (!(await tf.setBackend(name))) throw new Error(`tfjs backend '${name}' failed to start`);
  await tf.ready();
}

/** Switch the active tfjs backend (no live tensors may cross the switch). */
export const useBackend = activate;

await activate('wasm');
