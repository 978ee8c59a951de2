"""The numpy baseline for `npm run bench`: the same metric set as analyze(), written the way a
numpy user would (float32 matmuls, eigh of the covariance), the kNN either blocked numpy with
argpartition or scikit-learn's NearestNeighbors(n_neighbors=k+1) on the centred unique rows.

usage: python3 numpy_metrics.py VECTORS.npy LABELS.npy [k] [--sklearn]
prints one JSON line: {"seconds": ..., "parse_seconds": ..., "knn_seconds": ..., "metrics": {...}}
"""
import json
import sys
import time

import numpy as np


def knn(X, k, block=1024):
    """Exact kNN by ||a||^2 + ||b||^2 - 2ab in float32 blocks, self excluded; sorted distances."""
    N = X.shape[0]
    sq = np.einsum("ij,ij->i", X, X)
    dist = np.empty((N, k), dtype=np.float64)
    for s in range(0, N, block):
        e = min(N, s + block)
        d2 = sq[s:e, None] + sq[None, :] - 2.0 * (X[s:e] @ X.T)
        d2[np.arange(e - s), np.arange(s, e)] = np.inf
        part = np.argpartition(d2, k, axis=1)[:, :k]
        vals = np.take_along_axis(d2, part, axis=1)
        dist[s:e] = np.sqrt(np.maximum(np.sort(vals, axis=1), 0.0))
    return dist


def knn_sklearn(X, k):
    """scikit-learn's exact kNN (algorithm='auto', brute force at this width), self dropped."""
    from sklearn.neighbors import NearestNeighbors

    dist, _ = NearestNeighbors(n_neighbors=k + 1).fit(X).kneighbors(X)
    return dist[:, 1:]


def metrics(X, y, k=20, use_sklearn=False):
    N, D = X.shape
    K = int(y.max()) + 1
    Xc = X - X.mean(axis=0)
    lam = np.clip(np.linalg.eigvalsh((Xc.T @ Xc).astype(np.float64) / N)[::-1], 0, None)
    ratio = lam / lam.sum()
    out = {
        "explainedVarianceRatio": ratio[:10].tolist(),
        "pcId90": int(np.argmax(np.cumsum(ratio) >= 0.9) + 1),
        "participationRatio": float(lam.sum() ** 2 / np.sum(lam**2)),
    }
    _, first = np.unique(X, axis=0, return_index=True)
    U = Xc[np.sort(first)]
    t_knn = time.perf_counter()
    dist = knn_sklearn(U, max(k, 2)) if use_sklearn else knn(U, max(k, 2))
    out["knn_seconds"] = time.perf_counter() - t_knn
    mu = np.sort(dist[:, 1] / dist[:, 0])
    m = int(np.floor(0.9 * len(mu)))
    xs = np.log(mu[:m])
    ys = -np.log(1.0 - np.arange(1, m + 1) / len(mu))
    out["twoNN"] = float(xs @ ys / (xs @ xs))
    inv_m = np.mean(np.log(dist[:, k - 1 : k] / dist[:, : k - 1]), axis=1)
    out["mleHarmonic"] = float(1.0 / inv_m.mean())
    out["mleMean"] = float(np.mean(1.0 / inv_m))

    counts = np.bincount(y, minlength=K)
    means = np.zeros((K, D))
    np.add.at(means, y, X)
    means /= counts[:, None]
    mc = means - means.mean(axis=0)
    R = X - means[y]
    sigma_w = (R.T @ R).astype(np.float64) / N
    sigma_b = mc.T @ mc / K
    w, V = np.linalg.eigh(sigma_b)
    top = np.argsort(w)[::-1][: K - 1]
    out["nc1"] = float(np.trace(sigma_w @ ((V[:, top] / w[top]) @ V[:, top].T)) / K)
    out["nc1Quotient"] = float(np.trace(sigma_w) / np.trace(sigma_b))
    v = np.bincount(y, weights=np.einsum("ij,ij->i", R, R), minlength=K) / counts
    sq = np.einsum("ij,ij->i", means, means)
    d2 = sq[:, None] + sq[None, :] - 2 * means @ means.T
    iu = np.triu_indices(K, 1)
    out["cdnv"] = float(np.mean((v[iu[0]] + v[iu[1]]) / (2 * d2[iu])))
    norms = np.linalg.norm(mc, axis=1)
    out["equinorm"] = float(norms.std() / norms.mean())
    G = mc @ mc.T
    cos = G / np.outer(norms, norms)
    out["equiangularity"] = float(np.mean(np.abs(cos[~np.eye(K, dtype=bool)] + 1 / (K - 1))))
    etf = (np.eye(K) - 1 / K) / np.sqrt(K - 1)
    out["etfDistance"] = float(np.linalg.norm(G / np.linalg.norm(G) - etf))
    return out


def main():
    t0 = time.perf_counter()
    X = np.load(sys.argv[1]).astype(np.float32, copy=False)
    y = np.load(sys.argv[2]).astype(np.int64)
    t1 = time.perf_counter()
    args = [a for a in sys.argv[3:] if not a.startswith("--")]
    k = int(args[0]) if args else 20
    result = metrics(X, y, k, "--sklearn" in sys.argv)
    t2 = time.perf_counter()
    knn_seconds = result.pop("knn_seconds")
    print(json.dumps({"parse_seconds": t1 - t0, "seconds": t2 - t1, "knn_seconds": knn_seconds, "metrics": result}))


if __name__ == "__main__":
    main()
