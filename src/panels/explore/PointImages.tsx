/**
 * The images of inspected points, when the data carries them (views/thumbnails.ts): the clicked
 * point's image, and a strip of its nearest neighbours' images (a click inspects that neighbour).
 */
import { useEffect, useRef } from 'react';
import { useViewStore } from '../../state/viewStore';
import { drawThumbnail, getThumbnails } from '../../views/thumbnails';

/** File row `row`'s image on a canvas `size` CSS px square; nothing when the data has no images. */
export function PointImage({ row, size, title, onClick }: { row: number; size: number; title?: string; onClick?: () => void }) {
  const ref = useRef<HTMLCanvasElement>(null);
  const version = useViewStore((s) => s.thumbnailsVersion);
  const src = getThumbnails();
  useEffect(() => {
    const c = ref.current;
    const ctx = c?.getContext('2d');
    if (!c || !ctx || !src) return;
    const px = Math.round(size * (window.devicePixelRatio || 1));
    [c.width, c.height] = [px, px];
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, px, px);
    drawThumbnail(ctx, src, row, 0, 0, px);
  }, [row, size, src, version]);
  if (!src || row < 0 || row >= src.count) return null;
  const props = onClick ? { onClick, role: 'button', tabIndex: 0, onKeyDown: (e: React.KeyboardEvent) => (e.key === 'Enter' || e.key === ' ') && onClick() } : {};
  return <canvas ref={ref} className="point-image" data-row={row} style={{ width: size, height: size }} title={title} aria-label={`image of row ${row}`} {...props} />;
}

/** The neighbours' images in a wrapping strip, in neighbour order; nothing when the data has no images. */
export function NeighbourImages({ points, rowOf, onPick }: { points: Int32Array | readonly number[]; rowOf: (p: number) => number; onPick: (p: number) => void }) {
  useViewStore((s) => s.thumbnailsVersion);
  if (!getThumbnails()) return null;
  return (
    <div className="neighbour-images" data-testid="neighbour-images">
      {Array.from(points, (p, r) => (
        <PointImage key={p} row={rowOf(p)} size={40} title={`#${r + 1}: row ${rowOf(p)}`} onClick={() => onPick(p)} />
      ))}
    </div>
  );
}
