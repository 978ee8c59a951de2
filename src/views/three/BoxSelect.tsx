/**
 * Box and lasso selection: shift + drag over the canvas draws a rectangle (or, with the lasso tool,
 * a free-hand outline); on release the visible points whose screen positions fall inside become the
 * selection, read from the cloud's screen index (only the grid cells under the outline are looked
 * at). The drag is captured before the orbit controls see it; the outline is an SVG updated
 * through refs, no React state per pointer move.
 */
import { useRef, type ReactNode } from 'react';
import { useInspectStore } from '../../state/appStore';
import { useViewStore } from '../../state/viewStore';
import type { CloudHandle } from './cloudHandle';

export function BoxSelect({ handle, children }: { handle: CloudHandle; children: ReactNode }) {
  const root = useRef<HTMLDivElement>(null);
  const outline = useRef<SVGPolygonElement>(null);
  const path = useRef<number[] | null>(null);
  const setSelection = useInspectStore((s) => s.setSelection);
  const tool = useViewStore((s) => s.selectTool);

  const local = (e: React.PointerEvent) => {
    const r = root.current!.getBoundingClientRect();
    return [e.clientX - r.left, e.clientY - r.top] as const;
  };

  const corners = (p: number[]): number[] => {
    const [x0, y0] = p;
    const [x1, y1] = p.slice(-2);
    return [x0, y0, x1, y0, x1, y1, x0, y1];
  };

  const draw = () => {
    const p = path.current;
    const el = outline.current;
    if (!el || !p) return;
    const poly = tool === 'box' ? corners(p) : p;
    el.setAttribute('points', poly.join(' '));
  };

  return (
    <div
      ref={root}
      className="box-select-root"
      onPointerDownCapture={(e) => {
        if (!e.shiftKey || e.button !== 0) return;
        e.stopPropagation();
        e.preventDefault();
        (e.currentTarget as HTMLDivElement).setPointerCapture(e.pointerId);
        path.current = [...local(e)];
        draw();
      }}
      onPointerMoveCapture={(e) => {
        const p = path.current;
        if (!p) return;
        e.stopPropagation();
        const [x, y] = local(e);
        if (tool === 'box') p.splice(2, 2, x, y);
        else if (Math.hypot(x - p[p.length - 2], y - p[p.length - 1]) > 3) p.push(x, y);
        draw();
      }}
      onPointerUpCapture={async (e) => {
        const p = path.current;
        if (!p) return;
        e.stopPropagation();
        path.current = null;
        outline.current?.setAttribute('points', '');
        const [x, y] = local(e);
        p.push(x, y);
        const xs = p.filter((_, i) => i % 2 === 0);
        const ys = p.filter((_, i) => i % 2 === 1);
        if (Math.max(...xs) - Math.min(...xs) < 3 || Math.max(...ys) - Math.min(...ys) < 3) return;
        const index = await handle.requestIndex();
        const colors = handle.colors;
        if (!index || !colors) return;
        setSelection(tool === 'box' ? index.selectRect(p[0], p[1], x, y, colors) : index.selectPolygon(p, colors), tool);
      }}
    >
      {children}
      <svg className="box-select" data-testid="box-select" aria-hidden="true">
        <polygon ref={outline} points="" />
      </svg>
    </div>
  );
}
