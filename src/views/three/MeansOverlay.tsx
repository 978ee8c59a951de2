/**
 * Class geometry over the cloud: each class mean (large disc in its class colour) joined to the
 * global mean by a line, and the ideal simplex ETF (Procrustes-aligned to the means, computed in the
 * worker) as rings joined to their class means, so the distance to collapse can be seen. Moves with
 * the points on a view change; drawn on top of them.
 */
import { useEffect, useMemo, useRef } from 'react';
import * as THREE from 'three';
import { useFrame, useThree } from '@react-three/fiber';
import { useAnalysisStore, useJobsStore } from '../../state/appStore';
import { getViewBuffers } from '../../state/pointBuffers';
import { useViewStore } from '../../state/viewStore';
import { classColor, hexToRgb } from '../palette';
import { createPointMaterial, setPointUniforms } from './pointMaterial';
import { displayPositions, easeInOut, lerpInto, TRANSITION_MS } from './transition';

const GLOBAL_COLOR = hexToRgb('#1b2330');

interface Layout {
  K: number;
  /** [global(1), means(K), etf(K)] x 3 display positions: current, start and target. */
  now: Float32Array;
  from: Float32Array;
  to: Float32Array;
  means: THREE.BufferGeometry;
  meanLines: THREE.BufferGeometry;
  etf: THREE.BufferGeometry;
  etfLines: THREE.BufferGeometry;
}

function geometry(count: number, colors: Float32Array | null): THREE.BufferGeometry {
  const g = new THREE.BufferGeometry();
  g.setAttribute('position', new THREE.BufferAttribute(new Float32Array(count * 3), 3).setUsage(THREE.DynamicDrawUsage));
  if (colors) g.setAttribute('aColor', new THREE.BufferAttribute(colors, 4));
  return g;
}

function classColors(K: number, withGlobal: boolean): Float32Array {
  const out = new Float32Array((K + (withGlobal ? 1 : 0)) * 4);
  for (let k = 0; k < K; k++) out.set([...hexToRgb(classColor(k)), 1], k * 4);
  if (withGlobal) out.set([...GLOBAL_COLOR, 1], K * 4);
  return out;
}

/** Copies the 3 floats at src[s..] to dst[d..] (no views allocated: this runs every animation frame). */
function copy3(dst: Float32Array, d: number, src: Float32Array, s: number): void {
  dst[d] = src[s];
  dst[d + 1] = src[s + 1];
  dst[d + 2] = src[s + 2];
}

/** Copies the animated state [global, means, etf] into the four geometries. */
function writeGeometries(l: Layout, hasEtf: boolean): void {
  const { K, now } = l;
  const pos = (g: THREE.BufferGeometry) => g.getAttribute('position') as THREE.BufferAttribute;
  const means = pos(l.means).array as Float32Array;
  const lines = pos(l.meanLines).array as Float32Array;
  const etf = pos(l.etf).array as Float32Array;
  const etfLines = pos(l.etfLines).array as Float32Array;
  copy3(means, 3 * K, now, 0);
  for (let k = 0; k < K; k++) {
    const mean = 3 + 3 * k;
    const vertex = 3 + 3 * K + 3 * k;
    copy3(means, 3 * k, now, mean);
    copy3(lines, 6 * k, now, 0);
    copy3(lines, 6 * k + 3, now, mean);
    if (!hasEtf) continue;
    copy3(etf, 3 * k, now, vertex);
    copy3(etfLines, 6 * k, now, mean);
    copy3(etfLines, 6 * k + 3, now, vertex);
  }
  pos(l.means).needsUpdate = true;
  pos(l.meanLines).needsUpdate = true;
  pos(l.etf).needsUpdate = true;
  pos(l.etfLines).needsUpdate = true;
}

export function MeansOverlay() {
  const dataVersion = useAnalysisStore((s) => s.dataVersion);
  const K = useAnalysisStore((s) => s.classNames?.length ?? 0);
  const viewVersion = useJobsStore((s) => s.viewVersion);
  const { showMeans, showEtf, dims, pointSize } = useViewStore();
  const { invalidate } = useThree();
  const anim = useRef({ start: 0, active: false, placed: false });

  const layout = useMemo<Layout | null>(() => {
    if (dataVersion === 0 || K < 2) return null;
    const size = 3 * (1 + 2 * K);
    return {
      K,
      now: new Float32Array(size),
      from: new Float32Array(size),
      to: new Float32Array(size),
      means: geometry(K + 1, classColors(K, true)),
      meanLines: geometry(2 * K, null),
      etf: geometry(K, classColors(K, false)),
      etfLines: geometry(2 * K, null),
    };
  }, [dataVersion, K]);
  useEffect(() => {
    anim.current.placed = false;
    return () => {
      if (layout) for (const g of [layout.means, layout.meanLines, layout.etf, layout.etfLines]) g.dispose();
    };
  }, [layout]);

  const materials = useMemo(() => {
    const disc = createPointMaterial();
    disc.depthTest = false;
    const ring = createPointMaterial();
    ring.depthTest = false;
    ring.uniforms.uHollow.value = 0.5;
    ring.uniforms.uRim.value = 0;
    const line = new THREE.LineBasicMaterial({ color: '#3a4556', transparent: true, opacity: 0.75, depthTest: false });
    const etfLine = new THREE.LineBasicMaterial({ color: '#9a3412', transparent: true, opacity: 0.7, depthTest: false });
    return { disc, ring, line, etfLine };
  }, []);
  useEffect(() => () => Object.values(materials).forEach((m) => m.dispose()), [materials]);

  useEffect(() => {
    setPointUniforms(materials.disc, { size: pointSize * 2.4 });
    setPointUniforms(materials.ring, { size: pointSize * 2.8 });
    invalidate();
  }, [pointSize, materials, invalidate]);

  useEffect(() => {
    const v = getViewBuffers();
    if (!layout || !v || !v.means || !v.globalMean) return;
    const { K: k } = layout;
    const raw = new Float32Array(layout.to.length);
    raw.set(v.globalMean, 0);
    raw.set(v.means, 3);
    raw.set(v.etf ?? v.means, 3 + 3 * k);
    displayPositions(layout.to, raw, v.offset, v.scale, dims === 2);
    // A new dataset's first view snaps (as the cloud's does): no transition, so one frame is drawn, not
    // TRANSITION_MS of them (each redraws every point: seconds at 100,000 points on a software renderer).
    const first = !anim.current.placed;
    layout.from.set(first ? layout.to : layout.now);
    if (first) layout.now.set(layout.to);
    anim.current = { start: performance.now(), active: !first, placed: true };
    writeGeometries(layout, v.etf !== null);
    invalidate();
  }, [layout, viewVersion, dims, invalidate]);

  useFrame((state) => {
    const dist = state.camera.position.length();
    const pixelRatio = state.gl.getPixelRatio();
    setPointUniforms(materials.disc, { refDistance: dist, pixelRatio });
    setPointUniforms(materials.ring, { refDistance: dist, pixelRatio });
    if (!layout || !anim.current.active) return;
    const e = easeInOut((performance.now() - anim.current.start) / TRANSITION_MS);
    lerpInto(layout.now, layout.from, layout.to, e);
    writeGeometries(layout, getViewBuffers()?.etf != null);
    if (e < 1) invalidate();
    else anim.current.active = false;
  });

  const v = getViewBuffers();
  if (!layout || !v?.means) return null;
  const hasEtf = v.etf !== null;
  return (
    <group>
      <lineSegments geometry={layout.meanLines} material={materials.line} visible={showMeans} frustumCulled={false} renderOrder={2} />
      <points geometry={layout.means} material={materials.disc} visible={showMeans} frustumCulled={false} renderOrder={3} />
      <lineSegments geometry={layout.etfLines} material={materials.etfLine} visible={showEtf && hasEtf} frustumCulled={false} renderOrder={2} />
      <points geometry={layout.etf} material={materials.ring} visible={showEtf && hasEtf} frustumCulled={false} renderOrder={4} />
    </group>
  );
}
