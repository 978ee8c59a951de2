/** Whether Train's 3D view draws the mixup probe (a toggle shared by the legend checkbox and the scene). */
import { create } from 'zustand';

interface ProbeViewState {
  show: boolean;
  setShow: (show: boolean) => void;
}

export const useProbeView = create<ProbeViewState>()((set) => ({
  show: true,
  setShow: (show) => set({ show }),
}));
