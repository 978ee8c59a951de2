/**
 * One of the linked 2D views: an n-point scatter of columns 0 and 1 of an n x q projection on a
 * 2D canvas, with axes frames shared by the pair (same domain) so the two read alike. Hovering
 * sets the shared hovered item (drawn as a ring in both views and in the 3D view); a click selects
 * the nearest item (shift adds to the selection), a click on empty space clears it.
 */
import { useEffect, useRef } from 'react';
import { useCompareHover } from '../../state/compareStore';

interface Props {
  xy: Float32Array;
  q: number;
  n: number;
  rgb: Float32Array;
  /** [-r, r] on both axes. */
  extent: number;
  width: number;
  height: number;
  selected: readonly number[];
  onSelect: (items: number[]) => void;
  testId: string;
  label: string;
}

const PAD = 14;
const PICK_PX = 8;

export function ScatterCanvas({ xy, q, n, rgb, extent, width, height, selected, onSelect, testId, label }: Props) {
  const ref = useRef<HTMLCanvasElement>(null);
  const side = Math.min(width, height) - 2 * PAD;
  const sx = (v: number) => width / 2 + (v / extent) * (side / 2);
  const sy = (v: number) => height / 2 - (v / extent) * (side / 2);
  const X = (i: number) => sx(xy[i * q]);
  const Y = (i: number) => sy(q > 1 ? xy[i * q + 1] : 0);

  useEffect(() => {
    const canvas = ref.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    const dpr = window.devicePixelRatio || 1;
    canvas.width = width * dpr;
    canvas.height = height * dpr;
    const sel = new Set(selected);
    const r = n > 5000 ? 1.5 : n > 1000 ? 2.2 : 3;
    // The points are drawn once into `base`; a hover only copies it back and adds the rings.
    const base = document.createElement('canvas');
    base.width = canvas.width;
    base.height = canvas.height;
    const b = base.getContext('2d');
    if (!b) return;
    b.setTransform(dpr, 0, 0, dpr, 0, 0);
    b.strokeStyle = '#d5dae1';
    b.strokeRect(0.5, 0.5, width - 1, height - 1);
    b.beginPath();
    b.moveTo(sx(0), PAD / 2);
    b.lineTo(sx(0), height - PAD / 2);
    b.moveTo(PAD / 2, sy(0));
    b.lineTo(width - PAD / 2, sy(0));
    b.strokeStyle = '#eceff3';
    b.stroke();
    const dim = sel.size > 0;
    for (let i = 0; i < n; i++) {
      const c = rgb.subarray(i * 3, i * 3 + 3);
      b.globalAlpha = dim && !sel.has(i) ? 0.18 : 0.9;
      b.fillStyle = `rgb(${c[0] * 255},${c[1] * 255},${c[2] * 255})`;
      b.beginPath();
      b.arc(X(i), Y(i), r, 0, 2 * Math.PI);
      b.fill();
    }
    const draw = (hovered: number | null) => {
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.clearRect(0, 0, canvas.width, canvas.height);
      ctx.drawImage(base, 0, 0);
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
      ctx.strokeStyle = '#1a1f29';
      ctx.lineWidth = 1.6;
      for (const i of hovered === null ? sel : new Set([...sel, hovered])) {
        ctx.beginPath();
        ctx.arc(X(i), Y(i), r + 4, 0, 2 * Math.PI);
        ctx.stroke();
      }
      canvas.dataset.hovered = hovered === null ? '' : String(hovered);
    };
    draw(useCompareHover.getState().item);
    return useCompareHover.subscribe((s) => draw(s.item));
  });

  const nearest = (e: React.PointerEvent | React.MouseEvent): number | null => {
    const box = e.currentTarget.getBoundingClientRect();
    const px = e.clientX - box.left;
    const py = e.clientY - box.top;
    let best = -1;
    let bestD = PICK_PX * PICK_PX;
    for (let i = 0; i < n; i++) {
      const d = (X(i) - px) ** 2 + (Y(i) - py) ** 2;
      if (d < bestD) {
        bestD = d;
        best = i;
      }
    }
    return best >= 0 ? best : null;
  };

  return (
    <canvas
      ref={ref}
      className="cmp-scatter"
      style={{ width, height }}
      data-testid={testId}
      aria-label={label}
      onPointerMove={(e) => {
        const i = nearest(e);
        if (i !== useCompareHover.getState().item) useCompareHover.getState().set(i);
      }}
      onPointerLeave={() => useCompareHover.getState().set(null)}
      onClick={(e) => {
        const i = nearest(e);
        if (i === null) onSelect([]);
        else if (e.shiftKey) onSelect(selected.includes(i) ? selected.filter((s) => s !== i) : [...selected, i]);
        else onSelect([i]);
      }}
    />
  );
}
