/**
 * Side-by-side linked views: A and Procrustes-aligned B, each on A's first two principal axes at
 * the same scale; hovering or selecting an item in one marks the same item in the other (and in
 * the aligned 3D view), and the hovered item's measures are listed underneath.
 */
import { useEffect, useState } from 'react';
import { useCompareHover } from '../../state/compareStore';
import type { CompareOutcome } from '../../workers/compareProtocol';
import { formatSig } from '../../format';
import { ScatterCanvas } from './ScatterCanvas';

function extentOf(o: CompareOutcome): number {
  const q = o.projection.components;
  let r = 0;
  for (const X of [o.projection.a, o.projection.b]) for (let i = 0; i < o.report.n; i++) for (let c = 0; c < Math.min(2, q); c++) r = Math.max(r, Math.abs(X[i * q + c]));
  return r > 0 ? r * 1.05 : 1;
}

function HoverLine({ o }: { o: CompareOutcome }) {
  const [item, setItem] = useState<number | null>(useCompareHover.getState().item);
  useEffect(() => useCompareHover.subscribe((s) => setItem(s.item)), []);
  if (item === null) return <p className="cmp-hover" data-testid="compare-hover">Hover an item in either view to see it in both; click to select (shift-click adds).</p>;
  const cls = o.labels && o.classNames ? ` · class ${o.classNames[o.labels[item]]}` : '';
  const rank = o.retrievalRank[item];
  return (
    <p className="cmp-hover" data-testid="compare-hover" data-item={item}>
      {`item ${item} (row ${o.rowsA[item]} of A, row ${o.rowsB[item]} of B)${cls} · displacement ${formatSig(o.displacement[item], 3)} · neighbour agreement ${formatSig(o.neighbourAgreement[item], 3)} · retrieval ${rank === 0 ? 'top-1' : rank < 5 ? `rank ${rank + 1}` : 'beyond top-5'}`}
    </p>
  );
}

interface Props {
  o: CompareOutcome;
  rgb: Float32Array;
  width: number;
  selected: readonly number[];
  onSelect: (items: number[]) => void;
}

export function LinkedViews({ o, rgb, width, selected, onSelect }: Props) {
  const w = Math.max(160, Math.floor((width - 12) / 2));
  const h = Math.min(320, w);
  const extent = extentOf(o);
  const common = { q: o.projection.components, n: o.report.n, rgb, extent, width: w, height: h, selected, onSelect };
  return (
    <div className="cmp-linked" data-testid="compare-linked">
      <div className="cmp-linked-row">
        <figure className="cmp-linked-view">
          <figcaption>
            <span className="cmp-badge cmp-badge-a">A</span> {o.sides[0].name}, standardised
          </figcaption>
          <ScatterCanvas xy={o.projection.a} testId="compare-linked-a" label="A on its first two principal axes" {...common} />
        </figure>
        <figure className="cmp-linked-view">
          <figcaption>
            <span className="cmp-badge cmp-badge-b">B</span> {o.sides[1].name}, Procrustes-aligned onto A
          </figcaption>
          <ScatterCanvas xy={o.projection.b} testId="compare-linked-b" label="Aligned B on A's first two principal axes" {...common} />
        </figure>
      </div>
      <HoverLine o={o} />
    </div>
  );
}
