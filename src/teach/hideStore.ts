/**
 * Controls a teacher hid from Train's settings column (TensorFlow Playground's pattern): each
 * control is named by its test id without the `train-` prefix (`lr`, `wd`, `depth`). In
 * "edit what students see" mode every control shows a "shown" checkbox. Kept in the address as
 * `hide=lr,wd` (src/url/sync.ts).
 */
import { create } from 'zustand';

/** Every control of Train's settings column that can be hidden, in panel order. */
export const HIDEABLE: readonly string[] = [
  'transport', 'preset',
  'source', 'source-n', 'source-dim', 'source-classes', 'source-separation', 'source-turns', 'source-gap', 'source-rank', 'source-cells', 'source-noise', 'source-limit',
  'test-fraction', 'imbalance', 'minorities', 'label-noise', 'data-seed',
  'depth', 'width', 'feature-width', 'activation', 'batchnorm', 'head', 'gcr-k', 'gcr-gamma', 'gcr-lr',
  'loss', 'smoothing', 'optimizer', 'lr', 'wd', 'momentum', 'batch', 'mixup', 'seed',
  'snapshot-every', 'profile-every', 'sample-size',
];

/** The control name of a field's test id (null when it is not one of Train's controls). */
export function controlName(testId: string): string | null {
  if (!testId.startsWith('train-')) return null;
  const name = testId.slice('train-'.length);
  return HIDEABLE.includes(name) ? name : null;
}

/** The names of a `hide` value that are controls, and those that are not. */
export function parseHidden(text: string | null): { hidden: string[]; unknown: string[] } {
  const names = (text ?? '').split(',').map((s) => s.trim()).filter((s) => s !== '');
  return { hidden: HIDEABLE.filter((n) => names.includes(n)), unknown: names.filter((n) => !HIDEABLE.includes(n)) };
}

export interface HideState {
  /** Hidden controls, in HIDEABLE order. */
  hidden: string[];
  /** Edit mode: every control shows its "shown" checkbox. */
  editing: boolean;
  toggle: (name: string) => void;
  setEditing: (on: boolean) => void;
}

export const useHideStore = create<HideState>()((set) => ({
  hidden: [],
  editing: false,
  toggle: (name) => set((s) => ({ hidden: HIDEABLE.filter((n) => (n === name ? !s.hidden.includes(n) : s.hidden.includes(n))) })),
  setEditing: (editing) => set({ editing }),
}));
