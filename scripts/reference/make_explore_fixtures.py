#!/usr/bin/env python3
"""Reference fixtures for Explore's picture-trust and clustering measures (tests/fixtures/explore/).

Usage (from the repository root): /usr/bin/python3 scripts/reference/make_explore_fixtures.py
Needs numpy; scikit-learn (Debian's python3-sklearn) for the cross-checks it asserts.
All measures in float64 on the float32 values the TypeScript side reads.

- trustworthiness / continuity: numpy with stable sorts (ties by row index, the app's
  convention), asserted equal to sklearn.manifold.trustworthiness on tie-free data.
- per-point neighbourhood preservation: |N_X(i) & N_Y(i)| / k.
- clustering: sklearn's KMeans inertia, adjusted_rand_score, normalized_mutual_info_score and
  silhouette_score on seeded blobs (clustering.json).
- t-SNE: scikit-learn's Barnes-Hut t-SNE of the digits, its trustworthiness and KL (a quality bar).
"""
import json
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "tests" / "fixtures" / "explore"
SEED = 20261202


def f32(a):
    return np.asarray(a, dtype=np.float32).astype(np.float64)


def save_npy(name, array):
    with open(OUT / name, "wb") as f:
        np.lib.format.write_array(f, np.ascontiguousarray(array, dtype=np.float32), version=(1, 0), allow_pickle=False)


def sq_dists(X):
    g = X @ X.T
    n2 = np.diag(g)
    d2 = n2[:, None] + n2[None, :] - 2 * g
    # exact float64 squared distances row by row where the Gram identity would lose digits
    for i in range(len(X)):
        d2[i] = ((X - X[i]) ** 2).sum(axis=1)
    return d2


def neighbours(d2, k):
    """k nearest of each row, self excluded, ties by index (stable sort)."""
    d = d2.copy()
    np.fill_diagonal(d, np.inf)
    order = np.argsort(d, axis=1, kind="stable")
    return order, order[:, :k]


def trust(dX, dY, k):
    """sklearn's trustworthiness with ties by index: ranks in X of Y's k neighbours."""
    n = len(dX)
    order_x, _ = neighbours(dX, k)
    _, nn_y = neighbours(dY, k)
    rank = np.empty((n, n), dtype=np.int64)
    rank[np.arange(n)[:, None], order_x] = np.arange(1, n + 1)[None, :]
    r = rank[np.arange(n)[:, None], nn_y] - k
    t = r[r > 0].sum()
    return 1.0 - t * (2.0 / (n * k * (2.0 * n - 3.0 * k - 1.0)))


def faithfulness(X, Y, k):
    dX, dY = sq_dists(X), sq_dists(Y)
    _, nx = neighbours(dX, k)
    _, ny = neighbours(dY, k)
    pres = np.array([len(set(nx[i]) & set(ny[i])) / k for i in range(len(X))])
    return {"k": k, "trustworthiness": trust(dX, dY, k), "continuity": trust(dY, dX, k),
            "meanPreservation": float(pres.mean()), "preservationFirst50": pres[:50].tolist()}


def pca_view(X, q):
    Xc = X - X.mean(axis=0)
    _, _, vt = np.linalg.svd(Xc, full_matrices=False)
    return f32(Xc @ vt[:q].T)


def manifold(rng, n, D):
    """A noisy 3-D swiss-roll-like sheet embedded in D dimensions, offset by +1000 (float32 stress)."""
    t = rng.uniform(1.5 * np.pi, 4.5 * np.pi, n)
    h = rng.uniform(0, 10, n)
    base = np.stack([t * np.cos(t), h, t * np.sin(t)], axis=1)
    Q, _ = np.linalg.qr(rng.standard_normal((D, 3)))
    return f32(1000 + base @ Q.T + 0.05 * rng.standard_normal((n, D)))


def sklearn_tsne(X):
    """scikit-learn's Barnes-Hut t-SNE of the digits (perplexity 30, PCA init): the quality bar
    (trustworthiness at k = 10 and final KL) ours must reach on the same data."""
    try:
        from sklearn.manifold import TSNE, trustworthiness
    except ImportError:
        return None
    emb = TSNE(n_components=2, perplexity=30.0, init="pca", learning_rate="auto", random_state=0,
               method="barnes_hut", angle=0.5).fit(X)
    return {"perplexity": 30, "trustworthinessK10": float(trustworthiness(X, emb.embedding_, n_neighbors=10)),
            "klDivergence": float(emb.kl_divergence_)}


def clustering(rng):
    """Blobs for k-means (sklearn KMeans inertia and partition) and labellings for ARI / NMI /
    silhouette, all from scikit-learn's own functions."""
    from sklearn.cluster import KMeans
    from sklearn.metrics import adjusted_rand_score, normalized_mutual_info_score, silhouette_score
    centres = rng.standard_normal((5, 12)) * 6
    y = np.repeat(np.arange(5), [40, 55, 30, 70, 45])
    X = f32(centres[y] + rng.standard_normal((len(y), 12)))
    save_npy("blobs.npy", X)
    km = KMeans(n_clusters=5, n_init=10, random_state=0).fit(X)
    noisy = y.copy()
    flip = rng.choice(len(y), 60, replace=False)
    noisy[flip] = rng.integers(0, 7, 60)
    cases = []
    for a, b in [(y, noisy), (y, km.labels_), (y, rng.integers(0, 3, len(y))), (np.zeros(len(y), int), noisy)]:
        cases.append({"a": a.tolist(), "b": b.tolist(), "ari": adjusted_rand_score(a, b),
                      "nmi": normalized_mutual_info_score(a, b)})
    return {"data": "blobs.npy", "truth": y.tolist(), "k": 5, "kmeansInertia": float(km.inertia_),
            "kmeansAriVsTruth": adjusted_rand_score(y, km.labels_),
            "silhouetteTruth": float(silhouette_score(X, y)), "silhouetteNoisy": float(silhouette_score(X, noisy)),
            "cases": cases}


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(SEED)
    out = {}
    digits = np.load(ROOT / "public" / "data" / "digits.npy").astype(np.float64)
    dY = pca_view(digits, 3)
    save_npy("digits-pca3.npy", dY)
    out["digits"] = {"view": "digits-pca3.npy", "k10": faithfulness(digits, dY, 10)}

    S = manifold(rng, 600, 40)
    P = f32(rng.standard_normal((40, 2)))
    SY = f32((S - S.mean(axis=0)) @ P)
    save_npy("roll.npy", S)
    save_npy("roll-view.npy", SY)
    out["roll"] = {"data": "roll.npy", "view": "roll-view.npy",
                   "k5": faithfulness(S, SY, 5), "k10": faithfulness(S, SY, 10)}
    try:
        from sklearn.manifold import trustworthiness
        for k in (5, 10):
            want = trustworthiness(S, SY, n_neighbors=k)
            got = out["roll"][f"k{k}"]["trustworthiness"]
            assert abs(want - got) < 1e-12, (k, want, got)
            wantc = trustworthiness(SY, S, n_neighbors=k)
            assert abs(wantc - out["roll"][f"k{k}"]["continuity"]) < 1e-12
        out["roll"]["sklearnChecked"] = True
    except ImportError:
        out["roll"]["sklearnChecked"] = False
    out["tsne"] = sklearn_tsne(digits)
    (OUT / "clustering.json").write_text(json.dumps(clustering(rng)) + "\n")
    (OUT / "faithfulness.json").write_text(json.dumps(out, indent=1) + "\n")
    print("wrote", OUT / "faithfulness.json", "sklearn checked:", out["roll"]["sklearnChecked"])


if __name__ == "__main__":
    main()
