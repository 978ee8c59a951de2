/**
 * Work that waits for the point cloud to settle (density contours, cluster labels): it runs
 * `settleMs` after the last new layout (handle.serial) while `on` holds and nothing animates; a new
 * layout before then restarts the wait.
 */
import { useEffect, useRef } from 'react';
import { useFrame, useThree } from '@react-three/fiber';
import type { CloudHandle } from './cloudHandle';

/**
 * Calls `onSettled` (as of the frame that scheduled it) once the layout has settled. A change of
 * `resetKey` (and of `on`) drops a pending call and forgets the layout seen, so the current one
 * counts as new.
 */
export function useSettledLayout(handle: CloudHandle, on: boolean, resetKey: string, settleMs: number, onSettled: () => void): void {
  const invalidate = useThree((s) => s.invalidate);
  const st = useRef({ serial: -1, timer: null as ReturnType<typeof setTimeout> | null });
  useFrame(() => {
    const s = st.current;
    // The frame that ends a transition may run this before PointCloud marks it settled; ask for
    // one more so the settled positions are seen (the view draws nothing more on its own).
    if (on && handle.animating) invalidate();
    if (!on || handle.animating || s.serial === handle.serial) return;
    s.serial = handle.serial;
    if (s.timer !== null) clearTimeout(s.timer);
    s.timer = setTimeout(() => {
      s.timer = null;
      onSettled();
    }, settleMs);
  });
  useEffect(() => {
    const s = st.current;
    s.serial = -1;
    return () => {
      if (s.timer !== null) clearTimeout(s.timer);
      s.timer = null;
    };
  }, [on, resetKey]);
}
