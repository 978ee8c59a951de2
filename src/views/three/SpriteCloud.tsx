/**
 * Thumbnails in place of points: when the data carries images and the toggle is on, once at most
 * SPRITE_MAX_VISIBLE visible points lie on screen (after zooming in), each point is drawn as its
 * image (spriteMaterial.ts). The count is taken from the screen index whenever a fresh one is built
 * (the camera came to rest), so the choice holds while the camera moves.
 */
import { useEffect, useMemo, useRef } from 'react';
import * as THREE from 'three';
import { useFrame, useThree } from '@react-three/fiber';
import { useAnalysisStore } from '../../state/appStore';
import { getPointBuffers } from '../../state/pointBuffers';
import { useViewStore } from '../../state/viewStore';
import { getThumbnails } from '../thumbnails';
import { markCanvas } from './canvasMarks';
import type { CloudHandle } from './cloudHandle';
import type { ScreenIndex } from './screenIndex';
import { atlasOf, createSpriteMaterial, setSpriteUniforms } from './spriteMaterial';

/** Images replace points when at most this many visible points are on screen. */
export const SPRITE_MAX_VISIBLE = 3000;
/** Side of a thumbnail in CSS px at the default zoom. */
const SPRITE_PX = 40;

/** Visible points (alpha > 0) on the index's grid, counting up to `cap + 1`. */
function visibleOnScreen(index: ScreenIndex, colors: Float32Array, cap: number): number {
  let count = 0;
  for (const i of index.items) {
    if (colors[4 * i + 3] > 0 && ++count > cap) break;
  }
  return count;
}

export function SpriteCloud({ handle }: { handle: CloudHandle }) {
  const { invalidate, gl } = useThree();
  const sprites = useViewStore((s) => s.sprites);
  const version = useViewStore((s) => s.thumbnailsVersion);
  const dataVersion = useAnalysisStore((s) => s.dataVersion);
  const seen = useRef({ index: null as ScreenIndex | null, serial: -1, few: false });
  const points = useRef<THREE.Points>(null);

  const atlas = useMemo(() => {
    const src = version >= 0 && sprites ? getThumbnails() : null;
    return src ? { atlas: atlasOf(src), count: src.count } : null;
  }, [sprites, version]);
  const material = useMemo(() => (atlas?.atlas ? createSpriteMaterial(atlas.atlas) : null), [atlas]);
  useEffect(
    () => () => {
      material?.dispose();
      atlas?.atlas?.texture.dispose();
    },
    [material, atlas],
  );

  const geometry = useMemo(() => {
    const b = dataVersion > 0 ? getPointBuffers() : null;
    if (!atlas || !b) return null;
    const g = new THREE.BufferGeometry();
    g.setAttribute('aTile', new THREE.BufferAttribute(Float32Array.from(b.rowIndex, (r) => (r < atlas.count ? r : -1)), 1));
    return g;
  }, [atlas, dataVersion]);
  useEffect(() => () => geometry?.dispose(), [geometry]);

  useFrame((state) => {
    const st = seen.current;
    const obj = points.current;
    const { to, colors, index } = handle;
    if (!obj || !geometry || !material || !to || !colors) return;
    if (index && index !== st.index) {
      st.index = index;
      st.few = visibleOnScreen(index, colors, SPRITE_MAX_VISIBLE) <= SPRITE_MAX_VISIBLE;
    }
    if (st.serial !== handle.serial) {
      st.serial = handle.serial;
      const pos = geometry.getAttribute('position');
      if (pos?.array !== to) geometry.setAttribute('position', new THREE.BufferAttribute(to, 3));
      else pos.needsUpdate = true;
      const col = geometry.getAttribute('aColor');
      if (col?.array !== colors) geometry.setAttribute('aColor', new THREE.BufferAttribute(colors, 4));
      else col.needsUpdate = true;
    }
    obj.visible = st.few && !handle.animating;
    markCanvas(state.gl.domElement, 'sprites', obj.visible ? 'on' : 'off');
    setSpriteUniforms(material, SPRITE_PX, state.gl.getPixelRatio(), state.camera.position.length());
  });
  useEffect(() => {
    seen.current = { index: null, serial: -1, few: false };
    handle.setIndexDraws(geometry !== null && material !== null);
    if (!geometry) markCanvas(gl.domElement, 'sprites', 'off');
    invalidate();
  }, [geometry, material, handle, gl, invalidate]);
  useEffect(
    () => () => {
      handle.setIndexDraws(false);
    },
    [handle],
  );

  if (!geometry || !material) return null;
  return <points ref={points} geometry={geometry} material={material} frustumCulled={false} renderOrder={1} visible={false} />;
}
