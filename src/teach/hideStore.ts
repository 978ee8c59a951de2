/**
 * Controls a teacher hid from a mode's settings column (TensorFlow Playground's pattern), in Train
 * and in Landscape: each control is named by its test id without the mode's prefix (`train-lr` is
 * Train's `lr`, `ls-seed` Landscape's `seed`). In "edit what students see" mode every control
 * shows a "shown" checkbox. Kept in the address as `hide=lr,wd` for the mode shown (src/url/sync.ts).
 */
import { create } from 'zustand';

/** The modes whose controls can be hidden. */
export type HideMode = 'train' | 'landscape';
export const HIDE_MODES: readonly HideMode[] = ['train', 'landscape'];

/** Every control of each mode's settings column that can be hidden, in panel order. */
export const HIDEABLE: Record<HideMode, readonly string[]> = {
  train: [
    'transport', 'preset',
    'source', 'source-n', 'source-dim', 'source-classes', 'source-separation', 'source-turns', 'source-gap', 'source-rank', 'source-cells', 'source-noise', 'source-limit',
    'test-fraction', 'imbalance', 'minorities', 'label-noise', 'data-seed',
    'depth', 'width', 'feature-width', 'activation', 'batchnorm', 'head', 'gcr-k', 'gcr-gamma', 'gcr-lr',
    'loss', 'smoothing', 'optimizer', 'lr', 'wd', 'momentum', 'batch', 'mixup', 'seed',
    'snapshot-every', 'profile-every', 'sample-size',
  ],
  landscape: [
    'preset',
    'depth', 'width', 'feature-width', 'activation', 'batchnorm', 'head', 'gcr-k', 'gcr-gamma', 'gcr-lr', 'loss', 'smoothing', 'li-mlp',
    'dims',
    'steps', 'batch', 'lr', 'lr-baseline', 'optimizer', 'momentum', 'schedule', 'seed',
    'projection', 'backend', 'run',
  ],
};

/** The test-id prefix of each mode's controls, and the mode's name in notes. */
const PREFIX: Record<HideMode, string> = { train: 'train-', landscape: 'ls-' };
export const MODE_TITLE: Record<HideMode, string> = { train: 'Train', landscape: 'Landscape' };

/** The mode and control name of a field's test id (null when it is no mode's hideable control). */
export function controlName(testId: string): { mode: HideMode; name: string } | null {
  for (const mode of HIDE_MODES) {
    if (!testId.startsWith(PREFIX[mode])) continue;
    const name = testId.slice(PREFIX[mode].length);
    return HIDEABLE[mode].includes(name) ? { mode, name } : null;
  }
  return null;
}

/** The test id of a control's "shown" checkbox (Train's keep their first names: show-lr). */
export function showTestId(mode: HideMode, name: string): string {
  return mode === 'train' ? `show-${name}` : `ls-show-${name}`;
}

/** The names of a `hide` value that are the mode's controls, and those that are not. */
export function parseHidden(mode: HideMode, text: string | null): { hidden: string[]; unknown: string[] } {
  const names = (text ?? '').split(',').map((s) => s.trim()).filter((s) => s !== '');
  const all = HIDEABLE[mode];
  return { hidden: all.filter((n) => names.includes(n)), unknown: names.filter((n) => !all.includes(n)) };
}

export interface HideState {
  /** Each mode's hidden controls, in HIDEABLE order. */
  hidden: Record<HideMode, string[]>;
  /** The mode in edit mode (its controls show their "shown" checkboxes), or none. */
  editing: HideMode | null;
  toggle: (mode: HideMode, name: string) => void;
  setEditing: (mode: HideMode | null) => void;
}

export const useHideStore = create<HideState>()((set) => ({
  hidden: { train: [], landscape: [] },
  editing: null,
  toggle: (mode, name) =>
    set((s) => ({ hidden: { ...s.hidden, [mode]: HIDEABLE[mode].filter((n) => (n === name ? !s.hidden[mode].includes(n) : s.hidden[mode].includes(n))) } })),
  setEditing: (editing) => set({ editing }),
}));

/** Whether every one of `names` is hidden from students now (not while the teacher edits): a group of them then goes too. */
export function useAllHidden(mode: HideMode, names: readonly string[]): boolean {
  return useHideStore((s) => s.editing !== mode && names.every((n) => s.hidden[mode].includes(n)));
}
