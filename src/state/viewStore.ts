/** The view slice: how the point cloud is drawn. Plain values only; no buffers. */
import { create } from 'zustand';

/**
 * What colours the points: 'class' (labels), 'uniform', 'localId' (pointwise MLE, continuous) or
 * `meta:<column>` (a metadata column, categorical or continuous by its values).
 */
export type ColorBy = string;

export interface ViewState {
  colorBy: ColorBy;
  /** Point diameter in CSS pixels at the default zoom. */
  pointSize: number;
  /** 3: orbit in 3D; 2: the first two axes seen from above. */
  dims: 2 | 3;
  /** Categories of the current colouring hidden from the plot (legend toggles), by name. */
  hidden: readonly string[];
  /** Draw the class means with lines from the global mean. */
  showMeans: boolean;
  /** Draw the ideal simplex ETF aligned to the means. */
  showEtf: boolean;
  /** What shift-drag draws in the view. */
  selectTool: 'box' | 'lasso';
  /** The category the legend points at (hover): the other points are dimmed. */
  focus: string | null;
  setFocus: (category: string | null) => void;
  /** Tick marks with values (data units) along the view's axes. */
  showTicks: boolean;
  setShowTicks: (on: boolean) => void;
  /** What labels the points ('class' or `meta:<column>`), or null for no labels. */
  labelBy: string | null;
  setLabelBy: (by: string | null) => void;
  /** Automatic cluster labels at the 2D view's density peaks, named from this text column ('class' or `meta:<column>`), or null for none. */
  peakLabelsBy: string | null;
  setPeakLabelsBy: (by: string | null) => void;
  /** Density shading: contours under the points in 2D, translucent accumulation in 3D; 'auto' turns it on above DENSITY_AUTO_N points. */
  density: 'auto' | 'on' | 'off';
  setDensity: (d: 'auto' | 'on' | 'off') => void;
  /** Image thumbnails in place of points when few enough are on screen (when the data carries images). */
  sprites: boolean;
  setSprites: (on: boolean) => void;
  /** Bumped when the thumbnail source of the data on screen changes (views/thumbnails.ts). */
  thumbnailsVersion: number;
  bumpThumbnails: () => void;
  setColorBy: (c: ColorBy) => void;
  setPointSize: (px: number) => void;
  setDims: (d: 2 | 3) => void;
  toggleHidden: (category: string) => void;
  showAll: () => void;
  setShowMeans: (on: boolean) => void;
  setShowEtf: (on: boolean) => void;
  setSelectTool: (t: 'box' | 'lasso') => void;
}

export const POINT_SIZE_RANGE = { min: 2, max: 14, step: 1 } as const;

/** Above this many points 'auto' density shading is on. */
export const DENSITY_AUTO_N = 20_000;

/** Whether density shading is on for a choice and n plotted points. */
export function densityActive(d: ViewState['density'], n: number): boolean {
  return d === 'on' || (d === 'auto' && n > DENSITY_AUTO_N);
}

/** A point size that keeps n points legible: 7 px up to ~2,000 points, shrinking as n^-0.2 to 2 px near 1,000,000. */
export function autoPointSize(n: number): number {
  return Math.min(7, Math.max(POINT_SIZE_RANGE.min, Math.round(7 * Math.min(1, 2000 / Math.max(n, 1)) ** 0.2)));
}

export const useViewStore = create<ViewState>()((set) => ({
  colorBy: 'class',
  pointSize: 7,
  dims: 3,
  hidden: [],
  showMeans: false,
  showEtf: false,
  selectTool: 'box',
  focus: null,
  setFocus: (focus) => set({ focus }),
  showTicks: true,
  setShowTicks: (showTicks) => set({ showTicks }),
  labelBy: null,
  setLabelBy: (labelBy) => set({ labelBy }),
  peakLabelsBy: null,
  setPeakLabelsBy: (peakLabelsBy) => set({ peakLabelsBy }),
  density: 'auto',
  setDensity: (density) => set({ density }),
  sprites: false,
  setSprites: (sprites) => set({ sprites }),
  thumbnailsVersion: 0,
  bumpThumbnails: () => set((s) => ({ thumbnailsVersion: s.thumbnailsVersion + 1 })),
  setColorBy: (colorBy) => set({ colorBy, hidden: [], focus: null }),
  setPointSize: (px) => set({ pointSize: Math.min(POINT_SIZE_RANGE.max, Math.max(POINT_SIZE_RANGE.min, px)) }),
  setDims: (dims) => set({ dims }),
  toggleHidden: (c) => set((s) => ({ hidden: s.hidden.includes(c) ? s.hidden.filter((x) => x !== c) : [...s.hidden, c] })),
  showAll: () => set({ hidden: [] }),
  setShowMeans: (showMeans) => set({ showMeans }),
  setShowEtf: (showEtf) => set({ showEtf }),
  setSelectTool: (selectTool) => set({ selectTool }),
}));
