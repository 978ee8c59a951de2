/** The aligned view's canvas (A and Procrustes-aligned B on A's principal axes, a segment per item) with its legend. */
import { Canvas } from '@react-three/fiber';
import { CAMERA_DISTANCE, OrbitRig } from '../three/OrbitRig';
import { AlignedCloud, type AlignedData } from './AlignedCloud';
import { ColourLegend } from './ColourLegend';
import type { ItemColours } from './itemColours';
import { formatPercent } from '../../format';

interface Props {
  data: AlignedData;
  colours: ItemColours;
  dims: 2 | 3;
  selected: readonly number[];
  /** Share of standardised A's variance on the axes shown. */
  explained: number;
}

export function AlignedView({ data, colours, dims, selected, explained }: Props) {
  const flat = dims === 2 || data.components < 3;
  return (
    <div className="point-view cmp-aligned" data-testid="compare-aligned-view" data-items={data.n}>
      <Canvas frameloop="demand" dpr={[1, 2]} camera={{ fov: 45, near: 0.01, far: 100, position: [0, 0, CAMERA_DISTANCE] }} gl={{ antialias: true, alpha: true, preserveDrawingBuffer: true }} aria-label="A and aligned B">
        <group scale={0.8} position={[0.18, 0, 0]}>
          <AlignedCloud data={data} rgb={colours.rgb} flat={flat} selected={selected} />
        </group>
        <OrbitRig dims={flat ? 2 : 3} resetKey={0} />
      </Canvas>
      <div className="cmp-view-legend">
        <ul className="cmp-key">
          <li>
            <span className="cmp-dot" /> A, standardised
          </li>
          <li>
            <span className="cmp-ring" /> B, Procrustes-aligned onto A
          </li>
          <li>
            <span className="cmp-seg" /> segment from A_i to B_i
          </li>
        </ul>
        <ColourLegend colours={colours} />
        <div className="cmp-axes-note">{`axes: A's top ${data.components} principal directions (${formatPercent(explained)} of its variance)`}</div>
      </div>
    </div>
  );
}
