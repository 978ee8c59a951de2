/**
 * `backend=webgpu-fallback` (state/backendQuery.ts's testing flag) is the explicit WebGPU choice,
 * which, unlike the automatic one, runs on a software fallback adapter: the mode tables read it as
 * `webgpu`, so the flag is not refused as an unknown backend.
 */
import type { BackendPreference } from '../workers/analysisProtocol';

export const BACKEND_ALIASES: Readonly<Record<string, BackendPreference>> = { 'webgpu-fallback': 'webgpu' };
