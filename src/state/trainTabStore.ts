/** The tab shown in Train mode's side panel (kept in the address as `side=`, src/url/trainFields.ts). */
import { create } from 'zustand';

export const TRAIN_TABS = ['curves', 'layers', 'runs'] as const;
export type TrainTab = (typeof TRAIN_TABS)[number];

export const useTrainTab = create<{ tab: TrainTab; setTab: (tab: TrainTab) => void }>()((set) => ({
  tab: 'curves',
  setTab: (tab) => set({ tab }),
}));
