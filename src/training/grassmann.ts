/**
 * Grassmann class representation (GCR) as tfjs ops: logits from per-class orthonormal bases
 * S (K x F x k) and the Riemannian SGD pieces (tangent projection, momentum, QR retraction).
 */
import * as tf from '@tensorflow/tfjs-core';

/** Added under square roots so the gradient stays finite at zero. */
const SQRT_EPS = 1e-12;

/**
 * logit_c = gamma ||S_c^T h/||h|| || for features h (B x F) and bases S (K x F x k):
 * the B x F normalised features times S laid out as F x (K k), squared, summed per class.
 */
export function gcrLogits(h: tf.Tensor2D, S: tf.Tensor3D, gamma: number): tf.Tensor2D {
  const [K, F, k] = S.shape;
  const B = h.shape[0];
  const hn = tf.mul(h, tf.rsqrt(tf.add(tf.sum(tf.square(h), 1, true), SQRT_EPS)));
  const flat = tf.reshape(tf.transpose(S, [1, 0, 2]), [F, K * k]);
  const proj = tf.reshape(tf.matMul(hn as tf.Tensor2D, flat as tf.Tensor2D), [B, K, k]);
  return tf.mul(gamma, tf.sqrt(tf.add(tf.sum(tf.square(proj), 2), SQRT_EPS))) as tf.Tensor2D;
}

/** Projection onto the tangent space of the Grassmannian at S (orthonormal columns): G - S (S^T G), per class. */
export function projectTangent(S: tf.Tensor3D, G: tf.Tensor3D): tf.Tensor3D {
  return tf.sub(G, tf.matMul(S, tf.matMul(S, G, true, false))) as tf.Tensor3D;
}

/**
 * The inverse of the QR factor R (upper triangular, diag(R) > 0) of each class's F x k matrix
 * A_c, from its Gram A_c^T A_c = R^T R (Cholesky, float64): then Q = A R^-1 is the thin QR
 * factor with the sign fix Q diag(sign(diag R)) built in. `gram` is K x k x k row-major; returns
 * K x k x k. A non-positive pivot (rank-deficient or non-finite input) yields NaN for that class.
 */
export function qrFactorInverse(gram: ArrayLike<number>, K: number, k: number): Float32Array {
  const out = new Float32Array(K * k * k);
  const R = new Float64Array(k * k);
  const Ri = new Float64Array(k * k);
  for (let c = 0; c < K; c++) {
    const o = c * k * k;
    R.fill(0);
    let ok = true;
    for (let i = 0; i < k && ok; i++) {
      let d = gram[o + i * k + i];
      for (let t = 0; t < i; t++) d -= R[t * k + i] ** 2;
      if (!(d > 0)) ok = false;
      R[i * k + i] = Math.sqrt(d);
      for (let j = i + 1; j < k && ok; j++) {
        let s = gram[o + i * k + j];
        for (let t = 0; t < i; t++) s -= R[t * k + i] * R[t * k + j];
        R[i * k + j] = s / R[i * k + i];
      }
    }
    if (!ok) {
      out.fill(NaN, o, o + k * k);
      continue;
    }
    Ri.fill(0);
    for (let j = 0; j < k; j++) {
      Ri[j * k + j] = 1 / R[j * k + j];
      for (let i = j - 1; i >= 0; i--) {
        let s = 0;
        for (let t = i + 1; t <= j; t++) s += R[i * k + t] * Ri[t * k + j];
        Ri[i * k + j] = -s / R[i * k + i];
      }
    }
    out.set(Ri, o);
  }
  return out;
}

/**
 * QR retraction of every class basis, in place: A <- A R^-1 with R from the Cholesky factor of
 * the k x k Gram (Cholesky QR). Only the K x k x k Gram is read back (await data()); for the
 * near-orthonormal A of one small step this is accurate to float32 round-off.
 */
export async function retractInPlace(A: tf.Variable): Promise<void> {
  const [K, , k] = A.shape;
  const gram = tf.tidy(() => tf.matMul(A as tf.Tensor3D, A as tf.Tensor3D, true, false));
  let values: ArrayLike<number>;
  try {
    values = await gram.data();
  } finally {
    gram.dispose();
  }
  const rInverse = qrFactorInverse(values, K, k);
  tf.tidy(() => A.assign(tf.matMul(A as tf.Tensor3D, tf.tensor3d(rInverse, [K, k, k]))));
}

/**
 * The Euclidean part of one Riemannian SGD step with momentum on the Grassmannian:
 * xi = P_S(G); the momentum buffer is carried to the current tangent space by projection,
 * M <- mu P_S(M) + xi; returns [S - lr M, M]. The caller retracts the first (retractInPlace).
 */
export function riemannianStep(S: tf.Tensor3D, G: tf.Tensor3D, M: tf.Tensor3D, lr: number, mu: number): [tf.Tensor3D, tf.Tensor3D] {
  const xi = projectTangent(S, G);
  const next = mu > 0 ? (tf.add(tf.mul(mu, projectTangent(S, M)), xi) as tf.Tensor3D) : xi;
  return [tf.sub(S, tf.mul(lr, next)) as tf.Tensor3D, next];
}

/** max over classes of ||S_c^T S_c - I||_F for bases s (K x F x k row-major), in float64. */
export function orthonormalityError(s: ArrayLike<number>, K: number, F: number, k: number): number {
  let worst = 0;
  for (let c = 0; c < K; c++) {
    let err = 0;
    for (let a = 0; a < k; a++) {
      for (let b = 0; b < k; b++) {
        let dot = 0;
        for (let t = 0; t < F; t++) dot += s[(c * F + t) * k + a] * s[(c * F + t) * k + b];
        err += (dot - (a === b ? 1 : 0)) ** 2;
      }
    }
    worst = Math.max(worst, Math.sqrt(err));
  }
  return worst;
}
