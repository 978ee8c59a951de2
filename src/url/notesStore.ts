/** What the address asked for that the page did not use (one sentence each), shown above the mode until dismissed. */
import { create } from 'zustand';

export interface UrlNotesState {
  notes: string[];
  setNotes: (notes: string[]) => void;
  add: (note: string) => void;
  dismiss: () => void;
}

export const useUrlNotes = create<UrlNotesState>()((set) => ({
  notes: [],
  setNotes: (notes) => set({ notes }),
  add: (note) => set((s) => ({ notes: [...s.notes, note] })),
  dismiss: () => set({ notes: [] }),
}));
