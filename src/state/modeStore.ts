/**
 * The app's mode (the top bar's tabs): Explore, Train, Landscape, Compare or Teach. Opens on
 * `?mode=train`, `?mode=landscape`, `?mode=compare` or `?mode=teach` when given; src/url/sync.ts keeps the address in step.
 */
import { create } from 'zustand';

export type AppMode = 'explore' | 'train' | 'landscape' | 'compare' | 'teach';

/** The mode named by a query string (`?mode=train`), explore otherwise. */
export function modeFromQuery(search: string): AppMode {
  const m = new URLSearchParams(search).get('mode');
  return m === 'train' || m === 'landscape' || m === 'compare' || m === 'teach' ? m : 'explore';
}

export interface ModeState {
  mode: AppMode;
  setMode: (m: AppMode) => void;
}

export const useModeStore = create<ModeState>()((set) => ({
  mode: typeof window === 'undefined' ? 'explore' : modeFromQuery(window.location.search),
  setMode: (mode) => set({ mode }),
}));
