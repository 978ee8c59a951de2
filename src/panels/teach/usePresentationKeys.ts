/**
 * The classroom keys in Train and Teach mode: space play/pause, right arrow one optimisation step,
 * r reset, f full screen, p presentation mode. Ignored while typing in a field.
 */
import { useEffect } from 'react';
import { useModeStore } from '../../state/modeStore';
import { useTrainingStore } from '../../state/trainingStore';
import { usePresent } from '../../teach/presentStore';

const typing = (t: EventTarget | null) => t instanceof HTMLElement && (t.isContentEditable || ['INPUT', 'SELECT', 'TEXTAREA'].includes(t.tagName));

export function usePresentationKeys(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const mode = useModeStore.getState().mode;
      if ((mode !== 'train' && mode !== 'teach') || typing(e.target) || e.ctrlKey || e.metaKey || e.altKey) return;
      const t = useTrainingStore.getState();
      if (e.key === ' ') {
        e.preventDefault();
        if (t.status === 'playing') t.pause();
        else t.play();
      } else if (e.key === 'ArrowRight') t.stepOne();
      else if (e.key === 'r') t.reset();
      else if (e.key === 'p') usePresent.getState().toggle();
      else if (e.key === 'f') {
        if (document.fullscreenElement) void document.exitFullscreen();
        else void document.documentElement.requestFullscreen?.().catch(() => undefined);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
