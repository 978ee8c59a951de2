/** Shared finishing steps of the exact and randomized PCA paths. */
import type { Mat, PcaResult } from './types';

/** Builds the PcaResult from eigenvalues (descending), the exact trace and squared Frobenius norm of C. */
export function summarise(
  mean: Float64Array,
  eigenvalues: Float64Array,
  trace: number,
  frob2: number,
  components: Mat,
  method: 'exact' | 'randomized',
): PcaResult {
  const explainedVarianceRatio = eigenvalues.map((v) => v / trace);
  let pcId90 = NaN;
  let cum = 0;
  for (let i = 0; i < explainedVarianceRatio.length; i++) {
    cum += explainedVarianceRatio[i];
    if (cum >= 0.9 - 1e-10) {
      pcId90 = i + 1;
      break;
    }
  }
  return { mean, eigenvalues, explainedVarianceRatio, components, pcId90, participationRatio: (trace * trace) / frob2, method };
}

/** Flips each row so that its largest-magnitude entry is positive (a deterministic sign). */
export function signComponents(components: Mat): void {
  const { rows, cols, data } = components;
  for (let i = 0; i < rows; i++) {
    let big = 0;
    for (let j = 0; j < cols; j++) if (Math.abs(data[i * cols + j]) > Math.abs(big)) big = data[i * cols + j];
    if (big < 0) for (let j = 0; j < cols; j++) data[i * cols + j] = -data[i * cols + j];
  }
}
