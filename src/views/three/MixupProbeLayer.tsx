/**
 * The mixup probe in Train's 3D view: each probe pair's mixed input x~ = lambda x_A + (1 - lambda) x_B
 * drawn where its feature lies on the frame's axes, coloured lambda of class A's colour plus
 * (1 - lambda) of class B's, with a thin line to each of its two class means (A solid-coloured
 * end, B the other) so "between the two class means" can be seen. Drawn on top of the cloud; it
 * jumps to each new snapshot (no tween).
 */
import { useEffect, useMemo } from 'react';
import * as THREE from 'three';
import { useThree } from '@react-three/fiber';
import { getHistory } from '../../state/trainingBuffers';
import { classColor } from '../palette';
import type { FrameSnapshot } from './FeatureCloud';
import { useProbeView } from './probeView';

interface Props {
  frame: FrameSnapshot | null;
}

/** Per pair: its position and lines to its two means; colours blended by lambda. */
function buildGeometry(frame: FrameSnapshot): { points: THREE.BufferGeometry; lines: THREE.BufferGeometry } | null {
  const probe = getHistory().probe;
  const pos = frame.frame.probe;
  if (!probe || !pos || pos.length !== probe.lambda.length * 3) return null;
  const P = probe.lambda.length;
  const means = frame.frame.means;
  const colours = new Float32Array(P * 3);
  const linePos = new Float32Array(P * 12);
  const lineCol = new Float32Array(P * 12);
  const a = new THREE.Color();
  const b = new THREE.Color();
  for (let p = 0; p < P; p++) {
    const l = probe.lambda[p];
    a.set(classColor(probe.classA[p]));
    b.set(classColor(probe.classB[p]));
    const c = a.clone().multiplyScalar(l).add(b.clone().multiplyScalar(1 - l));
    colours.set([c.r, c.g, c.b], 3 * p);
    const ends = [probe.classA[p], probe.classB[p]];
    for (let e = 0; e < 2; e++) {
      const o = 12 * p + 6 * e;
      linePos.set(pos.subarray(3 * p, 3 * p + 3), o);
      linePos.set(means.subarray(3 * ends[e], 3 * ends[e] + 3), o + 3);
      const end = e === 0 ? a : b;
      lineCol.set([c.r, c.g, c.b, end.r, end.g, end.b], o);
    }
  }
  const points = new THREE.BufferGeometry();
  points.setAttribute('position', new THREE.BufferAttribute(Float32Array.from(pos), 3));
  points.setAttribute('color', new THREE.BufferAttribute(colours, 3));
  const lines = new THREE.BufferGeometry();
  lines.setAttribute('position', new THREE.BufferAttribute(linePos, 3));
  lines.setAttribute('color', new THREE.BufferAttribute(lineCol, 3));
  return { points, lines };
}

export function MixupProbeLayer({ frame }: Props) {
  const show = useProbeView((s) => s.show);
  const invalidate = useThree((s) => s.invalidate);
  const geometry = useMemo(() => (frame && show ? buildGeometry(frame) : null), [frame, show]);
  const materials = useMemo(
    () => ({
      points: new THREE.PointsMaterial({ size: 9, sizeAttenuation: false, vertexColors: true, depthTest: false, transparent: true }),
      lines: new THREE.LineBasicMaterial({ vertexColors: true, transparent: true, opacity: 0.22, depthTest: false }),
    }),
    [],
  );
  useEffect(() => () => {
    materials.points.dispose();
    materials.lines.dispose();
  }, [materials]);
  useEffect(() => {
    invalidate();
    return () => {
      geometry?.points.dispose();
      geometry?.lines.dispose();
    };
  }, [geometry, invalidate]);
  if (!geometry) return null;
  return (
    <group name="mixup-probe">
      <lineSegments geometry={geometry.lines} material={materials.lines} renderOrder={4} frustumCulled={false} />
      <points geometry={geometry.points} material={materials.points} renderOrder={5} frustumCulled={false} />
    </group>
  );
}
