#!/usr/bin/env python3
"""The ill-conditioned NC1 fixture: 391 x 320 float32, K = 37 classes whose centred class means
have singular values falling geometrically to 1e-7 of the largest (the conditioning of the real
embedding set of issue 10), with within-class noise in the span of the means small enough that
NC1 lives in those tiny directions, and larger noise outside it.

Usage (from the repository root): python3 scripts/reference/make_illconditioned.py
(also run by `npm run reference`). Needs numpy; the 40-digit check needs Python's fractions only.
Writes tests/fixtures/reference/illcond-vectors.npy, illcond-labels.txt and illcond.json.

The reference NC1 comes from the float64 thin SVD of Mc (geometry_ref.nc1_svd) and is checked
against the exact rational value of Tr(S (G^+)^2), S = Mc Sigma_W Mc^T, G = Mc Mc^T, computed
from the float32 inputs with Python integers and Fractions (the K-space identity, exact there).
"""
import json
import sys
from fractions import Fraction
from math import lcm
from pathlib import Path

import numpy as np

sys.dont_write_bytecode = True
import geometry_ref as ref  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "tests" / "fixtures" / "reference"
SEED = 20261130
N, D, K = 391, 320, 37
SMALLEST = 1e-7  # s_{K-1} / s_1 as designed
SPAN_NOISE = 2e-6  # within-class std along each direction of the means' span (s_1 = 1)
OFF_NOISE = 2e-5  # within-class std per coordinate outside that span
OFFSET = 0.03  # std of the common offset mu_G


def orthonormal(rng, rows, cols):
    """rows x cols with orthonormal columns (QR of a Gaussian, signs fixed)."""
    q, r = np.linalg.qr(rng.standard_normal((rows, cols)))
    return q * np.sign(np.diag(r))


def make(rng):
    """Float32 X (N x D) and labels: Mc = U diag(s) V^T with U orthogonal to 1, residuals balanced
    per class in float64 so the class means are the designed ones up to float32 rounding."""
    counts = np.full(K, N // K)
    counts[rng.choice(K, N - counts.sum(), replace=False)] += 1
    counts += rng.permutation(np.resize([-2, 2, -1, 1, 0], K))
    assert counts.sum() == N and counts.min() >= 2
    y = rng.permutation(np.repeat(np.arange(K), counts))
    s = SMALLEST ** (np.arange(K - 1) / (K - 2))
    ones = np.ones((K, 1)) / np.sqrt(K)
    U = orthonormal(rng, K, K - 1)
    U -= ones @ (ones.T @ U)
    U, _ = np.linalg.qr(U)
    V = orthonormal(rng, D, D)
    span, rest = V[:, : K - 1], V[:, K - 1 :]
    mc = (U * s) @ span.T
    mu_g = OFFSET * rng.standard_normal(D)
    noise = SPAN_NOISE * rng.standard_normal((N, K - 1)) @ span.T + OFF_NOISE * rng.standard_normal((N, D - K + 1)) @ rest.T
    for k in range(K):
        noise[y == k] -= noise[y == k].mean(axis=0)
    X = (mu_g + mc[y] + noise).astype(np.float32)
    return X, y


def exact_nc1(X32, y):
    """Tr(Sigma_W Sigma_B^+)/K as an exact Fraction from the float32 values: integers scaled by
    2^E (the float32 grid), by L = lcm(n_k) and K, then G^+ = (G + 11^T)^-1 - 11^T/K^2 (exact
    because G 1 = 0 and rank G = K - 1, asserted through the invertibility of G + 11^T)."""
    exps = np.frexp(X32.astype(np.float64))[1]
    E = int(24 - exps[X32 != 0].min())
    Xi = np.array([[int(v) for v in row] for row in np.ldexp(X32.astype(np.float64), E)], dtype=object)
    counts = [int(c) for c in np.bincount(y, minlength=K)]
    L = lcm(*counts)
    sums = np.array([Xi[y == k].sum(axis=0) for k in range(K)], dtype=object)
    scaled_means = np.array([sums[k] * (L // counts[k]) for k in range(K)], dtype=object)  # L 2^E mu_k
    mc = scaled_means * K - scaled_means.sum(axis=0)  # K L 2^E Mc
    R = Xi * L - scaled_means[y]  # L 2^E (x_i - mu_{y_i})
    A = R.dot(mc.T)  # K L^2 4^E (R Mc^T), N x K
    G = [[Fraction(int(v)) for v in row] for row in mc.dot(mc.T)]  # (K L 2^E)^2 G
    H = [[G[i][j] + 1 for j in range(K)] for i in range(K)]
    Hinv = invert(H)
    Gp = [[Hinv[i][j] - Fraction(1, K * K) for j in range(K)] for i in range(K)]
    S = A.T.dot(A)  # N (K L^2 4^E)^2 S
    Gp2 = [[sum(Gp[i][t] * Gp[t][j] for t in range(K)) for j in range(K)] for i in range(K)]
    tr = sum(Gp2[i][j] * int(S[j][i]) for i in range(K) for j in range(K))
    # Gp2 carries (K L 2^E)^-4 and S carries N K^2 L^4 2^(4E): together N / K^2.
    return tr * K * K / N


def invert(M):
    """Gauss-Jordan inverse over the rationals (raises when M is singular)."""
    n = len(M)
    A = [row[:] + [Fraction(int(i == j)) for j in range(n)] for i, row in enumerate(M)]
    for c in range(n):
        p = next((r for r in range(c, n) if A[r][c] != 0), None)
        if p is None:
            raise AssertionError("G + 11^T is singular: rank G < K - 1")
        A[c], A[p] = A[p], A[c]
        inv = 1 / A[c][c]
        A[c] = [v * inv for v in A[c]]
        for r in range(n):
            if r != c and A[r][c] != 0:
                f = A[r][c]
                A[r] = [a - f * b for a, b in zip(A[r], A[c])]
    return [row[n:] for row in A]


def forty_digits(q):
    """A Fraction as a 40-significant-digit decimal string."""
    from decimal import Decimal, getcontext

    getcontext().prec = 40
    return str(Decimal(q.numerator) / Decimal(q.denominator))


def main():
    rng = np.random.default_rng(SEED)
    X32, y = make(rng)
    X = X32.astype(np.float64)
    svd = ref.nc1_svd(X, y, K)
    exact = exact_nc1(X32, y)
    rel = abs(svd["nc1"] - float(exact)) / float(exact)
    if rel > 1e-8:
        raise AssertionError(f"float64 SVD nc1 {svd['nc1']!r} disagrees with the exact {float(exact)!r} ({rel:.2e})")
    nc = ref.collapse(X, y, K)
    assert nc["nc1"] == svd["nc1"]
    OUT.mkdir(parents=True, exist_ok=True)
    with open(OUT / "illcond-vectors.npy", "wb") as f:
        np.lib.format.write_array(f, X32, version=(1, 0), allow_pickle=False)
    (OUT / "illcond-labels.txt").write_text("".join(f"{int(v)}\n" for v in y), encoding="ascii")
    res = dict(
        dataset="illcond", n=N, dim=D, classes=K, counts=np.bincount(y, minlength=K).tolist(),
        neuralCollapse={k: (None if v is None else float(v)) for k, v in nc.items()},
        nc1Svd=dict(rank=svd["rank"], conditioning=svd["conditioning"], smallestShare=svd["smallestShare"],
                    singularValues=svd["singularValues"].tolist()),
        nc1Exact=dict(digits40=forty_digits(exact), float=float(exact), relativeDifferenceOfSvd=rel),
        inputs=dict(seed=SEED, designedSmallest=SMALLEST, spanNoise=SPAN_NOISE, offNoise=OFF_NOISE, offset=OFFSET),
    )
    with open(OUT / "illcond.json", "w", encoding="utf-8") as f:
        json.dump(res, f, indent=1, allow_nan=False)
        f.write("\n")
    print(f"[illcond] n={N} dim={D} K={K} nc1={svd['nc1']:.10g} exact={forty_digits(exact)} rel={rel:.2e}")
    print(f"  conditioning={svd['conditioning']:.4g} smallestShare={svd['smallestShare']:.4f} rank={svd['rank']}")


if __name__ == "__main__":
    main()
