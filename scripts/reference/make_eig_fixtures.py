#!/usr/bin/env python3
"""Eigensolver fixtures at the dimensions of wide embeddings (issue 13): symmetric D x D matrices
A = H_1 ... H_6 diag(lambda) H_6 ... H_1 (Householder reflectors H_k = I - 2 v_k v_k^T from a closed
form, so the TypeScript test rebuilds the same matrix to round-off without a 5-50 MB file), and
numpy.linalg.eigh's eigenvalues (all, descending) and leading 10 eigenvectors of that matrix.

Cases: 'graded' (D = 768, lambda_i = 1/(1+i)), 'illcond' (D = 768, lambda_i = 10^(-14 i/(D-1)),
condition 1e14), 'rankdef' (D = 1024, 200 eigenvalues 1/(1+i), the other 824 exactly 0).
The closed form (mirrored in src/geometry/linalg/eigFixtures.test.ts):
  v_k[t] = sin(0.37 (t+1)(k+1) + 0.11 k) + 0.5 cos(1.7 t + k), t = 0..D-1, k = 0..5, then v_k / ||v_k||;
  A = diag(lambda), then for k = 5, 4, ..., 0: A <- H_k A H_k.
Usage (from the repository root): python3 scripts/reference/make_eig_fixtures.py (numpy 1.24 or 2.x).
Writes tests/fixtures/reference/eig.json and eig-<case>-vectors.npy (float64, 10 x D, rows are eigenvectors).
The construction's eigenvalues are known exactly; the script asserts eigh agrees with them to 1e-13 lambda_max.
"""
import json
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "tests" / "fixtures" / "reference"
REFLECTORS = 6
TOP = 10


def spectrum(case, D):
    i = np.arange(D, dtype=np.float64)
    if case == "graded":
        return 1.0 / (1.0 + i)
    if case == "illcond":
        return 10.0 ** (-14.0 * i / (D - 1))
    if case == "rankdef":
        return np.where(i < 200, 1.0 / (1.0 + i), 0.0)
    raise ValueError(case)


def matrix(lam):
    D = lam.size
    A = np.diag(lam)
    t = np.arange(D, dtype=np.float64)
    for k in reversed(range(REFLECTORS)):
        v = np.sin(0.37 * (t + 1) * (k + 1) + 0.11 * k) + 0.5 * np.cos(1.7 * t + k)
        v /= np.linalg.norm(v)
        Av = A @ v
        # H A H = A - 2 v (A v)^T - 2 (A v) v^T + 4 (v^T A v) v v^T
        A = A - 2 * np.outer(v, Av) - 2 * np.outer(Av, v) + 4 * (v @ Av) * np.outer(v, v)
    return (A + A.T) / 2


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    cases = {"graded": 768, "illcond": 768, "rankdef": 1024}
    out = {"reflectors": REFLECTORS, "top": TOP, "cases": {}}
    for case, D in cases.items():
        lam = spectrum(case, D)
        w, V = np.linalg.eigh(matrix(lam))
        order = np.argsort(-w, kind="stable")
        w, V = w[order], V[:, order]
        exact = np.sort(lam)[::-1]
        assert np.max(np.abs(w - exact)) < 1e-13 * exact[0], case
        top = V[:, :TOP].T.copy()
        for j in range(TOP):
            top[j] *= np.sign(top[j][np.argmax(np.abs(top[j]))])
        np.save(OUT / f"eig-{case}-vectors.npy", top.astype(np.float64))
        out["cases"][case] = {"D": D, "values": w.tolist(), "maxDiffFromConstruction": float(np.max(np.abs(w - exact)))}
    (OUT / "eig.json").write_text(json.dumps(out) + "\n")


if __name__ == "__main__":
    main()
