/** The view slice: how the point cloud is drawn. Plain values only; no buffers. */
import { create } from 'zustand';

export type ColorMode = 'class' | 'uniform';

export interface ViewState {
  colorMode: ColorMode;
  /** Point diameter in CSS pixels at the default zoom. */
  pointSize: number;
  /** 3: orbit in 3D; 2: the PC1-PC2 plane seen from above. */
  dims: 2 | 3;
  /** Class indices hidden from the plot (legend toggles). */
  hiddenClasses: readonly number[];
  setColorMode: (m: ColorMode) => void;
  setPointSize: (px: number) => void;
  setDims: (d: 2 | 3) => void;
  toggleClass: (k: number) => void;
  showAllClasses: () => void;
}

export const POINT_SIZE_RANGE = { min: 2, max: 14, step: 1 } as const;

export const useViewStore = create<ViewState>()((set) => ({
  colorMode: 'class',
  pointSize: 7,
  dims: 3,
  hiddenClasses: [],
  setColorMode: (colorMode) => set({ colorMode }),
  setPointSize: (px) => set({ pointSize: Math.min(POINT_SIZE_RANGE.max, Math.max(POINT_SIZE_RANGE.min, px)) }),
  setDims: (dims) => set({ dims }),
  toggleClass: (k) =>
    set((s) => ({ hiddenClasses: s.hiddenClasses.includes(k) ? s.hiddenClasses.filter((c) => c !== k) : [...s.hiddenClasses, k] })),
  showAllClasses: () => set({ hiddenClasses: [] }),
}));
