/**
 * Automatic cluster labels (Embedding Atlas's): once the 2D picture settles, the visible points'
 * display x, y go to the labels worker, which finds the density peaks and names each by its
 * points' most distinctive terms of the chosen text column (geometry/densityPeaks.ts); the labels
 * are kept on the handle for Annotations to draw, decluttered, over everything else.
 */
import { useEffect, useRef } from 'react';
import { useFrame, useThree } from '@react-three/fiber';
import { useAnalysisStore } from '../../state/appStore';
import { useViewStore } from '../../state/viewStore';
import { peakLabels } from '../../workers/labelsClient';
import { pointText } from './Annotations';
import { markCanvas } from './canvasMarks';
import type { CloudHandle } from './cloudHandle';
import { useSettledLayout } from './useSettledLayout';

/** Quiet time after the last change before the peaks are recomputed. */
const SETTLE_MS = 250;

export function PeakLabelLayer({ handle }: { handle: CloudHandle }) {
  const { invalidate, gl } = useThree();
  const dims = useViewStore((s) => s.dims);
  const by = useViewStore((s) => s.peakLabelsBy);
  const dataVersion = useAnalysisStore((s) => s.dataVersion);
  const classNames = useAnalysisStore((s) => s.classNames);
  const run = useRef(0);
  const on = dims === 2 && by !== null && dataVersion > 0;

  useFrame(() => {
    if (handle.animating && handle.peaks.length > 0) handle.setPeaks([]);
  });
  useSettledLayout(handle, on, `${by}|${dataVersion}`, SETTLE_MS, () => {
    const { to, colors } = handle;
    const text = pointText(by, classNames, Infinity);
    if (!to || !colors || !text) return;
    const n = to.length / 3;
    const xy = new Float32Array(2 * n);
    const visible = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      xy[2 * i] = to[3 * i];
      xy[2 * i + 1] = to[3 * i + 1];
      visible[i] = colors[4 * i + 3] > 0 ? 1 : 0;
    }
    const mine = ++run.current;
    markCanvas(gl.domElement, 'peaks', 'computing');
    peakLabels(xy, visible, `${dataVersion}|${by}`, () => Array.from({ length: n }, (_, i) => text(i))).then(
      (labels) => {
        if (mine !== run.current) return;
        handle.setPeaks(labels);
        markCanvas(gl.domElement, 'peaks', String(labels.length));
        invalidate();
      },
      () => mine === run.current && markCanvas(gl.domElement, 'peaks', 'failed'),
    );
  });
  useEffect(() => {
    run.current++;
    handle.setPeaks([]);
    markCanvas(gl.domElement, 'peaks', 'off');
    invalidate();
  }, [on, by, dataVersion, handle, gl, invalidate]);
  return null;
}
