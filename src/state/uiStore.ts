/** UI-only state: the open tab of the right panel, whether the file-choice dialog is open for the shown file, whether the legend is folded. */
import { create } from 'zustand';

export type PanelTab = 'metrics' | 'classes' | 'dimension' | 'inspect';

export interface UiState {
  tab: PanelTab;
  /** The choice dialog is open for the file on screen (a pending choice opens it by itself). */
  choicesOpen: boolean;
  /** The view's legend is folded to its title. */
  legendCollapsed: boolean;
  setLegendCollapsed: (on: boolean) => void;
  setTab: (t: PanelTab) => void;
  openChoices: () => void;
  closeChoices: () => void;
}

export const useUiStore = create<UiState>()((set) => ({
  tab: 'metrics',
  choicesOpen: false,
  legendCollapsed: false,
  setLegendCollapsed: (legendCollapsed) => set({ legendCollapsed }),
  setTab: (tab) => set({ tab }),
  openChoices: () => set({ choicesOpen: true }),
  closeChoices: () => set({ choicesOpen: false }),
}));
