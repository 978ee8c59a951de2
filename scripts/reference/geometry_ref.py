"""Independent float64 numpy reference for the geometry core's metrics.

Written straight from the formulas in ARCHITECTURE.md ("Metric conventions"), not from the
TypeScript. Every function takes float64 arrays; X is N x D, labels are ints 0..K-1.
Where a cheap second derivation exists it is asserted (see `_agree`), so a fixture is only
written when two numerically different routes give the same number.
"""
from itertools import combinations

import numpy as np


def _agree(a, b, what, rtol=1e-9, atol=1e-12):
    """Fail loudly when two derivations of the same quantity disagree."""
    if not np.allclose(a, b, rtol=rtol, atol=atol):
        raise AssertionError(f"{what}: cross-check failed ({a!r} vs {b!r})")


def dedup_rows(X32):
    """Indices of the first occurrence of every distinct row (value equality, -0 == +0), in order."""
    seen, keep = set(), []
    for i, row in enumerate(X32):
        key = (row + np.float32(0)).tobytes()
        if key not in seen:
            seen.add(key)
            keep.append(i)
    return np.asarray(keep, dtype=np.int64)


def class_stats(X, y, K):
    """counts n_k, means mu_k, mu_G = unweighted mean of the mu_k, Mc = mu_k - mu_G, V_k."""
    counts = np.bincount(y, minlength=K)
    means = np.stack([X[y == k].mean(axis=0) for k in range(K)])
    mu_g = means.mean(axis=0)
    mc = means - mu_g
    v = np.array([np.mean(np.sum((X[y == k] - means[k]) ** 2, axis=1)) for k in range(K)])
    return counts, means, mu_g, mc, v


def _pinv_sym_top(A, rank):
    """Eigen pseudo-inverse of a symmetric matrix keeping its `rank` largest eigenvalues."""
    w, U = np.linalg.eigh(A)
    idx = np.argsort(w)[::-1][:rank]
    return (U[:, idx] / w[idx]) @ U[:, idx].T


def nc1_svd(X, y, K):
    """nc1 = Tr(Sigma_W Sigma_B^+)/K = sum_{i<r} (v_i^T Sigma_W v_i) / s_i^2 from the thin SVD of Mc,
    over the r kept right singular vectors: the first min(K-1, D), less any s_i <= max(K, D) eps s_1.
    Also conditioning = s_r/s_1 and smallestShare = the r-th term / nc1 (None when r = 0)."""
    N, D = X.shape
    _, means, _, mc, _ = class_stats(X, y, K)
    _, s, vt = np.linalg.svd(mc, full_matrices=False)
    tol = max(K, D) * np.finfo(np.float64).eps * s[0]
    r = int(np.sum(s[: min(K - 1, D)] > tol))
    if r == 0:
        return dict(nc1=None, rank=0, conditioning=None, smallestShare=None, singularValues=s)
    proj = (X - means[y]) @ vt[:r].T
    terms = np.sum(proj**2, axis=0) / N / s[:r] ** 2
    nc1 = float(terms.sum())
    return dict(nc1=nc1, rank=r, conditioning=float(s[r - 1] / s[0]), smallestShare=float(terms[-1] / nc1), singularValues=s)


def collapse(X, y, K, W=None, b=None):
    """NC1 (thin SVD of Mc, rank K-1), NC1 quotient, CDNV, equinorm(s), equiangularity, ETF distance, NC3, NC4.
    Where Mc is well conditioned (s_r/s_1 > 1e-4) NC1 is cross-checked against Tr(Sigma_W Sigma_B^+)/K
    with Sigma_B^+ from eigh in D-space and in K-space."""
    N, _ = X.shape
    counts, means, _, mc, v = class_stats(X, y, K)
    R = X - means[y]
    sigma_w = R.T @ R / N
    sigma_b = mc.T @ mc / K
    G = mc @ mc.T
    svd = nc1_svd(X, y, K)
    nc1 = svd["nc1"]
    if svd["conditioning"] is not None and svd["conditioning"] > 1e-4:
        sb_pinv = _pinv_sym_top(sigma_b, svd["rank"])
        Gp = _pinv_sym_top(G, svd["rank"])
        _agree(sb_pinv, K * mc.T @ Gp @ Gp @ mc, "Sigma_B^+ via D-space and K-space", rtol=1e-7, atol=1e-9 * np.abs(sb_pinv).max())
        _agree(nc1, np.trace(sigma_w @ sb_pinv) / K, "nc1 via the SVD of Mc and via Sigma_B^+")
    nc1_quotient = np.trace(sigma_w) / np.trace(sigma_b)
    _agree(np.trace(sigma_w), np.sum(counts * v) / N, "Tr Sigma_W = sum n_k V_k / N")

    pairs = [(i, j) for i in range(K) for j in range(i + 1, K)]
    cdnv = np.mean([(v[i] + v[j]) / (2 * np.sum((means[i] - means[j]) ** 2)) for i, j in pairs])

    norms = np.linalg.norm(mc, axis=1)
    equinorm = norms.std() / norms.mean()
    cos = G / np.outer(norms, norms)
    off = ~np.eye(K, dtype=bool)
    equiangularity = np.mean(np.abs(cos[off] + 1.0 / (K - 1)))
    etf = (np.eye(K) - np.ones((K, K)) / K) / np.sqrt(K - 1)
    etf_distance = np.linalg.norm(G / np.linalg.norm(G) - etf)

    out = dict(nc1=nc1, nc1Quotient=nc1_quotient, cdnv=cdnv, equinorm=equinorm,
               equinormClassifier=None, equiangularity=equiangularity, etfDistance=etf_distance,
               nc3=None, nc4=None, conditioning=svd["conditioning"], nc1Rank=svd["rank"],
               nc1SmallestShare=svd["smallestShare"])
    if W is not None:
        wn = np.linalg.norm(W, axis=1)
        out["equinormClassifier"] = wn.std() / wn.mean()
        out["nc3"] = np.sum((W / np.linalg.norm(W) - mc / np.linalg.norm(mc)) ** 2)
        if b is not None:
            out["nc4"] = np.mean(nearest_mean(X, means) != np.argmax(X @ W.T + b, axis=1))
    return out


def nearest_mean(X, means):
    """Index of the euclidean-nearest class mean for every row."""
    d2 = np.sum((X[:, None, :] - means[None, :, :]) ** 2, axis=2)
    return np.argmin(d2, axis=1)


def top2_margin(scores):
    """Per row, (best - second best) score: how far each decision is from a tie."""
    s = np.sort(scores, axis=1)
    return s[:, -1] - s[:, -2]


def pca(X):
    """Eigenvalues (descending) of the centred covariance, ratios, pcId90, participation ratio."""
    Xc = X - X.mean(axis=0)
    lam = np.linalg.eigvalsh(Xc.T @ Xc / X.shape[0])[::-1]
    lam = np.clip(lam, 0.0, None)
    sv = np.linalg.svd(Xc, compute_uv=False)
    _agree(lam[: len(sv)], sv**2 / X.shape[0], "PCA eigenvalues via eigh and SVD", rtol=1e-8, atol=1e-10 * lam[0])
    ratio = lam / lam.sum()
    pc_id90 = int(np.argmax(np.cumsum(ratio) >= 0.9) + 1)
    pr = lam.sum() ** 2 / np.sum(lam**2)
    return ratio, pc_id90, pr


def knn_euclidean(X, k, block=128):
    """Exact brute-force kNN (self excluded) from explicit differences; ascending distances."""
    N = X.shape[0]
    idx = np.empty((N, k), dtype=np.int64)
    dist = np.empty((N, k))
    for s in range(0, N, block):
        e = min(N, s + block)
        diff = X[s:e, None, :] - X[None, :, :]
        d2 = np.einsum("bnd,bnd->bn", diff, diff)
        d2[np.arange(e - s), np.arange(s, e)] = np.inf
        order = np.argsort(d2, axis=1, kind="stable")[:, :k]
        idx[s:e] = order
        dist[s:e] = np.sqrt(np.take_along_axis(d2, order, axis=1))
    return idx, dist


def two_nn(dist):
    """Facco TwoNN: mu = r2/r1, F_i = i/N, smallest floor(0.9 N), LS through 0 of -log(1-F) on log mu."""
    N = dist.shape[0]
    mu = np.sort(dist[:, 1] / dist[:, 0])
    m = int(np.floor(0.9 * N))
    x = np.log(mu[:m])
    f = np.arange(1, m + 1) / N
    yv = -np.log(1.0 - f)
    return float(np.dot(x, yv) / np.dot(x, x))


def mle_levina_bickel(dist, k=20):
    """m(x) = [(1/(k-1)) sum_{j<k} log(T_k/T_j)]^-1; harmonic = 1/mean(1/m), mean = mean(m)."""
    T = dist[:, :k]
    inv_m = np.mean(np.log(T[:, k - 1 : k] / T[:, : k - 1]), axis=1)
    m = 1.0 / inv_m
    return 1.0 / np.mean(inv_m), float(np.mean(m)), m


def class_subspace(X, y, c, k):
    """D x k orthonormal basis: top-k right singular vectors of class c centred on its mean."""
    Xc = X[y == c] - X[y == c].mean(axis=0)
    _, s, Vt = np.linalg.svd(Xc, full_matrices=False)
    return Vt[:k].T, s


def principal_angles(Q1, Q2):
    """Ascending angles: arcsin of sigma((I - Q1 Q1^T) Q2) where small, arccos of sigma(Q1^T Q2) otherwise."""
    cos_desc = np.clip(np.linalg.svd(Q1.T @ Q2, compute_uv=False), 0.0, 1.0)
    sin_asc = np.clip(np.linalg.svd(Q2 - Q1 @ (Q1.T @ Q2), compute_uv=False), 0.0, 1.0)[::-1]
    theta = np.where(cos_desc**2 >= 0.5, np.arcsin(sin_asc), np.arccos(cos_desc))
    _agree(np.cos(theta), cos_desc, "principal angles cos vs sin route", rtol=1e-8, atol=1e-10)
    return theta, float(np.linalg.norm(theta)), float(np.sqrt(2) * np.linalg.norm(np.sin(theta)))


def _logdet_spd(A):
    sign, val = np.linalg.slogdet(A)
    assert sign > 0
    return val


def coding_rate(X, y, K, eps2=0.5):
    """MCR^2 on unit rows Z: R = 1/2 logdet(I + D/(N eps2) Z^T Z), Rc = sum_k n_k/(2N) logdet(I + D/(n_k eps2) Z_k^T Z_k)."""
    Z = X / np.linalg.norm(X, axis=1, keepdims=True)
    N, D = Z.shape
    R = 0.5 * _logdet_spd(np.eye(D) + D / (N * eps2) * Z.T @ Z)
    _agree(R, 0.5 * _logdet_spd(np.eye(N) + D / (N * eps2) * Z @ Z.T), "coding rate via Sylvester", rtol=1e-9)
    Rc = 0.0
    for c in range(K):
        Zk = Z[y == c]
        nk = Zk.shape[0]
        Rc += nk / (2 * N) * _logdet_spd(np.eye(D) + D / (nk * eps2) * Zk.T @ Zk)
    return R, Rc, R - Rc


def linear_cka(X, Y):
    """||Xc^T Yc||_F^2 / (||Xc^T Xc||_F ||Yc^T Yc||_F), columns centred."""
    Xc, Yc = X - X.mean(axis=0), Y - Y.mean(axis=0)
    cka = np.linalg.norm(Xc.T @ Yc) ** 2 / (np.linalg.norm(Xc.T @ Xc) * np.linalg.norm(Yc.T @ Yc))
    Kx, Ky = Xc @ Xc.T, Yc @ Yc.T
    _agree(cka, np.sum(Kx * Ky) / (np.linalg.norm(Kx) * np.linalg.norm(Ky)), "CKA via Gram matrices")
    return float(cka)


def _cosine_similarities(X):
    Xn = X / np.linalg.norm(X, axis=1, keepdims=True)
    S = Xn @ Xn.T
    np.fill_diagonal(S, -np.inf)
    return S


def _choices(sims, k, band):
    """All k-neighbour sets consistent with `sims` when values within `band` of the k-th count as tied."""
    order = np.argsort(-sims, kind="stable")
    kth = sims[order[k - 1]]
    sure = [int(j) for j in order if sims[j] > kth + band]
    tied = [int(j) for j in order if abs(sims[j] - kth) <= band]
    return [set(sure) | set(c) for c in combinations(tied, k - len(sure))]


def mutual_knn(X, Y, k=10, band=1e-6):
    """Mean over points of |N_X(i) ∩ N_Y(i)| / k, cosine neighbours, self excluded. Also returns how
    many points' overlap depends on breaking (near-)ties, i.e. similarities within `band` of the k-th."""
    SX, SY = _cosine_similarities(X), _cosine_similarities(Y)
    overlap, ambiguous = [], 0
    for sx, sy in zip(SX, SY):
        counts = {len(a & b) for a in _choices(sx, k, band) for b in _choices(sy, k, band)}
        ambiguous += len(counts) > 1
        overlap.append(min(counts))
    return float(np.mean(overlap) / k), ambiguous


def procrustes_residual(X, Z):
    """R = U V^T from svd(X^T Z); residual ||X R - Z||_F / ||Z||_F (no centring)."""
    U, _, Vt = np.linalg.svd(X.T @ Z)
    R = U @ Vt
    return float(np.linalg.norm(X @ R - Z) / np.linalg.norm(Z)), R
