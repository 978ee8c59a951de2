/**
 * The backend override from the page URL, for all three modes at once: `?backend=wasm` (or webgl,
 * cpu, webgpu, auto), and `?backend=webgpu-fallback`, a testing flag that forces tfjs-webgpu even
 * on a software fallback adapter (SwiftShader), which the automatic choice always skips.
 */
import { BACKEND_NAMES, type BackendPreference } from '../workers/analysisProtocol';

/** The preference a URL's query asks for, or 'auto' when it names none (or an unknown one). */
export function backendFromQuery(search: string): BackendPreference {
  const v = new URLSearchParams(search).get('backend');
  if (v === 'webgpu-fallback') return 'webgpu';
  return v !== null && (BACKEND_NAMES as readonly string[]).includes(v) ? (v as BackendPreference) : 'auto';
}

/** The initial preference of every mode: the page URL's, or 'auto' outside a browser. */
export function initialBackend(): BackendPreference {
  return typeof window === 'undefined' ? 'auto' : backendFromQuery(window.location.search);
}
