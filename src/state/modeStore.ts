/**
 * The app's mode (the top bar's tabs): Explore, Train, Landscape or Compare. Opens on `?mode=train`,
 * `?mode=landscape` or `?mode=compare` when given, and keeps the URL's `mode` parameter in step (other parameters are
 * left as they are).
 */
import { create } from 'zustand';

export type AppMode = 'explore' | 'train' | 'landscape' | 'compare';

/** The mode named by a query string (`?mode=train`), explore otherwise. */
export function modeFromQuery(search: string): AppMode {
  const m = new URLSearchParams(search).get('mode');
  return m === 'train' || m === 'landscape' || m === 'compare' ? m : 'explore';
}

export interface ModeState {
  mode: AppMode;
  setMode: (m: AppMode) => void;
}

export const useModeStore = create<ModeState>()((set) => ({
  mode: typeof window === 'undefined' ? 'explore' : modeFromQuery(window.location.search),
  setMode: (mode) => {
    set({ mode });
    if (typeof window === 'undefined') return;
    const url = new URL(window.location.href);
    if (mode === 'explore') url.searchParams.delete('mode');
    else url.searchParams.set('mode', mode);
    window.history.replaceState(window.history.state, '', url);
  },
}));
