import { describe, expect, it } from 'vitest';
import { backendFromQuery } from './backendQuery';

describe('backendFromQuery', () => {
  it('reads a backend name, and webgpu-fallback as a forced webgpu', () => {
    expect(backendFromQuery('?backend=wasm')).toBe('wasm');
    expect(backendFromQuery('?mode=train&backend=cpu')).toBe('cpu');
    expect(backendFromQuery('?backend=webgpu-fallback')).toBe('webgpu');
    expect(backendFromQuery('?backend=webgpu')).toBe('webgpu');
  });

  it('is auto without the field or for an unknown name', () => {
    expect(backendFromQuery('')).toBe('auto');
    expect(backendFromQuery('?data=x.npy')).toBe('auto');
    expect(backendFromQuery('?backend=tpu')).toBe('auto');
    expect(backendFromQuery('?backend=')).toBe('auto');
  });
});
