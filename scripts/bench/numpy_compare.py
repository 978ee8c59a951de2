"""numpy baseline for scripts/bench/compareBench.ts: the same pairwise work on two .npy files, vectorised.

Prints one JSON line: seconds per stage (grams = both Grams, the cross Gram and both eigh; procrustes =
SVD of the padded cross; knn = exact cosine 10-NN of both sides by blocked matmul + argpartition;
retrieval = Procrustes-aligned A against B, 5 nearest) and the values, for a sanity check.
"""
import json
import sys
import time

import numpy as np


def topk(Q, T, k, exclude_self):
    out = np.empty((Q.shape[0], k), dtype=np.int64)
    tn = np.sum(T * T, 1)
    for s in range(0, Q.shape[0], 1024):
        d2 = tn[None, :] - 2 * Q[s:s + 1024] @ T.T
        if exclude_self:
            d2[np.arange(d2.shape[0]), np.arange(s, s + d2.shape[0])] = np.inf
        part = np.argpartition(d2, k, axis=1)[:, :k]
        order = np.argsort(np.take_along_axis(d2, part, 1), axis=1)
        out[s:s + 1024] = np.take_along_axis(part, order, 1)
    return out


def main(a_path, b_path):
    A = np.load(a_path).astype(np.float64)
    B = np.load(b_path).astype(np.float64)
    t = {}
    t0 = time.perf_counter()
    Ac, Bc = A - A.mean(0), B - B.mean(0)
    gA, gB, cross = Ac.T @ Ac, Bc.T @ Bc, Ac.T @ Bc
    np.linalg.eigh(gA), np.linalg.eigh(gB)
    cka = np.linalg.norm(cross) ** 2 / (np.linalg.norm(gA) * np.linalg.norm(gB))
    t["grams"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    d = max(A.shape[1], B.shape[1])
    M = np.zeros((d, d))
    M[: A.shape[1], : B.shape[1]] = cross / (np.linalg.norm(Ac) * np.linalg.norm(Bc))
    U, s, Vt = np.linalg.svd(M)
    t["procrustes"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    unit = lambda Z: Z / np.linalg.norm(Z, axis=1, keepdims=True)  # noqa: E731
    na, nb = topk(unit(A), unit(A), 10, True), topk(unit(B), unit(B), 10, True)
    mknn = np.mean([len(set(x) & set(y)) for x, y in zip(na, nb)]) / 10
    t["knn"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    pad = lambda Z: np.hstack([Z, np.zeros((Z.shape[0], d - Z.shape[1]))]) / np.linalg.norm(Z)  # noqa: E731
    q = s.sum() * pad(Ac) @ (U @ Vt)
    nn = topk(q, pad(Bc), 5, False)
    top1 = float(np.mean(nn[:, 0] == np.arange(len(A))))
    t["retrieval"] = time.perf_counter() - t0
    print(json.dumps(dict(seconds=t, cka=float(cka), disparity=float(1 - s.sum() ** 2), mutualKnn=float(mknn), top1=top1)))


if __name__ == "__main__":
    main(*sys.argv[1:3])
