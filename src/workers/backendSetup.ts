/**
 * Registers the four tfjs backends in the worker (importing a package registers it; webgpu only
 * where navigator.gpu exists) and configures them before any starts: wasm binaries as Vite-served
 * assets, wasm threads off (threaded SIMD needs cross-origin isolation and broke under
 * minification), software WebGL allowed so it can be probed.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-webgl';
import '@tensorflow/tfjs-backend-webgpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreadedSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import { BackendSelector, type GpuLike } from './backend';
import type { BackendChoice, BackendPreference } from './rpc/envelope';

/** Sets the flags and wasm paths; call once, before the first setBackend. */
export function configureBackends(): void {
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  tf.env().set('SOFTWARE_WEBGL_ENABLED', true);
  setWasmPaths({
    'tfjs-backend-wasm.wasm': wasmPlain,
    'tfjs-backend-wasm-simd.wasm': wasmSimd,
    'tfjs-backend-wasm-threaded-simd.wasm': wasmThreadedSimd,
  });
}

/** In a worker: configures the backends once and returns this worker's backend selector. */
export function workerSelector(): BackendSelector {
  configureBackends();
  return new BackendSelector(() => (navigator as Navigator & { gpu?: GpuLike }).gpu);
}

/** In a worker: configures the backends once and returns the selector of this worker's backend. */
export function workerBackends(): (preference: BackendPreference) => Promise<BackendChoice> {
  const selector = workerSelector();
  return (preference) => selector.select(preference);
}
