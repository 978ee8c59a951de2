"""Independent float64 numpy reference for Compare mode's measures (src/compare).

Written from the conventions in src/compare/docs.ts and ARCHITECTURE.md, not from the TypeScript.
Reuses geometry_ref.py for linear CKA, cosine mutual kNN, principal angles and the collapse metrics.
Each function returns its value plus, where a discrete outcome (a neighbour set, a rank) could be
flipped by round-off, the smallest margin that decides it, so the fixture script can refuse ties.
"""
import numpy as np

import geometry_ref as ref
from geometry_ref import _agree


def mulberry32(seed):
    """The 32-bit generator of src/geometry/random.ts, written from its definition."""
    a = seed & 0xFFFFFFFF

    def imul(x, y):
        return (x * y) & 0xFFFFFFFF

    def draw():
        nonlocal a
        a = (a + 0x6D2B79F5) & 0xFFFFFFFF
        t = imul(a ^ (a >> 15), a | 1)
        t ^= (t + imul(t ^ (t >> 7), t | 61)) & 0xFFFFFFFF
        return ((t ^ (t >> 14)) & 0xFFFFFFFF) / 4294967296

    return draw


def sample_rows(n, m, seed):
    """Floyd's algorithm over mulberry32(seed): m distinct rows of range(n), ascending (all when m >= n)."""
    if m >= n:
        return np.arange(n)
    rand, chosen = mulberry32(seed), set()
    for j in range(n - m, n):
        t = int(rand() * (j + 1))
        chosen.add(j if t in chosen else t)
    return np.array(sorted(chosen))


def debiased_cka(X, Y):
    """Song et al. (2012) unbiased HSIC_1 on linear kernels, K~ = K with zero diagonal:
    HSIC_1 = [tr(K~L~) + 1'K~1 1'L~1/((n-1)(n-2)) - 2/(n-2) 1'K~L~1] / (n(n-3)); CKA = HSIC_1(K,L)/sqrt(HSIC_1(K,K) HSIC_1(L,L))."""
    n = X.shape[0]

    def hsic(K, L):
        K, L = K.copy(), L.copy()
        np.fill_diagonal(K, 0)
        np.fill_diagonal(L, 0)
        one = np.ones(n)
        return (np.sum(K * L) + one @ K @ one * (one @ L @ one) / ((n - 1) * (n - 2)) - 2 / (n - 2) * (one @ K @ (L @ one))) / (n * (n - 3))

    Xc, Yc = X - X.mean(0), Y - Y.mean(0)
    K, L = Xc @ Xc.T, Yc @ Yc.T
    value = hsic(K, L) / np.sqrt(hsic(K, K) * hsic(L, L))
    Kraw, Lraw = X @ X.T, Y @ Y.T
    _agree(value, hsic(Kraw, Lraw) / np.sqrt(hsic(Kraw, Kraw) * hsic(Lraw, Lraw)), "debiased CKA is translation invariant", rtol=1e-8)
    return float(value)


def _pad(M, d):
    return np.hstack([M, np.zeros((M.shape[0], d - M.shape[1]))])


def procrustes(X, Y):
    """scipy.spatial.procrustes's convention: centre, unit Frobenius norm, zero-pad the narrower;
    R = U V^T from svd(As^T Bs) (argmin ||As R - Bs||), s = sum of singular values, disparity = 1 - s^2.
    Returns disparity, s, As, Bs, R (aligned B = s Bs R^T, aligned A = s As R)."""
    d = max(X.shape[1], Y.shape[1])
    As, Bs = _pad(X - X.mean(0), d), _pad(Y - Y.mean(0), d)
    As, Bs = As / np.linalg.norm(As), Bs / np.linalg.norm(Bs)
    U, s, Vt = np.linalg.svd(As.T @ Bs)
    R = U @ Vt
    disparity = 1 - s.sum() ** 2
    _agree(disparity, np.sum((As - s.sum() * Bs @ R.T) ** 2), "disparity = ||As - s Bs R^T||^2", atol=1e-12)
    return float(disparity), float(s.sum()), As, Bs, R


def scipy_check(X, Y, disparity, aligned_b):
    """scipy.spatial.procrustes on the padded inputs, when scipy is importable: same disparity and aligned B."""
    try:
        from scipy.spatial import procrustes as sp_procrustes
    except ImportError:
        return False
    d = max(X.shape[1], Y.shape[1])
    _, mtx2, disp = sp_procrustes(_pad(X, d), _pad(Y, d))
    _agree(disp, disparity, "disparity vs scipy.spatial.procrustes", atol=1e-12)
    _agree(mtx2, aligned_b, "aligned B vs scipy.spatial.procrustes", rtol=1e-7, atol=1e-10)
    return True


def rank(X):
    """Numerical rank of the centred X: squared singular values above 1e-12 of the largest."""
    s = np.linalg.svd(X - X.mean(0), compute_uv=False)
    return int(np.sum(s**2 > 1e-12 * s[0] ** 2))


def svcca(X, Y, k):
    """Singular values of U_A[:, :k]^T U_B[:, :k] from the thin SVDs of the centred X and Y, k clamped to both ranks."""
    k = min(k, rank(X), rank(Y))
    UA = np.linalg.svd(X - X.mean(0), full_matrices=False)[0][:, :k]
    UB = np.linalg.svd(Y - Y.mean(0), full_matrices=False)[0][:, :k]
    corr = np.clip(np.linalg.svd(UA.T @ UB, compute_uv=False), 0, 1)
    try:
        from scipy.linalg import subspace_angles
        _agree(np.sort(np.cos(subspace_angles(UA, UB)))[::-1], corr, "SVCCA vs scipy.linalg.subspace_angles", atol=1e-9)
    except ImportError:
        pass
    return k, corr


def relative(X, Y, m, seed):
    """Cosines to the anchors sample_rows(n, m, seed) on raw rows; mean over items of cos(rel_A(i), rel_B(i))."""
    anchors = sample_rows(X.shape[0], m, seed)

    def rel(Z):
        U = Z / np.linalg.norm(Z, axis=1, keepdims=True)
        return U @ U[anchors].T

    RA, RB = rel(X), rel(Y)
    per = np.sum(RA * RB, 1) / (np.linalg.norm(RA, axis=1) * np.linalg.norm(RB, axis=1))
    return anchors, float(per.mean())


def retrieval(Q, T, top=5):
    """Rank of target i among the Euclidean neighbours of query i (ties by index); top1, top5 and the
    smallest relative gap among the top+1 sorted distances (the margin against round-off flips)."""
    n = Q.shape[0]
    hits1 = hits5 = 0
    gap = np.inf
    for i in range(n):
        d2 = np.sum((T - Q[i]) ** 2, axis=1)
        order = np.lexsort((np.arange(n), d2))
        hits1 += order[0] == i
        hits5 += i in order[:top]
        head = d2[order[: top + 1]]
        gap = min(gap, np.min(np.diff(head)) / max(head[-1], 1e-300))
    return hits1 / n, hits5 / n, float(gap)


def aligned_query(X, Y):
    """Retrieval queries and targets: s As R (A aligned onto B) and Bs."""
    disparity, s, As, Bs, R = procrustes(X, Y)
    return s * As @ R, Bs, disparity


def knn_euclidean_sets(Z, k):
    """Euclidean k-neighbour index lists (self excluded, ties by index) and the smallest relative k vs k+1 gap."""
    n = Z.shape[0]
    sets, gap = [], np.inf
    for i in range(n):
        d2 = np.sum((Z - Z[i]) ** 2, axis=1)
        d2[i] = np.inf
        order = np.lexsort((np.arange(n), d2))
        sets.append(set(order[:k].tolist()))
        gap = min(gap, (d2[order[k]] - d2[order[k - 1]]) / max(d2[order[k]], 1e-300))
    return sets, gap


def curve_grid(kmax):
    """1..10, then from 15 in steps of x1.5 rounded half up, then kmax."""
    ks, k = list(range(1, min(10, kmax) + 1)), 15
    while k < kmax:
        ks.append(k)
        k = int(np.floor(k * 1.5 + 0.5))
    return ks + ([kmax] if kmax > 10 else [])


def curve(X, Y, knn_k, rows, seed):
    """Top-k PC scores of each side (axes of all rows) on the sampled rows; per k: Euclidean mutual kNN
    and Procrustes retrieval of the sampled scores. Also the smallest eigen-gap at a cut and decision margins."""
    sample = sample_rows(X.shape[0], rows, seed)
    kmax = min(rank(X), rank(Y))
    out = dict(k=curve_grid(kmax), mutualKnn=[], top1=[], top5=[], disparity=[])
    margins = dict(knn=np.inf, retrieval=np.inf, eigengap=np.inf)
    scores = []
    for Z in (X, Y):
        Zc = Z - Z.mean(0)
        _, s, Vt = np.linalg.svd(Zc, full_matrices=False)
        scores.append(Zc[sample] @ Vt.T)
        for k in out["k"]:
            if k < len(s):
                margins["eigengap"] = min(margins["eigengap"], (s[k - 1] ** 2 - s[k] ** 2) / s[0] ** 2)
    for k in out["k"]:
        Ak, Bk = scores[0][:, :k], scores[1][:, :k]
        na, ga = knn_euclidean_sets(Ak, knn_k)
        nb, gb = knn_euclidean_sets(Bk, knn_k)
        out["mutualKnn"].append(float(np.mean([len(a & b) for a, b in zip(na, nb)]) / knn_k))
        q, t, disparity = aligned_query(Ak, Bk)
        t1, t5, gr = retrieval(q, t)
        out["top1"].append(t1)
        out["top5"].append(t5)
        out["disparity"].append(disparity)
        margins["knn"] = min(margins["knn"], ga, gb)
        margins["retrieval"] = min(margins["retrieval"], gr)
    return out, margins


def class_angles(As, aligned_b, y, K, k):
    """Per class: principal angles between the top-k class subspaces of As and of aligned B (rank as in subspaces.ts)."""
    angles = []
    for c in range(K):
        bases = []
        for Z in (As, aligned_b):
            Q, s = ref.class_subspace(Z, y, c, k)
            r = int(np.sum(s[:k] ** 2 > 1e-12 * s[0] ** 2))
            bases.append(Q[:, :r])
        angles.append(ref.principal_angles(bases[0], bases[1])[0].tolist())
    return angles
