/**
 * Presentation mode (for a projector): large type, Train's controls column hidden so the 3D view
 * and the charts fill the screen. Kept in the address as `present=1`; `p` toggles it.
 */
import { create } from 'zustand';

export interface PresentState {
  on: boolean;
  toggle: () => void;
}

export const usePresent = create<PresentState>()((set) => ({
  on: false,
  toggle: () => set((s) => ({ on: !s.on })),
}));
