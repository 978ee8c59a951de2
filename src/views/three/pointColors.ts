/** Per-point RGBA for the point material: class colour (or one colour), alpha 0 for hidden classes. */
import { classColor, hexToRgb, UNIFORM_COLOR } from '../palette';

/** Fills out (n*4) from labels; one colour when labels are null or mode is 'uniform'. */
export function fillPointColors(
  out: Float32Array,
  labels: Int32Array | null,
  mode: 'class' | 'uniform',
  hidden: readonly number[],
): void {
  const n = out.length / 4;
  let K = 1;
  if (labels) for (let i = 0; i < n; i++) K = Math.max(K, labels[i] + 1);
  const table = new Float32Array(K * 4);
  for (let k = 0; k < K; k++) {
    const [r, g, b] = hexToRgb(labels && mode === 'class' ? classColor(k) : UNIFORM_COLOR);
    table[4 * k] = r;
    table[4 * k + 1] = g;
    table[4 * k + 2] = b;
    table[4 * k + 3] = labels && hidden.includes(k) ? 0 : 1;
  }
  for (let i = 0; i < n; i++) {
    const k = labels ? labels[i] : 0;
    for (let c = 0; c < 4; c++) out[4 * i + c] = table[4 * k + c];
  }
}
